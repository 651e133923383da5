import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AdoptionDto, RunChartSignalDto } from '@olievlek/shared';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { CsvCell } from '../core/csv';
import { DataColumn, DataTable } from '../shell/data-table';
import { AdoptionChartInput, newlyReachedOption, stagesOption } from './adoption-options';
import type { Translate } from './headline';
import { OlievlekFormat, prefersReducedMotion, STAGES } from './olievlek-format';
import { signalHolds, signalSentence } from './signal-sentence';
import { ChartPng } from './chart-png';
import { StageLegend } from './stage-legend';

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
    @if (sentences().length > 0) {
      <ol class="ov-list ov-signals" aria-labelledby="adoption-signals">
        @for (sentence of sentences(); track $index) {
          <li class="ov-list__item">{{ sentence }}</li>
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

  /** The view's words and the chart's input, read in a computed so both follow the language. */
  private chartInput(): AdoptionChartInput {
    return {
      adoption: this.adoption(),
      current: this.current(),
      locale: this.f.locale(),
      t: (key, params) => this.f.t(key, params),
      animate: this.animate,
    };
  }

  protected readonly stagesOptions = computed<EChartsCoreOption>(() =>
    stagesOption(this.chartInput()),
  );
  protected readonly newOptions = computed<EChartsCoreOption>(() =>
    newlyReachedOption(this.chartInput()),
  );

  /** Each signal in one sentence: what it means for the unit, with its span. */
  protected readonly sentences = computed(() => {
    const a = this.adoption();
    const locale = this.f.locale();
    const t: Translate = (key, params) => this.f.t(key, params);
    return a.signals.map((signal) =>
      signalSentence(locale, t, { signal, unit: a.unit.name, holds: signalHolds(a, signal) }),
    );
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
}
