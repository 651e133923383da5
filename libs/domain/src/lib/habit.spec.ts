import fc from 'fast-check';
import { habitStrength, PeriodStatus, stalledSilence, withStatuses } from './habit';
import { duePeriods } from './periods';

const statusArb = fc.constantFrom<PeriodStatus>('done', 'skipped', 'missed', 'open');

describe('habit strength', () => {
  it('follows the formula of docs/design.md for a worked example', () => {
    const m = Math.pow(0.5, 1 / 5); // ≈ 0.8706
    const { score } = habitStrength(['done', 'done', 'missed']);
    const expected = ((0 * m + (1 - m)) * m + (1 - m)) * m;
    expect(score).toBeCloseTo(expected, 12);
    expect(score).toBeCloseTo(0.2108, 3);
  });

  it('needs about ten done periods in a row to become a routine', () => {
    const nine = habitStrength(Array(9).fill('done'));
    const ten = habitStrength(Array(10).fill('done'));
    expect(nine.level).toBe('building');
    expect(nine.score).toBeLessThan(0.75);
    expect(ten.level).toBe('routine');
    expect(ten.score).toBeCloseTo(0.75, 2);
  });

  it('calls a former routine slipping, then lapsed below 0.5', () => {
    const routine: PeriodStatus[] = Array(12).fill('done');
    expect(habitStrength([...routine, 'missed']).level).toBe('slipping');
    expect(habitStrength([...routine, 'missed', 'skipped', 'missed', 'missed']).level).toBe(
      'lapsed',
    );
  });

  it('ignores a period that is still open', () => {
    expect(habitStrength(['done', 'open'])).toEqual(habitStrength(['done']));
    expect(habitStrength([]).level).toBe('none');
  });

  it('stays within [0, 1] and never falls on a done period (property)', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { maxLength: 200 }), (statuses) => {
        const { score } = habitStrength(statuses);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(habitStrength([...statuses, 'done']).score).toBeGreaterThanOrEqual(score);
        expect(habitStrength([...statuses, 'missed']).score).toBeLessThanOrEqual(score);
      }),
    );
  });
});

describe('statuses and stalled', () => {
  it('marks unticked periods missed only once they are over', () => {
    const periods = duePeriods({ kind: 'weeks', every: 1 }, '2026-11-02', null, '2026-11-24');
    const statuses = withStatuses(
      periods,
      new Map([
        ['2026-W45', 'done'],
        ['2026-W47', 'skipped'],
      ]),
      '2026-11-24',
    );
    expect(statuses.map((s) => `${s.key}:${s.status}`)).toEqual([
      '2026-W45:done',
      '2026-W46:missed',
      '2026-W47:skipped',
      '2026-W48:open',
    ]);
  });

  it('is stalled after three over periods without any check-off, counting the silence', () => {
    expect(stalledSilence(['done', 'missed', 'missed'])).toBe(0);
    expect(stalledSilence(['done', 'missed', 'missed', 'missed', 'open'])).toBe(3);
    expect(stalledSilence(['missed', 'missed', 'missed', 'missed'])).toBe(4);
    expect(stalledSilence(['missed', 'missed', 'skipped', 'missed'])).toBe(0);
  });
});
