import type { LocalDate } from './dates';
import { crossings, fewestCrossings, runChartSignals } from './run-chart';
import { median } from './stats';

/**
 * Measures: whether a step helped (docs/design.md §Between teams, Measure). A measure has values
 * per period; its baseline is frozen when the step starts; later values are judged against it
 * with the run-chart rules of `run-chart.ts`, on the better or the worse side.
 */
export type BetterDirection = 'higher' | 'lower';

export interface MeasureValue {
  /** The first day of the period the value belongs to. */
  date: LocalDate;
  value: number;
}

/** Without values before the start, the baseline is the median of the first this many. */
export const BASELINE_FIRST_VALUES = 6;

export interface Baseline {
  median: number | null;
  /** How many values it is the median of. */
  count: number;
  source: 'before-start' | 'first-values' | 'none';
}

/**
 * The baseline of a measure for a step starting on `startDate`: the median of the values before
 * the start, or — when there are none — of the first `BASELINE_FIRST_VALUES` values from the
 * start on (those then count as the baseline, not as the effect).
 */
export function baselineOf(values: readonly MeasureValue[], startDate: LocalDate): Baseline {
  const sorted = [...values].sort(byDate);
  const before = sorted.filter((v) => v.date < startDate).map((v) => v.value);
  if (before.length)
    return { median: median(before), count: before.length, source: 'before-start' };
  const first = sorted.slice(0, BASELINE_FIRST_VALUES).map((v) => v.value);
  if (first.length < BASELINE_FIRST_VALUES)
    return { median: null, count: first.length, source: 'none' };
  return { median: median(first), count: first.length, source: 'first-values' };
}

export type EffectSignal =
  | { kind: 'shift'; side: 'better' | 'worse'; from: LocalDate; to: LocalDate; count: number }
  | { kind: 'trend'; direction: 'better' | 'worse'; from: LocalDate; to: LocalDate; count: number }
  | { kind: 'few-crossings'; crossings: number; expectedAtLeast: number };

export type EffectVerdict = 'improved' | 'worsened' | 'changed' | 'no-signal' | 'too-few-values';

export interface Effect {
  baseline: Baseline;
  /** Values judged: after the baseline, on or before t. */
  values: number;
  signals: EffectSignal[];
  /**
   * improved: a shift or trend on the better side; worsened: only on the worse side; changed:
   * too few crossings without a direction; no-signal; too-few-values when there is no baseline.
   */
  verdict: EffectVerdict;
}

/**
 * The effect of a step at `t`: the values after the baseline up to t, against the frozen baseline
 * median — a shift (≥ 6 in a row on one side), a trend (≥ 5 going one way) or too few crossings of
 * the median (Anhøj) — each named by whether it is on the better side.
 */
export function effectAt(
  better: BetterDirection,
  startDate: LocalDate,
  values: readonly MeasureValue[],
  t: LocalDate,
): Effect {
  const known = values.filter((v) => v.date <= t);
  const baseline = baselineOf(known, startDate);
  if (baseline.median === null)
    return { baseline, values: 0, signals: [], verdict: 'too-few-values' };
  const sorted = [...known].sort(byDate);
  const judged =
    baseline.source === 'before-start'
      ? sorted.filter((v) => v.date >= startDate)
      : sorted.slice(BASELINE_FIRST_VALUES);
  const series = judged.map((v) => v.value);
  const centre = baseline.median;
  const signals: EffectSignal[] = [];
  const span = (indices: number[]) => ({
    from: judged[indices[0]].date,
    to: judged[indices[indices.length - 1]].date,
    count: indices.length,
  });
  for (const signal of runChartSignals(series, { median: centre }).signals) {
    if (signal.kind === 'shift') {
      const good = (signal.side === 'above') === (better === 'higher');
      signals.push({ kind: 'shift', side: good ? 'better' : 'worse', ...span(signal.indices) });
    } else {
      const good = (signal.direction === 'up') === (better === 'higher');
      signals.push({
        kind: 'trend',
        direction: good ? 'better' : 'worse',
        ...span(signal.indices),
      });
    }
  }
  const crossed = crossings(series, centre);
  const fewest = fewestCrossings(crossed.useful);
  if (fewest !== null && crossed.crossings < fewest)
    signals.push({ kind: 'few-crossings', crossings: crossed.crossings, expectedAtLeast: fewest });

  const directed = signals.filter((s) => s.kind !== 'few-crossings');
  const isBetter = (s: EffectSignal) =>
    (s.kind === 'shift' && s.side === 'better') || (s.kind === 'trend' && s.direction === 'better');
  const verdict: EffectVerdict = directed.some(isBetter)
    ? 'improved'
    : directed.length
      ? 'worsened'
      : signals.length
        ? 'changed'
        : 'no-signal';
  return { baseline, values: judged.length, signals, verdict };
}

function byDate(a: MeasureValue, b: MeasureValue): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
