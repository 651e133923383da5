import { ChangeDetectionStrategy, Component, computed, input, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { SpreadGraphDto, StageDto } from '@olievlek/shared';
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

interface GraphNode {
  id: string;
  name: string;
  stage: StageDto;
  department: string;
  inspired: number;
}

/**
 * Spread: who passed a practice on to whom. Teams are dots filled by stage, arrows run from the
 * source to the team that took the practice up, and links across departments are dashed orange.
 */
@Component({
  selector: 'ov-spread-graph',
  imports: [NgxEchartsDirective, TranslocoPipe, DataTable, StageLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-graph {
      block-size: clamp(18rem, 50vw, 30rem);
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
        {{ f.plural('olievlek.spread.latestOf', s.linkCount, { shown: s.links.length }) }}
      </p>
    }
    @if (s.links.length > 0) {
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

  protected readonly f = new OlievlekFormat();
  private readonly animate = !prefersReducedMotion();

  private readonly nodes = computed<GraphNode[]>(() => {
    const s = this.spread();
    const inspired = new Map<string, number>();
    for (const link of s.links)
      inspired.set(link.source.id, (inspired.get(link.source.id) ?? 0) + 1);
    return s.teams.map((t) => ({
      id: t.id,
      name: t.name,
      stage: t.stage,
      department: t.department?.name ?? '',
      inspired: inspired.get(t.id) ?? 0,
    }));
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
          layout: 'force',
          left: 16,
          top: 16,
          bottom: 16,
          right: narrow ? 16 : 140,
          roam: true,
          draggable: false,
          force: {
            // A phone has little room: shorter links and a stronger pull to the centre.
            repulsion: narrow ? 80 : many ? 180 : 260,
            gravity: narrow ? 0.3 : many ? 0.18 : 0.15,
            edgeLength: narrow ? [25, 55] : [50, 110],
            layoutAnimation: this.animate,
          },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          label: {
            show: !many && !narrow,
            position: 'right',
            fontSize: 11,
            color: '#1a1a1a',
            width: 160,
            overflow: 'truncate',
            formatter: '{b}',
          },
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
              ? { color: ALERT_COLOUR, width: 2.5, type: 'dashed', opacity: 0.9 }
              : { color: NEUTRAL_LINE, width: 1.25, type: 'solid', opacity: 0.8 },
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
