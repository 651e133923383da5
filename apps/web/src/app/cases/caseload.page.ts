import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  resource,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import type { CaseSummaryDto } from '@olievlek/shared';
import { CasesApi } from './cases-api.service';
import { TeamArchivedBadge } from './team-archived-badge';
import { TeamPicker } from './team-picker';
import { Feedback } from '../shell/feedback';
import { DatePipe, Formatter, PluralPipe } from '../core/formatter';
import { loaded, LoadStatus } from '../shell/load-status';

@Component({
  selector: 'ov-caseload-page',
  imports: [
    LoadStatus,
    RouterLink,
    TranslocoPipe,
    FormsModule,
    TeamArchivedBadge,
    TeamPicker,
    Feedback,
    DatePipe,
    PluralPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="utrecht-heading-1">{{ 'cases.caseload' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'cases.caseloadIntro' | transloco }}</p>
    <!-- A caseload that could not be read says so at the top, not below the new-case form. -->
    @if (caseload.error()) {
      <ov-load-status [resource]="caseload" />
    }

    <section class="ov-card" aria-labelledby="open-case-heading">
      <h2 class="utrecht-heading-2" id="open-case-heading">{{ 'cases.open' | transloco }}</h2>
      <form class="ov-open-case" (ngSubmit)="openCase()" novalidate>
        @if (loaded(units); as all) {
          <ov-team-picker
            [units]="all"
            [openTeamIds]="openTeamIds()"
            [invalid]="!!error()"
            [(teamId)]="teamId"
          />
        } @else {
          <ov-load-status [resource]="units" />
        }
        <ov-feedback [error]="error()" />
        <p class="ov-actions">
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="busy()"
          >
            {{ 'cases.openSubmit' | transloco }}
          </button>
        </p>
      </form>
    </section>

    @if (loaded(caseload); as load) {
      <section class="ov-card" aria-labelledby="radar-heading">
        <h2 class="utrecht-heading-2" id="radar-heading">{{ 'cases.radar' | transloco }}</h2>
        <p class="utrecht-paragraph ov-muted">{{ 'cases.radarIntro' | transloco }}</p>
        @if (load.stalledRadar.length === 0) {
          <p class="utrecht-paragraph">{{ 'cases.radarEmpty' | transloco }}</p>
        } @else {
          <ol class="ov-list">
            @for (entry of load.stalledRadar; track entry.case.id) {
              <li class="ov-list__item">
                <a class="utrecht-link" [routerLink]="['/casussen', entry.case.id]">{{
                  entry.case.team.name
                }}</a>
                <ov-team-archived-badge [archived]="entry.case.teamArchived" />
                <span class="ov-muted">
                  — {{ 'cases.silence' | ovPlural: entry.longestSilence }}:
                  {{ titles(entry.case.stalled) }}
                </span>
              </li>
            }
          </ol>
        }
      </section>

      <section aria-labelledby="mine-heading">
        <h2 class="utrecht-heading-2" id="mine-heading">
          {{ 'cases.mine' | transloco: { count: load.cases.length } }}
        </h2>
        <div
          class="ov-table-wrapper"
          tabindex="0"
          role="region"
          [attr.aria-label]="'cases.mineTable' | transloco"
        >
          <table class="utrecht-table utrecht-table--html-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'cases.team' | transloco }}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'cases.stage' | transloco }}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'cases.steps' | transloco }}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'cases.lastActivity' | transloco }}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'cases.nextReview' | transloco }}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              @for (c of load.cases; track c.id) {
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" [routerLink]="['/casussen', c.id]">{{ c.team.name }}</a>
                    <ov-team-archived-badge [archived]="c.teamArchived" />
                  </th>
                  <td class="utrecht-table__cell">
                    <span class="ov-stage" [attr.data-stage]="c.stage">{{
                      'stages.' + c.stage | transloco
                    }}</span>
                  </td>
                  <td class="utrecht-table__cell">
                    {{ c.agreementCount }}
                    @if (c.stalled.length) {
                      ·
                      <span class="ov-warning">{{
                        'cases.stalledCount' | ovPlural: c.stalled.length
                      }}</span>
                    }
                  </td>
                  <td class="utrecht-table__cell">{{ c.lastActivityAt | ovDate: 'dateTime' }}</td>
                  <td class="utrecht-table__cell">{{ c.nextReviewDate | ovDate }}</td>
                </tr>
              } @empty {
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell" colspan="5">{{ 'cases.none' | transloco }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
      @if (allOpen(); as page) {
        @let cases = page.cases;
        <section aria-labelledby="all-heading" class="ov-section">
          <h2 class="utrecht-heading-2" id="all-heading">
            {{ 'cases.allOpen' | transloco: { count: page.total } }}
          </h2>
          <p class="utrecht-paragraph ov-muted">{{ 'cases.allOpenIntro' | transloco }}</p>
          <div
            class="ov-table-wrapper"
            tabindex="0"
            role="region"
            [attr.aria-label]="'cases.allTable' | transloco"
          >
            <table class="utrecht-table utrecht-table--html-table">
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'cases.team' | transloco }}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'cases.stage' | transloco }}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'cases.steps' | transloco }}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {{ 'cases.ambassadorsHeading' | transloco }}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                @for (c of cases; track c.id) {
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                      <a class="utrecht-link" [routerLink]="['/casussen', c.id]">{{
                        c.team.name
                      }}</a>
                      <ov-team-archived-badge [archived]="c.teamArchived" />
                    </th>
                    <td class="utrecht-table__cell">
                      <span class="ov-stage" [attr.data-stage]="c.stage">{{
                        'stages.' + c.stage | transloco
                      }}</span>
                    </td>
                    <td class="utrecht-table__cell">{{ c.agreementCount }}</td>
                    <td class="utrecht-table__cell">{{ names(c.ambassadors) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (cases.length < page.total) {
            <p class="ov-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action ov-button--small"
                [disabled]="loadingMore()"
                (click)="moreOpen()"
              >
                {{ 'cases.showMore' | transloco: { shown: cases.length, count: page.total } }}
              </button>
            </p>
          }
        </section>
      }
      @if (closed(); as page) {
        <section aria-labelledby="closed-heading" class="ov-section">
          <h2 class="utrecht-heading-2" id="closed-heading">
            {{ 'cases.closedHeading' | transloco: { count: page.total } }}
          </h2>
          <ul class="ov-list">
            @for (c of page.cases; track c.id) {
              <li class="ov-list__item">
                <a class="utrecht-link" [routerLink]="['/casussen', c.id]">{{ c.team.name }}</a>
                <ov-team-archived-badge [archived]="c.teamArchived" />
                <span class="ov-muted">
                  — {{ 'cases.closedOn' | transloco: { date: (c.closedOn | ovDate) } }}</span
                >
                @if (c.closingSummary) {
                  <p class="utrecht-paragraph ov-closed-summary">{{ c.closingSummary }}</p>
                }
              </li>
            } @empty {
              <li class="ov-list__item">{{ 'cases.closedNone' | transloco }}</li>
            }
          </ul>
          @if (page.cases.length < page.total) {
            <p class="ov-actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action ov-button--small"
                [disabled]="loadingMore()"
                (click)="moreClosed()"
              >
                {{ 'cases.showMore' | transloco: { shown: page.cases.length, count: page.total } }}
              </button>
            </p>
          }
        </section>
      }
    } @else if (!caseload.error()) {
      <ov-load-status [resource]="caseload" />
    }
  `,
})
export class CaseloadPage {
  protected readonly loaded = loaded;
  private readonly api = inject(CasesApi);
  private readonly format = inject(Formatter);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  protected readonly caseload = resource({ loader: () => this.api.caseload() });
  /** The organisation's active units, for the team picker of a new case. */
  protected readonly units = resource({ loader: () => this.api.activeUnits() });
  /** Teams that already have an open case; without the answer the server still says so (409). */
  private readonly openTeams = resource({ loader: () => this.api.openTeams() });
  protected readonly openTeamIds = computed(
    () => new Set((this.openTeams.hasValue() ? this.openTeams.value() : []).map((r) => r.teamId)),
  );
  /** The open cases of everyone, a page at a time (a city has thousands). */
  protected readonly allOpen = signal<{ cases: CaseSummaryDto[]; total: number } | null>(null);
  protected readonly loadingMore = signal(false);

  /** The closed cases, a page at a time, with their closing date and summary. */
  protected readonly closed = signal<{ cases: CaseSummaryDto[]; total: number } | null>(null);

  constructor() {
    this.api.openPage(0).then(
      (page) => this.allOpen.set(page),
      () => undefined, // the caseload above shows the error
    );
    this.api.closedPage(0).then(
      (page) => this.closed.set(page),
      () => undefined,
    );
  }

  protected async moreClosed(): Promise<void> {
    const shown = this.closed();
    if (!shown) return;
    this.loadingMore.set(true);
    try {
      const next = await this.api.closedPage(shown.cases.length);
      this.closed.set({ cases: [...shown.cases, ...next.cases], total: next.total });
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async moreOpen(): Promise<void> {
    const shown = this.allOpen();
    if (!shown) return;
    this.loadingMore.set(true);
    try {
      const next = await this.api.openPage(shown.cases.length);
      this.allOpen.set({ cases: [...shown.cases, ...next.cases], total: next.total });
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected names(people: Array<{ name: string }>): string {
    return people.map((p) => p.name).join(', ');
  }
  protected readonly teamId = signal('');
  private readonly picker = viewChild(TeamPicker);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected titles(stalled: Array<{ title: string; titleEn: string | null }>): string {
    return stalled.map((s) => this.format.stepTitle(s)).join('; ');
  }

  protected async openCase(): Promise<void> {
    this.error.set(null);
    if (!this.teamId()) {
      this.error.set(this.transloco.translate('cases.chooseTeamFirst'));
      this.picker()?.focusList();
      return;
    }
    this.busy.set(true);
    try {
      const opened = await this.api.open(this.teamId());
      await this.router.navigate(['/casussen', opened.id]);
    } catch (e) {
      this.error.set(translateError(this.transloco, apiError(e)));
    } finally {
      this.busy.set(false);
    }
  }
}
