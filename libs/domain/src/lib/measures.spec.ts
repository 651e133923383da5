import fc from 'fast-check';
import { addDays } from './dates';
import { baselineOf, effectAt, MeasureValue } from './measures';
import { crossings, fewestCrossings } from './run-chart';

/** Weekly values from the Monday `start` on. */
const weekly = (start: string, values: number[]): MeasureValue[] =>
  values.map((value, i) => ({ date: addDays(start, i * 7), value }));

describe('measures', () => {
  // The improvement team's form: 80 of 100 people gave up; the one-page form started on 2 March.
  const before = weekly('2026-01-19', [80, 78, 82, 79, 81, 80]);
  const after = weekly('2026-03-02', [60, 55, 50, 45, 40, 38, 35]);

  it('freezes the baseline at the median of the values before the start', () => {
    expect(baselineOf([...before, ...after], '2026-03-02')).toEqual({
      median: 80,
      count: 6,
      source: 'before-start',
    });
  });

  it('calls the one-page form an improvement: seven weeks below the baseline and falling', () => {
    const effect = effectAt('lower', '2026-03-02', [...before, ...after], '2026-06-01');
    expect(effect.verdict).toBe('improved');
    expect(effect.values).toBe(7);
    expect(effect.signals).toEqual([
      { kind: 'shift', side: 'better', from: '2026-03-02', to: '2026-04-13', count: 7 },
      { kind: 'trend', direction: 'better', from: '2026-03-02', to: '2026-04-13', count: 7 },
    ]);
  });

  it('sees nothing after four weeks, a falling trend after five, nothing before the values', () => {
    const at = (t: string) => effectAt('lower', '2026-03-02', [...before, ...after], t);
    expect(at('2026-03-23')).toMatchObject({ values: 4, verdict: 'no-signal' });
    expect(at('2026-03-30').signals).toEqual([
      { kind: 'trend', direction: 'better', from: '2026-03-02', to: '2026-03-30', count: 5 },
    ]);
    expect(effectAt('lower', '2026-03-02', after, '2026-01-01').verdict).toBe('too-few-values');
  });

  it('calls it worse when the values move to the wrong side', () => {
    const effect = effectAt('higher', '2026-03-02', [...before, ...after], '2026-06-01');
    expect(effect.verdict).toBe('worsened');
    expect(effect.signals.map((s) => s.kind)).toEqual(['shift', 'trend']);
  });

  it('takes the first six values as the baseline when none came before the start', () => {
    const values = weekly('2026-03-02', [10, 12, 11, 9, 10, 11, 15, 16, 15, 17, 16, 18]);
    expect(baselineOf(values, '2026-03-02')).toEqual({
      median: 10.5,
      count: 6,
      source: 'first-values',
    });
    const effect = effectAt('higher', '2026-03-02', values, '2026-12-31');
    expect(effect.values).toBe(6);
    expect(effect.signals[0]).toMatchObject({ kind: 'shift', side: 'better', count: 6 });
    expect(baselineOf(values.slice(0, 5), '2026-03-02').source).toBe('none');
  });

  it('flags too few crossings of the baseline median (Anhøj)', () => {
    // 12 values hovering just below, then just above the median: only one crossing, no long run.
    const values = [79, 81, 79, 81, 79, 81, 79, 81, 79, 81, 79, 81];
    expect(crossings(values, 80)).toEqual({ crossings: 11, useful: 12 });
    const slow = [79, 79, 79, 79, 79, 81, 81, 81, 81, 81, 79, 79];
    expect(crossings(slow, 80)).toEqual({ crossings: 2, useful: 12 });
    const effect = effectAt(
      'higher',
      '2026-03-02',
      [...before, ...weekly('2026-03-02', slow)],
      '2026-12-31',
    );
    expect(effect.signals).toEqual([{ kind: 'few-crossings', crossings: 2, expectedAtLeast: 3 }]);
    expect(effect.verdict).toBe('changed');
  });

  it('uses the lower 5 % quantile of Binomial(n − 1, ½) for the fewest crossings', () => {
    // Anhøj & Olesen 2014, table 1.
    expect([9, 10, 20, 30, 50, 100].map(fewestCrossings)).toEqual([null, 2, 6, 10, 19, 41]);
  });

  const seriesArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 40 });

  it('has no signal on a series that does not change (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 6, max: 40 }),
        (value, n) => {
          const values = weekly('2026-01-05', Array(n).fill(value));
          expect(effectAt('higher', '2026-03-02', values, '2027-12-31').signals).toEqual([]);
        },
      ),
    );
  });

  it('does not depend on the unit of the measure (property)', () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
        (raw, scale, offset, better) => {
          const a = weekly('2026-01-05', raw);
          const b = weekly(
            '2026-01-05',
            raw.map((v) => v * scale + offset),
          );
          const flipped = weekly(
            '2026-01-05',
            raw.map((v) => -v * scale + offset),
          );
          const other = better === 'higher' ? 'lower' : 'higher';
          const plain = effectAt(better, '2026-02-16', a, '2027-01-01');
          expect(effectAt(better, '2026-02-16', b, '2027-01-01').signals).toEqual(plain.signals);
          expect(effectAt(other, '2026-02-16', flipped, '2027-01-01').verdict).toBe(plain.verdict);
        },
      ),
    );
  });
});
