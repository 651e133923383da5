import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ForumFormat } from './forum-format';
import { ForumsApi } from './forums-api.service';
import { loaded } from '../shell/load-status';

/** On the team board: the forums the team takes part in and when each meets next. */
@Component({
  selector: 'ov-board-forums',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loaded(forums); as list) {
      @if (list.length) {
        <section class="ov-card" aria-labelledby="board-forums-heading">
          <h2 class="utrecht-heading-2" id="board-forums-heading">
            {{ 'forums.boardHeading' | transloco }}
          </h2>
          <ul class="ov-list">
            @for (f of list; track f.id) {
              <li class="ov-list__item">
                <a class="utrecht-link" [routerLink]="['/overleggen', f.id]">{{ f.name }}</a>
                <span class="ov-muted">
                  —
                  @if (f.nextMeeting) {
                    {{ 'forums.nextOn' | transloco: { date: format.date(f.nextMeeting) } }}
                  } @else if (f.nextDue) {
                    {{ 'forums.due' | transloco: { date: format.date(f.nextDue) } }}
                  } @else {
                    {{ 'forums.noneDue' | transloco }}
                  }
                </span>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
})
export class BoardForums {
  protected readonly loaded = loaded;
  private readonly api = inject(ForumsApi);
  protected readonly format = inject(ForumFormat);
  protected readonly forums = resource({ loader: () => this.api.list() });
}
