import { STAGE_COLOURS } from '@olievlek/shared';
import type { AdoptionDto, Locale, RunChartSignalDto, StageDto } from '@olievlek/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { formatNumber } from '../core/format';
import { ALERT_COLOUR as SIGNAL_BORDER } from './chart-colours';
import type { Translate } from './headline';

const BAR_COLOUR = '#2171b5';
const SIGNAL_FILL = 'rgba(180, 83, 9, 0.14)';
const SIGNAL_LABEL = {
  color: '#1a1a1a',
  backgroundColor: '#ffffff',
  borderColor: SIGNAL_BORDER,
  borderWidth: 1,
  // A line height of its own: without it the box is sized before the font and the number
  // sticks out of it.
  fontSize: 12,
  lineHeight: 14,
  padding: [1, 5],
  fontWeight: 600,
};
/** Lowest first, as the legend and the tables. */
const STAGES: readonly StageDto[] = [
  'not-reached',
  'intake',
  'experimenting',
  'practising',
  'spreading',
];

/**
 * The signals and the month line are drawn above the data: ECharts paints a higher `z` later,
 * and a mark area's own default (1) lies below a bar's (2) and a line's area (2).
 */
export const MARKER_Z = 5;

export interface AdoptionChartInput {
  adoption: AdoptionDto;
  /** The month the date slider stands on (YYYY-MM): a line marks it. */
  current: string | null;
  locale: Locale;
  t: Translate;
  animate: boolean;
}

/** `2025-03` → "mrt 25" / "Mar 25", for axis labels. */
export function monthShortText(locale: Locale, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, (m || 1) - 1, 1)));
}

/**
 * Signals as numbered month ranges in a band of their own (by index on the category axis):
 * each carries the number of its line in the list of signals below the charts, so the list says
 * what it is and the chart stays readable at 360 px.
 */
function signalAreas(
  input: AdoptionChartInput,
  series: RunChartSignalDto['series'],
  band: (kind: RunChartSignalDto['kind']) => [number, number],
): unknown[] {
  const months = input.adoption.months.map((m) => m.month);
  return input.adoption.signals
    .map((s, i) => ({ s, n: i + 1 }))
    .filter(({ s }) => s.series === series && s.months.length > 0)
    .map(({ s, n }) => {
      const from = months.indexOf(s.months[0]);
      const to = months.indexOf(s.months[s.months.length - 1]);
      return [
        {
          xAxis: Math.max(0, from),
          yAxis: band(s.kind)[0],
          name: String(n),
          label: { position: 'insideLeft' },
        },
        // Both corners in full: with only x, ECharts sizes the area from the series' own values.
        { xAxis: Math.max(0, to), yAxis: band(s.kind)[1] },
      ];
    });
}

function currentLine(input: AdoptionChartInput): Record<string, unknown> | undefined {
  const index = input.adoption.months.findIndex((m) => m.month === input.current);
  if (index < 0) return undefined;
  const label = {
    formatter: monthShortText(input.locale, input.adoption.months[index].month),
    position: 'end',
    color: '#1a1a1a',
  };
  return { xAxis: index, label, lineStyle: { color: '#1a1a1a', type: 'solid', width: 1.5 } };
}

/**
 * The series that carries the signals and the marker lines, drawn above the data: an empty line
 * series with `z` and its marks' `z` above every data series.
 */
function markerSeries(areas: unknown[], lines: unknown[]): Record<string, unknown> {
  return {
    type: 'line',
    id: 'markers',
    name: '',
    z: MARKER_Z,
    silent: true,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
    data: [],
    markArea: {
      z: MARKER_Z,
      silent: true,
      itemStyle: { color: SIGNAL_FILL, borderColor: SIGNAL_BORDER, borderWidth: 1 },
      label: SIGNAL_LABEL,
      data: areas,
    },
    markLine: {
      z: MARKER_Z + 1,
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#1a1a1a', width: 1.5 },
      label: { position: 'end' },
      data: lines,
    },
  };
}

/**
 * The value axis of a chart with signal bands above its data: it runs to the top of the bands,
 * and says no count beside them (the axis ends where the teams end).
 */
function valueAxis(input: AdoptionChartInput, top: number, bandsTop: number | null) {
  return {
    type: 'value',
    minInterval: 1,
    max: bandsTop ?? undefined,
    name: input.t('olievlek.adoption.teamsAxis'),
    nameTextStyle: { color: '#3b3b3b', align: 'left' },
    axisLabel: {
      color: '#3b3b3b',
      formatter: (value: number) => (bandsTop !== null && value > top ? '' : String(value)),
    },
  };
}

function base(input: AdoptionChartInput, boundaryGap: boolean): Record<string, unknown> {
  return {
    animation: input.animate,
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: {
      type: 'category',
      boundaryGap,
      data: input.adoption.months.map((m) => monthShortText(input.locale, m.month)),
      axisLabel: { color: '#3b3b3b', hideOverlap: true },
    },
  };
}

/** Band heights above the data's highest value: shifts in the first band, trends above it. */
function bands(top: number): { h: number; shift: [number, number]; trend: [number, number] } {
  const h = Math.max(1, Math.ceil(top * 0.08));
  return { h, shift: [top, top + h], trend: [top + h, top + 2 * h] };
}

/**
 * The S-curve: teams per stage month by month, stacked, with the signals in reach as numbered
 * bands above the curve (shading over the stages would change their colours).
 */
export function stagesOption(input: AdoptionChartInput): EChartsCoreOption {
  const months = input.adoption.months;
  const top = Math.max(1, ...months.map((m) => m.teams));
  const b = bands(top);
  const areas = signalAreas(input, 'reach', (kind) => (kind === 'shift' ? b.shift : b.trend));
  const line = currentLine(input);
  // Spreading at the bottom, not reached on top: the reached teams grow up from the axis.
  const stacked = [...STAGES].reverse();
  return {
    ...base(input, false),
    yAxis: valueAxis(input, top, areas.length > 0 ? top + 2 * b.h : null),
    series: [
      ...stacked.map((stage) => ({
        type: 'line',
        name: input.t('stages.' + stage),
        stack: 'stages',
        symbol: 'none',
        smooth: false,
        lineStyle: { width: 1, color: '#ffffff' },
        areaStyle: { color: STAGE_COLOURS[stage].fill, opacity: 1 },
        itemStyle: { color: STAGE_COLOURS[stage].fill },
        emphasis: { disabled: true },
        data: months.map((m) => m.stages[stage]),
      })),
      markerSeries(areas, line ? [line] : []),
    ],
  };
}

/**
 * New teams reached per month as bars, with the median as a dashed line and the signals as
 * numbered bands above the highest bar, so no bar covers a signal or its number.
 */
export function newlyReachedOption(input: AdoptionChartInput): EChartsCoreOption {
  const a = input.adoption;
  const top = Math.max(1, ...a.months.map((m) => m.newlyReached ?? 0));
  const b = bands(top);
  const areas = signalAreas(input, 'newlyReached', (kind) =>
    kind === 'shift' ? b.shift : b.trend,
  );
  const line = currentLine(input);
  const median = a.medians.newlyReached;
  const lines: unknown[] = line ? [line] : [];
  if (median !== null)
    lines.push({
      yAxis: median,
      lineStyle: { color: SIGNAL_BORDER, type: 'dashed', width: 1.5 },
      label: {
        formatter: input.t('olievlek.adoption.median', {
          value: formatNumber(input.locale, median, 1),
        }),
        position: 'insideEndTop',
        color: '#1a1a1a',
      },
    });
  return {
    ...base(input, true),
    yAxis: valueAxis(input, top, areas.length > 0 ? top + 2 * b.h : null),
    series: [
      {
        type: 'bar',
        id: 'newlyReached',
        name: input.t('olievlek.adoption.newSeries'),
        itemStyle: { color: BAR_COLOUR },
        barMaxWidth: 24,
        data: a.months.map((m) => m.newlyReached),
      },
      markerSeries(areas, lines),
    ],
  };
}
