import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PeriodStatusDto, TeamHistoryDto, TeamStepDto } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { cadenceText } from '../core/cadence-text';
import { translateError } from '../core/error-text';
import { formatPeriod } from '../core/format';
import { OlievlekApi } from './olievlek-api.service';
import { OlievlekFormat } from './olievlek-format';

const MARK: Record<PeriodStatusDto, string> = {
  done: '✓',
  skipped: '–',
  missed: '✗',
  open: '…',
  'not-due': '·',
};

/**
 * One team, opened from the map or its table (`?team=` in the address): its stage history and
 * its steps with their rhythm by period — no notes, no names. The API withholds the rhythm from
 * directors for teams below k members; the panel then says why.
 */
@Component({
  selector: 'ov-team-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-team__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: baseline;
      gap: 0.5rem;
    }
    .ov-team__list {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .ov-team__list > li {
      padding-block: 0.375rem;
      border-block-end: 1px solid var(--ov-line);
    }
    .ov-team__rhythm {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      margin: 0.375rem 0 0;
      padding: 0;
    }
    .ov-team__cell {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      border: 1px solid var(--ov-line);
      border-radius: 0.25rem;
      font-weight: 700;
    }
    .ov-team__cell--done {
      background: #2171b5;
      color: #ffffff;
    }
    .ov-team__cell--missed {
      border-color: #b45309;
      color: #7c2d12;
    }
  `,
  template: `
    <section class="ov-card" aria-labelledby="olievlek-team-heading" id="olievlek-team">
      <div class="ov-team__head">
        <h2 class="utrecht-heading-2" id="olievlek-team-heading" tabindex="-1">
          {{ 'olievlek.team.heading' | transloco: { team: team()?.team?.name ?? '…' } }}
        </h2>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action ov-button--small"
          (click)="closed.emit()"
        >
          {{ 'olievlek.team.close' | transloco }}
        </button>
      </div>
      @if (error(); as message) {
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{{ message }}</p>
        </div>
      } @else if (team(); as t) {
        <p class="utrecht-paragraph">
          {{ 'olievlek.team.stageNow' | transloco: { stage: f.stage(t.stage) } }}
        </p>
        <h3 class="utrecht-heading-3">{{ 'olievlek.team.historyHeading' | transloco }}</h3>
        @if (t.stages.length > 0) {
          <ol class="ov-team__list">
            @for (s of t.stages; track s.from) {
              <li>
                {{
                  'olievlek.team.since'
                    | transloco: { date: f.date(s.from), stage: f.stage(s.stage) }
                }}
              </li>
            }
          </ol>
        } @else {
          <p class="utrecht-paragraph">{{ 'olievlek.team.neverReached' | transloco }}</p>
        }
        <h3 class="utrecht-heading-3">{{ 'olievlek.team.stepsHeading' | transloco }}</h3>
        @if (t.rhythmWithheld) {
          <p class="utrecht-paragraph ov-muted">
            {{ 'olievlek.team.withheld' | transloco: { k: t.k } }}
          </p>
        }
        @if (t.steps.length > 0) {
          <ul class="ov-team__list">
            @for (step of t.steps; track step.id) {
              <li>
                <strong>{{ title(step) }}</strong>
                <span class="ov-muted">
                  · {{ cadence(step) }} · {{ 'agreementStatus.' + step.status | transloco }}
                  @if (step.habit) {
                    · {{ 'habit.' + step.habit | transloco }}
                  }
                </span>
                @if (step.rhythm; as rhythm) {
                  <ol
                    class="ov-team__rhythm"
                    [attr.aria-label]="'olievlek.team.rhythm' | transloco"
                  >
                    @for (cell of rhythm; track cell.key) {
                      <li
                        class="ov-team__cell"
                        [class]="'ov-team__cell ov-team__cell--' + cell.status"
                        [attr.title]="cellText(cell.key, cell.status)"
                      >
                        <span aria-hidden="true">{{ mark[cell.status] }}</span>
                        <span class="ov-visually-hidden">{{
                          cellText(cell.key, cell.status)
                        }}</span>
                      </li>
                    }
                  </ol>
                }
              </li>
            }
          </ul>
        } @else {
          <p class="utrecht-paragraph">{{ 'olievlek.team.noSteps' | transloco }}</p>
        }
      } @else {
        <p class="utrecht-paragraph" role="status">{{ 'app.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class TeamPanel {
  private readonly api = inject(OlievlekApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly f = new OlievlekFormat();
  protected readonly mark = MARK;

  readonly teamId = input.required<string>();
  readonly closed = output<void>();

  protected readonly team = signal<TeamHistoryDto | null>(null);
  protected readonly error = signal<string | null>(null);
  private readonly year = computed(() => Number(this.team()?.today.slice(0, 4) ?? 0));

  constructor() {
    effect(() => {
      const id = this.teamId();
      untracked(() => void this.load(id));
    });
  }

  protected title(step: TeamStepDto): string {
    return this.f.locale() === 'en' && step.title.en ? step.title.en : step.title.nl;
  }

  protected cadence(step: TeamStepDto): string {
    this.f.t('cadence.once'); // follow the language
    return cadenceText(this.transloco, step.cadence);
  }

  protected cellText(key: string, status: PeriodStatusDto): string {
    const period =
      key === 'once' ? this.f.t('format.once') : formatPeriod(this.f.locale(), key, this.year());
    return `${period}: ${this.f.t('periodStatus.' + status)}`;
  }

  private async load(id: string): Promise<void> {
    this.team.set(null);
    this.error.set(null);
    try {
      const team = await this.api.team(id);
      if (id !== this.teamId()) return;
      this.team.set(team);
      setTimeout(() => document.getElementById('olievlek-team-heading')?.focus());
    } catch (e) {
      if (id === this.teamId()) this.error.set(translateError(this.transloco, apiError(e)));
    }
  }
}
