import fc from 'fast-check';
import { appendAll, maxOf, minOf } from './collections';

/** More elements than any engine's call stack holds as arguments. */
const HUGE = 500_000;

describe('array helpers for lists of any length', () => {
  it('appends a list longer than the call stack, where push(...items) throws', () => {
    const items = Array.from({ length: HUGE }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target).toHaveLength(HUGE + 1);
    expect(target[0]).toBe(-1);
    expect(target[HUGE]).toBe(HUGE - 1);
  });

  it('takes the largest and smallest of a list longer than the call stack', () => {
    const values = Array.from({ length: HUGE }, (_, i) => (i * 7919) % HUGE);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(HUGE - 1);
    expect(minOf(values)).toBe(0);
  });

  it('gives the stated value for no values', () => {
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([], 0)).toBe(0);
    expect(minOf(new Set<number>(), 0)).toBe(0);
  });

  it('agrees with Math.max, Math.min and push on short lists (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), (xs, ys) => {
        expect(maxOf(xs)).toBe(Math.max(...xs));
        expect(minOf(xs)).toBe(Math.min(...xs));
        const expected = [...ys];
        expected.push(...xs.map(Math.round));
        expect(appendAll([...ys], xs.map(Math.round))).toEqual(expected);
      }),
    );
  });
});
