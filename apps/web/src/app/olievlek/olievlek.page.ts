import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { OlievlekDownloads } from '../exports/olievlek-downloads';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { monthEnds } from '@olievlek/domain';
import { NEXT_BEST_MAX } from '@olievlek/shared';
import type {
  AdoptionDto,
  NextBestTeamsDto,
  OlievlekViewDto,
  SpreadGraphDto,
} from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { translateError } from '../core/error-text';
import { AdoptionCharts } from './adoption-charts';
import { KeyFigures } from './key-figures';
import { NextBest } from './next-best';
import { OlievlekApi } from './olievlek-api.service';
import { headline } from './headline';
import { OlievlekFormat } from './olievlek-format';
import { OlievlekMap } from './olievlek-map';
import { dateParam, OlievlekTab, sliderIndex, tabOf, tabParam } from './olievlek-query';
import { SpreadGraph } from './spread-graph';
import { TeamPanel } from './team-panel';
import { ViewTabs } from './view-tabs';

/** How long each month stays on screen while the programme replays. */
const STEP_MS = 1200;

/**
 * The olievlek view: how the change spreads through the caller's scope, at any month since the
 * first case. Directors start at their own unit (the API decides the scope); anyone may zoom into
 * a department or directorate below it. The unit, the date and the open tab are kept in the
 * address (olievlek-query.ts), so reload, Back and a copied link show the same view.
 */
@Component({
  selector: 'ov-olievlek-page',
  imports: [
    OlievlekDownloads,
    RouterLink,
    TranslocoPipe,
    OlievlekMap,
    KeyFigures,
    AdoptionCharts,
    SpreadGraph,
    NextBest,
    ViewTabs,
    TeamPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-crumbs ol {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .ov-crumbs li + li::before {
      content: '›';
      margin-inline-end: 0.5rem;
      color: var(--ov-muted);
    }
    .ov-crumbs [aria-current] {
      font-weight: 600;
    }
    .ov-headline {
      border-inline-start: 0.375rem solid var(--ov-accent);
      padding: 0.25rem 0 0.25rem 1rem;
      margin-block: 0 1rem;
    }
    .ov-headline__sentence {
      font-size: 1.375rem;
      font-weight: 700;
      line-height: 1.35;
      margin: 0;
    }
    .ov-headline__trend {
      font-size: 1.0625rem;
      margin: 0.25rem 0 0;
    }
    h1:focus {
      outline: none;
    }
    h1:focus-visible {
      outline: 3px solid var(--ov-focus);
      outline-offset: 2px;
    }
    .ov-time__date {
      font-size: 1.25rem;
      font-weight: 700;
      margin: 0 0 0.25rem;
    }
    .ov-time__slider {
      inline-size: 100%;
      min-block-size: 2.75rem;
      margin: 0;
      accent-color: var(--ov-accent);
    }
    .ov-time__ends {
      display: flex;
      justify-content: space-between;
      font-size: 0.875rem;
      color: var(--ov-muted);
      margin: 0;
    }
    .ov-time__buttons {
      margin-block-start: 0.5rem;
      align-items: center;
    }
    .ov-time__loading {
      color: var(--ov-muted);
      font-size: 0.9375rem;
    }
  `,
  template: `
    @if (view(); as v) {
      <h1 class="utrecht-heading-1" id="olievlek-heading" tabindex="-1">
        {{ 'olievlek.heading' | transloco: { unit: v.unit.name } }}
      </h1>
      @if (headline(); as h) {
        <section class="ov-headline" aria-labelledby="olievlek-headline">
          <h2 class="ov-visually-hidden" id="olievlek-headline">
            {{ 'olievlek.headline.label' | transloco }}
          </h2>
          <p class="ov-headline__sentence">{{ h.sentence }}</p>
          @if (h.trend) {
            <p class="ov-headline__trend">{{ h.trend }}</p>
          }
        </section>
      }
      <p class="utrecht-paragraph ov-lead">{{ 'olievlek.intro' | transloco }}</p>
      @if (v.path.length > 1) {
        <nav class="ov-crumbs" [attr.aria-label]="'olievlek.breadcrumb' | transloco">
          <ol>
            @for (unit of v.path; track unit.id; let last = $last) {
              <li>
                @if (last) {
                  <span aria-current="page">{{ unit.name }}</span>
                } @else {
                  <a
                    class="utrecht-link"
                    routerLink="/olievlek"
                    [queryParams]="{ unitId: unit.id }"
                    queryParamsHandling="merge"
                    >{{ unit.name }}</a
                  >
                }
              </li>
            }
          </ol>
        </nav>
      }

      <section class="ov-card ov-time" aria-labelledby="olievlek-time">
        <h2 class="ov-visually-hidden" id="olievlek-time">
          {{ 'olievlek.time.heading' | transloco }}
        </h2>
        @if (months().length > 1) {
          <label class="utrecht-form-label" for="olievlek-date">{{
            'olievlek.time.label' | transloco
          }}</label>
          <p class="ov-time__date" aria-hidden="true">{{ f.date(v.date) }}</p>
          <input
            id="olievlek-date"
            class="ov-time__slider"
            type="range"
            min="0"
            step="1"
            [max]="lastIndex()"
            [value]="index()"
            [attr.aria-valuetext]="f.date(v.date)"
            aria-describedby="olievlek-date-hint"
            (input)="slide($event)"
          />
          <p class="ov-time__ends" aria-hidden="true">
            <span>{{ f.month(months()[0]) }}</span>
            <span>{{ 'olievlek.time.today' | transloco }}</span>
          </p>
          <p class="ov-visually-hidden" id="olievlek-date-hint">
            {{ 'olievlek.time.hint' | transloco }}
          </p>
          <div class="ov-actions ov-time__buttons">
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action ov-button--small"
              [disabled]="index() === 0"
              (click)="step(-1)"
            >
              <span aria-hidden="true">◀ </span>{{ 'olievlek.time.previous' | transloco }}
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--primary-action ov-button--small"
              (click)="togglePlay()"
            >
              @if (playing()) {
                <span aria-hidden="true">❚❚ </span>{{ 'olievlek.time.pause' | transloco }}
              } @else {
                <span aria-hidden="true">▶ </span>{{ 'olievlek.time.play' | transloco }}
              }
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action ov-button--small"
              [disabled]="index() >= lastIndex()"
              (click)="step(1)"
            >
              {{ 'olievlek.time.next' | transloco }}<span aria-hidden="true"> ▶</span>
            </button>
            <button
              type="button"
              class="utrecht-button utrecht-button--subtle ov-button--small"
              [disabled]="index() >= lastIndex()"
              (click)="toToday()"
            >
              {{ 'olievlek.time.toToday' | transloco }}
            </button>
            @if (loading()) {
              <span class="ov-time__loading">{{ 'app.loading' | transloco }}</span>
            }
          </div>
        } @else {
          <p class="ov-time__date">{{ f.date(v.date) }}</p>
          <p class="utrecht-paragraph ov-muted">{{ 'olievlek.time.noHistory' | transloco }}</p>
        }
        <p class="ov-visually-hidden" role="status">{{ status() }}</p>
      </section>

      @if (error(); as message) {
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{{ message }}</p>
        </div>
      }

      @if (team(); as teamId) {
        <ov-team-panel [teamId]="teamId" (closed)="closeTeam()" />
      }
      <ov-view-tabs [open]="openTab()" (choose)="openTabIn($event)" />

      @switch (openTab()) {
        @case ('map') {
          <div role="tabpanel" id="olievlek-panel-map" aria-labelledby="olievlek-tab-map">
            <section class="ov-card" aria-labelledby="olievlek-map">
              <h2 class="utrecht-heading-2" id="olievlek-map">
                {{ 'olievlek.map.heading' | transloco }}
              </h2>
              <p class="utrecht-paragraph ov-muted">
                {{ (v.teamsShown ? 'olievlek.map.intro' : 'olievlek.mapCoarse.intro') | transloco }}
              </p>
              <ov-olievlek-map [view]="v" (zoom)="zoom($event)" (openTeam)="openTeam($event)" />
            </section>

            <section class="ov-card" aria-labelledby="olievlek-figures">
              <h2 class="utrecht-heading-2" id="olievlek-figures">
                {{ 'olievlek.figures.heading' | transloco: { date: f.date(v.date) } }}
              </h2>
              <ov-key-figures [figures]="v.figures" [children]="v.children" [date]="v.date" />
            </section>

            <section class="ov-card" aria-labelledby="olievlek-downloads">
              <h2 class="utrecht-heading-2" id="olievlek-downloads">
                {{ 'importExport.downloads.heading' | transloco }}
              </h2>
              <p class="utrecht-paragraph ov-muted">
                {{
                  'importExport.downloads.intro'
                    | transloco: { unit: v.unit.name, date: f.date(v.date) }
                }}
              </p>
              <ov-olievlek-downloads [unitId]="v.unit.id" [date]="v.date" />
            </section>
          </div>
        }
        @case ('trend') {
          <div role="tabpanel" id="olievlek-panel-trend" aria-labelledby="olievlek-tab-trend">
            <section class="ov-card" aria-labelledby="olievlek-adoption">
              <h2 class="utrecht-heading-2" id="olievlek-adoption">
                {{ 'olievlek.adoption.heading' | transloco }}
              </h2>
              @if (adoption(); as a) {
                @if (a.months.length > 0) {
                  <ov-adoption-charts [adoption]="a" [current]="v.date.slice(0, 7)" />
                } @else {
                  <p class="utrecht-paragraph">{{ 'olievlek.adoption.empty' | transloco }}</p>
                }
              } @else if (adoptionError(); as message) {
                <p class="utrecht-paragraph ov-warning">{{ message }}</p>
              } @else {
                <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
              }
            </section>
          </div>
        }
        @case ('spread') {
          <div role="tabpanel" id="olievlek-panel-spread" aria-labelledby="olievlek-tab-spread">
            <section class="ov-card" aria-labelledby="olievlek-spread">
              <h2 class="utrecht-heading-2" id="olievlek-spread">
                {{ 'olievlek.spread.heading' | transloco }}
              </h2>
              <p class="utrecht-paragraph ov-muted">{{ 'olievlek.spread.intro' | transloco }}</p>
              @if (spread(); as s) {
                <ov-spread-graph [spread]="s" />
              } @else if (spreadError(); as message) {
                <p class="utrecht-paragraph ov-warning">{{ message }}</p>
              } @else {
                <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
              }
            </section>

            @if (canSeeNextBest()) {
              <section class="ov-card" aria-labelledby="olievlek-next">
                <h2 class="utrecht-heading-2" id="olievlek-next">
                  {{ 'olievlek.nextBest.heading' | transloco }}
                </h2>
                <p class="utrecht-paragraph ov-muted">
                  {{ 'olievlek.nextBest.intro' | transloco }}
                </p>
                @if (nextBest(); as result) {
                  <ov-next-best [result]="result" (more)="moreNextBest()" />
                } @else if (nextBestError(); as message) {
                  <p class="utrecht-paragraph ov-warning">{{ message }}</p>
                } @else {
                  <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
                }
              </section>
            }
          </div>
        }
      }
    } @else if (error(); as message) {
      <h1 class="utrecht-heading-1">{{ 'olievlek.title' | transloco }}</h1>
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{{ message }}</p>
      </div>
      @if (unitId() || date()) {
        <p class="utrecht-paragraph">
          <a class="utrecht-link" routerLink="/olievlek" [queryParams]="{ tab: tab() }">{{
            'olievlek.backToScope' | transloco
          }}</a>
        </p>
      }
    } @else {
      <h1 class="utrecht-heading-1">{{ 'olievlek.title' | transloco }}</h1>
      <p class="utrecht-paragraph" role="status">{{ 'app.loading' | transloco }}</p>
    }
  `,
})
export class OlievlekPage {
  private readonly api = inject(OlievlekApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly f = new OlievlekFormat();

  /** Bound from the query string (`/olievlek?unitId=…`); none means the top of the caller's scope. */
  readonly unitId = input<string>();
  /** `?date=`: the date the view stands on; none means today. The server refuses a bad one. */
  readonly date = input<string>();
  /** `?tab=`: the open tab; none (or an unknown one) means the map. */
  readonly tab = input<string>();
  protected readonly openTab = computed(() => tabOf(this.tab()));
  /** `?team=`: the team whose history is open (the server checks it against the scope). */
  readonly team = input<string>();

  protected readonly view = signal<OlievlekViewDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly adoption = signal<AdoptionDto | null>(null);
  protected readonly adoptionError = signal<string | null>(null);
  protected readonly spread = signal<SpreadGraphDto | null>(null);
  protected readonly spreadError = signal<string | null>(null);
  protected readonly nextBest = signal<NextBestTeamsDto | null>(null);
  protected readonly nextBestError = signal<string | null>(null);
  protected readonly playing = signal(false);

  /** One sentence and two numbers from the view's figures and the unit's months. */
  protected readonly headline = computed(() => {
    const v = this.view();
    const a = this.adoption();
    if (!v || !a || a.unit.id !== v.unit.id) return null;
    const t = (key: string, params?: Record<string, unknown>) => this.f.t(key, params);
    return headline(this.f.locale(), t, {
      reach: v.figures.reach,
      rooted: v.figures.rooted,
      date: v.date,
      months: a.months,
    });
  });

  protected readonly canSeeNextBest = computed(() => {
    const roles = this.auth.me()?.roles ?? [];
    return roles.includes('ambassador') || roles.includes('admin');
  });

  /** The slider's range, from the first answer: the first month with a case up to today. */
  private readonly bounds = signal<{ firstDate: string | null; today: string } | null>(null);
  protected readonly months = computed(() => {
    const b = this.bounds();
    return b?.firstDate && b.firstDate <= b.today ? monthEnds(b.firstDate, b.today) : [];
  });
  protected readonly lastIndex = computed(() => Math.max(0, this.months().length - 1));
  /** Where the slider stands: on the address's date, else on today. */
  protected readonly index = computed(() => sliderIndex(this.months(), this.date()));
  /** Null asks for today: the server's "today" wins over the browser's clock. */
  private readonly requestedDate = computed(() => this.date() || null);
  private readonly shownUnitId = computed(() => this.view()?.unit.id ?? null);
  private readonly shownDate = computed(() => this.view()?.date ?? null);

  /** A short summary for screen readers after each change (not while replaying). */
  protected readonly status = computed(() => {
    const v = this.view();
    if (!v || this.playing() || this.loading()) return '';
    return this.f.t('olievlek.time.status', {
      date: this.f.date(v.date),
      unit: v.unit.name,
      reached: v.figures.reach?.numerator ?? 0,
      teams: v.figures.teams,
    });
  });

  private sequence = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private focusHeading = false;
  private lastUnit: string | null | undefined = undefined;
  /** The unit and asked date of the view on screen, to tell a new address from a caught-up one. */
  private shownKey: string | null = null;

  constructor() {
    // The view opens with today's figures, not ones kept from an earlier visit.
    this.api.forget();
    effect(() => {
      const unitId = this.unitId() ?? null;
      const date = this.requestedDate();
      untracked(() => {
        const same = `${unitId}|${date}` === this.shownKey;
        if (!same && this.lastUnit !== undefined && this.lastUnit !== unitId) {
          this.focusHeading = true;
        }
        this.lastUnit = unitId;
        // The address only caught up with the view (its default unit written in): nothing to load.
        if (!same) void this.loadView(unitId, date);
      });
    });
    effect(() => {
      const unitId = this.shownUnitId();
      if (unitId) untracked(() => void this.loadPerUnit(unitId));
    });
    effect(() => {
      const unitId = this.shownUnitId();
      const date = this.shownDate();
      if (unitId && date) untracked(() => void this.loadSpread(unitId, date));
    });
    inject(DestroyRef).onDestroy(() => this.stopTimer());
  }

  protected slide(event: Event): void {
    this.pause();
    this.moveTo(Number((event.target as HTMLInputElement).value));
  }

  protected step(delta: number): void {
    this.pause();
    this.moveTo(Math.min(this.lastIndex(), Math.max(0, this.index() + delta)));
  }

  protected toToday(): void {
    this.pause();
    this.moveTo(this.lastIndex());
  }

  protected togglePlay(): void {
    if (this.playing()) {
      this.pause();
      return;
    }
    this.playing.set(true);
    if (this.index() >= this.lastIndex()) this.moveTo(0);
    else this.scheduleStep();
  }

  protected zoom(unitId: string): void {
    this.navigate({ unitId, team: null });
  }

  protected openTeam(teamId: string): void {
    this.navigate({ team: teamId });
  }

  protected closeTeam(): void {
    this.navigate({ team: null });
  }

  protected openTabIn(tab: OlievlekTab): void {
    if (tab !== this.openTab()) this.navigate({ tab: tabParam(tab) });
  }

  /** Each move is a step in the history (Back undoes it), except the replay's own steps. */
  private moveTo(index: number, replaceUrl = false): void {
    if (index === this.index() && !replaceUrl) return;
    this.navigate({ date: dateParam(this.months(), index) }, replaceUrl);
  }

  /** Changes the address; the inputs bound to it then load the view. Null removes a parameter. */
  private navigate(params: Record<string, string | null>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  private pause(): void {
    this.playing.set(false);
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleStep(): void {
    this.stopTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.playing()) return;
      if (this.index() >= this.lastIndex()) {
        this.playing.set(false);
        return;
      }
      this.moveTo(this.index() + 1, true);
    }, STEP_MS);
  }

  private async loadView(unitId: string | null, date: string | null): Promise<void> {
    const mine = ++this.sequence;
    this.loading.set(true);
    try {
      const view = await this.api.view(unitId, date);
      if (mine !== this.sequence) return;
      if (!this.bounds()) this.bounds.set({ firstDate: view.firstDate, today: view.today });
      this.view.set(view);
      this.shownKey = `${view.unit.id}|${date}`;
      // The default unit goes into the address, so a copied link names it for a colleague.
      if (unitId === null) this.navigate({ unitId: view.unit.id }, true);
      this.error.set(null);
      if (this.focusHeading) {
        this.focusHeading = false;
        setTimeout(() => document.getElementById('olievlek-heading')?.focus());
      }
      if (this.playing()) {
        this.prefetch(unitId);
        this.scheduleStep();
      }
    } catch (e) {
      if (mine !== this.sequence) return;
      this.pause();
      this.error.set(translateError(this.transloco, apiError(e)));
    } finally {
      if (mine === this.sequence) this.loading.set(false);
    }
  }

  /** While replaying, ask for the next month before it is shown, so the step is instant. */
  private prefetch(unitId: string | null): void {
    const next = this.index() + 1;
    const months = this.months();
    if (next > months.length - 1) return;
    const date = next >= months.length - 1 ? null : months[next];
    this.api.view(unitId, date).catch(() => undefined);
  }

  /** The most next-best teams the server gives, after the first few. */
  protected moreNextBest(): void {
    const unitId = this.shownUnitId();
    if (!unitId) return;
    this.api
      .nextBest(unitId, NEXT_BEST_MAX)
      .then((n) => unitId === this.shownUnitId() && this.nextBest.set(n))
      .catch(
        (e) =>
          unitId === this.shownUnitId() &&
          this.nextBestError.set(translateError(this.transloco, apiError(e))),
      );
  }

  private async loadPerUnit(unitId: string): Promise<void> {
    this.adoption.set(null);
    this.adoptionError.set(null);
    this.nextBest.set(null);
    this.nextBestError.set(null);
    const adoption = this.api
      .adoption(unitId)
      .then((a) => unitId === this.shownUnitId() && this.adoption.set(a))
      .catch(
        (e) =>
          unitId === this.shownUnitId() &&
          this.adoptionError.set(translateError(this.transloco, apiError(e))),
      );
    const next = this.canSeeNextBest()
      ? this.api
          .nextBest(unitId)
          .then((n) => unitId === this.shownUnitId() && this.nextBest.set(n))
          .catch(
            (e) =>
              unitId === this.shownUnitId() &&
              this.nextBestError.set(translateError(this.transloco, apiError(e))),
          )
      : Promise.resolve();
    await Promise.all([adoption, next]);
  }

  private async loadSpread(unitId: string, date: string): Promise<void> {
    try {
      // Today's figures are asked without a date, like the view, so both come from one "today".
      const today = this.bounds()?.today;
      const spread = await this.api.spread(unitId, date === today ? null : date);
      if (unitId === this.shownUnitId() && date === this.shownDate()) {
        this.spread.set(spread);
        this.spreadError.set(null);
      }
    } catch (e) {
      if (unitId === this.shownUnitId()) {
        this.spread.set(null);
        this.spreadError.set(translateError(this.transloco, apiError(e)));
      }
    }
  }
}
