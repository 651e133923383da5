import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { monthSpan } from '@olievlek/domain';
import type { AdoptionDto, RunChartSignalDto } from '@olievlek/shared';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { CsvCell } from '../core/csv';
import { DataColumn, DataTable } from '../shell/data-table';
import {
  ALERT_COLOUR,
  OlievlekFormat,
  prefersReducedMotion,
  STAGE_COLOURS,
  STAGES,
} from './olievlek-format';
import { ChartPng } from './chart-png';
import { StageLegend } from './stage-legend';

const BAR_COLOUR = '#2171b5';
const SIGNAL_FILL = 'rgba(180, 83, 9, 0.14)';
const SIGNAL_LABEL = {
  color: '#1a1a1a',
  backgroundColor: '#ffffff',
  borderColor: ALERT_COLOUR,
  borderWidth: 1,
  padding: [1, 4],
  fontWeight: 600,
};

/**
 * Adoption over time: the teams per stage month by month (the S-curve), the teams reached for the
 * first time each month, and the run-chart signals (shift, trend) marked on both and listed as text.
 */
@Component({
  selector: 'ov-adoption-charts',
  imports: [NgxEchartsDirective, TranslocoPipe, DataTable, StageLegend, ChartPng],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-chart {
      block-size: clamp(16rem, 40vw, 22rem);
      inline-size: 100%;
    }
    .ov-signals {
      margin-block: 0.5rem 0;
    }
  `,
  template: `
    <h3 class="utrecht-heading-3" id="adoption-stages">
      {{ 'olievlek.adoption.stagesHeading' | transloco }}
    </h3>
    <p class="utrecht-paragraph ov-muted">{{ 'olievlek.adoption.stagesHow' | transloco }}</p>
    <ov-stage-legend />
    <div
      class="ov-chart"
      echarts
      role="img"
      [attr.aria-label]="stagesAria()"
      [options]="stagesOptions()"
      [initOpts]="{ renderer: 'svg' }"
      (chartInit)="stagesChart.set($event)"
    ></div>
    <ov-chart-png
      [chart]="stagesChart()"
      [label]="'olievlek.adoption.stagesHeading' | transloco"
      [filename]="'olievlek-s-curve-' + lastMonth()"
    />
    <ov-data-table
      [caption]="stagesCaption()"
      [columns]="stagesColumns()"
      [rows]="stagesRows()"
      [filename]="'olievlek-fases-per-maand-' + lastMonth()"
    />

    <h3 class="utrecht-heading-3 ov-section" id="adoption-new">
      {{ 'olievlek.adoption.newHeading' | transloco }}
    </h3>
    <p class="utrecht-paragraph ov-muted">{{ 'olievlek.adoption.newHow' | transloco }}</p>
    <div
      class="ov-chart"
      echarts
      role="img"
      [attr.aria-label]="newAria()"
      [options]="newOptions()"
      [initOpts]="{ renderer: 'svg' }"
    ></div>
    <ov-data-table
      [caption]="newCaption()"
      [columns]="newColumns()"
      [rows]="newRows()"
      [filename]="'olievlek-nieuw-bereikt-' + lastMonth()"
    />

    <h3 class="utrecht-heading-3 ov-section" id="adoption-signals">
      {{ 'olievlek.adoption.signalsHeading' | transloco }}
    </h3>
    <p class="utrecht-paragraph ov-muted">{{ 'olievlek.adoption.signalsHow' | transloco }}</p>
    @if (adoption().signals.length > 0) {
      <ol class="ov-list ov-signals">
        @for (signal of adoption().signals; track $index) {
          <li class="ov-list__item">{{ signalText(signal) }}</li>
        }
      </ol>
    } @else {
      <p class="utrecht-paragraph">{{ 'olievlek.adoption.noSignals' | transloco }}</p>
    }
  `,
})
export class AdoptionCharts {
  /** The S-curve's chart, for saving it as an image. */
  protected readonly stagesChart = signal<ECharts | null>(null);
  readonly adoption = input.required<AdoptionDto>();
  /** The month the date slider stands on (YYYY-MM): a line marks it on both charts. */
  readonly current = input<string | null>(null);

  protected readonly f = new OlievlekFormat();
  private readonly animate = !prefersReducedMotion();

  protected readonly lastMonth = computed(() => this.adoption().months.at(-1)?.month ?? '');
  private readonly labels = computed(() =>
    this.adoption().months.map((m) => this.f.monthShortLabel(m.month)),
  );

  /** Signals as shaded month ranges on a chart (by index on the category axis). */
  private areas(
    series: RunChartSignalDto['series'],
    band: (kind: RunChartSignalDto['kind']) => [number, number],
  ): unknown[] {
    const months = this.adoption().months.map((m) => m.month);
    // Each range carries the number of its line in the list of signals below the charts: the
    // list says what it is, the chart stays readable at 360 px.
    return this.adoption()
      .signals.map((s, i) => ({ s, n: i + 1 }))
      .filter(({ s }) => s.series === series && s.months.length > 0)
      .map(({ s, n }) => {
        const from = months.indexOf(s.months[0]);
        const to = months.indexOf(s.months[s.months.length - 1]);
        return [
          {
            xAxis: Math.max(0, from),
            yAxis: band(s.kind)[0],
            name: String(n),
            label: { position: series === 'reach' ? 'insideLeft' : 'insideTopLeft' },
          },
          // Both corners in full: with only x, ECharts sizes the area from the series' own values.
          { xAxis: Math.max(0, to), yAxis: band(s.kind)[1] },
        ];
      });
  }

  private currentLine(): unknown {
    const index = this.adoption().months.findIndex((m) => m.month === this.current());
    if (index < 0) return undefined;
    const label = {
      formatter: this.f.monthShortLabel(this.adoption().months[index].month),
      position: 'end',
      color: '#1a1a1a',
    };
    return {
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#1a1a1a', type: 'solid', width: 1.5 },
      label,
      data: [{ xAxis: index, label }],
    };
  }

  private base(): Record<string, unknown> {
    return {
      animation: this.animate,
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: this.labels(),
        axisLabel: { color: '#3b3b3b', hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: '#3b3b3b' },
        name: this.f.t('olievlek.adoption.teamsAxis'),
        nameTextStyle: { color: '#3b3b3b', align: 'left' },
      },
    };
  }

  protected readonly stagesOptions = computed<EChartsCoreOption>(() => {
    const months = this.adoption().months;
    // Spreading at the bottom, not reached on top: the reached teams grow up from the axis.
    const stacked = [...STAGES].reverse();
    // The signals sit in two bands above the curve (shifts, then trends) rather than over it:
    // shading over the stages would change their colours.
    const top = Math.max(1, ...months.map((m) => m.teams));
    const h = Math.max(1, Math.ceil(top * 0.08));
    const areas = this.areas('reach', (kind) =>
      kind === 'shift' ? [top, top + h] : [top + h, top + 2 * h],
    );
    const base = this.base();
    const line = this.currentLine();
    return {
      ...base,
      yAxis: {
        ...(base['yAxis'] as object),
        max: areas.length > 0 ? top + 2 * h : undefined,
        // No team counts beside the signal bands: the axis ends where the teams end.
        axisLabel: {
          color: '#3b3b3b',
          formatter: (value: number) => (areas.length > 0 && value > top ? '' : String(value)),
        },
      },
      series: [
        ...stacked.map((stage) => ({
          type: 'line',
          name: this.f.stage(stage),
          stack: 'stages',
          symbol: 'none',
          smooth: false,
          lineStyle: { width: 1, color: '#ffffff' },
          areaStyle: { color: STAGE_COLOURS[stage].fill, opacity: 1 },
          itemStyle: { color: STAGE_COLOURS[stage].fill },
          emphasis: { disabled: true },
          data: months.map((m) => m.stages[stage]),
        })),
        // The signals and the slider's month on a series of their own, drawn above the areas.
        {
          type: 'line',
          name: '',
          z: 5,
          silent: true,
          symbol: 'none',
          tooltip: { show: false },
          data: [],
          ...(areas.length > 0
            ? {
                markArea: {
                  z: 5,
                  silent: true,
                  itemStyle: { color: SIGNAL_FILL, borderColor: ALERT_COLOUR, borderWidth: 1 },
                  label: SIGNAL_LABEL,
                  data: areas,
                },
              }
            : {}),
          ...(line ? { markLine: { ...(line as object), z: 6 } } : {}),
        },
      ],
    };
  });

  protected readonly newOptions = computed<EChartsCoreOption>(() => {
    const a = this.adoption();
    const yMax = Math.max(1, ...a.months.map((m) => m.newlyReached ?? 0));
    const areas = this.areas('newlyReached', () => [0, yMax]);
    const line = this.currentLine() as { data: unknown[] } | undefined;
    const median = a.medians.newlyReached;
    const markLineData: unknown[] = [...(line?.data ?? [])];
    if (median !== null)
      markLineData.push({
        yAxis: median,
        lineStyle: { color: ALERT_COLOUR, type: 'dashed', width: 1.5 },
        label: {
          formatter: this.f.t('olievlek.adoption.median', { value: this.f.decimal(median) }),
          position: 'insideEndTop',
          color: '#1a1a1a',
        },
      });
    const base = this.base();
    return {
      ...base,
      xAxis: { ...(base['xAxis'] as object), boundaryGap: true },
      series: [
        {
          type: 'bar',
          name: this.f.t('olievlek.adoption.newSeries'),
          itemStyle: { color: BAR_COLOUR },
          barMaxWidth: 24,
          data: a.months.map((m) => m.newlyReached),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#1a1a1a', width: 1.5 },
            label: { position: 'end' },
            data: markLineData,
          },
          ...(areas.length > 0
            ? {
                markArea: {
                  silent: true,
                  itemStyle: { color: SIGNAL_FILL, borderColor: ALERT_COLOUR, borderWidth: 1 },
                  label: SIGNAL_LABEL,
                  data: areas,
                },
              }
            : {}),
        },
      ],
    };
  });

  protected readonly stagesAria = computed(() => {
    const last = this.adoption().months.at(-1);
    const first = this.adoption().months[0];
    if (!last || !first) return this.f.t('olievlek.adoption.empty');
    return this.f.t('olievlek.adoption.stagesAria', {
      unit: this.adoption().unit.name,
      from: this.f.month(first.month),
      to: this.f.month(last.month),
      reached: last.stages.experimenting + last.stages.practising + last.stages.spreading,
      teams: last.teams,
    });
  });

  protected readonly newAria = computed(() => {
    const months = this.adoption().months;
    const total = months.reduce((sum, m) => sum + (m.newlyReached ?? 0), 0);
    return this.f.t('olievlek.adoption.newAria', {
      unit: this.adoption().unit.name,
      total,
      months: months.length,
      signals: this.adoption().signals.length,
    });
  });

  protected readonly stagesCaption = computed(() =>
    this.f.t('olievlek.adoption.stagesCaption', { unit: this.adoption().unit.name }),
  );
  protected readonly newCaption = computed(() =>
    this.f.t('olievlek.adoption.newCaption', { unit: this.adoption().unit.name }),
  );

  protected readonly stagesColumns = computed<DataColumn[]>(() => [
    { label: this.f.t('olievlek.adoption.month') },
    ...STAGES.map((s) => ({ label: this.f.stage(s), numeric: true })),
    { label: this.f.t('olievlek.figures.teams'), numeric: true },
  ]);
  protected readonly stagesRows = computed<CsvCell[][]>(() =>
    this.adoption().months.map((m) => [
      this.f.month(m.month),
      ...STAGES.map((s) => m.stages[s]),
      m.teams,
    ]),
  );

  protected readonly newColumns = computed<DataColumn[]>(() => [
    { label: this.f.t('olievlek.adoption.month') },
    { label: this.f.t('olievlek.adoption.newSeries'), numeric: true },
    { label: this.f.t('olievlek.adoption.everReached'), numeric: true },
    { label: this.f.t('olievlek.adoption.signal') },
  ]);
  protected readonly newRows = computed<CsvCell[][]>(() => {
    const signals = this.adoption().signals;
    return this.adoption().months.map((m) => [
      this.f.month(m.month),
      m.newlyReached,
      m.reached,
      signals
        .map((s, i) => (s.months.includes(m.month) ? `${i + 1}. ${this.signalKind(s)}` : ''))
        .filter(Boolean)
        .join('; '),
    ]);
  });

  private signalKind(signal: RunChartSignalDto): string {
    return this.f.t(`olievlek.adoption.kind.${signal.kind}.${signal.direction}`);
  }

  protected signalText(signal: RunChartSignalDto): string {
    const months = signal.months;
    return this.f.plural('olievlek.adoption.signalText', monthSpan(months), {
      kind: this.signalKind(signal),
      series: this.f.t('olievlek.adoption.series.' + signal.series),
      from: this.f.month(months[0] ?? ''),
      to: this.f.month(months[months.length - 1] ?? ''),
    });
  }
}
