import { Formatter } from '../core/formatter';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CaseDetailDto, IntakeDto, IntakeRequest } from '@olievlek/shared';
import { Drafts } from '../core/drafts';
import { DatePipe } from '../core/formatter';
import { ConflictPanel, ConflictRow } from '../shell/conflict-panel';
import { disclosure } from '../shell/disclosure';
import { Feedback } from '../shell/feedback';
import { FieldError } from '../shell/field-error';
import { SaveState } from '../shell/save-state';
import { CasesApi } from './cases-api.service';

type IntakeDraft = Omit<IntakeRequest, 'version'>;
/** What the tab keeps of an intake being written (core/drafts.ts). */
interface KeptIntake {
  draft: IntakeDraft;
  extraThemes: string;
  base: number;
}

const AT = 'intake';

/**
 * The intake of a case: read, or edited as a draft. The draft remembers the version it started
 * from; a colleague's save in between ends in the conflict panel, never in a silent overwrite.
 */
@Component({
  selector: 'ov-intake-section',
  imports: [FormsModule, TranslocoPipe, Feedback, FieldError, ConflictPanel, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ov-card" aria-labelledby="intake-heading">
      <h2 class="utrecht-heading-2" id="intake-heading">{{ 'intake.heading' | transloco }}</h2>
      @if (form.isOpen()) {
        <form (ngSubmit)="submit()" (input)="keepDraft()" (change)="keepDraft()" novalidate>
          <!-- Above the fields: what loads later below (the themes) never pushes it away. -->
          <ov-feedback [state]="save()" at="intake-draft" />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="in-date">{{
              'intake.heldOn' | transloco
            }}</label>
            <input
              #firstField
              id="in-date"
              name="heldOn"
              type="date"
              class="utrecht-textbox utrecht-textbox--html-input"
              [(ngModel)]="draft.heldOn"
              aria-required="true"
            />
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="in-participants">{{
              'intake.participants' | transloco
            }}</label>
            <input
              id="in-participants"
              name="participants"
              class="utrecht-textbox utrecht-textbox--html-input"
              [(ngModel)]="draft.participants"
              maxlength="2000"
            />
          </div>
          <div
            class="utrecht-form-field"
            [class.utrecht-form-field--invalid]="save().fieldError(at, 'situation')"
          >
            <label class="utrecht-form-label" for="in-situation">{{
              'intake.situation' | transloco
            }}</label>
            <p class="utrecht-form-field-description" id="in-situation-hint">
              {{ 'intake.privateHint' | transloco }}
            </p>
            <ov-field-error
              messageId="in-situation-error"
              [text]="save().fieldError(at, 'situation')"
            />
            <textarea
              #situationField
              id="in-situation"
              name="situation"
              rows="4"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              [attr.aria-describedby]="
                save().fieldError(at, 'situation')
                  ? 'in-situation-hint in-situation-error'
                  : 'in-situation-hint'
              "
              [attr.aria-invalid]="save().fieldError(at, 'situation') ? true : null"
              [(ngModel)]="draft.situation"
              maxlength="10000"
            ></textarea>
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="in-wishes">{{
              'intake.wishes' | transloco
            }}</label>
            <textarea
              id="in-wishes"
              name="wishes"
              rows="3"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              [(ngModel)]="draft.wishes"
              maxlength="10000"
            ></textarea>
          </div>
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{{ 'intake.themes' | transloco }}</legend>
            <div class="ov-checkbox-row">
              @for (theme of themeNames(); track theme) {
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                  <input
                    type="checkbox"
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    [id]="'theme-' + $index"
                    [checked]="draft.themes.includes(theme)"
                    (change)="toggleTheme(theme)"
                  />
                  <label
                    class="utrecht-form-label utrecht-form-label--checkbox"
                    [for]="'theme-' + $index"
                    >{{ theme }}</label
                  >
                </div>
              }
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="in-extra-themes">{{
                'intake.extraThemes' | transloco
              }}</label>
              <input
                id="in-extra-themes"
                name="extraThemes"
                class="utrecht-textbox utrecht-textbox--html-input"
                [(ngModel)]="extraThemes"
              />
            </div>
          </fieldset>
          @if (theirs(); as t) {
            <ov-conflict-panel
              [message]="save().conflictAt(at)?.text ?? ''"
              id="intake-conflict"
              [by]="t.updatedBy.name"
              [rows]="conflictRows(t)"
              (takeTheirs)="takeTheirs(t)"
              (keepMine)="keepMine(t)"
            />
          }
          <div class="ov-actions">
            <button
              type="submit"
              class="utrecht-button utrecht-button--primary-action"
              [disabled]="save().busy()"
            >
              {{ 'intake.save' | transloco }}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="cancel()"
            >
              {{ 'app.cancel' | transloco }}
            </button>
          </div>
        </form>
      } @else if (detail().intake; as i) {
        <dl class="ov-facts">
          <dt>{{ 'intake.heldOn' | transloco }}</dt>
          <dd>{{ i.heldOn | ovDate }}</dd>
          <dt>{{ 'intake.participants' | transloco }}</dt>
          <dd>{{ i.participants || '—' }}</dd>
          @if (i.situation !== undefined) {
            <dt>{{ 'intake.situation' | transloco }}</dt>
            <dd class="ov-pre">{{ i.situation || '—' }}</dd>
          }
          <dt>{{ 'intake.wishes' | transloco }}</dt>
          <dd class="ov-pre">{{ i.wishes || '—' }}</dd>
          <dt>{{ 'intake.themes' | transloco }}</dt>
          <dd>{{ i.themes.join(', ') || '—' }}</dd>
        </dl>
        @if (editable()) {
          <button
            #opener
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="start()"
          >
            {{ 'intake.edit' | transloco }}
          </button>
        }
      } @else {
        <p class="utrecht-paragraph">{{ 'intake.none' | transloco }}</p>
        @if (editable()) {
          <button
            #opener
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            (click)="start()"
          >
            {{ 'intake.fill' | transloco }}
          </button>
        }
      }
      <ov-feedback
        [state]="save()"
        [at]="at"
        [panelShown]="!!theirs()"
        (reload)="takeTheirs(null)"
      />
    </section>
  `,
})
export class IntakeSection {
  private readonly api = inject(CasesApi);
  private readonly fmt = inject(Formatter);
  private readonly transloco = inject(TranslocoService);
  private readonly drafts = inject(Drafts);

  readonly detail = input.required<CaseDetailDto>();
  readonly editable = input.required<boolean>();
  readonly themeNames = input.required<string[]>();
  /** The page's one save-state. */
  readonly save = input.required<SaveState>();
  /** The intake changed on the server: the page reads the case again. */
  readonly changed = output<void>();

  protected readonly at = AT;
  private readonly firstField = viewChild<ElementRef<HTMLElement>>('firstField');
  private readonly situationField = viewChild<ElementRef<HTMLElement>>('situationField');
  private readonly opener = viewChild<ElementRef<HTMLElement>>('opener');
  protected readonly form = disclosure(this.firstField, this.opener);

  protected draft: IntakeDraft = this.fromIntake(null);
  protected extraThemes = '';
  /** The version the draft started from: a reload of the page does not move it. */
  private base = 0;

  constructor() {
    // Back after a session ended mid-edit: the draft typed then is open again, as it was.
    let looked = false;
    effect(() => {
      const id = this.detail().id;
      if (looked) return;
      looked = true;
      untracked(() => this.restore(id));
    });
  }

  private draftKey(): string {
    return `intake-${this.detail().id}`;
  }

  private restore(caseId: string): void {
    const kept = this.drafts.find<KeptIntake>(`intake-${caseId}`);
    if (!kept || !this.editable()) return;
    this.draft = kept.draft;
    this.extraThemes = kept.extraThemes;
    this.base = kept.base;
    // Open without moving the focus (nobody pressed a button): the message is what comes into view.
    this.form.isOpen.set(true);
    this.save().done('intake-draft', this.transloco.translate('trust.draftRestored'));
  }

  protected keepDraft(): void {
    const kept: KeptIntake = { draft: this.draft, extraThemes: this.extraThemes, base: this.base };
    this.drafts.keep(this.draftKey(), kept);
  }

  protected readonly theirs = computed(
    () => (this.save().conflictAt(AT)?.current as IntakeDto | null | undefined) ?? null,
  );

  private fromIntake(i: IntakeDto | null): IntakeDraft {
    return i
      ? {
          heldOn: i.heldOn,
          participants: i.participants,
          situation: i.situation ?? '',
          wishes: i.wishes,
          themes: [...i.themes],
        }
      : { heldOn: this.fmt.today(), participants: '', situation: '', wishes: '', themes: [] };
  }

  private fill(i: IntakeDto | null): void {
    this.draft = this.fromIntake(i);
    const known = new Set(this.themeNames());
    this.extraThemes = this.draft.themes.filter((t) => !known.has(t)).join(', ');
    this.draft.themes = this.draft.themes.filter((t) => known.has(t));
    this.base = i?.version ?? 0;
  }

  protected start(): void {
    this.save().clear();
    this.fill(this.detail().intake);
    this.form.open();
  }

  protected cancel(): void {
    this.save().clear();
    this.drafts.drop(this.draftKey());
    this.form.close();
  }

  protected toggleTheme(theme: string): void {
    const themes = this.draft.themes;
    this.draft.themes = themes.includes(theme)
      ? themes.filter((t) => t !== theme)
      : [...themes, theme];
  }

  private request(): IntakeRequest {
    const extra = this.extraThemes
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    return { version: this.base, ...this.draft, themes: [...this.draft.themes, ...extra] };
  }

  protected async submit(): Promise<void> {
    const request = this.request();
    const empty = ![request.participants, request.situation, request.wishes, ...request.themes]
      .join('')
      .trim();
    if (empty) {
      this.save().invalid(AT, { situation: this.transloco.translate('trust.intakeEmpty') });
      this.situationField()?.nativeElement.focus();
      return;
    }
    const saved = await this.save().run(
      AT,
      () => this.api.saveIntake(this.detail().id, request),
      () => this.transloco.translate('intake.saved'),
    );
    if (saved) {
      this.drafts.drop(this.draftKey());
      this.form.close();
      this.changed.emit();
    }
  }

  /** Their version wins: the draft is dropped, the page shows what is saved. */
  protected takeTheirs(theirs: IntakeDto | null): void {
    this.save().done(AT, this.transloco.translate('trust.tookTheirs'));
    this.drafts.drop(this.draftKey());
    if (theirs) this.fill(theirs);
    this.form.close();
    this.changed.emit();
  }

  /** The draft wins, knowingly: saved again over the version the colleague saved. */
  protected async keepMine(theirs: IntakeDto): Promise<void> {
    this.base = theirs.version;
    await this.submit();
  }

  protected conflictRows(theirs: IntakeDto): ConflictRow[] {
    const mine = this.request();
    const t = (key: string) => this.transloco.translate(key);
    return [
      { label: t('intake.heldOn'), mine: mine.heldOn, theirs: theirs.heldOn },
      { label: t('intake.participants'), mine: mine.participants, theirs: theirs.participants },
      { label: t('intake.situation'), mine: mine.situation, theirs: theirs.situation ?? '' },
      { label: t('intake.wishes'), mine: mine.wishes, theirs: theirs.wishes },
      { label: t('intake.themes'), mine: mine.themes.join(', '), theirs: theirs.themes.join(', ') },
    ];
  }
}
