import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PulseRoundResultDto } from '@olievlek/shared';
import { LanguageService } from '../core/language.service';

/** Pulse rounds with their k-anonymous figures; a table, so screen readers and Excel get the numbers. */
import { DatePipe, NumberPipe, PluralPipe } from '../core/formatter';
@Component({
  selector: 'ov-pulse-results',
  imports: [TranslocoPipe, DatePipe, NumberPipe, PluralPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (round of rounds(); track round.id) {
      <div class="ov-pulse-round">
        <p class="utrecht-paragraph ov-strong">
          {{ 'pulse.round' | transloco: { date: round.openedOn | ovDate } }} —
          {{
            (round.closedOn ? 'pulse.closedOn' : 'pulse.open')
              | transloco: { date: round.closedOn | ovDate }
          }}
          ·
          {{ 'pulse.respondents' | ovPlural: round.respondents }}
        </p>
        <div
          class="ov-table-wrapper"
          tabindex="0"
          role="region"
          [attr.aria-label]="'pulse.round' | transloco: { date: round.openedOn | ovDate }"
        >
          <table class="utrecht-table utrecht-table--html-table ov-table--compact">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'pulse.question' | transloco }}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {{ 'pulse.result' | transloco }}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              @for (q of round.questions; track q.question.id) {
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {{ language.current() === 'en' ? q.question.text.en : q.question.text.nl }}
                  </th>
                  <td class="utrecht-table__cell">
                    @if (q.figure.withheld) {
                      @if (!round.closedOn) {
                        {{ 'pulse.whenClosed' | transloco }}
                      } @else {
                        {{ 'pulse.needed' | transloco: { needed: q.figure.needed, k: round.k } }}
                      }
                    } @else {
                      {{
                        'pulse.mean' | ovPlural: q.figure.count : { mean: q.figure.mean | ovNumber }
                      }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </div>
    } @empty {
      <p class="utrecht-paragraph">{{ 'pulse.none' | transloco }}</p>
    }
  `,
})
export class PulseResults {
  protected readonly language = inject(LanguageService);
  readonly rounds = input.required<PulseRoundResultDto[]>();
}
