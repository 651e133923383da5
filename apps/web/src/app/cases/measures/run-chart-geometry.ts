import { maxOf, minOf } from '@olievlek/domain';

/**
 * A run chart drawn as plain SVG: the values as a line with points, the baseline median as a
 * dashed line. Pure geometry, so it is tested without a browser; a 10–50 point series needs no
 * chart library on the case page.
 */
export interface RunChartGeometry {
  width: number;
  height: number;
  points: Array<{ x: number; y: number; value: number; date: string; judged: boolean }>;
  line: string;
  baselineY: number | null;
  min: number;
  max: number;
}

export function runChartGeometry(
  values: ReadonlyArray<{ date: string; value: number }>,
  baseline: number | null,
  judgedFrom: string | null,
  size = { width: 600, height: 180, pad: 16 },
): RunChartGeometry {
  const all = values.map((v) => v.value).concat(baseline === null ? [] : [baseline]);
  let min = minOf(all, 0);
  let max = maxOf(all, 1);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const { width, height, pad } = size;
  const x = (i: number) =>
    values.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) => pad + ((max - v) * (height - 2 * pad)) / (max - min);
  const points = values.map((v, i) => ({
    x: round(x(i)),
    y: round(y(v.value)),
    value: v.value,
    date: v.date,
    judged: judgedFrom !== null && v.date >= judgedFrom,
  }));
  return {
    width,
    height,
    points,
    line: points.map((p) => `${p.x},${p.y}`).join(' '),
    baselineY: baseline === null ? null : round(y(baseline)),
    min,
    max,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
