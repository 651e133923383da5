import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CasesApi } from '../cases/cases-api.service';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { NEXT_BEST_MAX } from '@olievlek/shared';
import type { NextBestTeamDto, NextBestTeamsDto } from '@olievlek/shared';
import { OlievlekFormat } from './olievlek-format';

/**
 * Next-best teams for an ambassador: teams not reached yet that see a practice from more than one
 * side, with the reasons in plain words — and a case opened for one in one step (issue 14). A
 * team with a case is reached (stage intake or later) and leaves the list; a case a colleague
 * opened meanwhile is refused (409) in the card.
 */
@Component({
  selector: 'ov-next-best',
  imports: [TranslocoPipe, Feedback],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-next {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 0.75rem;
    }
    .ov-next__item {
      border: 1px solid var(--ov-line);
      border-radius: 0.5rem;
      padding: 0.875rem 1rem;
      background: var(--ov-surface);
    }
    .ov-next__name {
      font-size: 1.0625rem;
      margin: 0;
    }
    .ov-next__department {
      margin: 0 0 0.5rem;
      color: var(--ov-muted);
    }
    .ov-next__reasons {
      margin: 0 0 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .ov-next__via {
      margin: 0 0 0.75rem;
      font-size: 0.9375rem;
      color: var(--ov-muted);
    }
  `,
  template: `
    @if (teams().length === 0) {
      <p class="utrecht-paragraph">{{ 'olievlek.nextBest.none' | transloco }}</p>
    } @else {
      <ol class="ov-next">
        @for (item of teams(); track item.team.id) {
          <li class="ov-next__item">
            <h3 class="utrecht-heading-3 ov-next__name">{{ item.team.name }}</h3>
            @if (item.department; as d) {
              <p class="ov-next__department">{{ d.name }}</p>
            }
            <p class="utrecht-paragraph ov-strong">
              {{ f.plural('olievlek.nextBest.exposure', item.exposure) }}
            </p>
            @if (item.practices.length > 0) {
              <ul class="ov-next__reasons">
                @for (p of item.practices.slice(0, 3); track p.practice.id) {
                  <li>{{ practiceReason(p.teams, p.practice) }}</li>
                }
              </ul>
            }
            <p class="ov-next__via">{{ sourcesText(item) }}</p>
            <button
              type="button"
              class="utrecht-button utrecht-button--primary-action ov-button--small"
              [disabled]="save.busyAt() === 'next-' + item.team.id"
              (click)="openCase(item)"
            >
              {{ 'olievlek.nextBest.openCase' | transloco
              }}<span class="ov-visually-hidden"> — {{ item.team.name }}</span>
            </button>
            <ov-feedback [state]="save" [at]="'next-' + item.team.id" />
          </li>
        }
      </ol>
      @if (canAskMore()) {
        <p class="ov-actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action ov-button--small"
            (click)="more.emit()"
          >
            {{ 'olievlek.nextBest.showMore' | transloco: { count: result().total } }}
          </button>
        </p>
      } @else if (result().total > teams().length) {
        <p class="utrecht-paragraph ov-muted">
          {{ f.plural('olievlek.nextBest.firstOf', result().total, { shown: teams().length }) }}
        </p>
      }
    }
  `,
})
export class NextBest {
  /** The first teams the server sent (NextBestTeamsDto: a few by default) and their total. */
  readonly result = input.required<NextBestTeamsDto>();
  /** Asks for more: the page loads the most the server gives (NEXT_BEST_MAX). */
  readonly more = output<void>();

  protected readonly f = new OlievlekFormat();
  private readonly cases = inject(CasesApi);
  private readonly router = inject(Router);
  /** The answer to "open a case" sits in the card of the team it was for. */
  protected readonly save = saveState();
  /** Opens the case and goes to it; a refusal (already open, archived) stays in the card. */
  protected async openCase(item: NextBestTeamDto): Promise<void> {
    const opened = await this.save.run(
      'next-' + item.team.id,
      () => this.cases.open(item.team.id),
      () => this.f.t('olievlek.nextBest.opened', { team: item.team.name }),
    );
    if (opened) await this.router.navigate(['/casussen', opened.id]);
  }
  protected readonly teams = computed(() => this.result().teams);
  protected readonly canAskMore = computed(
    () => this.result().total > this.teams().length && this.result().limit < NEXT_BEST_MAX,
  );

  /** "3 buurteams passen 'Doel vooraf' toe". */
  protected practiceReason(
    teams: number,
    practice: NextBestTeamDto['practices'][number]['practice'],
  ): string {
    return this.f.plural('olievlek.nextBest.practice', teams, {
      practice: this.f.practice(practice),
    });
  }

  /** "Via Team A (zelfde afdeling), Team B (samenwerkingsafspraak)". */
  protected sourcesText(item: NextBestTeamDto): string {
    const parts = item.sources.map(
      (s) =>
        `${s.team.name} (${s.via.map((v) => this.f.t('olievlek.nextBest.via.' + v)).join(', ')})`,
    );
    const others = item.sourceCount - item.sources.length;
    const rest = others > 0 ? this.f.plural('olievlek.nextBest.otherSources', others) : '';
    return this.f.t('olievlek.nextBest.sources', { list: parts.join('; ') + rest });
  }
}
