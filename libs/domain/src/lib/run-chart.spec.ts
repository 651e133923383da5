import fc from 'fast-check';
import { holdsAtEnd, monthSpan, RunChartSignal, runChartSignals, viewSignals } from './run-chart';

const only = (signals: RunChartSignal[], kind: RunChartSignal['kind']) =>
  signals.filter((s) => s.kind === kind);

describe('run-chart shifts', () => {
  it('finds 6 points in a row on one side of the median, not 5', () => {
    //                      0  1  2  3  4  5  6  7  8  9 10 11
    const { median, signals } = runChartSignals([1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9]);
    expect(median).toBe(5);
    expect(only(signals, 'shift')).toEqual([
      { kind: 'shift', side: 'below', indices: [0, 1, 2, 3, 4, 5] },
      { kind: 'shift', side: 'above', indices: [6, 7, 8, 9, 10, 11] },
    ]);
    expect(only(runChartSignals([1, 2, 1, 2, 1, 8, 9, 8, 9, 8]).signals, 'shift')).toEqual([]);
  });

  it('skips points on the median: they neither break a shift nor count for it', () => {
    // Median 5; index 3 and 6 sit on it.
    const series = [9, 8, 9, 5, 8, 9, 5, 1, 2, 1, 2, 1];
    const shifts = only(runChartSignals(series).signals, 'shift');
    expect(runChartSignals(series).median).toBe(5);
    expect(shifts).toEqual([]);
    const longer = [9, 8, 9, 5, 8, 9, 5, 9, 1, 2, 1, 2, 1, 2, 1];
    expect(only(runChartSignals(longer, { median: 5 }).signals, 'shift')).toEqual([
      { kind: 'shift', side: 'above', indices: [0, 1, 2, 4, 5, 7] },
      { kind: 'shift', side: 'below', indices: [8, 9, 10, 11, 12, 13, 14] },
    ]);
  });

  it('can hold the centre line at a baseline median', () => {
    const { median, signals } = runChartSignals([3, 3, 4, 4, 4, 5, 5, 6], { median: 2 });
    expect(median).toBe(2);
    expect(only(signals, 'shift')).toEqual([
      { kind: 'shift', side: 'above', indices: [0, 1, 2, 3, 4, 5, 6, 7] },
    ]);
  });

  it('has no median and no signals without values, and skips missing months', () => {
    expect(runChartSignals([])).toEqual({ median: null, signals: [] });
    expect(runChartSignals([null, NaN])).toEqual({ median: null, signals: [] });
    const gappy = [1, null, 2, 3, null, 4, 5];
    expect(only(runChartSignals(gappy).signals, 'trend')).toEqual([
      { kind: 'trend', direction: 'up', indices: [0, 2, 3, 5, 6] },
    ]);
  });
});

describe('run-chart trends', () => {
  it('finds 5 points in a row going up or down, not 4', () => {
    expect(only(runChartSignals([1, 2, 3, 4, 5]).signals, 'trend')).toEqual([
      { kind: 'trend', direction: 'up', indices: [0, 1, 2, 3, 4] },
    ]);
    expect(only(runChartSignals([1, 2, 3, 4, 3, 2, 1]).signals, 'trend')).toEqual([]);
  });

  it('ignores like values: they neither make nor break a trend', () => {
    expect(only(runChartSignals([1, 2, 2, 3, 4, 5]).signals, 'trend')).toEqual([
      { kind: 'trend', direction: 'up', indices: [0, 1, 3, 4, 5] },
    ]);
    expect(only(runChartSignals([1, 2, 2, 2, 3, 4]).signals, 'trend')).toEqual([]);
    expect(only(runChartSignals([7, 7, 7, 7, 7, 7, 7]).signals, 'trend')).toEqual([]);
  });

  it('lets the turning point belong to both trends it joins', () => {
    expect(only(runChartSignals([1, 2, 3, 4, 5, 4, 3, 2, 1]).signals, 'trend')).toEqual([
      { kind: 'trend', direction: 'up', indices: [0, 1, 2, 3, 4] },
      { kind: 'trend', direction: 'down', indices: [4, 5, 6, 7, 8] },
    ]);
  });
});

describe('run-chart rules (properties)', () => {
  const seriesArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null)), {
    maxLength: 40,
  });

  it('reports only maximal runs that meet the rule', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const { median, signals } = runChartSignals(series);
        const counted = series
          .map((v, i) => ({ v, i }))
          .filter((p): p is { v: number; i: number } => p.v !== null);
        for (const signal of signals) {
          const values = signal.indices.map((i) => series[i] as number);
          expect([...signal.indices].sort((a, b) => a - b)).toEqual(signal.indices);
          if (signal.kind === 'shift') {
            expect(values.length).toBeGreaterThanOrEqual(6);
            const side = (v: number) => (v > (median as number) ? 'above' : 'below');
            expect(values.every((v) => side(v) === signal.side)).toBe(true);
            // Every point off the median between first and last is in the run ...
            const first = signal.indices[0];
            const last = signal.indices[signal.indices.length - 1];
            const off = counted.filter((p) => p.v !== median);
            expect(off.filter((p) => p.i >= first && p.i <= last).map((p) => p.i)).toEqual(
              signal.indices,
            );
            // ... and the nearest ones outside it are on the other side.
            const before = off.filter((p) => p.i < first).pop();
            const after = off.find((p) => p.i > last);
            if (before) expect(side(before.v)).not.toBe(signal.side);
            if (after) expect(side(after.v)).not.toBe(signal.side);
          } else {
            expect(values.length).toBeGreaterThanOrEqual(5);
            for (let k = 1; k < values.length; k++) {
              if (signal.direction === 'up') expect(values[k]).toBeGreaterThan(values[k - 1]);
              else expect(values[k]).toBeLessThan(values[k - 1]);
            }
          }
        }
      }),
    );
  });

  it('finds as many shifts and trends as a pattern match on the run letters does', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const { median, signals } = runChartSignals(series);
        const values = series.filter((v): v is number => v !== null);
        const sides = values
          .filter((v) => v !== median)
          .map((v) => (v > (median as number) ? 'A' : 'B'))
          .join('');
        const distinct = values.filter((v, k) => k === 0 || v !== values[k - 1]);
        const steps = distinct
          .slice(1)
          .map((v, k) => (v > distinct[k] ? 'U' : 'D'))
          .join('');
        expect(only(signals, 'shift')).toHaveLength(sides.match(/A{6,}|B{6,}/g)?.length ?? 0);
        expect(only(signals, 'trend')).toHaveLength(steps.match(/U{4,}|D{4,}/g)?.length ?? 0);
      }),
    );
  });

  it('mirrors: turning the series upside down swaps the sides and directions', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        const flipped = runChartSignals(series.map((v) => (v === null ? null : -v)));
        const swapped = runChartSignals(series).signals.map((s) =>
          s.kind === 'shift'
            ? { ...s, side: s.side === 'above' ? 'below' : 'above' }
            : { ...s, direction: s.direction === 'up' ? 'down' : 'up' },
        );
        expect(flipped.signals).toEqual(swapped);
      }),
    );
  });
});

describe('the signals the olievlek view shows', () => {
  it('counts the months a signal spans, not its points', () => {
    expect(monthSpan(['2025-02', '2025-03', '2026-11'])).toBe(22);
    expect(monthSpan(['2025-12', '2026-01'])).toBe(2);
    expect(monthSpan(['2026-11'])).toBe(1);
    expect(monthSpan([])).toBe(0);
  });

  it('gives no signal on a series whose median is 0', () => {
    // Mostly months without a new team: six months with one would be a "shift above".
    const series = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0];
    expect(runChartSignals(series).signals.length).toBeGreaterThan(0);
    expect(viewSignals(series)).toEqual({ median: 0, signals: [] });
  });

  it('keeps the signals of a series with a median above 0', () => {
    const series = [1, 2, 1, 2, 1, 5, 6, 7, 8, 9, 10, 11];
    expect(viewSignals(series)).toEqual(runChartSignals(series));
    expect(viewSignals(series).signals.length).toBeGreaterThan(0);
  });
});

describe('a signal that still holds at the end of its series', () => {
  it('holds while later months are skipped by its rule, and not once one breaks it', () => {
    const rising = [1, 2, 3, 4, 5, 5, 5];
    const [trend] = only(runChartSignals(rising).signals, 'trend');
    expect(trend.indices).toEqual([0, 1, 2, 3, 4]);
    expect(holdsAtEnd(rising, trend, 4)).toBe(true); // like values after it do not break it
    expect(holdsAtEnd([...rising, null], trend, 4)).toBe(true);
    expect(holdsAtEnd([...rising, 4], trend, 4)).toBe(false); // it turned

    const series = [1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 3];
    const { median, signals } = runChartSignals(series);
    expect(median).toBe(3);
    const [low, high] = only(signals, 'shift');
    expect(holdsAtEnd(series, high, 3)).toBe(true); // a month on the median is skipped
    expect(holdsAtEnd(series, low, 3)).toBe(false);
    expect(holdsAtEnd([...series, 2], high, 3)).toBe(false);
  });

  it('holds exactly when one more point continuing it would extend it (property)', () => {
    const seriesArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(null)), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(seriesArb, (series) => {
        const { median, signals } = runChartSignals(series);
        if (median === null) return;
        const n = series.length;
        for (const signal of signals) {
          const up = signal.kind === 'shift' ? signal.side === 'above' : signal.direction === 'up';
          const extended = [...series, up ? 100 : -100];
          const again = runChartSignals(extended, { median }).signals;
          const extends_ = again.some(
            (s) =>
              s.kind === signal.kind && s.indices[0] === signal.indices[0] && s.indices.includes(n),
          );
          expect(holdsAtEnd(series, signal, median)).toBe(extends_);
        }
      }),
    );
  });
});
