import type { AdoptionDto, AdoptionMonthDto, RunChartSignalDto } from '@olievlek/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { TEXTS } from '../i18n/translator.testing';
import { AdoptionChartInput, MARKER_Z, newlyReachedOption, stagesOption } from './adoption-options';

// The UMD build of ECharts, to draw the options as the page does (SVG) without a browser.
const echarts = require('echarts') as typeof import('echarts');

const NEW = [0, 1, 4, 2, 3, 3, 5, 2, 0, 1, 0, 1];
function month(i: number): AdoptionMonthDto {
  const key = `2026-${String(i + 1).padStart(2, '0')}`;
  const reached = NEW.slice(0, i + 1).reduce((a, b) => a + b, 0);
  return {
    month: key,
    on: `${key}-28`,
    teams: 30,
    reached,
    newlyReached: NEW[i],
    stages: {
      'not-reached': 30 - reached,
      intake: 0,
      experimenting: reached,
      practising: 0,
      spreading: 0,
    },
  };
}
const months = NEW.map((_, i) => month(i));
const signal = (
  series: RunChartSignalDto['series'],
  kind: RunChartSignalDto['kind'],
  from: number,
  to: number,
): RunChartSignalDto => ({
  series,
  kind,
  direction: kind === 'shift' ? 'above' : 'up',
  months: months.slice(from, to + 1).map((m) => m.month),
});
const ADOPTION: AdoptionDto = {
  unit: { id: 'u', name: 'Sociaal Domein', kind: 'directorate' },
  months,
  medians: { reach: 0.4, newlyReached: 1.5 },
  signals: [
    signal('reach', 'trend', 1, 7),
    // Starts on the month with the most new teams: its number sat behind that bar before.
    signal('newlyReached', 'shift', 2, 7),
    signal('newlyReached', 'trend', 0, 6),
  ],
};
const input = (adoption = ADOPTION): AdoptionChartInput => ({
  adoption,
  current: '2026-08',
  locale: 'nl',
  t: TEXTS.nl,
  animate: false,
});

/** A signal's shaded range as ECharts' SVG renderer draws it. */
const SIGNAL_SHAPE = /<(?:path|polygon)[^>]*fill="rgba?\(180,\s?83,\s?9/g;

type Series = {
  type: string;
  z?: number;
  markArea?: { z?: number; data: Array<[{ yAxis: number; name: string }, { yAxis: number }]> };
  markLine?: { z?: number; data: unknown[] };
};
const seriesOf = (option: object) => (option as { series: Series[] }).series;

/** The SVG the page would draw: every shape in paint order (a later shape lies on top). */
function svgOf(option: EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('the adoption charts', () => {
  it('draw the signals and the month lines above the data, in a series of their own', () => {
    for (const option of [stagesOption(input()), newlyReachedOption(input())]) {
      const series = seriesOf(option);
      const markers = series.at(-1) as Series;
      // ECharts' default z of a bar or a line series is 2, of a mark area 1.
      const dataZ = Math.max(...series.slice(0, -1).map((s) => s.z ?? 2));
      expect(markers.z).toBe(MARKER_Z);
      expect(MARKER_Z).toBeGreaterThan(dataZ);
      expect(markers.markArea?.z ?? 1).toBeGreaterThan(dataZ);
      expect(markers.markLine?.z ?? 5).toBeGreaterThan(dataZ);
      for (const s of series.slice(0, -1)) {
        expect(s.markArea).toBeUndefined();
        expect(s.markLine).toBeUndefined();
      }
    }
  });

  it('put each signal in a numbered band above the highest bar, shifts below trends', () => {
    const markers = seriesOf(newlyReachedOption(input())).at(-1) as Series;
    const top = Math.max(...NEW);
    const areas = markers.markArea?.data ?? [];
    expect(areas.map(([from]) => from.name)).toEqual(['2', '3']);
    for (const [from, to] of areas) {
      expect(Math.min(from.yAxis, to.yAxis)).toBeGreaterThanOrEqual(top);
    }
    const [shift, trend] = areas;
    expect(trend[0].yAxis).toBeGreaterThanOrEqual(shift[1].yAxis);
    // The median and the slider's month are lines on the marker series too.
    expect(markers.markLine?.data).toHaveLength(2);
  });

  it('paint no bar over a signal: in the drawn SVG every signal comes after every bar', () => {
    const svg = svgOf(newlyReachedOption(input()));
    const bars = [...svg.matchAll(/<path[^>]*fill="#2171b5"/g)].map((m) => m.index ?? 0);
    const signals = [...svg.matchAll(SIGNAL_SHAPE)].map((m) => m.index ?? 0);
    expect(bars.length).toBe(NEW.length);
    expect(signals.length).toBe(2);
    expect(Math.min(...signals)).toBeGreaterThan(Math.max(...bars));
    // The numbers of the signals are drawn too.
    expect(svg).toMatch(/>2<\/text>/);
    expect(svg).toMatch(/>3<\/text>/);
  });

  it('paint the signal in reach above the stacked stages', () => {
    const svg = svgOf(stagesOption(input()));
    const stages = [
      ...svg.matchAll(/<path[^>]*fill="(#08306b|#2171b5|#6baed6|#c6dbef|#efefef)"/g),
    ].map((m) => m.index ?? 0);
    const signals = [...svg.matchAll(SIGNAL_SHAPE)].map((m) => m.index ?? 0);
    expect(signals.length).toBe(1);
    expect(stages).toHaveLength(5);
    expect(Math.min(...signals)).toBeGreaterThan(Math.max(...stages));
    expect(svg).toMatch(/>1<\/text>/);
  });

  it('leave the value axis alone without signals', () => {
    const option = newlyReachedOption(input({ ...ADOPTION, signals: [] })) as {
      yAxis: { max?: number };
    };
    expect(option.yAxis.max).toBeUndefined();
    const markers = seriesOf(option).at(-1) as Series;
    expect(markers.markArea?.data).toEqual([]);
  });
});
