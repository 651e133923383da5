import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  resource,
  signal,
  untracked,
  viewChild,
  viewChildren,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  AgreementDto,
  AgreementRequest,
  AgreementStatusDto,
  CadenceDto,
  CaseDetailDto,
  RhythmCellDto,
} from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { ConflictPanel, ConflictRow } from '../shell/conflict-panel';
import { disclosure } from '../shell/disclosure';
import { Feedback } from '../shell/feedback';
import { FieldError } from '../shell/field-error';
import { saveState } from '../shell/save-state';
import { IntakeSection } from './intake-section';
import { MeasuresSection } from './measures/measures-section';
import { cadenceText } from '../core/cadence-text';
import { AuthService } from '../core/auth.service';
import { Drafts } from '../core/drafts';
import { translateError } from '../core/error-text';
import { PulseResults } from '../board/pulse-results';
import { CaseSpreadLinks } from '../spread/case-spread-links';
import { AgreementEdit } from './agreement-edit';
import { CaseReopen } from './case-reopen';
import { AgreementForm } from './agreement-form';
import { CasesApi } from './cases-api.service';
import { TeamArchivedBadge } from './team-archived-badge';
import { DatePipe, Formatter, PluralPipe, StepTitlePipe } from '../core/formatter';
import { loaded } from '../shell/load-status';

interface StatusDraft {
  agreement: AgreementDto;
  status: AgreementStatusDto;
  reason: string;
}

@Component({
  selector: 'ov-case-page',
  imports: [
    Feedback,
    FieldError,
    ConflictPanel,
    IntakeSection,
    MeasuresSection,
    RouterLink,
    TranslocoPipe,
    FormsModule,
    AgreementForm,
    AgreementEdit,
    CaseReopen,
    PulseResults,
    CaseSpreadLinks,
    TeamArchivedBadge,
    DatePipe,
    PluralPipe,
    StepTitlePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="utrecht-paragraph">
      <a class="utrecht-link" routerLink="/casussen">← {{ 'cases.caseload' | transloco }}</a>
    </p>
    @if (shown(); as c) {
      <h1 class="utrecht-heading-1">{{ c.team.name }}</h1>
      <p class="ov-case-meta">
        <ov-team-archived-badge [archived]="c.teamArchived" />
        <span class="ov-stage" [attr.data-stage]="c.stage">{{
          'stages.' + c.stage | transloco
        }}</span>
        <span>{{
          (c.status === 'open' ? 'cases.statusOpen' : 'cases.statusClosed') | transloco
        }}</span>
        <span>{{ 'cases.openedOn' | transloco: { date: c.openedOn | ovDate } }}</span>
        <span>{{ 'cases.ambassadors' | transloco: { names: names(c) } }}</span>
      </p>

      @if (editable(c)) {
        @if (closing.isOpen()) {
          <form
            class="ov-inline-form"
            (ngSubmit)="closeCase(c)"
            aria-labelledby="close-heading"
            novalidate
          >
            <h2 class="utrecht-heading-3" id="close-heading">{{ 'cases.close' | transloco }}</h2>
            <div
              class="utrecht-form-field"
              [class.utrecht-form-field--invalid]="save.fieldError('close', 'summary')"
            >
              <label class="utrecht-form-label" for="close-summary">{{
                'cases.closingSummary' | transloco
              }}</label>
              <ov-field-error
                messageId="close-summary-error"
                [text]="save.fieldError('close', 'summary')"
              />
              <textarea
                #closeSummary
                id="close-summary"
                name="summary"
                rows="3"
                class="utrecht-textarea utrecht-textarea--html-textarea"
                aria-required="true"
                [attr.aria-invalid]="save.fieldError('close', 'summary') ? true : null"
                [attr.aria-describedby]="
                  save.fieldError('close', 'summary') ? 'close-summary-error' : null
                "
                [ngModel]="closingSummary()"
                (ngModelChange)="closingSummary.set($event)"
                maxlength="10000"
              ></textarea>
            </div>
            <div class="ov-actions">
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="save.busy()"
              >
                {{ 'cases.closeSubmit' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="cancelClose()"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </form>
        } @else {
          <p class="ov-actions">
            <button
              #closeOpener
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="openClose()"
            >
              {{ 'cases.close' | transloco }}
            </button>
          </p>
        }
      }
      <ov-feedback [state]="save" at="close" (reload)="reload()" />
      @if (c.closingSummary) {
        <div class="utrecht-alert utrecht-alert--info">
          <p class="utrecht-paragraph">
            {{ 'cases.closedWith' | transloco: { summary: c.closingSummary } }}
          </p>
        </div>
      }
      <ov-case-reopen [case]="c" (reopened)="detail.reload()" />

      <section class="ov-card" aria-labelledby="amb-heading">
        <h2 class="utrecht-heading-2" id="amb-heading">
          {{ 'cases.ambassadorsHeading' | transloco }}
        </h2>
        <ul class="ov-list">
          @for (p of c.ambassadors; track p.id) {
            <li class="ov-list__item">
              {{ p.name }}
              @if (isAdmin() && c.ambassadors.length > 1) {
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle ov-button--small"
                  [attr.aria-label]="'cases.unassign' | transloco: { name: p.name }"
                  (click)="unassign(c, p.id)"
                >
                  {{ 'cases.unassignShort' | transloco }}
                </button>
              }
            </li>
          }
        </ul>
        @if (editable(c)) {
          <form class="ov-inline-row" (ngSubmit)="share(c)">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="share-with">{{
                'cases.shareWith' | transloco
              }}</label>
              <select
                id="share-with"
                name="shareWith"
                class="utrecht-select utrecht-select--html-select"
                [ngModel]="shareWith()"
                (ngModelChange)="shareWith.set($event)"
              >
                <option value="">{{ 'cases.chooseAmbassador' | transloco }}</option>
                @for (p of otherAmbassadors(c); track p.id) {
                  <option [value]="p.id">{{ p.name }}</option>
                }
              </select>
            </div>
            <button
              type="submit"
              class="utrecht-button utrecht-button--secondary-action"
              [disabled]="save.busy() || !shareWith()"
            >
              {{ 'cases.share' | transloco }}
            </button>
          </form>
        }
        <ov-feedback [state]="save" at="ambassadors" (reload)="reload()" />
      </section>

      <ov-intake-section
        [detail]="c"
        [editable]="editable(c)"
        [themeNames]="themeNames()"
        [save]="save"
        (changed)="detail.reload()"
      />

      <!-- Agreements -->
      <section class="ov-card" aria-labelledby="agreements-heading">
        <h2 class="utrecht-heading-2" id="agreements-heading">
          {{ 'agreements.heading' | transloco }}
        </h2>
        @for (a of c.agreements; track a.id) {
          <article class="ov-agreement" [attr.aria-labelledby]="'ag-' + a.id">
            <h3 #stepHeading class="utrecht-heading-3" [id]="'ag-' + a.id" tabindex="-1">
              {{ a | ovStep }}
            </h3>
            <p class="ov-case-meta">
              <span class="ov-status" [attr.data-status]="a.status">{{
                'agreementStatus.' + a.status | transloco
              }}</span>
              <span>{{ cadenceText(a.cadence) }}</span>
              <span>{{ 'agreements.since' | transloco: { date: a.startDate | ovDate } }}</span>
              @if (a.partnerTeam; as p) {
                <span>{{ 'agreements.withPartner' | transloco: { name: p.name } }}</span>
              }
              <span>{{ 'habit.' + a.habit.level | transloco }}</span>
              @if (a.stalledSilence > 0) {
                <span class="ov-warning">{{ 'cases.silence' | ovPlural: a.stalledSilence }}</span>
              }
            </p>
            <ol class="ov-rhythm" [attr.aria-label]="'agreements.rhythm' | transloco">
              @for (cell of a.rhythm; track cell.key) {
                <li
                  class="ov-rhythm__cell"
                  [attr.data-status]="cell.status"
                  [attr.title]="cellText(cell)"
                >
                  <span class="ov-visually-hidden">{{ cellText(cell) }}</span>
                  <span aria-hidden="true">{{ symbol(cell.status) }}</span>
                </li>
              }
            </ol>
            @if (a.reflections.length) {
              <details class="ov-details">
                <summary>
                  {{ 'agreements.reflections' | transloco: { count: a.reflections.length } }}
                </summary>
                <ul class="ov-list">
                  @for (r of a.reflections; track r.periodKey + r.author.id) {
                    <li class="ov-list__item">
                      <span class="ov-muted">{{ r.periodKey }}, {{ r.author.name }}:</span>
                      {{ r.text }}
                    </li>
                  }
                </ul>
              </details>
            }
            @if (a.successCriterion) {
              <p class="utrecht-paragraph ov-muted">
                {{ 'agreements.criterionShown' | transloco: { text: a.successCriterion } }}
              </p>
            }
            <ov-measures [agreement]="a" [canEdit]="editable(c)" />
            @if (editable(c)) {
              @if (editing() === a.id) {
                <ov-agreement-edit
                  [agreement]="a"
                  [teams]="teams.value() ?? []"
                  [colleagues]="names(c)"
                  (saved)="edited($event)"
                  (closed)="closeEdit(a.id)"
                />
              } @else {
                <button
                  type="button"
                  class="utrecht-button utrecht-button--secondary-action ov-button--small"
                  [id]="'edit-open-' + a.id"
                  [attr.aria-label]="('agreementEdit.open' | transloco) + ' — ' + (a | ovStep)"
                  (click)="openEdit(a.id)"
                >
                  {{ 'agreementEdit.open' | transloco }}
                </button>
              }
              <ov-feedback [state]="save" [at]="'edited-' + a.id" />
            }
            @if (editable(c) && a.allowedTransitions.length > 0) {
              @if (draft()?.agreement?.id === a.id) {
                <form class="ov-inline-form" (ngSubmit)="saveStatus()" novalidate>
                  <div
                    class="utrecht-form-field"
                    [class.utrecht-form-field--invalid]="save.fieldError('step-' + a.id, 'reason')"
                  >
                    <label class="utrecht-form-label" [for]="'reason-' + a.id">{{
                      'agreements.reason'
                        | transloco: { status: ('agreementStatus.' + draftStatus() | transloco) }
                    }}</label>
                    <ov-field-error
                      [messageId]="'reason-' + a.id + '-error'"
                      [text]="save.fieldError('step-' + a.id, 'reason')"
                    />
                    <input
                      #reasonField
                      [id]="'reason-' + a.id"
                      name="reason"
                      class="utrecht-textbox utrecht-textbox--html-input"
                      [ngModel]="draftReason()"
                      (ngModelChange)="draftReason.set($event)"
                      aria-required="true"
                      [attr.aria-invalid]="save.fieldError('step-' + a.id, 'reason') ? true : null"
                      [attr.aria-describedby]="
                        save.fieldError('step-' + a.id, 'reason')
                          ? 'reason-' + a.id + '-error'
                          : null
                      "
                      maxlength="1000"
                    />
                  </div>
                  @if (statusTheirs(a.id); as theirs) {
                    <ov-conflict-panel
                      [message]="save.conflictAt('step-' + a.id)?.text ?? ''"
                      [id]="'status-conflict-' + a.id"
                      [by]="lastChangeBy(c, theirs)"
                      [rows]="statusRows(theirs)"
                      (takeTheirs)="takeTheirStatus(a)"
                      (keepMine)="keepMyStatus(theirs)"
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
                      (click)="cancelStatus(a)"
                    >
                      {{ 'app.cancel' | transloco }}
                    </button>
                  </div>
                </form>
              } @else {
                <div class="ov-actions">
                  @for (to of a.allowedTransitions; track to) {
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--subtle ov-button--small"
                      [attr.aria-label]="('transition.' + to | transloco) + ' — ' + (a | ovStep)"
                      (click)="startStatus(a, to)"
                    >
                      {{ 'transition.' + to | transloco }}
                    </button>
                  }
                </div>
              }
            }
            <ov-feedback
              [state]="save"
              [at]="'step-' + a.id"
              [panelShown]="!!statusTheirs(a.id)"
              (reload)="takeTheirStatus(a)"
            />
          </article>
        } @empty {
          <p class="utrecht-paragraph">{{ 'agreements.none' | transloco }}</p>
        }
        @if (editable(c)) {
          @if (adding.isOpen()) {
            <ov-agreement-form
              [practices]="loaded(practices) ?? []"
              [teams]="loaded(teams) ?? []"
              [teamId]="c.team.id"
              [busy]="save.busy()"
              [fieldErrors]="save.fieldErrorsAt('agreement')"
              (submitted)="addAgreement(c, $event)"
              (cancelled)="adding.close()"
            />
          } @else {
            <button
              #addOpener
              type="button"
              class="utrecht-button utrecht-button--primary-action"
              (click)="openAdding()"
            >
              {{ 'agreements.new' | transloco }}
            </button>
          }
        }
        <ov-feedback [state]="save" at="agreement" (reload)="reload()" />
      </section>

      <ov-case-spread-links
        [team]="c.team"
        [canEdit]="c.canEdit"
        [practices]="loaded(practices) ?? []"
      />

      <!-- Observations: private notes, only for the case's ambassadors and admins -->
      @if (c.observations; as observations) {
        <section class="ov-card" aria-labelledby="obs-heading">
          <h2 class="utrecht-heading-2" id="obs-heading">
            {{ 'observations.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph ov-muted">{{ 'intake.privateHint' | transloco }}</p>
          @if (editable(c)) {
            <form
              class="ov-inline-form"
              (ngSubmit)="addObservation(c)"
              (input)="keepObservation(c)"
              novalidate
            >
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="obs-date">{{
                  'observations.date' | transloco
                }}</label>
                <input
                  id="obs-date"
                  name="observedOn"
                  type="date"
                  class="utrecht-textbox utrecht-textbox--html-input ov-input--date"
                  [(ngModel)]="observation.observedOn"
                  aria-required="true"
                />
              </div>
              <div
                class="utrecht-form-field"
                [class.utrecht-form-field--invalid]="save.fieldError('observation', 'text')"
              >
                <label class="utrecht-form-label" for="obs-text">{{
                  'observations.text' | transloco
                }}</label>
                <ov-field-error
                  messageId="obs-text-error"
                  [text]="save.fieldError('observation', 'text')"
                />
                <textarea
                  #observationText
                  id="obs-text"
                  name="text"
                  rows="3"
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  [(ngModel)]="observation.text"
                  maxlength="10000"
                  aria-required="true"
                  [attr.aria-invalid]="save.fieldError('observation', 'text') ? true : null"
                  [attr.aria-describedby]="
                    save.fieldError('observation', 'text') ? 'obs-text-error' : null
                  "
                ></textarea>
              </div>
              <button
                type="submit"
                class="utrecht-button utrecht-button--secondary-action"
                [disabled]="save.busy()"
              >
                {{ 'observations.add' | transloco }}
              </button>
            </form>
            <ov-feedback [state]="save" at="observation" />
          }
          <ul class="ov-list">
            @for (o of observations; track o.id) {
              <li class="ov-list__item">
                <strong>{{ o.observedOn | ovDate }}</strong> —
                <span class="ov-pre">{{ o.text }}</span>
                <span class="ov-muted"> ({{ o.author.name }})</span>
              </li>
            } @empty {
              <li class="ov-list__item">{{ 'observations.none' | transloco }}</li>
            }
          </ul>
        </section>
      }

      <section class="ov-card" aria-labelledby="pulse-heading">
        <h2 class="utrecht-heading-2" id="pulse-heading">
          {{ 'pulse.resultsHeading' | transloco }}
        </h2>
        @if (editable(c)) {
          <div class="ov-actions">
            @if (openRound(); as round) {
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="closePulse(round.id)"
              >
                {{ 'pulse.close' | transloco }}
              </button>
            } @else {
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="openPulse(c)"
              >
                {{ 'pulse.openRound' | transloco }}
              </button>
            }
          </div>
        }
        <ov-feedback [state]="save" at="pulse" />
        <ov-pulse-results [rounds]="loaded(pulses) ?? []" />
      </section>

      <!-- Timeline -->
      <section class="ov-card" aria-labelledby="timeline-heading">
        <h2 class="utrecht-heading-2" id="timeline-heading">
          {{ 'timeline.heading' | transloco }}
        </h2>
        <ol class="ov-timeline">
          @for (e of c.timeline; track $index) {
            <li class="ov-timeline__item">
              <span class="ov-timeline__date">{{ e.on | ovDate }}</span>
              @switch (e.kind) {
                @case ('case-opened') {
                  {{ 'timeline.opened' | transloco: { name: e.by.name } }}
                }
                @case ('case-closed') {
                  {{ 'timeline.closed' | transloco }}
                }
                @case ('case-reopened') {
                  {{ 'timeline.reopened' | transloco: { reason: e.reason, name: e.by.name } }}
                }
                @case ('intake') {
                  {{ 'timeline.intake' | transloco: { version: e.version, name: e.by.name } }}
                }
                @case ('observation') {
                  {{ 'timeline.observation' | transloco: { name: e.by.name } }}
                }
                @case ('agreement-edit') {
                  {{
                    'timeline.agreementEdit'
                      | transloco
                        : { step: (e | ovStep), fields: editedFields(e.fields), name: e.by.name }
                  }}
                }
                @case ('agreement-status') {
                  {{ e | ovStep }}: {{ 'agreementStatus.' + e.to | transloco }} —
                  {{ e.reason === 'agreed' ? ('caseTimeline.agreed' | transloco) : e.reason }} ({{
                    e.by.name
                  }})
                }
              }
            </li>
          }
        </ol>
      </section>
    } @else if (missing()) {
      <h1 class="utrecht-heading-1">{{ 'trust.caseNotFound' | transloco }}</h1>
      <p class="utrecht-paragraph">{{ 'trust.caseNotFoundText' | transloco }}</p>
    } @else if (detail.error()) {
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{{ loadError() }}</p>
      </div>
      <p class="utrecht-paragraph">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          (click)="reload()"
        >
          {{ 'app.reload' | transloco }}
        </button>
      </p>
    } @else {
      <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
    }
  `,
})
export class CasePage {
  protected readonly loaded = loaded;
  private readonly api = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fmt = inject(Formatter);

  /** Bound from the route (`/casussen/:id`). */
  readonly id = input.required<string>();

  protected readonly detail = resource({
    params: () => this.id(),
    loader: ({ params }) => this.api.get(params),
  });
  /**
   * The case, while there is one to show. A resource in error throws on `value()`, which left the
   * page on "loading" for an unknown id; `hasValue()` asks first.
   */
  protected readonly shown = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly practices = resource({ loader: () => this.api.practices() });
  protected readonly teams = resource({ loader: () => this.api.teams() });
  private readonly themes = resource({ loader: () => this.api.themes() });
  private readonly allAmbassadors = resource({ loader: () => this.api.ambassadors() });
  protected readonly pulses = resource({
    params: () => this.shown()?.team.id,
    loader: ({ params }) => this.api.pulseResults(params),
  });
  protected readonly openRound = computed(
    () => (loaded(this.pulses) ?? []).find((r) => !r.closedOn) ?? null,
  );
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.me()?.roles.includes('admin') ?? false);
  protected readonly shareWith = signal('');

  /** The page's one save-state: each action's answer appears beside its own control. */
  protected readonly save = saveState();

  private readonly closeSummary = viewChild<ElementRef<HTMLElement>>('closeSummary');
  private readonly closeOpener = viewChild<ElementRef<HTMLElement>>('closeOpener');
  protected readonly closing = disclosure(this.closeSummary, this.closeOpener);
  protected readonly closingSummary = signal('');

  private readonly agreementForm = viewChild(AgreementForm);
  private readonly addOpener = viewChild<ElementRef<HTMLElement>>('addOpener');
  protected readonly adding = disclosure(this.agreementForm, this.addOpener);

  private readonly observationText = viewChild<ElementRef<HTMLElement>>('observationText');
  private readonly reasonField = viewChild<ElementRef<HTMLElement>>('reasonField');
  private readonly stepHeadings = viewChildren<ElementRef<HTMLElement>>('stepHeading');

  protected readonly draft = signal<StatusDraft | null>(null);
  protected readonly draftReason = signal('');
  protected readonly draftStatus = computed(() => this.draft()?.status ?? 'running');

  protected observation = { observedOn: this.fmt.today(), text: '' };
  private readonly drafts = inject(Drafts);
  constructor() {
    // Back after a session ended mid-edit: the observation typed then is in its field again.
    let looked = false;
    effect(() => {
      const c = this.shown();
      if (!c || looked) return;
      looked = true;
      untracked(() => {
        const kept = this.drafts.find<{ observedOn: string; text: string }>(`observation-${c.id}`);
        if (kept && this.editable(c)) {
          this.observation = kept;
          this.save.done('observation', this.transloco.translate('trust.draftRestored'));
        }
      });
    });
  }

  protected keepObservation(c: CaseDetailDto): void {
    this.drafts.keep(`observation-${c.id}`, this.observation);
  }

  protected readonly themeNames = computed(() => {
    const lang = this.transloco.getActiveLang();
    return (loaded(this.themes) ?? []).map((t) => (lang === 'en' ? t.name.en : t.name.nl));
  });

  protected editable(c: CaseDetailDto): boolean {
    return c.canEdit && c.status === 'open';
  }
  protected names(c: CaseDetailDto): string {
    return c.ambassadors.map((a) => a.name).join(', ');
  }
  /** An unknown id (or one this person may not open) is answered, not left loading. */
  protected readonly missing = computed(() => {
    const error = this.detail.error();
    if (!error) return false;
    const status = apiError(error).statusCode;
    return status === 404 || status === 400;
  });
  protected loadError(): string {
    return translateError(this.transloco, apiError(this.detail.error()));
  }
  protected cadenceText(cadence: CadenceDto): string {
    return cadenceText(this.transloco, cadence);
  }
  protected cellText(cell: RhythmCellDto): string {
    return `${this.fmt.period(cell.key)}: ${this.transloco.translate('periodStatus.' + cell.status)}`;
  }
  protected symbol(status: string): string {
    return { done: '✓', skipped: '–', missed: '✗', open: '○', 'not-due': '·' }[status] ?? '';
  }

  reload(): void {
    this.save.clear();
    this.detail.reload();
  }

  /** The step whose edit form is open, if any. */
  protected readonly editing = signal<string | null>(null);

  protected openEdit(agreementId: string): void {
    this.save.clear();
    this.draft.set(null);
    this.editing.set(agreementId);
  }

  /** Back to the button that opened the form. */
  protected closeEdit(agreementId: string): void {
    this.editing.set(null);
    afterNextRender(() => document.getElementById('edit-open-' + agreementId)?.focus(), {
      injector: this.injector,
    });
  }

  protected edited(a: AgreementDto): void {
    this.closeEdit(a.id);
    this.save.done(
      'edited-' + a.id,
      this.transloco.translate('agreementEdit.saved', { title: a.title }),
    );
    this.detail.reload();
  }

  protected editedFields(fields: readonly string[]): string {
    return fields.map((f) => this.transloco.translate('agreementEdit.field.' + f)).join(', ');
  }

  protected openAdding(): void {
    this.save.clear();
    this.adding.open();
  }

  protected async addAgreement(c: CaseDetailDto, request: AgreementRequest): Promise<void> {
    const created = await this.save.run(
      'agreement',
      () => this.api.addAgreement(c.id, request),
      (a) => this.transloco.translate('agreements.added', { title: a.title }),
    );
    if (created) {
      this.adding.close();
      this.detail.reload();
    }
  }

  protected startStatus(agreement: AgreementDto, status: AgreementStatusDto): void {
    this.save.clear();
    this.draft.set({ agreement, status, reason: '' });
    this.draftReason.set('');
    afterNextRender(() => this.reasonField()?.nativeElement.focus(), { injector: this.injector });
  }

  private readonly injector = inject(Injector);

  /** Back to the step's heading, so the keyboard stays where the person was. */
  private focusStep(agreementId: string): void {
    afterNextRender(
      () =>
        this.stepHeadings()
          .find((h) => h.nativeElement.id === 'ag-' + agreementId)
          ?.nativeElement.focus(),
      { injector: this.injector },
    );
  }

  protected cancelStatus(a: AgreementDto): void {
    this.draft.set(null);
    this.save.clear();
    this.focusStep(a.id);
  }

  protected async saveStatus(): Promise<void> {
    const d = this.draft();
    if (!d) return;
    const at = 'step-' + d.agreement.id;
    if (!this.draftReason().trim()) {
      this.save.invalid(at, { reason: this.transloco.translate('trust.reasonEmpty') });
      this.reasonField()?.nativeElement.focus();
      return;
    }
    const saved = await this.save.run(
      at,
      () =>
        this.api.changeStatus(d.agreement.id, {
          version: d.agreement.version,
          status: d.status,
          reason: this.draftReason(),
        }),
      (a) =>
        this.transloco.translate('agreements.statusChanged', {
          title: a.title,
          status: this.transloco.translate('agreementStatus.' + a.status),
        }),
    );
    if (saved) {
      this.draft.set(null);
      this.detail.reload();
      this.focusStep(saved.id);
    }
  }

  /** What a colleague saved on this step, when a status change met theirs (409). */
  protected statusTheirs(agreementId: string): AgreementDto | null {
    const current = this.save.conflictAt('step-' + agreementId)?.current as AgreementDto | null;
    return current ?? null;
  }

  protected lastChangeBy(c: CaseDetailDto, theirs: AgreementDto): string {
    const last = theirs.history.at(-1);
    return last?.by.name ?? this.names(c);
  }

  protected statusRows(theirs: AgreementDto): ConflictRow[] {
    const d = this.draft();
    const status = (s: string) => this.transloco.translate('agreementStatus.' + s);
    const last = theirs.history.at(-1);
    return [
      {
        label: this.transloco.translate('trust.status'),
        mine: d ? status(d.status) : '',
        theirs: status(theirs.status),
      },
      {
        label: this.transloco.translate('trust.reason'),
        mine: this.draftReason(),
        theirs: last?.reason ?? '',
      },
    ];
  }

  /** Their status stands: the draft is dropped and the step is shown as saved. */
  protected takeTheirStatus(a: AgreementDto): void {
    this.draft.set(null);
    this.save.done('step-' + a.id, this.transloco.translate('trust.tookTheirs'));
    this.detail.reload();
    this.focusStep(a.id);
  }

  /** The person's status, knowingly over the colleague's: sent again with the fresh version. */
  protected async keepMyStatus(theirs: AgreementDto): Promise<void> {
    const d = this.draft();
    if (!d) return;
    this.draft.set({ ...d, agreement: theirs });
    await this.saveStatus();
  }

  protected otherAmbassadors(c: CaseDetailDto): Array<{ id: string; name: string }> {
    const on = new Set(c.ambassadors.map((a) => a.id));
    return (loaded(this.allAmbassadors) ?? []).filter((a) => !on.has(a.id));
  }

  protected async share(c: CaseDetailDto): Promise<void> {
    const userId = this.shareWith();
    const name = this.otherAmbassadors(c).find((a) => a.id === userId)?.name ?? '';
    const done = await this.save.run(
      'ambassadors',
      () => this.api.share(c.id, userId),
      () => this.transloco.translate('cases.shared', { name }),
    );
    if (done) {
      this.shareWith.set('');
      this.detail.reload();
    }
  }

  protected async unassign(c: CaseDetailDto, userId: string): Promise<void> {
    const name = c.ambassadors.find((a) => a.id === userId)?.name ?? '';
    const done = await this.save.run(
      'ambassadors',
      () => this.api.unassign(c.id, userId),
      () => this.transloco.translate('cases.unassigned', { name }),
    );
    if (done) this.detail.reload();
  }

  protected async openPulse(c: CaseDetailDto): Promise<void> {
    const done = await this.save.run(
      'pulse',
      () => this.api.openPulse(c.team.id),
      () => this.transloco.translate('pulse.opened'),
    );
    if (done) this.pulses.reload();
  }

  protected async closePulse(roundId: string): Promise<void> {
    const done = await this.save.run(
      'pulse',
      () => this.api.closePulse(roundId),
      () => this.transloco.translate('pulse.closed'),
    );
    if (done) this.pulses.reload();
  }

  protected openClose(): void {
    this.save.clear();
    this.closing.open();
  }

  protected cancelClose(): void {
    this.save.clear();
    this.closing.close();
  }

  protected async closeCase(c: CaseDetailDto): Promise<void> {
    if (!this.closingSummary().trim()) {
      this.save.invalid('close', {
        summary: this.transloco.translate('cases.closingSummaryRequired'),
      });
      this.closeSummary()?.nativeElement.focus();
      return;
    }
    const done = await this.save.run(
      'close',
      () => this.api.close(c.id, { version: c.version, closingSummary: this.closingSummary() }),
      () => this.transloco.translate('cases.closed'),
    );
    if (done) {
      this.closing.isOpen.set(false);
      this.detail.reload();
    }
  }

  protected async addObservation(c: CaseDetailDto): Promise<void> {
    if (!this.observation.text.trim()) {
      this.save.invalid('observation', {
        text: this.transloco.translate('observations.required'),
      });
      this.observationText()?.nativeElement.focus();
      return;
    }
    const added = await this.save.run(
      'observation',
      () => this.api.addObservation(c.id, this.observation),
      () => this.transloco.translate('observations.added'),
    );
    if (added) {
      this.drafts.drop(`observation-${c.id}`);
      this.observation = { observedOn: this.fmt.today(), text: '' };
      this.detail.reload();
    }
  }
}
