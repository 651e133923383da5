import fc from 'fast-check';
import { addDays, mondayOf } from './dates';
import { checkTickable, effectiveK, periodKeyStart, pulseFigure } from './board';
import { isoWeekKey } from './periods';

const weekly = { kind: 'weeks', every: 1 } as const;

describe('which periods can be ticked', () => {
  const today = '2026-11-24'; // Tuesday of 2026-W48
  const start = '2026-09-07'; // Monday of 2026-W37

  it('allows the current period and up to 8 due periods back', () => {
    expect(checkTickable(weekly, start, null, today, '2026-W48')).toMatchObject({ ok: true });
    expect(checkTickable(weekly, start, null, today, '2026-W41')).toMatchObject({ ok: true });
    expect(checkTickable(weekly, start, null, today, '2026-W40')).toEqual({
      ok: false,
      reason: 'too-old',
    });
  });

  it('refuses a future period, one before the start and nonsense keys', () => {
    expect(checkTickable(weekly, start, null, today, '2026-W49')).toEqual({
      ok: false,
      reason: 'future',
    });
    expect(checkTickable(weekly, '2026-11-16', null, today, '2026-W46')).toEqual({
      ok: false,
      reason: 'before-start',
    });
    expect(checkTickable(weekly, start, null, today, '2026-W99')).toEqual({
      ok: false,
      reason: 'unknown-period',
    });
    expect(checkTickable(weekly, start, null, today, 'morgen')).toEqual({
      ok: false,
      reason: 'unknown-period',
    });
    expect(checkTickable({ kind: 'monthly' }, start, null, today, '2026-12')).toEqual({
      ok: false,
      reason: 'future',
    });
  });

  it('reads the first day of a period key', () => {
    expect(periodKeyStart('2026-W48')).toBe('2026-11-23');
    expect(periodKeyStart('2026-W53')).toBe('2026-12-28');
    expect(periodKeyStart('2026-02')).toBe('2026-02-01');
    expect(periodKeyStart('2026-13')).toBeNull();
  });

  it('agrees with isoWeekKey for every Monday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (offset) => {
        const monday = mondayOf(addDays('2000-01-03', offset));
        expect(periodKeyStart(isoWeekKey(monday))).toBe(monday);
      }),
    );
  });
});

describe('k-anonymous pulse figures', () => {
  it('withholds the figure below k and says how many more answers are needed', () => {
    expect(pulseFigure([4, 5, 3, 4], 5)).toEqual({ withheld: true, count: 4, needed: 1 });
    expect(pulseFigure([4, 5, 3, 4, 2], 5)).toEqual({
      withheld: false,
      count: 5,
      mean: 3.6,
      distribution: [0, 1, 1, 2, 1],
    });
  });

  it('never lets k go below 3', () => {
    expect(effectiveK(1)).toBe(3);
    expect(pulseFigure([5, 5], 1)).toEqual({ withheld: true, count: 2, needed: 1 });
  });

  it('never shows a figure from fewer than k answers, for any k and any answers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (scores, k) => {
          const figure = pulseFigure(scores, k);
          if (!figure.withheld) {
            expect(figure.count).toBeGreaterThanOrEqual(Math.max(3, k));
            expect(figure.distribution.reduce((a, b) => a + b, 0)).toBe(scores.length);
          } else {
            expect(figure).not.toHaveProperty('mean');
          }
        },
      ),
    );
  });
});
