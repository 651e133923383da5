import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  resource,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeasureBetterDto, MeasureCadenceDto, MeasureDto } from '@olievlek/shared';
import { Formatter, PluralPipe } from '../../core/formatter';
import { disclosure } from '../../shell/disclosure';
import { Feedback } from '../../shell/feedback';
import { FieldError } from '../../shell/field-error';
import { loaded, LoadStatus } from '../../shell/load-status';
import { saveState } from '../../shell/save-state';
import { effectWords } from './effect-words';
import { periodKey, recentPeriods } from './measure-periods';
import { MeasuresApi } from './measures-api.service';
import { runChartGeometry } from './run-chart-geometry';

/** How many periods back a value can be entered from the form (older ones: the table). */
const ENTER_PERIODS = 8;

const CADENCES: Record<string, MeasureCadenceDto> = {
  w1: { kind: 'weeks', every: 1 },
  w2: { kind: 'weeks', every: 2 },
  w4: { kind: 'weeks', every: 4 },
  monthly: { kind: 'monthly' },
};

/**
 * The measures of one step on the case page (issue 16): each with its run chart against the
 * frozen baseline, the effect in sentences, a table of every value, and a form to enter the value
 * of a period; the case's ambassadors add measures. Loaded when the person opens the section.
 */
@Component({
  selector: 'ov-measures',
  imports: [FormsModule, TranslocoPipe, PluralPipe, Feedback, FieldError, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = agreement();
    <details class="ov-details ov-measures" (toggle)="toggled($event)">
      <summary>{{ 'measures.heading' | transloco }}</summary>
      <p class="utrecht-paragraph ov-muted">{{ 'measures.intro' | transloco }}</p>
      <ov-load-status [resource]="list" />
      @for (m of measures(); track m.id) {
        <section class="ov-measure" [attr.aria-labelledby]="'measure-' + m.id">
          <h4 class="utrecht-heading-4" [id]="'measure-' + m.id">
            {{ m.name }}{{ m.unit ? ' (' + m.unit + ')' : '' }}
          </h4>
          @if (m.expectedResult) {
            <p class="utrecht-paragraph ov-muted">
              {{ 'measures.expectedShown' | transloco: { text: m.expectedResult } }}
            </p>
          }
          <p class="utrecht-paragraph" [attr.data-verdict]="m.effect.verdict">
            {{ effectText(m) }}
          </p>
          @if (m.baseline.median !== null && m.baseline.source !== 'none') {
            <p class="utrecht-paragraph ov-muted">
              {{
                'measures.baseline.' + m.baseline.source
                  | ovPlural: m.baseline.count : { value: withUnit(m, m.baseline.median) }
              }}
            </p>
          }
          @if (m.values.length > 1) {
            @let g = chart(m);
            <svg
              class="ov-run-chart"
              role="img"
              [attr.viewBox]="'0 0 ' + g.width + ' ' + g.height"
              [attr.aria-label]="
                ('measures.chart' | transloco: { name: m.name }) + ': ' + effectText(m)
              "
            >
              @if (g.baselineY !== null) {
                <line
                  class="ov-run-chart__baseline"
                  x1="0"
                  [attr.x2]="g.width"
                  [attr.y1]="g.baselineY"
                  [attr.y2]="g.baselineY"
                />
                <text class="ov-run-chart__label" x="4" [attr.y]="g.baselineY - 4">
                  {{ 'measures.baselineLine' | transloco }}
                </text>
              }
              <polyline class="ov-run-chart__line" [attr.points]="g.line" />
              @for (p of g.points; track p.date) {
                <circle
                  class="ov-run-chart__point"
                  [class.ov-run-chart__point--judged]="p.judged"
                  [attr.cx]="p.x"
                  [attr.cy]="p.y"
                  r="4"
                />
              }
            </svg>
          }
          <details class="ov-details">
            <summary>{{ 'measures.tableSummary' | ovPlural: m.values.length }}</summary>
            <table class="utrecht-table ov-table ov-measure__values">
              <caption class="ov-visually-hidden">
                {{
                  'measures.table' | transloco: { name: m.name }
                }}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'measures.period' | transloco }}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'measures.value' | transloco }}
                  </th>
                  @if (m.canEnterValues) {
                    <th class="utrecht-table__header-cell" scope="col">
                      {{ 'measures.actions' | transloco }}
                    </th>
                  }
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                @for (v of newestFirst(m); track v.date) {
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{{ periodText(m.cadence, v.date) }}</td>
                    <td class="utrecht-table__cell">{{ withUnit(m, v.value) }}</td>
                    @if (m.canEnterValues) {
                      <td class="utrecht-table__cell">
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle ov-button--small"
                          [attr.aria-label]="
                            'measures.removeLabel'
                              | transloco: { period: periodText(m.cadence, v.date) }
                          "
                          [disabled]="save.busy()"
                          (click)="remove(m, v.date, v.version)"
                        >
                          {{ 'measures.remove' | transloco }}
                        </button>
                      </td>
                    }
                  </tr>
                } @empty {
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell" [attr.colspan]="m.canEnterValues ? 3 : 2">
                      {{ 'measures.noValues' | transloco }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </details>
          @if (m.canEnterValues) {
            <form class="ov-inline-form" (ngSubmit)="enter(m)" novalidate>
              <h5 class="utrecht-heading-5">{{ 'measures.enter' | transloco }}</h5>
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" [for]="'period-' + m.id">{{
                  'measures.enterPeriod' | transloco
                }}</label>
                <select
                  class="utrecht-select utrecht-select--html-select"
                  [id]="'period-' + m.id"
                  [name]="'period-' + m.id"
                  [ngModel]="periodOf(m)"
                  (ngModelChange)="chosenPeriod.set({ id: m.id, date: $event })"
                >
                  @for (p of periods(m); track p.start) {
                    <option [value]="p.start">{{ p.label }}</option>
                  }
                </select>
              </div>
              <div
                class="utrecht-form-field"
                [class.utrecht-form-field--invalid]="save.fieldError('value-' + m.id, 'value')"
              >
                <label class="utrecht-form-label" [for]="'value-' + m.id">{{
                  m.unit
                    ? ('measures.enterValueUnit' | transloco: { unit: m.unit })
                    : ('measures.enterValue' | transloco)
                }}</label>
                <ov-field-error
                  [messageId]="'value-' + m.id + '-error'"
                  [text]="save.fieldError('value-' + m.id, 'value')"
                />
                <input
                  class="utrecht-textbox utrecht-textbox--html-input"
                  [id]="'value-' + m.id"
                  [name]="'value-' + m.id"
                  inputmode="decimal"
                  autocomplete="off"
                  [attr.aria-invalid]="save.fieldError('value-' + m.id, 'value') ? true : null"
                  [attr.aria-describedby]="
                    save.fieldError('value-' + m.id, 'value') ? 'value-' + m.id + '-error' : null
                  "
                  [ngModel]="typed()[m.id] ?? ''"
                  (ngModelChange)="type(m.id, $event)"
                />
              </div>
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="save.busy()"
              >
                {{ 'measures.enterSave' | transloco }}
              </button>
            </form>
          }
          <ov-feedback [state]="save" [at]="'value-' + m.id" (reload)="reload()" />
        </section>
      } @empty {
        @if (list.hasValue()) {
          <p class="utrecht-paragraph">{{ 'measures.none' | transloco }}</p>
        }
      }

      @if (canEdit()) {
        @if (adding.isOpen()) {
          <form class="ov-inline-form" (ngSubmit)="create()" novalidate>
            <h4 class="utrecht-heading-4">
              {{ 'measures.addHeading' | transloco: { step: stepTitle() } }}
            </h4>
            <div
              class="utrecht-form-field"
              [class.utrecht-form-field--invalid]="save.fieldError('new-measure', 'name')"
            >
              <label class="utrecht-form-label" [for]="'m-name-' + a.id">{{
                'measures.name' | transloco
              }}</label>
              <p class="utrecht-form-field-description" [id]="'m-name-hint-' + a.id">
                {{ 'measures.nameHint' | transloco }}
              </p>
              <ov-field-error
                [messageId]="'m-name-error-' + a.id"
                [text]="save.fieldError('new-measure', 'name')"
              />
              <input
                #nameField
                class="utrecht-textbox utrecht-textbox--html-input"
                [id]="'m-name-' + a.id"
                name="name"
                maxlength="120"
                aria-required="true"
                [attr.aria-invalid]="save.fieldError('new-measure', 'name') ? true : null"
                [attr.aria-describedby]="
                  'm-name-hint-' +
                  a.id +
                  (save.fieldError('new-measure', 'name') ? ' m-name-error-' + a.id : '')
                "
                [(ngModel)]="draft.name"
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" [for]="'m-unit-' + a.id">{{
                'measures.unit' | transloco
              }}</label>
              <p class="utrecht-form-field-description" [id]="'m-unit-hint-' + a.id">
                {{ 'measures.unitHint' | transloco }}
              </p>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                [id]="'m-unit-' + a.id"
                name="unit"
                maxlength="40"
                [attr.aria-describedby]="'m-unit-hint-' + a.id"
                [(ngModel)]="draft.unit"
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" [for]="'m-better-' + a.id">{{
                'measures.better' | transloco
              }}</label>
              <select
                class="utrecht-select utrecht-select--html-select"
                [id]="'m-better-' + a.id"
                name="better"
                [(ngModel)]="draft.better"
              >
                <option value="higher">{{ 'measures.betterValues.higher' | transloco }}</option>
                <option value="lower">{{ 'measures.betterValues.lower' | transloco }}</option>
              </select>
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" [for]="'m-cadence-' + a.id">{{
                'measures.cadence' | transloco
              }}</label>
              <select
                class="utrecht-select utrecht-select--html-select"
                [id]="'m-cadence-' + a.id"
                name="cadence"
                [(ngModel)]="draft.cadence"
              >
                @for (c of cadenceNames; track c) {
                  <option [value]="c">{{ 'measures.cadenceValues.' + c | transloco }}</option>
                }
              </select>
            </div>
            <div
              class="utrecht-form-field"
              [class.utrecht-form-field--invalid]="save.fieldError('new-measure', 'minValue')"
            >
              <label class="utrecht-form-label" [for]="'m-min-' + a.id">{{
                'measures.minValue' | transloco
              }}</label>
              <ov-field-error
                [messageId]="'m-min-error-' + a.id"
                [text]="save.fieldError('new-measure', 'minValue')"
              />
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                [id]="'m-min-' + a.id"
                name="minValue"
                inputmode="decimal"
                [attr.aria-describedby]="
                  save.fieldError('new-measure', 'minValue') ? 'm-min-error-' + a.id : null
                "
                [(ngModel)]="draft.minValue"
              />
            </div>
            <div
              class="utrecht-form-field"
              [class.utrecht-form-field--invalid]="save.fieldError('new-measure', 'maxValue')"
            >
              <label class="utrecht-form-label" [for]="'m-max-' + a.id">{{
                'measures.maxValue' | transloco
              }}</label>
              <ov-field-error
                [messageId]="'m-max-error-' + a.id"
                [text]="save.fieldError('new-measure', 'maxValue')"
              />
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                [id]="'m-max-' + a.id"
                name="maxValue"
                inputmode="decimal"
                [attr.aria-describedby]="
                  save.fieldError('new-measure', 'maxValue') ? 'm-max-error-' + a.id : null
                "
                [(ngModel)]="draft.maxValue"
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" [for]="'m-expected-' + a.id">{{
                'measures.expected' | transloco
              }}</label>
              <p class="utrecht-form-field-description" [id]="'m-expected-hint-' + a.id">
                {{ 'measures.expectedHint' | transloco }}
              </p>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                [id]="'m-expected-' + a.id"
                name="expectedResult"
                maxlength="500"
                [attr.aria-describedby]="'m-expected-hint-' + a.id"
                [(ngModel)]="draft.expectedResult"
              />
            </div>
            <div class="ov-actions">
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="save.busy()"
              >
                {{ 'measures.create' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="adding.close()"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </form>
        } @else {
          <p class="ov-actions">
            <button
              #addButton
              type="button"
              class="utrecht-button utrecht-button--secondary-action ov-button--small"
              (click)="startAdding()"
            >
              {{ 'measures.add' | transloco }}
            </button>
          </p>
        }
        <ov-feedback [state]="save" at="new-measure" />
      }
    </details>
  `,
})
export class MeasuresSection {
  private readonly api = inject(MeasuresApi);
  private readonly format = inject(Formatter);

  readonly agreement = input.required<{ id: string; title: string; titleEn?: string | null }>();
  /** The reader may add measures (the case's ambassadors and admins, case open). */
  readonly canEdit = input(false);

  protected readonly save = saveState();
  /** Opened once: the measures load then (the case page stays one request). */
  private readonly opened = signal(false);
  protected readonly list = resource({
    params: () => (this.opened() ? this.agreement().id : undefined),
    loader: ({ params }) => this.api.list(params),
  });
  protected readonly measures = computed(() => loaded(this.list) ?? []);
  protected readonly typed = signal<Partial<Record<string, string>>>({});
  protected readonly chosenPeriod = signal<{ id: string; date: string } | null>(null);
  protected readonly cadenceNames = Object.keys(CADENCES);
  protected draft = emptyDraft();

  private readonly nameField = viewChild<ElementRef<HTMLElement>>('nameField');
  private readonly addButton = viewChild<ElementRef<HTMLElement>>('addButton');
  protected readonly adding = disclosure(this.nameField, this.addButton);

  protected readonly stepTitle = computed(() => this.format.stepTitle(this.agreement()));

  protected toggled(event: Event): void {
    if ((event.target as HTMLDetailsElement).open) this.opened.set(true);
  }

  protected reload(): void {
    this.list.reload();
  }

  protected effectText(m: MeasureDto): string {
    return effectWords(
      m,
      (start) => this.periodText(m.cadence, start),
      (n) => this.format.number(n, 2),
    )
      .map((w) =>
        w.plural === undefined
          ? this.format.t(w.key, w.params)
          : this.format.plural(w.key, w.plural, w.params),
      )
      .join(' ');
  }

  protected withUnit(m: MeasureDto, value: number): string {
    const n = this.format.number(value, 2);
    return m.unit ? `${n} ${m.unit}` : n;
  }

  protected periodText(cadence: MeasureCadenceDto, start: string): string {
    return this.format.period(periodKey(cadence, start));
  }

  protected chart(m: MeasureDto) {
    const judgedFrom = m.values.length - m.effect.values;
    return runChartGeometry(
      m.values,
      m.baseline.median,
      m.effect.values > 0 ? (m.values[judgedFrom]?.date ?? null) : null,
    );
  }

  protected newestFirst(m: MeasureDto) {
    return [...m.values].reverse();
  }

  protected periods(m: MeasureDto): Array<{ start: string; label: string }> {
    const saved = new Map(m.values.map((v) => [v.date, v.value]));
    return recentPeriods(m.cadence, m.stepStartDate, this.format.today(), ENTER_PERIODS).map(
      (p) => {
        const label = this.periodText(m.cadence, p.start);
        const value = saved.get(p.start);
        return {
          start: p.start,
          label:
            value === undefined
              ? label
              : this.format.t('measures.hasValue', {
                  period: label,
                  value: this.withUnit(m, value),
                }),
        };
      },
    );
  }

  protected periodOf(m: MeasureDto): string {
    const chosen = this.chosenPeriod();
    return chosen?.id === m.id ? chosen.date : (this.periods(m)[0]?.start ?? '');
  }

  protected type(id: string, text: string): void {
    this.typed.set({ ...this.typed(), [id]: text });
  }

  protected async enter(m: MeasureDto): Promise<void> {
    const at = `value-${m.id}`;
    const value = parseNumber(this.typed()[m.id] ?? '');
    if (value === null) {
      this.save.invalid(at, { value: this.format.t('measures.valueInvalid') });
      document.getElementById(at)?.focus();
      return;
    }
    const date = this.periodOf(m);
    const existing = m.values.find((v) => v.date === date);
    const saved = await this.save.run(
      at,
      () => this.api.putValue(m.id, date, { value, version: existing?.version }),
      () =>
        this.format.t('measures.saved', {
          value: this.withUnit(m, value),
          period: this.periodText(m.cadence, date),
        }),
    );
    if (saved) {
      this.replace(saved);
      this.type(m.id, '');
    }
  }

  protected async remove(m: MeasureDto, date: string, version: number): Promise<void> {
    const saved = await this.save.run(
      `value-${m.id}`,
      () => this.api.removeValue(m.id, date, version),
      () => this.format.t('measures.removed', { period: this.periodText(m.cadence, date) }),
    );
    if (saved) this.replace(saved);
  }

  protected startAdding(): void {
    this.draft = emptyDraft();
    this.save.clear();
    this.adding.open();
  }

  protected async create(): Promise<void> {
    const d = this.draft;
    const fields: Record<string, string> = {};
    if (!d.name.trim()) fields['name'] = this.format.t('measures.nameEmpty');
    const minValue = d.minValue.trim() ? parseNumber(d.minValue) : null;
    const maxValue = d.maxValue.trim() ? parseNumber(d.maxValue) : null;
    if (d.minValue.trim() && minValue === null)
      fields['minValue'] = this.format.t('measures.valueInvalid');
    if (d.maxValue.trim() && maxValue === null)
      fields['maxValue'] = this.format.t('measures.valueInvalid');
    if (Object.keys(fields).length) {
      this.save.invalid('new-measure', fields);
      this.nameField()?.nativeElement.focus();
      return;
    }
    const created = await this.save.run(
      'new-measure',
      () =>
        this.api.create(this.agreement().id, {
          name: d.name.trim(),
          unit: d.unit.trim(),
          better: d.better,
          cadence: CADENCES[d.cadence],
          minValue,
          maxValue,
          expectedResult: d.expectedResult.trim(),
        }),
      (m) => this.format.t('measures.created', { name: m.name }),
    );
    if (created) {
      this.list.update((list) => [...(list ?? []), created]);
      this.adding.close();
    }
  }

  private replace(saved: MeasureDto): void {
    this.list.update((list) => (list ?? []).map((m) => (m.id === saved.id ? saved : m)));
  }
}

function emptyDraft() {
  return {
    name: '',
    unit: '',
    better: 'higher' as MeasureBetterDto,
    cadence: 'w1',
    minValue: '',
    maxValue: '',
    expectedResult: '',
  };
}

/** "42", "42,5" or "42.5" → a number; anything else → null. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
