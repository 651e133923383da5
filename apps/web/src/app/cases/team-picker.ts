import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrgUnitDto } from '@olievlek/shared';
import { Formatter } from '../core/formatter';
import { filterGroups, type TeamGroup, teamGroups } from './team-groups';

/** More teams than this are counted, not drawn: typing narrows them (a city has thousands). */
export const PICKER_SHOWN = 100;

/**
 * The team of a new case (issue 14): a search field narrows a list of radio buttons grouped by
 * directorate and department (one fieldset per path, any depth), the number found is announced,
 * and a team that already has an open case is shown but cannot be chosen. Radios with one name
 * are one group for the keyboard: Tab in, arrow keys between teams, Tab on. Long names wrap at
 * 360 px, which a list box cannot do. Archived teams are not offered.
 */
@Component({
  selector: 'ov-team-picker',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-team-picker__search {
      inline-size: 100%;
      max-inline-size: 36rem;
    }
    .ov-team-picker__count {
      font-size: 0.9375rem;
      margin: 0.25rem 0 0;
    }
    .ov-team-picker__list {
      border: 0;
      margin: 1rem 0 0;
      padding: 0;
      min-inline-size: 0;
    }
    .ov-team-picker__scroll {
      max-block-size: 22rem;
      overflow-y: auto;
      border: 1px solid var(--ov-line);
      border-radius: 0.25rem;
      padding: 0.25rem 0.75rem 0.5rem;
      max-inline-size: 36rem;
    }
    .ov-team-picker__group {
      border: 0;
      margin: 0.5rem 0 0;
      padding: 0;
      min-inline-size: 0;
    }
    .ov-team-picker__group > legend {
      font-weight: 700;
      padding: 0;
      margin-block-end: 0.25rem;
    }
    .ov-team-picker__option {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      padding: 0.25rem 0 0.25rem 0.5rem;
    }
    .ov-team-picker__option input {
      margin-block-start: 0.3rem;
      inline-size: 1.125rem;
      block-size: 1.125rem;
      flex: none;
    }
    .ov-team-picker__option--taken label {
      color: var(--ov-muted);
    }
    .ov-team-picker__note {
      display: block;
      font-size: 0.9375rem;
    }
  `,
  template: `
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" [for]="idPrefix() + '-search'">{{
        'cases.picker.search' | transloco
      }}</label>
      <p class="utrecht-form-field-description ov-muted" [id]="idPrefix() + '-hint'">
        {{ 'cases.picker.hint' | transloco }}
      </p>
      <input
        [id]="idPrefix() + '-search'"
        type="search"
        class="utrecht-textbox utrecht-textbox--html-input ov-team-picker__search"
        autocomplete="off"
        [value]="search()"
        (input)="search.set($any($event.target).value)"
        [attr.aria-describedby]="idPrefix() + '-hint ' + idPrefix() + '-count'"
        [attr.aria-controls]="idPrefix()"
      />
      <p
        class="ov-muted ov-team-picker__count"
        [id]="idPrefix() + '-count'"
        role="status"
        aria-live="polite"
      >
        {{ countText() }}
      </p>
    </div>
    <fieldset
      class="ov-team-picker__list"
      [id]="idPrefix()"
      [attr.aria-describedby]="idPrefix() + '-count'"
      [attr.aria-invalid]="invalid() ? true : null"
    >
      <legend class="utrecht-form-label">{{ 'cases.team' | transloco }}</legend>
      @if (shown().length > 0) {
        <div class="ov-team-picker__scroll">
          @for (g of shown(); track g.path) {
            <fieldset class="ov-team-picker__group">
              <legend>{{ g.path }}</legend>
              @for (t of g.teams; track t.id) {
                <div
                  class="ov-team-picker__option"
                  [class.ov-team-picker__option--taken]="t.hasOpenCase"
                >
                  <input
                    type="radio"
                    [name]="idPrefix()"
                    [id]="idPrefix() + '-' + t.id"
                    [value]="t.id"
                    [checked]="t.id === teamId()"
                    [disabled]="t.hasOpenCase"
                    [attr.aria-describedby]="
                      t.hasOpenCase ? idPrefix() + '-' + t.id + '-note' : null
                    "
                    (change)="teamId.set(t.id)"
                  />
                  <label [for]="idPrefix() + '-' + t.id"
                    >{{ t.name }}
                    @if (t.hasOpenCase) {
                      <span class="ov-team-picker__note" [id]="idPrefix() + '-' + t.id + '-note'">{{
                        'cases.picker.hasOpenCase' | transloco
                      }}</span>
                    }
                  </label>
                </div>
              }
            </fieldset>
          }
        </div>
      }
    </fieldset>
  `,
})
export class TeamPicker {
  /** The organisation's units (GET /api/org-units, archived ones left out by the server). */
  readonly units = input.required<OrgUnitDto[]>();
  /** Teams that already have an open case. */
  readonly openTeamIds = input<ReadonlySet<string>>(new Set());
  readonly idPrefix = input('open-team');
  readonly invalid = input(false);
  /** The chosen team's id, '' for none. */
  readonly teamId = model('');

  private readonly fmt = inject(Formatter);
  protected readonly search = signal('');

  private readonly groups = computed(() => teamGroups(this.units(), this.openTeamIds()));
  private readonly found = computed(() =>
    filterGroups(this.groups(), this.search(), this.teamId()),
  );
  private readonly foundCount = computed(() =>
    this.found().reduce((n, g) => n + g.teams.length, 0),
  );
  /** The first PICKER_SHOWN teams found, still in their groups. */
  protected readonly shown = computed(() => {
    let room = PICKER_SHOWN;
    const shown: TeamGroup[] = [];
    for (const g of this.found()) {
      if (room <= 0) break;
      shown.push({ ...g, teams: g.teams.slice(0, room) });
      room -= g.teams.length;
    }
    return shown;
  });

  protected readonly countText = computed(() => {
    const teams = this.foundCount();
    if (teams === 0) return this.fmt.t('cases.picker.none');
    const open = this.found().reduce((n, g) => n + g.teams.filter((t) => t.hasOpenCase).length, 0);
    const parts = [this.fmt.plural('cases.picker.found', teams)];
    if (open > 0) parts.push(this.fmt.plural('cases.picker.withOpenCase', open));
    if (teams > PICKER_SHOWN)
      parts.push(this.fmt.t('cases.picker.firstShown', { shown: PICKER_SHOWN }));
    return parts.join(' ');
  });

  /** After "choose a team first": the keyboard lands on the list. */
  focusList(): void {
    const first = document.querySelector<HTMLInputElement>(
      `#${this.idPrefix()} input[type=radio]:not(:disabled)`,
    );
    (first ?? document.getElementById(`${this.idPrefix()}-search`))?.focus();
  }
}
