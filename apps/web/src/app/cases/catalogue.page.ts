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
import { Feedback } from '../shell/feedback';
import { cadenceText } from '../core/cadence-text';
import { AuthService } from '../core/auth.service';
import type { CsvCell } from '../core/csv';
import { Formatter } from '../core/formatter';
import { LanguageService } from '../core/language.service';
import { saveState } from '../shell/save-state';
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
          <ov-feedback [state]="save" at="practice-form" />
          <div class="ov-actions">
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              [disabled]="save.busy()"
            >
              {{ 'app.save' | transloco }}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="stopAdding()"
            >
              {{ 'app.cancel' | transloco }}
            </button>
          </div>
        </form>
      } @else {
        <ov-feedback [state]="save" at="practice-new" />
        <p class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            (click)="startAdding()"
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
                  | transloco: { title: en() ? p.title.en : p.title.nl }
              "
              [disabled]="save.busyAt() === 'practice-' + p.id"
              (click)="toggleRetired(p)"
            >
              {{ (p.retiredAt ? 'catalogue.restoreShort' : 'catalogue.retireShort') | transloco }}
            </button>
          }
          <ov-feedback [state]="save" [at]="'practice-' + p.id" (reload)="practices.reload()" />
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
  /** The answer to an add, a retire or a restore, beside its form or its card's button. */
  protected readonly save = saveState();
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
    const created = await this.save.run(
      'practice-form',
      () =>
        firstValueFrom(
          this.http.post<PracticeDto>(API.practices, {
            title: { nl: v.titleNl, en: v.titleEn },
            description: { nl: v.descriptionNl, en: v.descriptionEn },
            why: { nl: v.whyNl, en: v.whyEn },
            cadence,
            category: v.category,
            needsPartner: v.needsPartner,
          }),
        ),
      () => '',
    );
    if (!created) return;
    // The form closes: the answer stands where it was, beside the button that opens it again.
    this.adding.set(false);
    this.form.reset();
    this.save.done(
      'practice-new',
      this.transloco.translate('catalogue.added', { title: this.titleOf(created) }),
    );
    this.practices.reload();
  }

  protected startAdding(): void {
    this.save.clear();
    this.adding.set(true);
  }

  protected stopAdding(): void {
    this.save.clear();
    this.adding.set(false);
  }

  protected async toggleRetired(p: PracticeDto): Promise<void> {
    const url = p.retiredAt ? `${API.practice(p.id)}/restore` : API.practiceRetire(p.id);
    const done = await this.save.run(
      `practice-${p.id}`,
      () => firstValueFrom(this.http.post<PracticeDto>(url, { version: p.version })),
      () =>
        this.transloco.translate(p.retiredAt ? 'catalogue.restoredDone' : 'catalogue.retiredDone', {
          title: this.titleOf(p),
        }),
    );
    if (done) this.practices.reload();
  }

  private titleOf(p: PracticeDto): string {
    return this.en() ? p.title.en : p.title.nl;
  }
}
