import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { spreadFactorText, teamsOfText, weightedText } from '@olievlek/shared';
import type { AdopterCategoryDto, FractionDto, UnitFiguresDto } from '@olievlek/shared';
import type { CsvCell } from '../core/csv';
import { DataColumn, DataTable, DataLink } from '../shell/data-table';
import { OlievlekFormat, STAGE_COLOURS, STAGES } from './olievlek-format';

const ADOPTERS: readonly AdopterCategoryDto[] = [
  'innovators',
  'early-adopters',
  'early-majority',
  'late-majority',
  'laggards',
];

/**
 * The key figures of one unit at one date, each with one line on how it is counted (docs/design.md
 * "Definitions of the figures"), and the same figures for each unit directly below it.
 */
@Component({
  selector: 'ov-key-figures',
  imports: [TranslocoPipe, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: 0.75rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    .ov-figure {
      border: 1px solid var(--ov-line);
      border-radius: 0.5rem;
      padding: 0.875rem 1rem;
      background: var(--ov-surface);
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .ov-figure__title {
      font-size: 1rem;
      font-weight: 600;
      margin: 0;
    }
    .ov-figure__value {
      font-size: 1.75rem;
      font-weight: 700;
      line-height: 1.2;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .ov-figure__detail {
      margin: 0;
    }
    .ov-figure__how {
      margin: auto 0 0;
      padding-block-start: 0.375rem;
      font-size: 0.875rem;
      color: var(--ov-muted);
    }
    .ov-figure__list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .ov-figure__list li {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      justify-content: space-between;
    }
    .ov-figure__name {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    .ov-figure__swatch {
      inline-size: 0.875rem;
      block-size: 0.875rem;
      border: 1px solid #6b6b6b;
      flex: none;
    }
    .ov-figure__count {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
  template: `
    @let fig = figures();
    <ul class="ov-figures">
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.reach' | transloco }}</h3>
        <p class="ov-figure__value">{{ f.percent(fig.reach) }}</p>
        <p class="ov-figure__detail">{{ ofTeams(fig.reach) }}</p>
        <p class="ov-figure__detail">{{ weighted(fig.reachWeighted) }}</p>
        <p class="ov-figure__how">{{ 'olievlek.figures.reachHow' | transloco }}</p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.rooted' | transloco }}</h3>
        <p class="ov-figure__value">{{ f.percent(fig.rooted) }}</p>
        <p class="ov-figure__detail">{{ ofTeams(fig.rooted) }}</p>
        <p class="ov-figure__detail">{{ weighted(fig.rootedWeighted) }}</p>
        <p class="ov-figure__how">{{ 'olievlek.figures.rootedHow' | transloco }}</p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.stages' | transloco }}</h3>
        <ul class="ov-figure__list">
          @for (stage of stages; track stage) {
            <li>
              <span class="ov-figure__name">
                <span
                  class="ov-figure__swatch"
                  aria-hidden="true"
                  [style.background]="colours[stage].fill"
                ></span>
                {{ 'stages.' + stage | transloco }}
              </span>
              <span class="ov-figure__count">{{ fig.stages[stage] }}</span>
            </li>
          }
        </ul>
        <p class="ov-figure__how">
          {{ 'olievlek.figures.stagesHow' | transloco: { teams: fig.teams } }}
        </p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.adopters' | transloco }}</h3>
        <ul class="ov-figure__list">
          @for (category of adopters; track category) {
            <li>
              <span>{{ 'olievlek.adopters.' + category | transloco }}</span>
              <span class="ov-figure__count">{{ fig.adopters[category] }}</span>
            </li>
          }
        </ul>
        <p class="ov-figure__how">{{ 'olievlek.figures.adoptersHow' | transloco }}</p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.stalled' | transloco }}</h3>
        <p class="ov-figure__value">{{ fig.stalledAgreements }}</p>
        <p class="ov-figure__how">{{ 'olievlek.figures.stalledHow' | transloco }}</p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.spreadFactor' | transloco }}</h3>
        <p class="ov-figure__value">
          {{ spreadFactor(fig.spreadFactor) }}
        </p>
        @if (fig.spreadFactor; as r) {
          <p class="ov-figure__detail">
            {{
              'olievlek.figures.spreadFactorDetail'
                | transloco: { inspired: r.numerator, spreading: r.denominator }
            }}
          </p>
        } @else {
          <p class="ov-figure__detail">{{ 'olievlek.figures.noSpreading' | transloco }}</p>
        }
        <p class="ov-figure__how">{{ 'olievlek.figures.spreadFactorHow' | transloco }}</p>
      </li>
      <li class="ov-figure">
        <h3 class="ov-figure__title">{{ 'olievlek.figures.crossUnit' | transloco }}</h3>
        <p class="ov-figure__value">{{ fig.crossUnitLinks.departments }}</p>
        <p class="ov-figure__detail">
          {{
            'olievlek.figures.crossUnitDetail'
              | transloco
                : {
                    departments: fig.crossUnitLinks.departments,
                    directorates: fig.crossUnitLinks.directorates,
                  }
          }}
        </p>
        <p class="ov-figure__how">{{ 'olievlek.figures.crossUnitHow' | transloco }}</p>
      </li>
    </ul>

    @if (children().length > 0) {
      <h3 class="utrecht-heading-3">{{ 'olievlek.figures.perUnit' | transloco }}</h3>
      <p class="utrecht-paragraph ov-muted">{{ 'olievlek.figures.perUnitHint' | transloco }}</p>
      <ov-data-table
        [caption]="childCaption()"
        [columns]="childColumns()"
        [rows]="childRows()"
        [links]="childLinks()"
        [collapsible]="false"
        [filename]="'olievlek-kerncijfers-' + date()"
      />
    }
  `,
})
export class KeyFigures {
  readonly figures = input.required<UnitFiguresDto>();
  readonly children = input.required<UnitFiguresDto[]>();
  readonly date = input.required<string>();

  protected readonly f = new OlievlekFormat();
  protected readonly stages = STAGES;
  protected readonly colours = STAGE_COLOURS;
  protected readonly adopters = ADOPTERS;

  protected spreadFactor(factor: FractionDto | null): string {
    return spreadFactorText(this.f.locale(), factor);
  }
  protected ofTeams(fraction: FractionDto | null): string {
    return teamsOfText(this.f.locale(), fraction);
  }
  protected weighted(fraction: FractionDto | null): string {
    return weightedText(this.f.locale(), fraction, this.figures().teamsWithoutHeadcount);
  }

  protected readonly childCaption = computed(() =>
    this.f.t('olievlek.figures.perUnitCaption', {
      unit: this.figures().unit.name,
      date: this.f.date(this.date()),
    }),
  );

  protected readonly childColumns = computed<DataColumn[]>(() => [
    { label: this.f.t('olievlek.figures.unit') },
    { label: this.f.t('olievlek.figures.teams'), numeric: true },
    { label: this.f.t('olievlek.figures.reachedTeams'), numeric: true },
    { label: this.f.t('olievlek.figures.reachPercent'), numeric: true },
    { label: this.f.t('olievlek.figures.rootedTeams'), numeric: true },
    { label: this.f.t('olievlek.figures.rootedPercent'), numeric: true },
    { label: this.f.t('olievlek.figures.reachWeightedPercent'), numeric: true },
    { label: this.f.t('olievlek.figures.stalled'), numeric: true },
    { label: this.f.t('olievlek.figures.spreadFactor'), numeric: true },
    { label: this.f.t('olievlek.figures.crossDepartments'), numeric: true },
  ]);

  protected readonly childRows = computed<CsvCell[][]>(() =>
    this.children().map((c) => [
      c.unit.name,
      c.teams,
      c.reach?.numerator ?? 0,
      this.f.percentNumber(c.reach),
      c.rooted?.numerator ?? 0,
      this.f.percentNumber(c.rooted),
      this.f.percentNumber(c.reachWeighted),
      c.stalledAgreements,
      c.spreadFactor ? Math.round(c.spreadFactor.value * 100) / 100 : null,
      c.crossUnitLinks.departments,
    ]),
  );

  protected readonly childLinks = computed<(DataLink | null)[]>(() =>
    this.children().map((c) => ({
      path: '/olievlek',
      keepQuery: true,
      query: { unitId: c.unit.id },
      prefix: this.f.t('olievlek.zoomInto'),
    })),
  );
}
