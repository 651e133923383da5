import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * "Team gearchiveerd" beside a case's team: the team was archived (by hand or by an import)
 * while its case lives on, so its ambassadors see why the team is gone from the lists.
 */
@Component({
  selector: 'ov-team-archived-badge',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (archived()) {
    <span class="ov-badge ov-badge--warning" data-testid="team-archived">{{
      'caseTeamArchived.badge' | transloco
    }}</span>
  }`,
})
export class TeamArchivedBadge {
  readonly archived = input.required<boolean>();
}
