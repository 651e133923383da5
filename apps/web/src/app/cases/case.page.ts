import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  resource,
  signal,
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
import { Feedback } from '../shell/feedback';
import { cadenceText } from '../core/cadence-text';
import { AuthService } from '../core/auth.service';
import { translateError } from '../core/error-text';
import { PulseResults } from '../board/pulse-results';
import { CaseSpreadLinks } from '../spread/case-spread-links';
import { AgreementForm } from './agreement-form';
import { CasesApi, todayInAmsterdam } from './cases-api.service';
import { TeamArchivedBadge } from './team-archived-badge';
import { DatePipe, Formatter, PluralPipe, StepTitlePipe } from '../core/formatter';

interface StatusDraft {
  agreement: AgreementDto;
  status: AgreementStatusDto;
  reason: string;
}

@Component({
  selector: 'ov-case-page',
  imports: [
    Feedback,
    RouterLink,
    TranslocoPipe,
    FormsModule,
    AgreementForm,
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
    @if (detail.value(); as c) {
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

      <ov-feedback
        [notice]="notice()"
        [error]="error()"
        [conflict]="conflict()"
        (reload)="reload()"
      />

      @if (editable(c)) {
        @if (closing()) {
          <form class="ov-inline-form" (ngSubmit)="closeCase(c)" aria-labelledby="close-heading">
            <h2 class="utrecht-heading-3" id="close-heading">{{ 'cases.close' | transloco }}</h2>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="close-summary">{{
                'cases.closingSummary' | transloco
              }}</label>
              <textarea
                id="close-summary"
                name="summary"
                rows="3"
                class="utrecht-textarea utrecht-textarea--html-textarea"
                [ngModel]="closingSummary()"
                (ngModelChange)="closingSummary.set($event)"
                maxlength="10000"
              ></textarea>
            </div>
            <div class="ov-actions">
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="busy()"
              >
                {{ 'cases.closeSubmit' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="closing.set(false)"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </form>
        } @else {
          <p class="ov-actions">
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="closing.set(true)"
            >
              {{ 'cases.close' | transloco }}
            </button>
          </p>
        }
      }
      @if (c.closingSummary) {
        <div class="utrecht-alert utrecht-alert--info">
          <p class="utrecht-paragraph">
            {{ 'cases.closedWith' | transloco: { summary: c.closingSummary } }}
          </p>
        </div>
      }

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
              [disabled]="busy() || !shareWith()"
            >
              {{ 'cases.share' | transloco }}
            </button>
          </form>
        }
      </section>

      <!-- Intake -->
      <section class="ov-card" aria-labelledby="intake-heading">
        <h2 class="utrecht-heading-2" id="intake-heading">{{ 'intake.heading' | transloco }}</h2>
        @if (editingIntake()) {
          <form (ngSubmit)="saveIntake(c)">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="in-date">{{
                'intake.heldOn' | transloco
              }}</label>
              <input
                id="in-date"
                name="heldOn"
                type="date"
                class="utrecht-textbox utrecht-textbox--html-input"
                [(ngModel)]="intake.heldOn"
                required
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
                [(ngModel)]="intake.participants"
                maxlength="2000"
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="in-situation">{{
                'intake.situation' | transloco
              }}</label>
              <p class="utrecht-form-field-description" id="in-situation-hint">
                {{ 'intake.privateHint' | transloco }}
              </p>
              <textarea
                id="in-situation"
                name="situation"
                rows="4"
                class="utrecht-textarea utrecht-textarea--html-textarea"
                aria-describedby="in-situation-hint"
                [(ngModel)]="intake.situation"
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
                [(ngModel)]="intake.wishes"
                maxlength="10000"
              ></textarea>
            </div>
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">
                {{ 'intake.themes' | transloco }}
              </legend>
              <div class="ov-checkbox-row">
                @for (theme of themeNames(); track theme) {
                  <div class="utrecht-form-field utrecht-form-field--checkbox">
                    <input
                      type="checkbox"
                      class="utrecht-checkbox utrecht-checkbox--html-input"
                      [id]="'theme-' + $index"
                      [checked]="intake.themes.includes(theme)"
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
            <div class="ov-actions">
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="busy()"
              >
                {{ 'intake.save' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="editingIntake.set(false)"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </form>
        } @else if (c.intake; as i) {
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
          @if (editable(c)) {
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="startIntake(c)"
            >
              {{ 'intake.edit' | transloco }}
            </button>
          }
        } @else {
          <p class="utrecht-paragraph">{{ 'intake.none' | transloco }}</p>
          @if (editable(c)) {
            <button
              type="button"
              class="utrecht-button utrecht-button--primary-action"
              (click)="startIntake(c)"
            >
              {{ 'intake.fill' | transloco }}
            </button>
          }
        }
      </section>

      <!-- Agreements -->
      <section class="ov-card" aria-labelledby="agreements-heading">
        <h2 class="utrecht-heading-2" id="agreements-heading">
          {{ 'agreements.heading' | transloco }}
        </h2>
        @for (a of c.agreements; track a.id) {
          <article class="ov-agreement" [attr.aria-labelledby]="'ag-' + a.id">
            <h3 class="utrecht-heading-3" [id]="'ag-' + a.id">{{ a | ovStep }}</h3>
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
            @if (editable(c) && a.allowedTransitions.length > 0) {
              @if (draft()?.agreement?.id === a.id) {
                <form class="ov-inline-form" (ngSubmit)="saveStatus()">
                  <div class="utrecht-form-field">
                    <label class="utrecht-form-label" [for]="'reason-' + a.id">{{
                      'agreements.reason'
                        | transloco: { status: ('agreementStatus.' + draftStatus() | transloco) }
                    }}</label>
                    <input
                      [id]="'reason-' + a.id"
                      name="reason"
                      class="utrecht-textbox utrecht-textbox--html-input"
                      [ngModel]="draftReason()"
                      (ngModelChange)="draftReason.set($event)"
                      required
                      maxlength="1000"
                    />
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
                      (click)="draft.set(null)"
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
          </article>
        } @empty {
          <p class="utrecht-paragraph">{{ 'agreements.none' | transloco }}</p>
        }
        @if (editable(c)) {
          @if (addingAgreement()) {
            <ov-agreement-form
              [practices]="practices.value() ?? []"
              [teams]="teams.value() ?? []"
              [teamId]="c.team.id"
              [busy]="busy()"
              [fieldErrors]="fields()"
              (submitted)="addAgreement(c, $event)"
              (cancelled)="addingAgreement.set(false)"
            />
          } @else {
            <button
              type="button"
              class="utrecht-button utrecht-button--primary-action"
              (click)="addingAgreement.set(true)"
            >
              {{ 'agreements.new' | transloco }}
            </button>
          }
        }
      </section>

      <ov-case-spread-links
        [team]="c.team"
        [canEdit]="c.canEdit"
        [practices]="practices.value() ?? []"
      />

      <!-- Observations: private notes, only for the case's ambassadors and admins -->
      @if (c.observations; as observations) {
        <section class="ov-card" aria-labelledby="obs-heading">
          <h2 class="utrecht-heading-2" id="obs-heading">
            {{ 'observations.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph ov-muted">{{ 'intake.privateHint' | transloco }}</p>
          @if (editable(c)) {
            <form class="ov-inline-form" (ngSubmit)="addObservation(c)">
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
                  required
                />
              </div>
              <div class="utrecht-form-field">
                <label class="utrecht-form-label" for="obs-text">{{
                  'observations.text' | transloco
                }}</label>
                <textarea
                  id="obs-text"
                  name="text"
                  rows="3"
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  [(ngModel)]="observation.text"
                  maxlength="10000"
                  required
                ></textarea>
              </div>
              <button
                type="submit"
                class="utrecht-button utrecht-button--secondary-action"
                [disabled]="busy()"
              >
                {{ 'observations.add' | transloco }}
              </button>
            </form>
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
        <ov-pulse-results [rounds]="pulses.value() ?? []" />
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
                @case ('intake') {
                  {{ 'timeline.intake' | transloco: { version: e.version, name: e.by.name } }}
                }
                @case ('observation') {
                  {{ 'timeline.observation' | transloco: { name: e.by.name } }}
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
    } @else if (detail.error()) {
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{{ loadError() }}</p>
      </div>
    } @else {
      <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
    }
  `,
})
export class CasePage {
  private readonly api = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fmt = inject(Formatter);

  /** Bound from the route (`/casussen/:id`). */
  readonly id = input.required<string>();

  protected readonly detail = resource({
    params: () => this.id(),
    loader: ({ params }) => this.api.get(params),
  });
  protected readonly practices = resource({ loader: () => this.api.practices() });
  protected readonly teams = resource({ loader: () => this.api.teams() });
  private readonly themes = resource({ loader: () => this.api.themes() });
  private readonly allAmbassadors = resource({ loader: () => this.api.ambassadors() });
  protected readonly pulses = resource({
    params: () => this.detail.value()?.team.id,
    loader: ({ params }) => this.api.pulseResults(params),
  });
  protected readonly openRound = computed(
    () => (this.pulses.value() ?? []).find((r) => !r.closedOn) ?? null,
  );
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.me()?.roles.includes('admin') ?? false);
  protected readonly shareWith = signal('');

  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly fields = signal<Record<string, string>>({});
  protected readonly editingIntake = signal(false);
  protected readonly addingAgreement = signal(false);
  protected readonly closing = signal(false);
  protected readonly closingSummary = signal('');
  protected readonly draft = signal<StatusDraft | null>(null);
  protected readonly draftReason = signal('');
  protected readonly draftStatus = computed(() => this.draft()?.status ?? 'running');

  protected intake = {
    heldOn: todayInAmsterdam(),
    participants: '',
    situation: '',
    wishes: '',
    themes: [] as string[],
  };
  protected extraThemes = '';
  protected observation = { observedOn: todayInAmsterdam(), text: '' };

  protected readonly themeNames = computed(() => {
    const lang = this.transloco.getActiveLang();
    return (this.themes.value() ?? []).map((t) => (lang === 'en' ? t.name.en : t.name.nl));
  });

  protected editable(c: CaseDetailDto): boolean {
    return c.canEdit && c.status === 'open';
  }
  protected names(c: CaseDetailDto): string {
    return c.ambassadors.map((a) => a.name).join(', ');
  }
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
    this.error.set(null);
    this.conflict.set(false);
    this.detail.reload();
  }

  protected startIntake(c: CaseDetailDto): void {
    const i = c.intake;
    this.intake = i
      ? {
          heldOn: i.heldOn,
          participants: i.participants,
          situation: i.situation ?? '',
          wishes: i.wishes,
          themes: [...i.themes],
        }
      : { heldOn: todayInAmsterdam(), participants: '', situation: '', wishes: '', themes: [] };
    const known = new Set(this.themeNames());
    this.extraThemes = this.intake.themes.filter((t) => !known.has(t)).join(', ');
    this.intake.themes = this.intake.themes.filter((t) => known.has(t));
    this.editingIntake.set(true);
    setTimeout(() => document.getElementById('in-date')?.focus());
  }

  protected toggleTheme(theme: string): void {
    const themes = this.intake.themes;
    this.intake.themes = themes.includes(theme)
      ? themes.filter((t) => t !== theme)
      : [...themes, theme];
  }

  protected async saveIntake(c: CaseDetailDto): Promise<void> {
    const extra = this.extraThemes
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    await this.run(async () => {
      await this.api.saveIntake(c.id, {
        version: c.intake?.version ?? 0,
        ...this.intake,
        themes: [...this.intake.themes, ...extra],
      });
      this.editingIntake.set(false);
      return this.transloco.translate('intake.saved');
    });
  }

  protected async addAgreement(c: CaseDetailDto, request: AgreementRequest): Promise<void> {
    await this.run(async () => {
      const created = await this.api.addAgreement(c.id, request);
      this.addingAgreement.set(false);
      return this.transloco.translate('agreements.added', { title: created.title });
    });
  }

  protected startStatus(agreement: AgreementDto, status: AgreementStatusDto): void {
    this.draft.set({ agreement, status, reason: '' });
    this.draftReason.set('');
    setTimeout(() => document.getElementById('reason-' + agreement.id)?.focus());
  }

  protected async saveStatus(): Promise<void> {
    const d = this.draft();
    if (!d) return;
    await this.run(async () => {
      const saved = await this.api.changeStatus(d.agreement.id, {
        version: d.agreement.version,
        status: d.status,
        reason: this.draftReason(),
      });
      this.draft.set(null);
      return this.transloco.translate('agreements.statusChanged', {
        title: saved.title,
        status: this.transloco.translate('agreementStatus.' + saved.status),
      });
    });
  }

  protected otherAmbassadors(c: CaseDetailDto): Array<{ id: string; name: string }> {
    const on = new Set(c.ambassadors.map((a) => a.id));
    return (this.allAmbassadors.value() ?? []).filter((a) => !on.has(a.id));
  }

  protected async share(c: CaseDetailDto): Promise<void> {
    const userId = this.shareWith();
    const name = this.otherAmbassadors(c).find((a) => a.id === userId)?.name ?? '';
    await this.run(async () => {
      await this.api.share(c.id, userId);
      this.shareWith.set('');
      return this.transloco.translate('cases.shared', { name });
    });
  }

  protected async unassign(c: CaseDetailDto, userId: string): Promise<void> {
    const name = c.ambassadors.find((a) => a.id === userId)?.name ?? '';
    await this.run(async () => {
      await this.api.unassign(c.id, userId);
      return this.transloco.translate('cases.unassigned', { name });
    });
  }

  protected async openPulse(c: CaseDetailDto): Promise<void> {
    await this.run(async () => {
      await this.api.openPulse(c.team.id);
      this.pulses.reload();
      return this.transloco.translate('pulse.opened');
    });
  }

  protected async closePulse(roundId: string): Promise<void> {
    await this.run(async () => {
      await this.api.closePulse(roundId);
      this.pulses.reload();
      return this.transloco.translate('pulse.closed');
    });
  }

  protected async closeCase(c: CaseDetailDto): Promise<void> {
    if (!this.closingSummary().trim()) {
      this.error.set(this.transloco.translate('cases.closingSummaryRequired'));
      return;
    }
    await this.run(async () => {
      await this.api.close(c.id, { version: c.version, closingSummary: this.closingSummary() });
      this.closing.set(false);
      return this.transloco.translate('cases.closed');
    });
  }

  protected async addObservation(c: CaseDetailDto): Promise<void> {
    if (!this.observation.text.trim()) {
      this.error.set(this.transloco.translate('observations.required'));
      return;
    }
    await this.run(async () => {
      await this.api.addObservation(c.id, this.observation);
      this.observation = { observedOn: todayInAmsterdam(), text: '' };
      return this.transloco.translate('observations.added');
    });
  }

  /** One way to save: busy flag, errors next to fields or in the alert, 409 offers a reload. */
  private async run(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    this.error.set(null);
    this.conflict.set(false);
    this.fields.set({});
    try {
      const message = await action();
      this.notice.set(message);
      this.detail.reload();
    } catch (e) {
      const error = apiError(e);
      if (error.statusCode === 409 && error.code.endsWith('VERSION_CONFLICT')) {
        this.conflict.set(true);
        this.error.set(this.transloco.translate('cases.conflict'));
      } else {
        if (error.fields) this.fields.set(error.fields);
        this.error.set(translateError(this.transloco, error));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
