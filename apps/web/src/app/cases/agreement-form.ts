import { Formatter } from '../core/formatter';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AgreementRequest, CadenceDto, OrgUnitDto, PracticeDto } from '@olievlek/shared';
import { LanguageService } from '../core/language.service';

/** Agree a new improvement step: from the catalogue (cadence pre-filled) or a custom one. */
@Component({
  selector: 'ov-agreement-form',
  imports: [ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="ov-inline-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      aria-labelledby="agreement-form-title"
    >
      <h3 class="utrecht-heading-3" id="agreement-form-title">
        {{ 'agreements.new' | transloco }}
      </h3>
      <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('practiceId')">
        <label class="utrecht-form-label" for="ag-practice">{{
          'agreements.practice' | transloco
        }}</label>
        @if (err('practiceId'); as m) {
          <p class="utrecht-form-field-error-message">{{ m }}</p>
        }
        <select
          #firstField
          id="ag-practice"
          class="utrecht-select utrecht-select--html-select"
          formControlName="practiceId"
          (change)="practiceChosen()"
        >
          <option value="">{{ 'agreements.custom' | transloco }}</option>
          @for (p of practices(); track p.id) {
            <option [value]="p.id">
              {{ language.current() === 'en' ? p.title.en : p.title.nl }}
            </option>
          }
        </select>
      </div>
      @if (chosen(); as p) {
        <p class="utrecht-paragraph ov-muted">
          {{ language.current() === 'en' ? p.why.en : p.why.nl }}
        </p>
      } @else {
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('title')">
          <label class="utrecht-form-label" for="ag-title">{{
            'agreements.title' | transloco
          }}</label>
          @if (err('title'); as m) {
            <p class="utrecht-form-field-error-message" id="ag-title-error">{{ m }}</p>
          }
          <input
            id="ag-title"
            class="utrecht-textbox utrecht-textbox--html-input"
            formControlName="title"
            maxlength="200"
            [attr.aria-describedby]="err('title') ? 'ag-title-error' : null"
          />
        </div>
      }
      <div class="ov-field-row">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="ag-cadence">{{
            'agreements.cadence' | transloco
          }}</label>
          <select
            id="ag-cadence"
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
            <label class="utrecht-form-label" for="ag-every">{{
              'agreements.every' | transloco
            }}</label>
            <input
              id="ag-every"
              class="utrecht-textbox utrecht-textbox--html-input ov-input--short"
              type="number"
              min="1"
              max="52"
              formControlName="every"
            />
          </div>
        }
      </div>
      <div class="ov-field-row">
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('startDate')">
          <label class="utrecht-form-label" for="ag-start">{{
            'agreements.startDate' | transloco
          }}</label>
          @if (err('startDate'); as m) {
            <p class="utrecht-form-field-error-message">{{ m }}</p>
          }
          <input
            id="ag-start"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="date"
            formControlName="startDate"
          />
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('reviewDate')">
          <label class="utrecht-form-label" for="ag-review">{{
            'agreements.reviewDate' | transloco
          }}</label>
          @if (err('reviewDate'); as m) {
            <p class="utrecht-form-field-error-message" id="ag-review-error">{{ m }}</p>
          }
          <input
            id="ag-review"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="date"
            formControlName="reviewDate"
            [attr.aria-describedby]="err('reviewDate') ? 'ag-review-error' : null"
          />
        </div>
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('endDate')">
          <label class="utrecht-form-label" for="ag-end">{{
            'agreements.endDate' | transloco
          }}</label>
          @if (err('endDate'); as m) {
            <p class="utrecht-form-field-error-message" id="ag-end-error">{{ m }}</p>
          }
          <input
            id="ag-end"
            class="utrecht-textbox utrecht-textbox--html-input"
            type="date"
            formControlName="endDate"
            [attr.aria-describedby]="err('endDate') ? 'ag-end-error' : null"
          />
        </div>
      </div>
      <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('partnerTeamId')">
        <label class="utrecht-form-label" for="ag-partner">{{
          'agreements.partner' | transloco
        }}</label>
        @if (err('partnerTeamId'); as m) {
          <p class="utrecht-form-field-error-message">{{ m }}</p>
        }
        <select
          id="ag-partner"
          class="utrecht-select utrecht-select--html-select"
          formControlName="partnerTeamId"
        >
          <option value="">{{ 'agreements.noPartner' | transloco }}</option>
          @for (t of partnerTeams(); track t.id) {
            <option [value]="t.id">{{ t.name }}</option>
          }
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="ag-criterion">{{
          'agreements.successCriterion' | transloco
        }}</label>
        <textarea
          id="ag-criterion"
          class="utrecht-textarea utrecht-textarea--html-textarea"
          rows="2"
          formControlName="successCriterion"
          maxlength="2000"
        ></textarea>
      </div>
      <div class="utrecht-form-field utrecht-form-field--checkbox">
        <input
          id="ag-running"
          type="checkbox"
          class="utrecht-checkbox utrecht-checkbox--html-input"
          formControlName="startNow"
        />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for="ag-running">{{
          'agreements.startNow' | transloco
        }}</label>
      </div>
      <div class="ov-actions">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          [disabled]="busy()"
        >
          {{ 'agreements.add' | transloco }}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="cancelled.emit()"
        >
          {{ 'app.cancel' | transloco }}
        </button>
      </div>
    </form>
  `,
})
export class AgreementForm {
  protected readonly language = inject(LanguageService);
  private readonly fmt = inject(Formatter);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly practices = input.required<PracticeDto[]>();
  readonly teams = input.required<OrgUnitDto[]>();
  readonly teamId = input.required<string>();
  readonly busy = input(false);
  readonly fieldErrors = input<Record<string, string>>({});
  readonly submitted = output<AgreementRequest>();
  readonly cancelled = output<void>();

  protected readonly form = this.fb.group({
    practiceId: [''],
    title: [''],
    cadenceKind: ['weeks' as 'once' | 'weeks' | 'monthly'],
    every: [1],
    startDate: [this.fmt.today()],
    reviewDate: [''],
    endDate: [''],
    partnerTeamId: [''],
    successCriterion: [''],
    startNow: [true],
  });
  private readonly practiceId = signal('');
  private readonly firstField = viewChild.required<ElementRef<HTMLElement>>('firstField');
  private readonly localErrors = signal<Record<string, string>>({});
  protected readonly chosen = computed(
    () => this.practices().find((p) => p.id === this.practiceId()) ?? null,
  );
  protected readonly partnerTeams = computed(() =>
    this.teams().filter((t) => t.id !== this.teamId()),
  );

  /** The opener puts the keyboard here when the form opens. */
  focus(): void {
    this.firstField().nativeElement.focus();
  }

  protected err(name: string): string | null {
    return this.localErrors()[name] ?? this.fieldErrors()[name] ?? null;
  }

  protected practiceChosen(): void {
    const id = this.form.controls.practiceId.value;
    this.practiceId.set(id);
    const practice = this.practices().find((p) => p.id === id);
    if (practice) {
      this.form.patchValue({
        cadenceKind: practice.cadence.kind,
        every: practice.cadence.kind === 'weeks' ? practice.cadence.every : 1,
      });
    }
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    if (!v.practiceId && !v.title.trim()) {
      this.localErrors.set({ title: this.transloco.translate('agreements.titleRequired') });
      return;
    }
    this.localErrors.set({});
    const cadence: CadenceDto =
      v.cadenceKind === 'weeks'
        ? { kind: 'weeks', every: Number(v.every) || 1 }
        : { kind: v.cadenceKind };
    this.submitted.emit({
      ...(v.practiceId ? { practiceId: v.practiceId } : { title: v.title.trim() }),
      cadence,
      startDate: v.startDate,
      reviewDate: v.reviewDate || null,
      endDate: v.endDate || null,
      partnerTeamId: v.partnerTeamId || null,
      successCriterion: v.successCriterion,
      status: v.startNow ? 'running' : 'proposed',
    });
  }
}
