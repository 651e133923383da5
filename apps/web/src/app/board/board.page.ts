import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  Signal,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { BoardForums } from '../forums/board-forums';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  OrgUnitDto,
  PracticeDto,
  SpreadLinkDto,
  BoardAgreementDto,
  BoardCellDto,
  BoardDto,
  ReflectionDto,
  CadenceDto,
  CheckOffState,
  OpenPulseDto,
  PulseRoundResultDto,
} from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { cadenceText } from '../core/cadence-text';
import { translateError } from '../core/error-text';
import { LanguageService } from '../core/language.service';
import { AdminApi } from '../admin/admin-api.service';
import { AuthService } from '../core/auth.service';
import { CasesApi } from '../cases/cases-api.service';
import { SpreadLinkForm } from '../spread/spread-link-form';
import { BoardApi, withRetry } from './board-api.service';
import { PulseResults } from './pulse-results';
import { Feedback } from '../shell/feedback';
import { FieldError } from '../shell/field-error';
import { saveState } from '../shell/save-state';

import { DatePipe, Formatter, StepTitlePipe } from '../core/formatter';
import { MeasuresSection } from '../cases/measures/measures-section';

/** The screen members open every week: one tap per step, built for a phone between meetings. */
@Component({
  selector: 'ov-board-page',
  imports: [
    FormsModule,
    TranslocoPipe,
    PulseResults,
    SpreadLinkForm,
    Feedback,
    FieldError,
    BoardForums,
    MeasuresSection,
    DatePipe,
    StepTitlePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-step--target {
      outline: 3px solid var(--utrecht-focus-outline-color, #0b4ea2);
      outline-offset: 4px;
      scroll-margin-top: 1rem;
    }
    .ov-reflection__actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      margin-inline-start: 0.25rem;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'board.heading' | transloco }}</h1>
    <ov-feedback [state]="save" at="board" />

    @if (board(); as b) {
      @for (t of b.teams; track t.team.id) {
        <section class="ov-board-team" [attr.aria-labelledby]="'team-' + t.team.id">
          <h2 class="utrecht-heading-2" [id]="'team-' + t.team.id">{{ t.team.name }}</h2>
          @for (a of t.agreements; track a.id) {
            <article
              #stepCard
              [attr.data-step]="a.id"
              class="ov-card ov-step"
              [id]="'step-card-' + a.id"
              [class.ov-step--target]="a.id === stap()"
              [attr.tabindex]="a.id === stap() ? -1 : null"
              [attr.aria-labelledby]="'step-' + a.id"
            >
              <h3 class="utrecht-heading-3" [id]="'step-' + a.id">{{ a | ovStep }}</h3>
              <p class="ov-case-meta">
                <span>{{ cadenceText(a.cadence) }}</span>
                @if (a.partnerTeam; as p) {
                  <span>{{
                    'agreements.withPartner' | transloco: { name: partnerName(a, t.team.id) }
                  }}</span>
                }
                <span class="ov-habit" [attr.data-level]="a.habit.level">{{
                  'habit.' + a.habit.level | transloco
                }}</span>
              </p>
              <p class="utrecht-paragraph ov-strong">{{ periodLabel(a) }}</p>
              @if (a.current.status === 'open') {
                @if (skipping() === a.id) {
                  <form class="ov-inline-row" (ngSubmit)="tick(a, a.current, 'skipped')" novalidate>
                    <div
                      class="utrecht-form-field"
                      [class.utrecht-form-field--invalid]="
                        save.fieldError('step-' + a.id, 'reason')
                      "
                    >
                      <label class="utrecht-form-label" [for]="'reason-' + a.id">{{
                        'board.skipReason' | transloco
                      }}</label>
                      <ov-field-error
                        [messageId]="'reason-' + a.id + '-error'"
                        [text]="save.fieldError('step-' + a.id, 'reason')"
                      />
                      <input
                        #skipReason
                        [id]="'reason-' + a.id"
                        name="reason"
                        class="utrecht-textbox utrecht-textbox--html-input"
                        [ngModel]="reason()"
                        (ngModelChange)="reason.set($event)"
                        aria-required="true"
                        [attr.aria-invalid]="
                          save.fieldError('step-' + a.id, 'reason') ? true : null
                        "
                        [attr.aria-describedby]="
                          save.fieldError('step-' + a.id, 'reason')
                            ? 'reason-' + a.id + '-error'
                            : null
                        "
                        maxlength="500"
                      />
                    </div>
                    <button type="submit" class="utrecht-button utrecht-button--primary-action">
                      {{ 'board.confirmSkip' | transloco }}
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action"
                      (click)="cancelSkip(a)"
                    >
                      {{ 'app.cancel' | transloco }}
                    </button>
                  </form>
                } @else {
                  <div class="ov-tick">
                    <button
                      #tickButton
                      type="button"
                      [attr.data-step]="a.id"
                      class="utrecht-button utrecht-button--primary-action ov-tick__done"
                      [attr.aria-label]="('board.done' | transloco) + ' — ' + (a | ovStep)"
                      (click)="tick(a, a.current, 'done')"
                    >
                      ✓ {{ 'board.done' | transloco }}
                    </button>
                    <button
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action ov-tick__skip"
                      [attr.aria-label]="('board.skip' | transloco) + ' — ' + (a | ovStep)"
                      (click)="startSkip(a)"
                    >
                      {{ 'board.skip' | transloco }}
                    </button>
                  </div>
                }
              } @else {
                <div class="ov-tick ov-tick--settled">
                  <p
                    class="utrecht-paragraph ov-tick__result"
                    [attr.data-status]="a.current.status"
                  >
                    {{ 'board.state.' + a.current.status | transloco }}
                    @if (a.current.reason) {
                      — {{ a.current.reason }}
                    }
                  </p>
                  <!-- As long as the period is open, a mis-tap can be taken back here. -->
                  <button
                    #undoButton
                    type="button"
                    [attr.data-step]="a.id"
                    class="utrecht-button utrecht-button--secondary-action ov-button--small ov-tick__undo"
                    [disabled]="save.busyAt() === 'step-' + a.id"
                    (click)="undo(a)"
                  >
                    {{ 'board.undo' | transloco
                    }}<span class="ov-visually-hidden"> — {{ a.title }}</span>
                  </button>
                </div>
              }
              <ov-feedback [state]="save" [at]="'step-' + a.id" />

              <details class="ov-details">
                <summary>{{ 'board.catchUp' | transloco }}</summary>
                <ol class="ov-catchup">
                  @for (cell of a.grid; track cell.key) {
                    <li class="ov-catchup__item">
                      <span class="ov-catchup__period">{{ cell.key | ovDate: 'period' }}</span>
                      <span class="ov-catchup__status" [attr.data-status]="cell.status">{{
                        'periodStatus.' + cell.status | transloco
                      }}</span>
                      @if (cell.status === 'missed') {
                        <button
                          type="button"
                          class="utrecht-button utrecht-button--subtle ov-button--small"
                          [attr.aria-label]="
                            'board.fillIn'
                              | transloco
                                : { period: cell.key | ovDate: 'period', title: a | ovStep }
                          "
                          (click)="tick(a, cell, 'done')"
                        >
                          {{ 'board.fillInShort' | transloco }}
                        </button>
                      }
                    </li>
                  }
                </ol>
              </details>

              @if (linking() === a.id) {
                @if (linkData(); as d) {
                  <ov-spread-link-form
                    [idPrefix]="'link-' + a.id"
                    [heading]="'olievlek.links.fromBoardHeading' | transloco: { title: a | ovStep }"
                    [target]="t.team"
                    [units]="d.units"
                    [practices]="d.practices"
                    [practiceId]="practiceOf(a, d.practices)"
                    (recorded)="linked($event, a)"
                    (cancelled)="stopLink(a)"
                  />
                } @else {
                  <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
                }
              } @else {
                <p class="ov-actions ov-board-link">
                  <button
                    #linkOpener
                    type="button"
                    [attr.data-step]="a.id"
                    class="utrecht-button utrecht-button--subtle ov-button--small"
                    [id]="'link-open-' + a.id"
                    (click)="startLink(a)"
                  >
                    {{ 'olievlek.links.fromBoard' | transloco
                    }}<span class="ov-visually-hidden"> — {{ a | ovStep }}</span>
                  </button>
                </p>
              }

              @if (!ownOpenReflection(a)) {
                <form class="ov-reflection" (ngSubmit)="reflect(a)">
                  <div class="utrecht-form-field">
                    <label class="utrecht-form-label" [for]="'refl-' + a.id">{{
                      'board.reflection' | transloco
                    }}</label>
                    <textarea
                      #newReflection
                      [attr.data-step]="a.id"
                      [id]="'refl-' + a.id"
                      [name]="'refl-' + a.id"
                      rows="2"
                      class="utrecht-textarea utrecht-textarea--html-textarea"
                      [ngModel]="draft(a.id)"
                      (ngModelChange)="setDraft(a.id, $event)"
                      maxlength="2000"
                    ></textarea>
                  </div>
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action ov-button--small"
                    [disabled]="save.busyAt() === 'reflection-' + a.id"
                  >
                    {{ 'board.saveReflection' | transloco }}
                  </button>
                </form>
              }
              @if (a.reflections.length) {
                <ul class="ov-list ov-reflections">
                  @for (r of a.reflections; track r.periodKey + r.author.id) {
                    <li class="ov-list__item">
                      @if (editingReflection() === a.id && isOwnOpen(a, r)) {
                        <form class="ov-reflection" (ngSubmit)="saveEdit(a)" novalidate>
                          <div
                            class="utrecht-form-field"
                            [class.utrecht-form-field--invalid]="
                              save.fieldError('reflection-' + a.id, 'text')
                            "
                          >
                            <label class="utrecht-form-label" [for]="'refl-edit-' + a.id">{{
                              'board.reflectionEditLabel'
                                | transloco: { period: r.periodKey | ovDate: 'period' }
                            }}</label>
                            <ov-field-error
                              [messageId]="'refl-edit-' + a.id + '-error'"
                              [text]="save.fieldError('reflection-' + a.id, 'text')"
                            />
                            <textarea
                              #editReflection
                              [id]="'refl-edit-' + a.id"
                              name="text"
                              rows="3"
                              class="utrecht-textarea utrecht-textarea--html-textarea"
                              [ngModel]="editText()"
                              (ngModelChange)="editText.set($event)"
                              aria-required="true"
                              [attr.aria-invalid]="
                                save.fieldError('reflection-' + a.id, 'text') ? true : null
                              "
                              [attr.aria-describedby]="
                                save.fieldError('reflection-' + a.id, 'text')
                                  ? 'refl-edit-' + a.id + '-error'
                                  : null
                              "
                              maxlength="2000"
                            ></textarea>
                          </div>
                          <p class="ov-actions">
                            <button
                              type="submit"
                              class="utrecht-button utrecht-button--primary-action ov-button--small"
                              [disabled]="save.busyAt() === 'reflection-' + a.id"
                            >
                              {{ 'board.saveReflectionEdit' | transloco }}
                            </button>
                            <button
                              type="button"
                              class="utrecht-button utrecht-button--secondary-action ov-button--small"
                              (click)="cancelEdit(a)"
                            >
                              {{ 'app.cancel' | transloco }}
                            </button>
                          </p>
                        </form>
                      } @else {
                        <span class="ov-muted"
                          >{{ r.periodKey | ovDate: 'period' }}, {{ r.author.name }}:</span
                        >
                        {{ r.text }}
                        @if (isOwnOpen(a, r)) {
                          <span class="ov-reflection__actions">
                            <button
                              #editReflectionButton
                              type="button"
                              [attr.data-step]="a.id"
                              class="utrecht-button utrecht-button--subtle ov-button--small"
                              (click)="startEdit(a, r)"
                            >
                              {{ 'board.editReflection' | transloco
                              }}<span class="ov-visually-hidden"> — {{ a | ovStep }}</span>
                            </button>
                            <button
                              type="button"
                              class="utrecht-button utrecht-button--subtle ov-button--small"
                              [disabled]="save.busyAt() === 'reflection-' + a.id"
                              (click)="removeReflection(a, r)"
                            >
                              {{ 'board.removeReflection' | transloco
                              }}<span class="ov-visually-hidden"> — {{ a | ovStep }}</span>
                            </button>
                          </span>
                        }
                      }
                    </li>
                  }
                </ul>
              }
              <ov-feedback [state]="save" [at]="'reflection-' + a.id">
                @if (removedReflection(); as removed) {
                  @if (removed.agreementId === a.id) {
                    <button
                      #undoRemoveButton
                      type="button"
                      class="utrecht-button utrecht-button--secondary-action ov-button--small"
                      (click)="restoreReflection(a)"
                    >
                      {{ 'board.undo' | transloco
                      }}<span class="ov-visually-hidden"> — {{ a | ovStep }}</span>
                    </button>
                  }
                }
              </ov-feedback>
              <ov-measures [agreement]="a" />
            </article>
          } @empty {
            <p class="utrecht-paragraph">{{ 'board.noSteps' | transloco }}</p>
          }

          @for (p of t.pulses; track p.id) {
            <section class="ov-card" [attr.aria-labelledby]="'pulse-' + p.id">
              <h3 class="utrecht-heading-3" [id]="'pulse-' + p.id">
                {{ 'pulse.heading' | transloco }}
              </h3>
              @if (p.answered) {
                <p class="utrecht-paragraph">{{ 'pulse.answered' | transloco }}</p>
              } @else {
                <p class="utrecht-paragraph ov-muted">{{ 'pulse.intro' | transloco }}</p>
                <form (ngSubmit)="answer(p)">
                  @for (q of p.questions; track q.id) {
                    <fieldset class="utrecht-form-fieldset ov-pulse-question">
                      <legend class="utrecht-form-fieldset__legend">
                        {{ language.current() === 'en' ? q.text.en : q.text.nl }}
                      </legend>
                      <div class="ov-scale">
                        @for (score of [1, 2, 3, 4, 5]; track score) {
                          <label class="ov-scale__option">
                            <input
                              type="radio"
                              [name]="'q-' + q.id"
                              [value]="score"
                              [checked]="scores()[q.id] === score"
                              (change)="setScore(q.id, score)"
                            />
                            <span>{{ score }}</span>
                            <span class="ov-visually-hidden">{{
                              'pulse.scale.' + score | transloco
                            }}</span>
                          </label>
                        }
                      </div>
                      <p class="ov-scale__ends ov-muted" aria-hidden="true">
                        <span>{{ 'pulse.scale.1' | transloco }}</span><span>{{
                          'pulse.scale.5' | transloco
                        }}</span>
                      </p>
                    </fieldset>
                  }
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--primary-action"
                    [disabled]="save.busyAt() === 'pulse-' + p.id"
                  >
                    {{ 'pulse.submit' | transloco }}
                  </button>
                </form>
              }
              <ov-feedback [state]="save" [at]="'pulse-' + p.id" />
            </section>
          }
          <section class="ov-card" [attr.aria-labelledby]="'results-' + t.team.id">
            <h3 class="utrecht-heading-3" [id]="'results-' + t.team.id">
              {{ 'pulse.resultsHeading' | transloco }}
            </h3>
            <ov-pulse-results [rounds]="resultsOf(t.team.id)" />
          </section>
        </section>
      } @empty {
        <p class="utrecht-paragraph">{{ 'home.team.none' | transloco }}</p>
      }
    } @else if (loading()) {
      <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
    }
    <ov-board-forums />
  `,
})
export class BoardPage {
  /** `/bord?stap=<agreementId>` (the link in the weekly reminder): open at that step. Ticks nothing. */
  readonly stap = input<string | undefined>();
  private readonly api = inject(BoardApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fmt = inject(Formatter);
  protected readonly language = inject(LanguageService);

  protected readonly board = signal<BoardDto | null>(null);
  protected readonly results = signal<Record<string, PulseRoundResultDto[]>>({});
  protected readonly loading = signal(true);
  /** One save-state: each answer appears in the card of the step or pulse it concerns. */
  protected readonly save = saveState();
  protected readonly skipping = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly scores = signal<Record<string, number>>({});
  private readonly injector = inject(Injector);
  private readonly skipReason = viewChild<ElementRef<HTMLElement>>('skipReason');
  private readonly tickButtons = viewChildren<ElementRef<HTMLElement>>('tickButton');
  private readonly undoButtons = viewChildren<ElementRef<HTMLElement>>('undoButton');
  private readonly linkOpeners = viewChildren<ElementRef<HTMLElement>>('linkOpener');
  private readonly stepCards = viewChildren<ElementRef<HTMLElement>>('stepCard');
  private readonly newReflections = viewChildren<ElementRef<HTMLElement>>('newReflection');
  private readonly editReflectionButtons =
    viewChildren<ElementRef<HTMLElement>>('editReflectionButton');
  private readonly editReflection = viewChild<ElementRef<HTMLElement>>('editReflection');
  private readonly undoRemoveButton = viewChild<ElementRef<HTMLElement>>('undoRemoveButton');
  private readonly auth = inject(AuthService);

  /** The step whose own reflection is being edited in place, and the text as it is typed. */
  protected readonly editingReflection = signal<string | null>(null);
  protected readonly editText = signal('');
  /** The reflection just removed, so that "Undo" can put it back while its period lasts. */
  protected readonly removedReflection = signal<{
    agreementId: string;
    periodKey: string;
    text: string;
  } | null>(null);

  /** The agreement whose "We took this from …" form is open. */
  protected readonly linking = signal<string | null>(null);
  protected readonly linkData = signal<{ units: OrgUnitDto[]; practices: PracticeDto[] } | null>(
    null,
  );
  private readonly admin = inject(AdminApi);
  private readonly cases = inject(CasesApi);

  constructor() {
    void this.load();
  }

  protected async startLink(a: BoardAgreementDto): Promise<void> {
    this.linking.set(a.id);
    if (this.linkData()) return;
    try {
      const [units, practices] = await Promise.all([this.admin.orgUnits(), this.cases.practices()]);
      this.linkData.set({ units, practices });
    } catch (e) {
      this.linking.set(null);
      this.save.failWith('step-' + a.id, e);
    }
  }

  protected stopLink(a: BoardAgreementDto): void {
    this.linking.set(null);
    this.focusIn(this.linkOpeners, a.id);
  }

  /** The catalogue practice the step was agreed from, known here only by its title. */
  protected practiceOf(a: BoardAgreementDto, practices: PracticeDto[]): string | null {
    return practices.find((p) => p.title.nl === a.title || p.title.en === a.title)?.id ?? null;
  }

  protected linked(link: SpreadLinkDto, a: BoardAgreementDto): void {
    this.save.done(
      'step-' + a.id,
      this.transloco.translate('olievlek.links.saved', {
        source: link.source.name,
        target: link.target.name,
      }),
    );
    this.stopLink(a);
  }

  private async load(): Promise<void> {
    try {
      const board = await this.api.board();
      this.board.set(board);
      this.focusStep();
      const results = await Promise.all(board.teams.map((t) => this.api.results(t.team.id)));
      this.results.set(Object.fromEntries(board.teams.map((t, i) => [t.team.id, results[i]])));
    } catch (e) {
      this.save.failWith('board', e);
    } finally {
      this.loading.set(false);
    }
  }

  /** Scrolls to the step named in the link and moves the focus there, so a screen reader reads it. */
  private focusStep(): void {
    const id = this.stap();
    if (!id) return;
    afterNextRender(
      () => {
        const card = this.stepCards().find((c) => c.nativeElement.dataset['step'] === id);
        card?.nativeElement.scrollIntoView({ block: 'start' });
        card?.nativeElement.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  protected cadenceText(cadence: CadenceDto): string {
    return cadenceText(this.transloco, cadence);
  }
  protected periodLabel(a: BoardAgreementDto): string {
    if (a.cadence.kind === 'weeks' && a.cadence.every === 1)
      return this.transloco.translate('board.thisWeek', { key: this.fmt.period(a.current.key) });
    if (a.cadence.kind === 'monthly')
      return this.transloco.translate('board.thisMonth', { key: this.fmt.period(a.current.key) });
    return this.transloco.translate('board.thisPeriod', {
      start: this.fmt.date(a.current.start),
      end: this.fmt.date(a.current.end),
    });
  }
  protected partnerName(a: BoardAgreementDto, teamId: string): string {
    return a.team.id === teamId ? (a.partnerTeam?.name ?? '') : a.team.name;
  }
  protected startSkip(a: BoardAgreementDto): void {
    this.save.clear();
    this.reason.set('');
    this.skipping.set(a.id);
    afterNextRender(() => this.skipReason()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancelSkip(a: BoardAgreementDto): void {
    this.skipping.set(null);
    this.save.clear();
    this.focusIn(this.tickButtons, a.id);
  }

  /** After a tick or an undo the card's buttons change: the keyboard stays in the same card. */
  private focusIn(buttons: Signal<readonly ElementRef<HTMLElement>[]>, agreementId: string): void {
    afterNextRender(
      () =>
        buttons()
          .find((b) => b.nativeElement.dataset['step'] === agreementId)
          ?.nativeElement.focus(),
      { injector: this.injector },
    );
  }
  protected resultsOf(teamId: string): PulseRoundResultDto[] {
    return this.results()[teamId] ?? [];
  }
  protected draft(id: string): string {
    return this.drafts()[id] ?? '';
  }
  protected setDraft(id: string, text: string): void {
    this.drafts.update((d) => ({ ...d, [id]: text }));
  }
  protected setScore(questionId: string, score: number): void {
    this.scores.update((s) => ({ ...s, [questionId]: score }));
  }

  /** Optimistic: the screen changes at once; a dropped network is retried; a refusal is said plainly. */
  protected async tick(
    a: BoardAgreementDto,
    cell: BoardCellDto,
    state: CheckOffState,
  ): Promise<void> {
    const at = 'step-' + a.id;
    if (state === 'skipped' && !this.reason().trim()) {
      this.save.invalid(at, { reason: this.transloco.translate('board.reasonRequired') });
      this.skipReason()?.nativeElement.focus();
      return;
    }
    const reason = state === 'skipped' ? this.reason().trim() : undefined;
    const before = a.habit.level;
    const focused = document.activeElement?.classList.contains('ov-tick__done') ?? false;
    this.save.clear();
    this.skipping.set(null);
    this.replace({
      ...a,
      current:
        a.current.key === cell.key
          ? { ...a.current, status: state, reason: reason ?? null }
          : a.current,
      grid: a.grid.map((c) =>
        c.key === cell.key ? { ...c, status: state, reason: reason ?? null } : c,
      ),
    });
    try {
      const saved = await withRetry(() =>
        this.api.tick(a.id, cell.key, { state, ...(reason ? { reason } : {}) }),
      );
      this.replace(saved);
      const celebrate = saved.habit.level === 'routine' && before !== 'routine';
      this.save.done(
        at,
        this.transloco.translate(
          celebrate ? 'board.routine' : state === 'done' ? 'board.savedDone' : 'board.savedSkipped',
          { title: a.title },
        ),
      );
      if (cell.key === a.current.key && (focused || state === 'skipped')) {
        this.focusIn(this.undoButtons, a.id);
      }
    } catch (e) {
      this.replace(a);
      this.save.fail(
        at,
        this.transloco.translate('board.notSaved', { title: a.title }) +
          ' ' +
          translateError(this.transloco, apiError(e)),
      );
    }
  }

  /** Takes back this period's tick or skip, for as long as the period is open. */
  protected async undo(a: BoardAgreementDto): Promise<void> {
    const at = 'step-' + a.id;
    await this.save.run(
      at,
      async () => this.replace(await withRetry(() => this.api.untick(a.id, a.current.key))),
      () => this.transloco.translate('trust.undone', { title: a.title }),
    );
    this.focusIn(this.tickButtons, a.id);
  }

  protected async reflect(a: BoardAgreementDto): Promise<void> {
    const text = (this.drafts()[a.id] ?? '').trim();
    if (!text) return;
    this.removedReflection.set(null);
    const saved = await this.save.run(
      'reflection-' + a.id,
      () => withRetry(() => this.api.reflect(a.id, a.current.key, text)),
      () => this.transloco.translate('board.reflectionSaved'),
    );
    if (saved) {
      this.replace(saved);
      this.setDraft(a.id, '');
      this.focusIn(this.editReflectionButtons, a.id);
    }
  }

  /**
   * The signed-in member's own reflection may change while its period lasts (docs/design.md
   * §Reflections): the period holding today, not one that is over.
   */
  protected isOwnOpen(a: BoardAgreementDto, r: ReflectionDto): boolean {
    const today = this.board()?.today ?? '';
    const period = a.grid.find((c) => c.key === r.periodKey);
    return r.author.id === this.auth.me()?.id && !!period && period.end >= today;
  }

  /** With one of their own in the open period, a member edits that one instead of adding. */
  protected ownOpenReflection(a: BoardAgreementDto): ReflectionDto | null {
    return a.reflections.find((r) => this.isOwnOpen(a, r)) ?? null;
  }

  protected startEdit(a: BoardAgreementDto, r: ReflectionDto): void {
    this.save.clear();
    this.removedReflection.set(null);
    this.editText.set(r.text);
    this.editingReflection.set(a.id);
    afterNextRender(() => this.editReflection()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  protected cancelEdit(a: BoardAgreementDto): void {
    this.editingReflection.set(null);
    this.save.clear();
    this.focusIn(this.editReflectionButtons, a.id);
  }

  protected async saveEdit(a: BoardAgreementDto): Promise<void> {
    const own = this.ownOpenReflection(a);
    const at = 'reflection-' + a.id;
    const text = this.editText().trim();
    if (!own) return;
    if (!text) {
      this.save.invalid(at, { text: this.transloco.translate('board.reflectionRequired') });
      this.editReflection()?.nativeElement.focus();
      return;
    }
    const saved = await this.save.run(
      at,
      () => withRetry(() => this.api.reflect(a.id, own.periodKey, text)),
      () => this.transloco.translate('board.reflectionUpdated'),
    );
    if (saved) {
      this.replace(saved);
      this.editingReflection.set(null);
      this.focusIn(this.editReflectionButtons, a.id);
    }
  }

  /** Removed at once; the message beside it offers to put it back. */
  protected async removeReflection(a: BoardAgreementDto, r: ReflectionDto): Promise<void> {
    const at = 'reflection-' + a.id;
    this.removedReflection.set(null);
    this.save.clear();
    this.save.busyAt.set(at);
    try {
      this.replace(await withRetry(() => this.api.removeReflection(a.id, r.periodKey)));
      this.save.done(at, this.transloco.translate('board.reflectionRemoved'));
      this.removedReflection.set({ agreementId: a.id, periodKey: r.periodKey, text: r.text });
      afterNextRender(() => this.undoRemoveButton()?.nativeElement.focus(), {
        injector: this.injector,
      });
    } catch (e) {
      this.save.failWith(at, e);
      // Removed elsewhere meanwhile (404): the screen stops showing what is no longer there.
      if (apiError(e).code === 'REFLECTION_NOT_FOUND') {
        this.replace({ ...a, reflections: a.reflections.filter((x) => x !== r) });
        this.focusIn(this.newReflections, a.id);
      }
    } finally {
      this.save.busyAt.set(null);
    }
  }

  protected async restoreReflection(a: BoardAgreementDto): Promise<void> {
    const removed = this.removedReflection();
    if (!removed) return;
    this.removedReflection.set(null);
    const saved = await this.save.run(
      'reflection-' + a.id,
      () => withRetry(() => this.api.reflect(a.id, removed.periodKey, removed.text)),
      () => this.transloco.translate('board.reflectionRestored'),
    );
    if (saved) {
      this.replace(saved);
      this.focusIn(this.editReflectionButtons, a.id);
    } else {
      this.focusIn(this.newReflections, a.id);
    }
  }

  protected async answer(p: OpenPulseDto): Promise<void> {
    const scores = this.scores();
    const at = 'pulse-' + p.id;
    if (p.questions.some((q) => !scores[q.id])) {
      this.save.fail(at, this.transloco.translate('pulse.incomplete'));
      return;
    }
    const sent = await this.save.run(
      at,
      async () => {
        await withRetry(() =>
          this.api.answer(p.id, {
            answers: p.questions.map((q) => ({ questionId: q.id, score: scores[q.id] })),
          }),
        );
        return true;
      },
      () => this.transloco.translate('pulse.thanks'),
    );
    if (sent) {
      this.board.update(
        (b) =>
          b && {
            ...b,
            teams: b.teams.map((t) => ({
              ...t,
              pulses: t.pulses.map((x) => (x.id === p.id ? { ...x, answered: true } : x)),
            })),
          },
      );
    }
  }

  private replace(updated: BoardAgreementDto): void {
    this.board.update(
      (b) =>
        b && {
          ...b,
          teams: b.teams.map((t) => ({
            ...t,
            agreements: t.agreements.map((x) => (x.id === updated.id ? updated : x)),
          })),
        },
    );
  }
}
