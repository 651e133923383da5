import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SpreadGraphDto, SpreadLinkDto, StageDto } from '@olievlek/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { CsvCell } from '../core/csv';
import { DataColumn, DataTable } from '../shell/data-table';
import {
  ALERT_COLOUR,
  escapeHtml,
  NEUTRAL_LINE,
  OlievlekFormat,
  prefersReducedMotion,
  STAGE_COLOURS,
} from './olievlek-format';
import { StageLegend } from './stage-legend';

/** Below this width the graph gives way to a list of the links: a phone cannot show it readably. */
export const SPREAD_GRAPH_MIN_WIDTH = 600;
/** Room beside the circle of teams for their names (px), which are cut short beyond it. */
const LABEL_ROOM = 150;
/** Links listed at first on a phone; the rest behind a button. */
const LIST_FIRST = 12;

interface GraphNode {
  id: string;
  name: string;
  stage: StageDto;
  department: string;
  inspired: number;
}

/**
 * Spread: who passed a practice on to whom. Teams are dots on a circle filled by stage, arrows
 * run from the source to the team that took the practice up, and links across departments are
 * dashed orange. Names that would overlap give way to the bigger dot's (the team that inspired
 * more); below 600 px the graph is a list of the links, latest first (docs/design.md §The
 * olievlek view for directors).
 */
@Component({
  selector: 'ov-spread-graph',
  imports: [NgxEchartsDirective, TranslocoPipe, DataTable, StageLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-graph {
      block-size: clamp(24rem, 50vw, 36rem);
      inline-size: 100%;
    }
    .ov-spread-facts {
      margin: 0 0 0.75rem;
    }
    .ov-spread-facts div {
      margin-block-end: 0.25rem;
    }
    .ov-spread-facts dt {
      display: inline;
      font-weight: 600;
    }
    .ov-spread-facts dd {
      display: inline;
      margin: 0 0 0 0.25rem;
    }
    .ov-spread-list {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
    }
    .ov-spread-list__item {
      border-inline-start: 3px solid #6b6b6b;
      padding: 0.25rem 0 0.25rem 0.625rem;
      margin-block-end: 0.5rem;
      overflow-wrap: anywhere;
    }
    .ov-spread-list__item--across {
      border-inline-start: 3px dashed #b45309;
    }
    .ov-spread-list__teams {
      display: block;
      font-weight: 600;
    }
    .ov-spread-list__meta {
      display: block;
      color: var(--ov-muted, #3b3b3b);
    }
  `,
  template: `
    @let s = spread();
    <dl class="ov-spread-facts">
      <div>
        <dt>{{ 'olievlek.figures.spreadFactor' | transloco }}:</dt>
        <dd>
          @if (s.spreadFactor; as r) {
            {{ f.decimal(r.value) }}
            ({{
              'olievlek.figures.spreadFactorDetail'
                | transloco: { inspired: r.numerator, spreading: r.denominator }
            }})
          } @else {
            —
          }
        </dd>
      </div>
      <div>
        <dt>{{ 'olievlek.spread.links' | transloco }}:</dt>
        <dd>{{ s.linkCount }}</dd>
      </div>
      <div>
        <dt>{{ 'olievlek.figures.crossUnit' | transloco }}:</dt>
        <dd>
          {{
            'olievlek.figures.crossUnitDetail'
              | transloco
                : {
                    departments: s.crossUnitLinks.departments,
                    directorates: s.crossUnitLinks.directorates,
                  }
          }}
        </dd>
      </div>
    </dl>
    @if (s.linkCount > s.links.length) {
      <p class="utrecht-paragraph ov-muted">
        {{
          f.plural(
            wide() ? 'olievlek.spread.latestOf' : 'olievlek.spread.latestOfList',
            s.linkCount,
            { shown: s.links.length }
          )
        }}
      </p>
    }
    @if (s.links.length > 0) {
      @if (wide()) {
        <ov-stage-legend [links]="true" />
        <div
          class="ov-graph"
          echarts
          role="img"
          [attr.aria-label]="ariaLabel()"
          [options]="firstOptions()"
          [merge]="options()"
          [initOpts]="{ renderer: 'svg' }"
        ></div>
      } @else {
        <h3 class="utrecht-heading-3" id="spread-list">
          {{ 'olievlek.spread.listHeading' | transloco }}
        </h3>
        <ul class="ov-spread-list" aria-labelledby="spread-list">
          @for (link of listed(); track link.id) {
            <li
              class="ov-spread-list__item"
              [class.ov-spread-list__item--across]="link.crossDepartment"
            >
              <span class="ov-spread-list__teams">
                {{ link.source.name }} <span aria-hidden="true">→</span>&ngsp;<span
                  class="ov-visually-hidden"
                  >{{ 'olievlek.spread.passedTo' | transloco }}</span
                >
                {{ link.target.name }}
              </span>
              <span class="ov-spread-list__meta">{{ linkFacts(link) }}</span>
            </li>
          }
        </ul>
        @if (s.links.length > listed().length) {
          <p class="ov-actions">
            <button
              type="button"
              class="utrecht-button utrecht-button--secondary-action ov-button--small"
              (click)="showAll.set(true)"
            >
              {{ f.plural('olievlek.spread.showAll', s.links.length) }}
            </button>
          </p>
        }
      }
      <ov-data-table
        [caption]="caption()"
        [columns]="columns()"
        [rows]="rows()"
        [filename]="'olievlek-verspreiding-' + s.date"
      />
    } @else {
      <p class="utrecht-paragraph">{{ 'olievlek.spread.none' | transloco }}</p>
    }
  `,
})
export class SpreadGraph {
  readonly spread = input.required<SpreadGraphDto>();

  /** Wide enough for the graph; follows the window (a phone turned sideways gets the graph). */
  protected readonly wide = signal(true);
  protected readonly showAll = signal(false);
  protected readonly listed = computed(() =>
    this.showAll() ? this.spread().links : this.spread().links.slice(0, LIST_FIRST),
  );

  constructor() {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const query = window.matchMedia(`(min-width: ${SPREAD_GRAPH_MIN_WIDTH}px)`);
    this.wide.set(query.matches);
    const follow = (e: MediaQueryListEvent) => this.wide.set(e.matches);
    query.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => query.removeEventListener('change', follow));
  }

  /** "Doel vooraf · 3 december 2026 · Tussen afdelingen": what the list says beside the teams. */
  protected linkFacts(link: SpreadLinkDto): string {
    return [
      this.f.practice(link.practice),
      this.f.date(link.on),
      link.crossDirectorate
        ? this.f.t('olievlek.spread.crossDirectorate')
        : link.crossDepartment
          ? this.f.t('olievlek.spread.crossDepartment')
          : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  protected readonly f = new OlievlekFormat();
  private readonly animate = !prefersReducedMotion();

  private readonly nodes = computed<GraphNode[]>(() => {
    const s = this.spread();
    const inspired = new Map<string, number>();
    for (const link of s.links)
      inspired.set(link.source.id, (inspired.get(link.source.id) ?? 0) + 1);
    // Department by department around the circle, so links within one are short arcs and links
    // across departments cross it.
    return s.teams
      .map((t) => ({
        id: t.id,
        name: t.name,
        stage: t.stage,
        department: t.department?.name ?? '',
        inspired: inspired.get(t.id) ?? 0,
      }))
      .sort((a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name));
  });

  protected readonly options = computed<EChartsCoreOption>(() => {
    const s = this.spread();
    const f = this.f;
    const many = this.nodes().length > 24;
    // On a phone the names do not fit beside the dots: the tooltip and the table carry them.
    const narrow = typeof window !== 'undefined' && window.innerWidth < 640;
    return {
      animation: this.animate,
      tooltip: {
        confine: true,
        formatter: (p: { dataType?: string; data?: GraphNode & { link?: number } }) => {
          if (p.dataType === 'edge' && p.data?.link !== undefined) {
            const link = s.links[p.data.link];
            const practice = f.practice(link.practice);
            return [
              `${escapeHtml(link.source.name)} → ${escapeHtml(link.target.name)}`,
              practice ? escapeHtml(practice) : '',
              escapeHtml(f.date(link.on)),
              link.crossDepartment ? escapeHtml(f.t('olievlek.legend.linkAcross')) : '',
            ]
              .filter(Boolean)
              .join('<br>');
          }
          const node = p.data;
          if (!node) return '';
          return [
            `<strong>${escapeHtml(node.name)}</strong>`,
            escapeHtml(node.department),
            escapeHtml(f.t('olievlek.map.stageValue', { stage: f.stage(node.stage) })),
            escapeHtml(f.plural('olievlek.spread.inspired', node.inspired)),
          ]
            .filter(Boolean)
            .join('<br>');
        },
      },
      series: [
        {
          type: 'graph',
          id: 'spread',
          // The teams on a circle, grouped by department, each name on the ray out from its dot:
          // a fixed layout, so names that would still collide are hidden once and for all (a
          // force layout moves the dots after ECharts has placed the names).
          layout: 'circular',
          circular: { rotateLabel: true },
          left: narrow ? 16 : LABEL_ROOM,
          right: narrow ? 16 : LABEL_ROOM,
          top: narrow ? 16 : LABEL_ROOM,
          bottom: narrow ? 16 : LABEL_ROOM,
          roam: true,
          draggable: false,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          label: {
            show: !many && !narrow,
            position: 'right',
            fontSize: 11,
            color: '#1a1a1a',
            width: LABEL_ROOM - 20,
            overflow: 'truncate',
            formatter: '{b}',
          },
          // Overlapping names give way to the bigger dot's (ECharts ranks a label by its dot's
          // size); each is still shown on hover and in the tooltip and the table.
          labelLayout: { hideOverlap: true },
          emphasis: { focus: 'adjacency', label: { show: true } },
          data: this.nodes().map((n) => ({
            ...n,
            symbolSize: 12 + Math.min(n.inspired, 6) * 3,
            // With many teams only the ones that inspired others are named on the graph.
            label: { show: !narrow && (!many || n.inspired > 0) },
            itemStyle: {
              color: STAGE_COLOURS[n.stage].fill,
              borderColor: '#3b3b3b',
              borderWidth: 1,
            },
          })),
          links: s.links.map((link, i) => ({
            source: link.source.id,
            target: link.target.id,
            link: i,
            lineStyle: link.crossDepartment
              ? { color: ALERT_COLOUR, width: 2.5, type: 'dashed', opacity: 0.9, curveness: 0.2 }
              : { color: NEUTRAL_LINE, width: 1.25, type: 'solid', opacity: 0.8, curveness: 0.2 },
          })),
        },
      ],
    };
  });

  /**
   * The chart starts from the first options and is then updated by merging, so ECharts moves
   * the shapes from one month (or unit) to the next instead of redrawing from scratch.
   */
  protected readonly firstOptions = computed(() => untracked(() => this.options()));

  protected readonly ariaLabel = computed(() =>
    this.f.t('olievlek.spread.aria', {
      unit: this.spread().unit.name,
      date: this.f.date(this.spread().date),
      links: this.spread().links.length,
      teams: this.spread().teams.length,
      across: this.spread().links.filter((l) => l.crossDepartment).length,
    }),
  );

  protected readonly caption = computed(() =>
    this.f.t('olievlek.spread.caption', {
      unit: this.spread().unit.name,
      date: this.f.date(this.spread().date),
    }),
  );

  protected readonly columns = computed<DataColumn[]>(() => [
    { label: this.f.t('olievlek.spread.source') },
    { label: this.f.t('olievlek.spread.target') },
    { label: this.f.t('olievlek.spread.practice') },
    { label: this.f.t('olievlek.spread.on') },
    { label: this.f.t('olievlek.spread.crossDepartment') },
    { label: this.f.t('olievlek.spread.crossDirectorate') },
  ]);

  protected readonly rows = computed<CsvCell[][]>(() =>
    [...this.spread().links]
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((link) => [
        link.source.name,
        link.target.name,
        this.f.practice(link.practice) || null,
        link.on,
        this.f.yesNo(link.crossDepartment),
        this.f.yesNo(link.crossDirectorate),
      ]),
  );
}
