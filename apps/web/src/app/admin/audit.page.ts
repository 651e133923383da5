import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AUDIT_RESULTS, AuditEventDto, AuditQuery, AuditResult } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { LanguageService } from '../core/language.service';
import { Feedback } from '../shell/feedback';
import { AuditApi } from './audit-api.service';

/** The kinds of record the app writes events about (AuditService callers). */
const OBJECT_TYPES = [
  'user',
  'org_unit',
  'practice',
  'case',
  'intake',
  'intake_revision',
  'observation',
  'agreement',
  'pulse_round',
  'pulse_question',
  'audit_log',
  'route',
] as const;

const PAGE_SIZE = 50;

/** The audit trail for admins: who did what to which record, when, from where, with what result. */
import { Formatter, PluralPipe } from '../core/formatter';
@Component({
  selector: 'ov-audit-page',
  imports: [Feedback, PluralPipe, ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-audit__filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: 0 1rem;
    }
    .ov-audit__filters .utrecht-textbox,
    .ov-audit__filters .utrecht-select {
      inline-size: 100%;
      max-inline-size: none;
    }
    .ov-audit__filters .utrecht-form-field {
      margin-block-end: 0.75rem;
    }
    .ov-audit__actions {
      align-items: center;
      margin-block-start: 0.25rem;
    }
    .ov-audit__count {
      margin-block: 1rem 0;
    }
    .ov-audit__sub {
      display: block;
      font-size: 0.875rem;
      color: var(--ov-muted);
    }
    .ov-audit__mono {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.8125rem;
      color: var(--ov-muted);
    }
    /* The first 8 characters of a UUID tell records apart on screen; the CSV has them in full. */
    .ov-audit__id {
      display: block;
      padding: 0;
      min-block-size: 1.5rem;
      text-align: start;
    }
    .ov-audit__time {
      white-space: nowrap;
    }
    .ov-audit__name {
      display: block;
      font-weight: 600;
    }
    /* Long e-mail addresses and action codes wrap inside their cell instead of widening the table
       past 1280 px. */
    .ov-audit__sub,
    .ov-audit__name {
      overflow-wrap: anywhere;
    }
    .ov-audit__result[data-result='failure'],
    .ov-audit__result[data-result='denied'] {
      font-weight: 600;
      color: var(--utrecht-feedback-danger-color, #a4262c);
    }
    tbody .utrecht-table__header-cell {
      font-weight: normal;
      border-block-end: var(--utrecht-table-row-border-block-end-width, 1px) solid
        var(--utrecht-table-row-border-block-end-color, currentColor);
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'audit.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'audit.intro' | transloco }}</p>

    <form
      class="ov-card"
      role="search"
      [formGroup]="form"
      (ngSubmit)="search()"
      aria-labelledby="audit-filter-title"
    >
      <h2 class="utrecht-heading-2" id="audit-filter-title">{{ 'audit.filters' | transloco }}</h2>
      <div class="ov-audit__filters">
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('action')">
          <label class="utrecht-form-label" for="audit-action">{{
            'audit.action' | transloco
          }}</label>
          @if (fieldError('action'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-action-error">{{ m }}</p>
          }
          <select
            id="audit-action"
            class="utrecht-select utrecht-select--html-select"
            formControlName="action"
            [attr.aria-describedby]="fieldError('action') ? 'audit-action-error' : null"
          >
            <option value="">{{ 'audit.allActions' | transloco }}</option>
            @for (action of actionOptions(); track action) {
              <option [value]="action">{{ label('actions', action) }}</option>
            }
          </select>
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('actor')">
          <label class="utrecht-form-label" for="audit-actor">{{
            'audit.actor' | transloco
          }}</label>
          @if (fieldError('actor'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-actor-error">{{ m }}</p>
          }
          <input
            id="audit-actor"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            formControlName="actor"
            autocomplete="off"
            maxlength="200"
            [attr.aria-describedby]="fieldError('actor') ? 'audit-actor-error' : 'audit-actor-hint'"
          />
          <p class="utrecht-form-field-description ov-muted" id="audit-actor-hint">
            {{ 'audit.actorHint' | transloco }}
          </p>
        </div>
        <div
          class="utrecht-form-field"
          [class.utrecht-form-field--invalid]="fieldError('objectType')"
        >
          <label class="utrecht-form-label" for="audit-object-type">{{
            'audit.objectType' | transloco
          }}</label>
          @if (fieldError('objectType'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-object-type-error">{{ m }}</p>
          }
          <select
            id="audit-object-type"
            class="utrecht-select utrecht-select--html-select"
            formControlName="objectType"
            [attr.aria-describedby]="fieldError('objectType') ? 'audit-object-type-error' : null"
          >
            <option value="">{{ 'audit.allObjectTypes' | transloco }}</option>
            @for (type of objectTypes; track type) {
              <option [value]="type">{{ label('objectTypes', type) }}</option>
            }
          </select>
        </div>
        <div
          class="utrecht-form-field"
          [class.utrecht-form-field--invalid]="fieldError('objectId')"
        >
          <label class="utrecht-form-label" for="audit-object-id">{{
            'audit.objectId' | transloco
          }}</label>
          @if (fieldError('objectId'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-object-id-error">{{ m }}</p>
          }
          <input
            id="audit-object-id"
            class="utrecht-textbox utrecht-textbox--html-input"
            formControlName="objectId"
            autocomplete="off"
            spellcheck="false"
            maxlength="36"
            [attr.aria-describedby]="
              fieldError('objectId') ? 'audit-object-id-error' : 'audit-object-id-hint'
            "
          />
          <p class="utrecht-form-field-description ov-muted" id="audit-object-id-hint">
            {{ 'audit.objectIdHint' | transloco }}
          </p>
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('result')">
          <label class="utrecht-form-label" for="audit-result">{{
            'audit.result' | transloco
          }}</label>
          @if (fieldError('result'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-result-error">{{ m }}</p>
          }
          <select
            id="audit-result"
            class="utrecht-select utrecht-select--html-select"
            formControlName="result"
            [attr.aria-describedby]="fieldError('result') ? 'audit-result-error' : null"
          >
            <option value="">{{ 'audit.allResults' | transloco }}</option>
            @for (result of results; track result) {
              <option [value]="result">{{ 'audit.results.' + result | transloco }}</option>
            }
          </select>
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('from')">
          <label class="utrecht-form-label" for="audit-from">{{ 'audit.from' | transloco }}</label>
          @if (fieldError('from'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-from-error">{{ m }}</p>
          }
          <input
            id="audit-from"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="date"
            formControlName="from"
            [attr.aria-describedby]="fieldError('from') ? 'audit-from-error' : null"
          />
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="fieldError('to')">
          <label class="utrecht-form-label" for="audit-to">{{ 'audit.to' | transloco }}</label>
          @if (fieldError('to'); as m) {
            <p class="utrecht-form-field-error-message" id="audit-to-error">{{ m }}</p>
          }
          <input
            id="audit-to"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="date"
            formControlName="to"
            [attr.aria-describedby]="fieldError('to') ? 'audit-to-error' : null"
          />
        </div>
      </div>
      <div class="ov-actions ov-audit__actions">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          [disabled]="loading()"
        >
          {{ 'audit.search' | transloco }}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="clear()"
        >
          {{ 'audit.clear' | transloco }}
        </button>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          [href]="exportUrl()"
          download
          aria-describedby="audit-export-hint"
          >{{ 'audit.export' | transloco }}</a
        >
      </div>
      <p class="utrecht-paragraph ov-muted ov-audit__count" id="audit-export-hint">
        {{ 'audit.exportHint' | transloco }}
      </p>
    </form>

    <ov-feedback [error]="error()" />

    <p class="utrecht-paragraph ov-audit__count" role="status">
      @if (loading() && events().length === 0) {
        {{ 'app.loading' | transloco }}
      } @else if (loaded()) {
        {{ (nextCursor() ? 'audit.countMore' : 'audit.count') | ovPlural: events().length }}
      }
    </p>

    @if (loaded() && events().length === 0) {
      <p class="utrecht-paragraph ov-card">{{ 'audit.empty' | transloco }}</p>
    } @else if (events().length > 0) {
      <div
        class="ov-table-wrapper"
        tabindex="0"
        role="region"
        [attr.aria-label]="'audit.tableLabel' | transloco"
      >
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="ov-visually-hidden">
            {{
              'audit.tableCaption' | transloco
            }}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.time' | transloco }}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.actor' | transloco }}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.action' | transloco }}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.object' | transloco }}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.result' | transloco }}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {{ 'audit.origin' | transloco }}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            @for (event of events(); track event.id) {
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell ov-audit__time" scope="row">
                  <time [attr.datetime]="event.at">{{ time(event.at) }}</time>
                </th>
                <td class="utrecht-table__cell">
                  @if (event.actorId) {
                    {{ event.actorName ?? ('audit.removedActor' | transloco) }}
                    @if (event.actorEmail) {
                      <span class="ov-audit__sub">{{ event.actorEmail }}</span>
                    }
                  } @else {
                    <span class="ov-muted">{{ 'audit.noActor' | transloco }}</span>
                  }
                </td>
                <td class="utrecht-table__cell">
                  {{ label('actions', event.action) }}
                  <span class="ov-audit__sub ov-audit__mono" lang="zxx">{{ event.action }}</span>
                </td>
                <td class="utrecht-table__cell">
                  @if (event.objectType) {
                    {{ label('objectTypes', event.objectType) }}
                    @if (event.objectName) {
                      <span class="ov-audit__name">{{ event.objectName }}</span>
                    }
                    @if (event.objectId) {
                      <button
                        type="button"
                        class="utrecht-link-button utrecht-link-button--html-button ov-audit__mono ov-audit__id"
                        [attr.aria-label]="
                          'audit.filterObject'
                            | transloco
                              : { type: label('objectTypes', event.objectType), id: event.objectId }
                        "
                        (click)="filterObject(event)"
                      >
                        {{ event.objectId.slice(0, 8) }}
                      </button>
                    }
                  } @else {
                    <span class="ov-muted">—</span>
                  }
                </td>
                <td class="utrecht-table__cell">
                  <span class="ov-audit__result" [attr.data-result]="event.result">{{
                    'audit.results.' + event.result | transloco
                  }}</span>
                </td>
                <td class="utrecht-table__cell">
                  <span class="ov-audit__mono">{{ event.origin ?? '—' }}</span>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (nextCursor()) {
        <p class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            [disabled]="loading()"
            (click)="more()"
          >
            {{ (loading() ? 'app.loading' : 'audit.more') | transloco }}
          </button>
        </p>
      }
    }
  `,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly format = inject(Formatter);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly objectTypes = OBJECT_TYPES;
  protected readonly results = AUDIT_RESULTS;
  protected readonly events = signal<AuditEventDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly actions = signal<string[]>([]);
  private readonly fields = signal<Record<string, string>>({});
  /** The filter of the rows on screen: the export and "more" use it, not half-typed fields. */
  private readonly applied = signal<AuditQuery>({});

  protected readonly form = this.fb.group({
    action: [''],
    actor: [''],
    objectType: [''],
    objectId: [''],
    result: [''],
    from: [''],
    to: [''],
  });

  /** Sorted by code, so the choices group by subject: auth.*, case.*, note.* … */
  protected readonly actionOptions = computed(() => [...this.actions()].sort());

  /** Dutch spreadsheets split on semicolons, English ones on commas. */
  protected readonly exportUrl = computed(() =>
    this.api.exportUrl(
      this.applied(),
      this.language.current() === 'nl' ? 'semicolon' : 'comma',
      this.language.current(),
    ),
  );

  constructor() {
    void this.loadActions();
    void this.load(false);
  }

  /** In the organisation's time zone (ORG_TIMEZONE), not the browser's or UTC. */
  protected time(iso: string): string {
    return this.format.dateTime(iso, true);
  }

  /** A readable name for a code, or the code itself for one the texts do not know yet. */
  protected label(group: 'actions' | 'objectTypes', code: string): string {
    const key = `audit.${group}.${code}`;
    const text = this.transloco.translate(key);
    return text !== key ? text : code;
  }

  protected fieldError(name: string): string | null {
    return this.fields()[name] ?? null;
  }

  protected search(): void {
    const value = this.form.getRawValue();
    if (value.from && value.to && value.from > value.to) {
      this.fields.set({ to: this.transloco.translate('audit.toBeforeFrom') });
      this.error.set(this.transloco.translate('errors.VALIDATION_FAILED'));
      document.getElementById('audit-to')?.focus();
      return;
    }
    this.applied.set({
      action: value.action || undefined,
      actor: value.actor.trim() || undefined,
      objectType: value.objectType || undefined,
      objectId: value.objectId.trim() || undefined,
      result: (value.result || undefined) as AuditResult | undefined,
      from: value.from || undefined,
      to: value.to || undefined,
    });
    void this.load(false);
  }

  /** The history of one record: every event about it, whoever did it. */
  protected filterObject(event: AuditEventDto): void {
    this.form.reset({ objectType: event.objectType ?? '', objectId: event.objectId ?? '' });
    this.search();
    document.getElementById('audit-filter-title')?.scrollIntoView({ block: 'start' });
  }

  protected clear(): void {
    this.form.reset();
    this.search();
  }

  protected more(): void {
    void this.load(true);
  }

  private async load(append: boolean): Promise<void> {
    const cursor = append ? this.nextCursor() : null;
    this.loading.set(true);
    this.error.set(null);
    this.fields.set({});
    try {
      const page = await this.api.page({
        ...this.applied(),
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      this.events.update((current) => (append ? [...current, ...page.events] : page.events));
      this.nextCursor.set(page.nextCursor);
      this.loaded.set(true);
    } catch (e) {
      const error = apiError(e);
      if (error.fields) this.fields.set(error.fields);
      this.error.set(translateError(this.transloco, error));
      if (!append) {
        this.events.set([]);
        this.nextCursor.set(null);
        this.loaded.set(false);
      }
    } finally {
      this.loading.set(false);
    }
  }

  private async loadActions(): Promise<void> {
    try {
      this.actions.set(await this.api.actions());
    } catch {
      // The list only fills the choice; the table reports a failing API on its own.
    }
  }
}
