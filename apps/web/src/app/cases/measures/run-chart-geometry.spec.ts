import { runChartGeometry } from './run-chart-geometry';
import { recentPeriods } from './measure-periods';

describe('the run chart of a measure', () => {
  const values = [
    { date: '2026-10-05', value: 80 },
    { date: '2026-10-12', value: 40 },
    { date: '2026-10-19', value: 60 },
  ];

  it('spans the width, puts higher values higher, and the baseline between', () => {
    const g = runChartGeometry(values, 60, '2026-10-12', { width: 100, height: 50, pad: 0 });
    expect(g.points.map((p) => p.x)).toEqual([0, 50, 100]);
    expect(g.points[0].y).toBe(0); // 80 is the top
    expect(g.points[1].y).toBe(50); // 40 the bottom
    expect(g.baselineY).toBe(25);
    expect(g.points.map((p) => p.judged)).toEqual([false, true, true]);
    expect(g.line).toBe('0,0 50,50 100,25');
  });

  it('draws a flat series and a single value without dividing by zero', () => {
    const flat = runChartGeometry(
      values.map((v) => ({ ...v, value: 5 })),
      null,
      null,
    );
    expect(flat.points.every((p) => Number.isFinite(p.y))).toBe(true);
    expect(flat.baselineY).toBeNull();
    const one = runChartGeometry([values[0]], 80, null);
    expect(one.points[0].x).toBe(300);
  });
});

describe('the periods one can enter a value for', () => {
  it('goes back from the current week in weeks anchored on the step', () => {
    expect(recentPeriods({ kind: 'weeks', every: 1 }, '2026-10-07', '2026-12-03', 3)).toEqual([
      { start: '2026-11-30', key: '2026-W49' },
      { start: '2026-11-23', key: '2026-W48' },
      { start: '2026-11-16', key: '2026-W47' },
    ]);
  });

  it('keeps two-week blocks on the step start, also before it, and months by the calendar', () => {
    // Step starts Monday 5 October 2026: blocks start 5 Oct, 19 Oct, … and 21 Sep before it.
    expect(
      recentPeriods({ kind: 'weeks', every: 2 }, '2026-10-05', '2026-10-06', 3).map((p) => p.start),
    ).toEqual(['2026-10-05', '2026-09-21', '2026-09-07']);
    expect(recentPeriods({ kind: 'monthly' }, '2026-10-07', '2026-12-03', 2)).toEqual([
      { start: '2026-12-01', key: '2026-12' },
      { start: '2026-11-01', key: '2026-11' },
    ]);
  });
});
