import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnInit,
  output,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  AgreementDto,
  CadenceDto,
  OrgUnitDto,
  UpdateAgreementRequest,
} from '@olievlek/shared';
import { cadenceText } from '../core/cadence-text';
import { Formatter } from '../core/formatter';
import { ConflictPanel, ConflictRow } from '../shell/conflict-panel';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { CasesApi } from './cases-api.service';

/**
 * Edit an agreed step in place: the title (custom steps only), cadence, dates, partner team and
 * success criterion. The edit carries the version it started from; a colleague's newer save comes
 * back as a conflict panel beside the form, and nothing is overwritten until the person chooses.
 */
@Component({
  selector: 'ov-agreement-edit',
  imports: [ReactiveFormsModule, TranslocoPipe, ConflictPanel, Feedback],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="ov-inline-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      [attr.aria-labelledby]="'edit-title-' + agreement().id"
      novalidate
    >
      <h3 class="utrecht-heading-3" [id]="'edit-title-' + agreement().id">
        {{ 'agreementEdit.heading' | transloco }}
      </h3>
      @if (!agreement().practiceId) {
        <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('title')">
          <label class="utrecht-form-label" for="edit-title">{{
            'agreements.title' | transloco
          }}</label>
          @if (err('title'); as m) {
            <p class="utrecht-form-field-error-message" id="edit-title-error">{{ m }}</p>
          }
          <input
            #firstField
            id="edit-title"
            class="utrecht-textbox utrecht-textbox--html-input"
            formControlName="title"
            maxlength="200"
            [attr.aria-describedby]="err('title') ? 'edit-title-error' : null"
          />
        </div>
      }
      <div class="ov-field-row">
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="edit-cadence">{{
            'agreements.cadence' | transloco
          }}</label>
          <select
            #cadenceField
            id="edit-cadence"
            class="utrecht-select utrecht-select--html-select"
            formControlName="cadenceKind"
            aria-describedby="edit-cadence-hint"
          >
            <option value="weeks">{{ 'cadence.everyNWeeksOption' | transloco }}</option>
            <option value="monthly">{{ 'cadence.monthly' | transloco }}</option>
            <option value="once">{{ 'cadence.once' | transloco }}</option>
          </select>
        </div>
        @if (form.controls.cadenceKind.value === 'weeks') {
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="edit-every">{{
              'agreements.every' | transloco
            }}</label>
            <input
              id="edit-every"
              class="utrecht-textbox utrecht-textbox--html-input ov-input--short"
              type="number"
              min="1"
              max="52"
              formControlName="every"
            />
          </div>
        }
      </div>
      <p class="utrecht-paragraph ov-muted" id="edit-cadence-hint">
        {{ 'agreementEdit.cadenceHint' | transloco }}
      </p>
      <div class="ov-field-row">
        @for (f of dateFields; track f.name) {
          <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err(f.name)">
            <label class="utrecht-form-label" [for]="'edit-' + f.name">{{
              f.label | transloco
            }}</label>
            @if (err(f.name); as m) {
              <p class="utrecht-form-field-error-message" [id]="'edit-' + f.name + '-error'">
                {{ m }}
              </p>
            }
            <input
              [id]="'edit-' + f.name"
              class="utrecht-textbox utrecht-textbox--html-input"
              type="date"
              [formControlName]="f.name"
              [attr.aria-describedby]="err(f.name) ? 'edit-' + f.name + '-error' : null"
            />
          </div>
        }
      </div>
      <div class="utrecht-form-field" [class.utrecht-form-field--invalid]="err('partnerTeamId')">
        <label class="utrecht-form-label" for="edit-partner">{{
          'agreements.partner' | transloco
        }}</label>
        @if (err('partnerTeamId'); as m) {
          <p class="utrecht-form-field-error-message">{{ m }}</p>
        }
        <select
          id="edit-partner"
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
        <label class="utrecht-form-label" for="edit-criterion">{{
          'agreements.successCriterion' | transloco
        }}</label>
        <textarea
          id="edit-criterion"
          class="utrecht-textarea utrecht-textarea--html-textarea"
          rows="2"
          formControlName="successCriterion"
          maxlength="2000"
        ></textarea>
      </div>
      @if (theirs(); as t) {
        <ov-conflict-panel
          [message]="save.conflictAt('edit')?.text ?? ''"
          [id]="'edit-conflict-' + agreement().id"
          [by]="conflictBy()"
          [rows]="conflictRows(t)"
          (takeTheirs)="takeTheirs(t)"
          (keepMine)="keepMine(t)"
        />
      }
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
          (click)="closed.emit()"
        >
          {{ 'app.cancel' | transloco }}
        </button>
      </div>
      <ov-feedback [state]="save" at="edit" [panelShown]="!!theirs()" (reload)="takeTheirsNow()" />
    </form>
  `,
})
export class AgreementEdit implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  private readonly fmt = inject(Formatter);

  readonly agreement = input.required<AgreementDto>();
  readonly teams = input.required<OrgUnitDto[]>();
  /** The name of whoever may have saved a newer version (the case's ambassadors). */
  readonly colleagues = input('');
  readonly saved = output<AgreementDto>();
  readonly closed = output<void>();

  protected readonly save = saveState();
  private readonly firstField = viewChild<ElementRef<HTMLElement>>('firstField');
  private readonly cadenceField = viewChild<ElementRef<HTMLElement>>('cadenceField');
  /** The version the draft started from: a 409 with "keep mine" moves it to theirs. */
  private version = 0;

  protected readonly dateFields = [
    { name: 'startDate', label: 'agreements.startDate' },
    { name: 'reviewDate', label: 'agreements.reviewDate' },
    { name: 'endDate', label: 'agreements.endDate' },
  ] as const;

  protected readonly form = this.fb.group({
    title: [''],
    cadenceKind: ['weeks' as 'once' | 'weeks' | 'monthly'],
    every: [1],
    startDate: [''],
    reviewDate: [''],
    endDate: [''],
    partnerTeamId: [''],
    successCriterion: [''],
  });

  protected readonly partnerTeams = computed(() =>
    this.teams().filter((t) => t.id !== this.agreement().team.id && t.kind === 'team'),
  );
  protected readonly theirs = computed(
    () => (this.save.conflictAt('edit')?.current as AgreementDto | null | undefined) ?? null,
  );

  constructor() {
    afterNextRender(() => this.focus());
  }

  ngOnInit(): void {
    this.fill(this.agreement());
  }

  /** The keyboard goes to the first field when the form opens. */
  focus(): void {
    (this.firstField() ?? this.cadenceField())?.nativeElement.focus();
  }

  private fill(a: AgreementDto): void {
    this.version = a.version;
    this.form.setValue({
      title: a.title,
      cadenceKind: a.cadence.kind,
      every: a.cadence.kind === 'weeks' ? a.cadence.every : 1,
      startDate: a.startDate,
      reviewDate: a.reviewDate ?? '',
      endDate: a.endDate ?? '',
      partnerTeamId: a.partnerTeam?.id ?? '',
      successCriterion: a.successCriterion,
    });
  }

  protected err(name: string): string | null {
    return this.save.fieldError('edit', name);
  }

  private cadence(): CadenceDto {
    const v = this.form.getRawValue();
    return v.cadenceKind === 'weeks'
      ? { kind: 'weeks', every: Number(v.every) || 1 }
      : { kind: v.cadenceKind };
  }

  private request(): UpdateAgreementRequest {
    const v = this.form.getRawValue();
    return {
      version: this.version,
      ...(this.agreement().practiceId ? {} : { title: v.title.trim() }),
      cadence: this.cadence(),
      startDate: v.startDate,
      reviewDate: v.reviewDate || null,
      endDate: v.endDate || null,
      partnerTeamId: v.partnerTeamId || null,
      successCriterion: v.successCriterion,
    };
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    if (!this.agreement().practiceId && !v.title.trim()) {
      this.save.invalid('edit', { title: this.transloco.translate('agreements.titleRequired') });
      this.firstField()?.nativeElement.focus();
      return;
    }
    const saved = await this.save.run(
      'edit',
      () => this.api.updateAgreement(this.agreement().id, this.request()),
      (a) => this.transloco.translate('agreementEdit.saved', { title: a.title }),
    );
    if (saved) this.saved.emit(saved);
  }

  protected conflictBy(): string {
    return this.colleagues();
  }

  protected conflictRows(t: AgreementDto): ConflictRow[] {
    const v = this.form.getRawValue();
    const date = (d: string | null) => (d ? this.fmt.date(d) : '—');
    const label = (key: string) => this.transloco.translate(key);
    return [
      { label: label('agreements.title'), mine: v.title, theirs: t.title },
      {
        label: label('agreements.cadence'),
        mine: cadenceText(this.transloco, this.cadence()),
        theirs: cadenceText(this.transloco, t.cadence),
      },
      { label: label('agreements.startDate'), mine: date(v.startDate), theirs: date(t.startDate) },
      {
        label: label('agreements.reviewDate'),
        mine: date(v.reviewDate || null),
        theirs: date(t.reviewDate),
      },
      {
        label: label('agreements.endDate'),
        mine: date(v.endDate || null),
        theirs: date(t.endDate),
      },
      {
        label: label('agreements.successCriterion'),
        mine: v.successCriterion,
        theirs: t.successCriterion,
      },
    ];
  }

  /** Their version stands: the form shows it, ready for another change. */
  protected takeTheirs(t: AgreementDto): void {
    this.fill(t);
    this.save.done('edit', this.transloco.translate('trust.tookTheirs'));
  }

  protected takeTheirsNow(): void {
    const t = this.theirs();
    if (t) this.takeTheirs(t);
  }

  /** The person's draft, knowingly over the colleague's: sent again on the fresh version. */
  protected async keepMine(t: AgreementDto): Promise<void> {
    this.version = t.version;
    await this.submit();
  }
}
