import { median } from './stats';

/** Shift: at least this many points in a row on one side of the median. */
export const SHIFT_MIN_POINTS = 6;
/** Trend: at least this many points in a row all going up or all going down. */
export const TREND_MIN_POINTS = 5;

export type RunChartSignal =
  | { kind: 'shift'; side: 'above' | 'below'; indices: number[] }
  | { kind: 'trend'; direction: 'up' | 'down'; indices: number[] };

export interface RunChartAnalysis {
  /** The centre line; null when the series has no values. */
  median: number | null;
  /** Shifts first, then trends, each in the order they occur. */
  signals: RunChartSignal[];
}

export interface RunChartOptions {
  /**
   * A frozen centre line, e.g. the median of a baseline period, so that later improvement does
   * not drag the centre line along with it. Defaults to the median of the whole series.
   */
  median?: number;
}

/**
 * Non-random signals in a monthly series, by the run-chart rules of the IHI (Perla, Provost &
 * Murray, "The run chart", BMJ Qual Saf 2011):
 *
 * - *Shift*: 6 or more consecutive points all above, or all below, the median. Points exactly on
 *   the median are skipped: they neither break the run nor add to it.
 * - *Trend*: 5 or more consecutive points all going up, or all going down. A point equal to the
 *   one before it is skipped ("like values do not make or break a trend"); the first of a group
 *   of like values is the one that counts. A turning point belongs to both trends it joins.
 *
 * A missing month (null or a non-finite number) is skipped like an on-median point.
 * `indices` are the positions in the series of the points that count, so a chart can mark them;
 * skipped points inside a signal are not listed. Each signal is a maximal run.
 */
export function runChartSignals(
  series: readonly (number | null)[],
  options: RunChartOptions = {},
): RunChartAnalysis {
  const points: number[] = [];
  series.forEach((value, i) => {
    if (value !== null && Number.isFinite(value)) points.push(i);
  });
  const values = points.map((i) => series[i] as number);
  const centre = options.median ?? median(values);
  if (centre === null) return { median: null, signals: [] };
  const valueAt = (i: number) => series[i] as number;
  return {
    median: centre,
    signals: [...shifts(points, valueAt, centre), ...trends(points, valueAt)],
  };
}

function shifts(
  points: readonly number[],
  valueAt: (i: number) => number,
  centre: number,
): RunChartSignal[] {
  const signals: RunChartSignal[] = [];
  let run: number[] = [];
  let side: 'above' | 'below' = 'above';
  const flush = () => {
    if (run.length >= SHIFT_MIN_POINTS) signals.push({ kind: 'shift', side, indices: run });
  };
  for (const i of points) {
    const value = valueAt(i);
    if (value === centre) continue;
    const here = value > centre ? 'above' : 'below';
    if (here !== side || run.length === 0) {
      flush();
      run = [];
      side = here;
    }
    run.push(i);
  }
  flush();
  return signals;
}

function trends(points: readonly number[], valueAt: (i: number) => number): RunChartSignal[] {
  // Drop like values: keep a point only when it differs from the last kept one.
  const kept: number[] = [];
  for (const i of points) {
    if (kept.length === 0 || valueAt(i) !== valueAt(kept[kept.length - 1])) kept.push(i);
  }
  const signals: RunChartSignal[] = [];
  let run: number[] = kept.slice(0, 1);
  let direction: 'up' | 'down' = 'up';
  const flush = () => {
    if (run.length >= TREND_MIN_POINTS) signals.push({ kind: 'trend', direction, indices: run });
  };
  for (let k = 1; k < kept.length; k++) {
    const previous = kept[k - 1];
    const here = valueAt(kept[k]) > valueAt(previous) ? 'up' : 'down';
    if (run.length >= 2 && here !== direction) {
      flush();
      run = [previous];
    }
    direction = here;
    run.push(kept[k]);
  }
  flush();
  return signals;
}

/**
 * How often a series crosses its centre line: consecutive useful points (not on the median, not
 * missing) on different sides. Anhøj's rule compares it with `fewestCrossings`.
 */
export function crossings(
  series: readonly (number | null)[],
  centre: number,
): { crossings: number; useful: number } {
  let count = 0;
  let useful = 0;
  let side: 'above' | 'below' | null = null;
  for (const value of series) {
    if (value === null || !Number.isFinite(value) || value === centre) continue;
    useful++;
    const here = value > centre ? 'above' : 'below';
    if (side !== null && here !== side) count++;
    side = here;
  }
  return { crossings: count, useful };
}

/**
 * Anhøj's crossings rule (Anhøj & Olesen, "Run charts revisited", PLoS One 2014): in a random
 * series of n useful points the number of crossings is Binomial(n − 1, ½); fewer than its lower
 * 5 % quantile (R's `qbinom(0.05, n - 1, 0.5)`) is a signal of non-random variation. Null below 10
 * useful points, where the rule says little.
 */
export function fewestCrossings(useful: number): number | null {
  if (useful < 10) return null;
  const trials = useful - 1;
  // P(X ≤ x) for X ~ Binomial(trials, ½), summed exactly in log space to stay finite for large n.
  let logChoose = 0;
  let cumulative = 0;
  const logHalfPow = trials * Math.log(0.5);
  for (let x = 0; x <= trials; x++) {
    if (x > 0) logChoose += Math.log((trials - x + 1) / x);
    cumulative += Math.exp(logChoose + logHalfPow);
    if (cumulative >= 0.05) return x;
  }
  return trials;
}

/**
 * The calendar months a signal spans, first and last included (`YYYY-MM` keys): a shift skips
 * the months on the median, so its points can be fewer than the months it covers — "11 months,
 * from February 2025 to November 2026" would be wrong; it is 22.
 */
export function monthSpan(months: readonly string[]): number {
  if (months.length === 0) return 0;
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(months[months.length - 1]) - index(months[0]) + 1;
}

/**
 * The run-chart signals the olievlek view shows: none on a series whose median is 0. Such a
 * series is mostly months without any (no new team reached), so every month with one lies
 * "above the median" and a run of them says nothing about the programme.
 */
export function viewSignals(series: readonly (number | null)[]): RunChartAnalysis {
  const analysis = runChartSignals(series);
  return analysis.median === 0 ? { median: 0, signals: [] } : analysis;
}

/**
 * Whether a signal still holds at the end of its series: no point after its last one broke it.
 * Later points the rule skips do not break it — on the median for a shift, like the last point
 * for a trend, and missing months — so a rising trend whose last month equals the one before
 * still holds. (A signal is a maximal run: any other later point is on the other side, or turns.)
 */
export function holdsAtEnd(
  series: readonly (number | null)[],
  signal: RunChartSignal,
  median: number,
): boolean {
  const last = signal.indices[signal.indices.length - 1];
  if (last === undefined) return false;
  const lastValue = series[last];
  for (let i = last + 1; i < series.length; i++) {
    const value = series[i];
    if (value === null || !Number.isFinite(value)) continue;
    if (signal.kind === 'shift' ? value !== median : value !== lastValue) return false;
  }
  return true;
}
