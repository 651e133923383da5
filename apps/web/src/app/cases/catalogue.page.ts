import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  resource,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { API, CadenceDto, FractionDto, PracticeDto } from '@olievlek/shared';
import { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { PulseQuestions } from '../board/pulse-questions';
import { apiError } from '../core/api-error';
import { Feedback } from '../shell/feedback';
import { cadenceText } from '../core/cadence-text';
import { AuthService } from '../core/auth.service';
import { translateError } from '../core/error-text';
import type { CsvCell } from '../core/csv';
import { Formatter } from '../core/formatter';
import { LanguageService } from '../core/language.service';
import { OlievlekApi } from '../olievlek/olievlek-api.service';
import { OlievlekFormat } from '../olievlek/olievlek-format';
import { DataColumn, DataTable } from '../shell/data-table';
import { loaded, LoadStatus } from '../shell/load-status';

/** The practice catalogue: everyone reads it; admins add and retire practices. */
@Component({
  selector: 'ov-catalogue-page',
  imports: [LoadStatus, Feedback, ReactiveFormsModule, TranslocoPipe, PulseQuestions, DataTable],
  styles: `
    .ov-evidence-line {
      border-inline-start: 3px solid var(--ov-accent);
      padding-inline-start: 0.5rem;
      font-size: 0.9375rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="utrecht-heading-1">{{ 'catalogue.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'catalogue.intro' | transloco }}</p>
    <ov-feedback [notice]="notice()" [error]="error()" />
    @if (isAdmin()) {
      @if (adding()) {
        <form
          class="ov-card"
          [formGroup]="form"
          (ngSubmit)="add()"
          aria-labelledby="practice-form-title"
        >
          <h2 class="utrecht-heading-2" id="practice-form-title">
            {{ 'catalogue.new' | transloco }}
          </h2>
          <div class="ov-field-row">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="pr-title-nl">{{
                'catalogue.titleNl' | transloco
              }}</label>
              <input
                id="pr-title-nl"
                class="utrecht-textbox utrecht-textbox--html-input"
                formControlName="titleNl"
                maxlength="200"
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="pr-title-en">{{
                'catalogue.titleEn' | transloco
              }}</label>
              <input
                id="pr-title-en"
                class="utrecht-textbox utrecht-textbox--html-input"
                formControlName="titleEn"
                maxlength="200"
                lang="en"
              />
            </div>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="pr-desc-nl">{{
              'catalogue.descriptionNl' | transloco
            }}</label>
            <textarea
              id="pr-desc-nl"
              rows="2"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              formControlName="descriptionNl"
            ></textarea>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="pr-desc-en">{{
              'catalogue.descriptionEn' | transloco
            }}</label>
            <textarea
              id="pr-desc-en"
              rows="2"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              formControlName="descriptionEn"
              lang="en"
            ></textarea>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="pr-why-nl">{{
              'catalogue.whyNl' | transloco
            }}</label>
            <textarea
              id="pr-why-nl"
              rows="2"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              formControlName="whyNl"
            ></textarea>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="pr-why-en">{{
              'catalogue.whyEn' | transloco
            }}</label>
            <textarea
              id="pr-why-en"
              rows="2"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              formControlName="whyEn"
              lang="en"
            ></textarea>
          </div>
          <div class="ov-field-row">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="pr-cadence">{{
                'agreements.cadence' | transloco
              }}</label>
              <select
                id="pr-cadence"
                class="utrecht-select utrecht-select--html-select"
                formControlName="cadenceKind"
              >
                <option value="weeks">{{ 'cadence.everyNWeeksOption' | transloco }}</option>
                <option value="monthly">{{ 'cadence.monthly' | transloco }}</option>
                <option value="once">{{ 'cadence.once' | transloco }}</option>
              </select>
            </div>
            @if (form.controls.cadenceKind.value === 'weeks') {
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="pr-every">{{
                  'agreements.every' | transloco
                }}</label>
                <input
                  id="pr-every"
                  type="number"
                  min="1"
                  max="52"
                  class="utrecht-textbox utrecht-textbox--html-input ov-input--short"
                  formControlName="every"
                />
              </div>
            }
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="pr-category">{{
                'catalogue.category' | transloco
              }}</label>
              <input
                id="pr-category"
                class="utrecht-textbox utrecht-textbox--html-input"
                formControlName="category"
                maxlength="40"
              />
            </div>
          </div>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id="pr-partner"
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              formControlName="needsPartner"
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="pr-partner">{{
              'catalogue.needsPartner' | transloco
            }}</label>
          </div>
          <div class="ov-actions">
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              [disabled]="busy()"
            >
              {{ 'app.save' | transloco }}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="adding.set(false)"
            >
              {{ 'app.cancel' | transloco }}
            </button>
          </div>
        </form>
      } @else {
        <p class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            (click)="adding.set(true)"
          >
            {{ 'catalogue.new' | transloco }}
          </button>
        </p>
      }
    }
    @if (isAdmin()) {
      <ov-pulse-questions />
    }
    <ov-load-status [resource]="practices" />
    <div class="ov-grid">
      @for (p of loaded(practices) ?? []; track p.id) {
        <article class="ov-card" [attr.aria-labelledby]="'pr-' + p.id">
          <h2 class="utrecht-heading-3" [id]="'pr-' + p.id">
            {{ en() ? p.title.en : p.title.nl }}
          </h2>
          <p class="ov-case-meta">
            <span>{{ cadenceText(p.cadence) }}</span>
            <span>{{ categoryText(p.category) }}</span>
            @if (p.needsPartner) {
              <span>{{ 'catalogue.withPartner' | transloco }}</span>
            }
            @if (p.retiredAt) {
              <span class="ov-badge">{{ 'catalogue.retired' | transloco }}</span>
            }
          </p>
          <p class="utrecht-paragraph">{{ en() ? p.description.en : p.description.nl }}</p>
          <p class="utrecht-paragraph ov-muted">{{ en() ? p.why.en : p.why.nl }}</p>
          @if (evidenceOf(p.id); as line) {
            <p class="utrecht-paragraph ov-evidence-line">{{ line }}</p>
          }
          @if (isAdmin()) {
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle ov-button--small"
              [attr.aria-label]="
                (p.retiredAt ? 'catalogue.restore' : 'catalogue.retire') + ''
                  | transloco: { title: p.title.nl }
              "
              (click)="toggleRetired(p)"
            >
              {{ (p.retiredAt ? 'catalogue.restoreShort' : 'catalogue.retireShort') | transloco }}
            </button>
          }
        </article>
      }
    </div>
    @if (loaded(evidence); as rows) {
      <section class="ov-card ov-section" aria-labelledby="evidence-heading">
        <h2 class="utrecht-heading-2" id="evidence-heading">
          {{ 'olievlek.evidence.heading' | transloco }}
        </h2>
        <p class="utrecht-paragraph ov-muted">{{ 'olievlek.evidence.intro' | transloco }}</p>
        <ov-data-table
          [caption]="'olievlek.evidence.caption' | transloco"
          [columns]="evidenceColumns()"
          [rows]="evidenceRows()"
          [collapsible]="false"
          filename="olievlek-praktijkbewijs"
        />
      </section>
    }
  `,
})
export class CataloguePage {
  protected readonly loaded = loaded;
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly format = inject(Formatter);
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly isAdmin = computed(() => this.auth.me()?.roles.includes('admin') ?? false);
  protected readonly en = computed(() => this.language.current() === 'en');
  protected readonly practices = resource({
    params: () => this.isAdmin(),
    loader: ({ params }) =>
      firstValueFrom(
        this.http.get<PracticeDto[]>(API.practices, { params: { includeRetired: params } }),
      ),
  });
  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    titleNl: [''],
    titleEn: [''],
    descriptionNl: [''],
    descriptionEn: [''],
    whyNl: [''],
    whyEn: [''],
    cadenceKind: ['weeks' as 'once' | 'weeks' | 'monthly'],
    every: [1],
    category: [''],
    needsPartner: [false],
  });

  private readonly olievlek = inject(OlievlekApi);
  private readonly f = new OlievlekFormat();
  /** What the programme learned per practice; left out quietly when it cannot be read. */
  protected readonly evidence = resource({ loader: () => this.olievlek.practiceEvidence() });
  private readonly evidenceById = computed(
    () => new Map((loaded(this.evidence) ?? []).map((e) => [e.practice.id, e])),
  );
  private readonly percent = computed(
    () =>
      new Intl.NumberFormat(this.en() ? 'en-GB' : 'nl-NL', {
        style: 'percent',
        maximumFractionDigits: 0,
      }),
  );

  /** "12 teams tried it; 58% made it a routine (median 9 weeks); 17% dropped it." */
  protected evidenceOf(practiceId: string): string | null {
    this.language.current();
    const e = this.evidenceById().get(practiceId);
    if (!e) return null;
    if (e.tried === 0) return this.transloco.translate('olievlek.evidence.notTried');
    const parts = [this.format.plural('olievlek.evidence.tried', e.tried)];
    if (e.reachedRoutine)
      parts.push(
        this.transloco.translate(
          e.medianWeeksToRoutine === null
            ? 'olievlek.evidence.routine'
            : 'olievlek.evidence.routineWeeks',
          {
            percent: this.percent().format(e.reachedRoutine.value),
            weeks: this.f.decimal(e.medianWeeksToRoutine ?? 0),
          },
        ),
      );
    if (e.dropped)
      parts.push(
        this.transloco.translate('olievlek.evidence.dropped', {
          percent: this.percent().format(e.dropped.value),
        }),
      );
    return parts.join('; ') + '.';
  }

  protected readonly evidenceColumns = computed<DataColumn[]>(() => {
    const t = (key: string) => this.f.t('olievlek.evidence.' + key);
    return [
      { label: t('practice') },
      { label: t('triedColumn'), numeric: true },
      { label: t('routineTeams'), numeric: true },
      { label: t('routinePercent'), numeric: true },
      { label: t('medianWeeks'), numeric: true },
      { label: t('droppedTeams'), numeric: true },
      { label: t('droppedPercent'), numeric: true },
    ];
  });

  protected readonly evidenceRows = computed<CsvCell[][]>(() => {
    const pct = (f: FractionDto | null) => (f ? Math.round(f.value * 1000) / 10 : null);
    return [...(loaded(this.evidence) ?? [])]
      .sort((a, b) => b.tried - a.tried)
      .map((e) => [
        this.en() ? e.practice.title.en : e.practice.title.nl,
        e.tried,
        e.reachedRoutine?.numerator ?? null,
        pct(e.reachedRoutine),
        e.medianWeeksToRoutine,
        e.dropped?.numerator ?? null,
        pct(e.dropped),
      ]);
  });

  /** The seed catalogue's categories in words; a category an admin typed stays as written. */
  protected categoryText(category: string): string {
    const key = `catalogueCategory.${category}`;
    const text = this.transloco.translate(key);
    return text === key ? category : text;
  }

  protected cadenceText(cadence: CadenceDto): string {
    return cadenceText(this.transloco, cadence);
  }

  protected async add(): Promise<void> {
    const v = this.form.getRawValue();
    const cadence: CadenceDto =
      v.cadenceKind === 'weeks'
        ? { kind: 'weeks', every: Number(v.every) || 1 }
        : { kind: v.cadenceKind };
    await this.run(async () => {
      const created = await firstValueFrom(
        this.http.post<PracticeDto>(API.practices, {
          title: { nl: v.titleNl, en: v.titleEn },
          description: { nl: v.descriptionNl, en: v.descriptionEn },
          why: { nl: v.whyNl, en: v.whyEn },
          cadence,
          category: v.category,
          needsPartner: v.needsPartner,
        }),
      );
      this.adding.set(false);
      this.form.reset();
      return this.transloco.translate('catalogue.added', { title: created.title.nl });
    });
  }

  protected async toggleRetired(p: PracticeDto): Promise<void> {
    await this.run(async () => {
      const url = p.retiredAt ? `${API.practice(p.id)}/restore` : API.practiceRetire(p.id);
      await firstValueFrom(this.http.post<PracticeDto>(url, { version: p.version }));
      return this.transloco.translate(
        p.retiredAt ? 'catalogue.restoredDone' : 'catalogue.retiredDone',
        { title: p.title.nl },
      );
    });
  }

  private async run(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    this.error.set(null);
    try {
      this.notice.set(await action());
      this.practices.reload();
    } catch (e) {
      this.error.set(translateError(this.transloco, apiError(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
