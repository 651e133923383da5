import fc from 'fast-check';
import { guardK, teamBelowK } from './k-anonymity';

describe('k-anonymity guard for aggregates', () => {
  it('withholds below k without computing, and shows the figure from k on', () => {
    const compute = jest.fn(() => 3.6);
    expect(guardK(4, 5, compute)).toEqual({ withheld: true, count: 4, needed: 1 });
    expect(compute).not.toHaveBeenCalled();
    expect(guardK(5, 5, compute)).toEqual({ withheld: false, count: 5, value: 3.6 });
  });

  it('never lets k go below 3', () => {
    expect(guardK(2, 1, () => 'x')).toEqual({ withheld: true, count: 2, needed: 1 });
    expect(guardK(3, 0, () => 'x')).toEqual({ withheld: false, count: 3, value: 'x' });
  });

  it('shows a figure only with at least max(3, k) behind it (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.integer({ min: -5, max: 20 }), (count, k) => {
        const result = guardK(count, k, () => count);
        expect(result.withheld).toBe(count < Math.max(3, k));
        if (result.withheld) expect(count + result.needed).toBe(Math.max(3, k));
      }),
    );
  });
});

describe('teams below k for directors', () => {
  it('counts the headcount, or the member accounts without one, against k (never below 3)', () => {
    expect(teamBelowK(1, 0, 5)).toBe(true);
    expect(teamBelowK(4, 9, 5)).toBe(true);
    expect(teamBelowK(5, 0, 5)).toBe(false);
    expect(teamBelowK(null, 2, 5)).toBe(true);
    expect(teamBelowK(null, 6, 5)).toBe(false);
    expect(teamBelowK(2, 0, 1)).toBe(true);
    expect(teamBelowK(3, 0, 1)).toBe(false);
  });
});
