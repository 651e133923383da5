import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { maxOf } from '@olievlek/domain';
import type { MapUnitDto, OlievlekViewDto, OrgUnitKind } from '@olievlek/shared';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { CsvCell } from '../core/csv';
import { DataColumn, DataLink, DataTable } from '../shell/data-table';
import {
  ALERT_COLOUR,
  escapeHtml,
  OlievlekFormat,
  prefersReducedMotion,
  reachStep,
  STAGE_COLOURS,
  STAGES,
} from './olievlek-format';
import { StageLegend } from './stage-legend';

interface MapNode {
  id: string;
  name: string;
  kind: OrgUnitKind;
  value?: number;
  unit: MapUnitDto;
  children?: MapNode[];
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
  upperLabel?: Record<string, unknown>;
}

/** Dark greys behind the names of departments and directorates: white text reads on both. */
const GROUP_FILL: Partial<Record<OrgUnitKind, string>> = {
  organisation: '#2b2b2b',
  directorate: '#3b3b3b',
  department: '#5c5c5c',
};

/**
 * The map: the unit's subtree as nested areas, each team sized by its headcount and filled by its
 * stage; stalled teams get an orange frame and a warning sign. Clicking a department or
 * directorate zooms into it; the table below the map does the same for keyboard users.
 * Above its team limit (`teamsShown: false`, a national organisation) the map stops at the
 * departments, filled by their share of reached teams, and the table lists the departments.
 */
@Component({
  selector: 'ov-olievlek-map',
  imports: [NgxEchartsDirective, TranslocoPipe, DataTable, StageLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-map {
      block-size: clamp(24rem, 55vw, 34rem);
      inline-size: 100%;
    }
    .ov-map__hint {
      font-size: 0.9375rem;
    }
    .ov-map__coarse {
      margin-block: 0 0.75rem;
    }
  `,
  template: `
    @if (coarse()) {
      <p class="utrecht-paragraph ov-map__coarse">
        {{ 'olievlek.mapCoarse.notice' | transloco: { max: view().mapTeamsMax } }}
      </p>
      <ov-stage-legend [reach]="true" />
    } @else {
      <ov-stage-legend [stalled]="true" />
    }
    <div
      class="ov-map"
      echarts
      role="img"
      [attr.aria-label]="ariaLabel()"
      [options]="firstOptions()"
      [merge]="options()"
      [initOpts]="{ renderer: 'svg' }"
      (chartClick)="clicked($event)"
    ></div>
    <p class="utrecht-paragraph ov-muted ov-map__hint">{{ 'olievlek.map.hint' | transloco }}</p>
    <ov-data-table
      [caption]="tableCaption()"
      [columns]="columns()"
      [rows]="rows()"
      [links]="links()"
      [filename]="(coarse() ? 'olievlek-afdelingen-' : 'olievlek-teams-') + view().date"
    />
  `,
})
export class OlievlekMap {
  readonly view = input.required<OlievlekViewDto>();
  readonly zoom = output<string>();
  /** A team was clicked: the page opens its history. */
  readonly openTeam = output<string>();

  protected readonly f = new OlievlekFormat();
  private readonly animate = !prefersReducedMotion();

  /** The teams are left out (the subtree is above the map's limit): departments are the leaves. */
  protected readonly coarse = computed(() => this.view().teamsShown === false);

  private readonly byId = computed(() => new Map(this.view().units.map((u) => [u.id, u])));
  /** With the teams left out: the units that are leaves of the map, in the table's order. */
  private readonly leaves = computed(() => {
    const parents = new Set(this.view().units.map((u) => u.parentId));
    return this.view()
      .units.filter((u) => !parents.has(u.id) && teamsOf(u) > 0)
      .sort((a, b) => this.pathOf(a).localeCompare(this.pathOf(b), 'nl'));
  });
  private readonly teams = computed(() =>
    this.view()
      .units.filter((u) => u.kind === 'team')
      .sort((a, b) => this.pathOf(a).localeCompare(this.pathOf(b), 'nl')),
  );

  /**
   * The chart starts from the first options and is then updated by merging, so ECharts moves
   * the shapes from one month (or unit) to the next instead of redrawing from scratch.
   */
  protected readonly firstOptions = computed(() => untracked(() => this.options()));

  protected readonly ariaLabel = computed(() => {
    const v = this.view();
    return this.f.t('olievlek.map.aria', {
      unit: v.unit.name,
      date: this.f.date(v.date),
      teams: v.figures.teams,
      reached: v.figures.reach?.numerator ?? 0,
    });
  });

  protected readonly options = computed<EChartsCoreOption>(() => {
    const v = this.view();
    const coarse = this.coarse();
    // The labels and tooltips are written when drawn: rebuild them when the texts change.
    this.f.t('stages.intake');
    const children = new Map<string | null, MapUnitDto[]>();
    for (const unit of v.units) {
      const list = children.get(unit.parentId) ?? [];
      list.push(unit);
      children.set(unit.parentId, list);
    }
    const build = (unit: MapUnitDto): MapNode => {
      if (unit.kind === 'team') {
        const stage = unit.stage ?? 'not-reached';
        const colour = STAGE_COLOURS[stage];
        return {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          // A team without a known headcount still shows, as small as the smallest team.
          value: unit.headcount && unit.headcount > 0 ? unit.headcount : 1,
          unit,
          itemStyle: unit.stalled
            ? { color: colour.fill, borderColor: ALERT_COLOUR, borderWidth: 3 }
            : { color: colour.fill },
          label: { color: colour.text },
        };
      }
      if (coarse && !children.has(unit.id)) {
        // A department without its teams: sized by headcount, filled by its share reached.
        const step = reachStep(reachedPercent(unit));
        return {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          value: unit.headcount && unit.headcount > 0 ? unit.headcount : teamsOf(unit) || 1,
          unit,
          itemStyle: { color: step.fill },
          label: { color: step.text },
        };
      }
      const kids = (children.get(unit.id) ?? [])
        .map(build)
        .filter((n) =>
          n.children === undefined
            ? n.kind === 'team' || teamsOf(n.unit) > 0
            : n.children.length > 0,
        );
      return {
        id: unit.id,
        name: unit.name,
        kind: unit.kind,
        unit,
        children: kids,
        itemStyle: {
          color: GROUP_FILL[unit.kind] ?? '#5c5c5c',
          borderColor: GROUP_FILL[unit.kind],
        },
      };
    };
    const root = this.byId().get(v.unit.id);
    // A team, or a department whose teams are left out, is a map of one area.
    const top = root ? build(root) : null;
    const data = top === null ? [] : (top.children ?? [top]);
    const depth = (nodes: MapNode[]): number =>
      nodes.length === 0 ? 0 : 1 + maxOf(nodes.map((n) => depth(n.children ?? [])));
    const levelsBelow = depth(data);
    // levels[0] is the whole map; the groups above the teams get a header with their name.
    const levels: Record<string, unknown>[] = [{ itemStyle: { borderWidth: 0, gapWidth: 4 } }];
    for (let level = 1; level < levelsBelow; level++) {
      levels.push({
        itemStyle: { borderWidth: 3, gapWidth: 2 },
        upperLabel: { show: true, height: 22, color: '#ffffff', fontWeight: 600 },
      });
    }
    levels.push({ itemStyle: { borderColor: '#ffffff', borderWidth: 1, gapWidth: 1 } });

    return {
      animation: this.animate,
      animationDurationUpdate: 600,
      tooltip: {
        confine: true,
        formatter: (p: { data?: MapNode }) => this.tooltip(p.data),
      },
      series: [
        {
          type: 'treemap',
          id: 'map',
          name: v.unit.name,
          left: 0,
          top: 0,
          right: 0,
          bottom: 0,
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          visibleMin: 0,
          squareRatio: 1.2,
          label: {
            show: true,
            fontSize: 12,
            lineHeight: 15,
            overflow: 'truncate',
            formatter: (p: { data?: MapNode }) => this.label(p.data),
          },
          upperLabel: { show: false },
          levels,
          data,
        },
      ],
    };
  });

  protected readonly tableCaption = computed(() =>
    this.f.t(this.coarse() ? 'olievlek.mapCoarse.tableCaption' : 'olievlek.map.tableCaption', {
      unit: this.view().unit.name,
      date: this.f.date(this.view().date),
    }),
  );

  private readonly showDirectorate = computed(() => this.view().unit.kind === 'organisation');
  private readonly showDepartment = computed(
    () => this.view().unit.kind === 'organisation' || this.view().unit.kind === 'directorate',
  );

  protected readonly columns = computed<DataColumn[]>(() =>
    this.coarse()
      ? [
          { label: this.f.t('olievlek.figures.unit') },
          ...(this.showDirectorate() ? [{ label: this.f.t('kinds.directorate') }] : []),
          { label: this.f.t('olievlek.map.headcount'), numeric: true },
          { label: this.f.t('olievlek.figures.teams'), numeric: true },
          ...STAGES.map((stage) => ({ label: this.f.stage(stage), numeric: true })),
          { label: this.f.t('olievlek.figures.reachPercent'), numeric: true },
        ]
      : this.teamColumns(),
  );

  private teamColumns(): DataColumn[] {
    return [
      { label: this.f.t('kinds.team') },
      ...(this.showDirectorate() ? [{ label: this.f.t('kinds.directorate') }] : []),
      ...(this.showDepartment() ? [{ label: this.f.t('kinds.department') }] : []),
      { label: this.f.t('olievlek.map.headcount'), numeric: true },
      { label: this.f.t('olievlek.map.stage') },
      { label: this.f.t('olievlek.map.stalled') },
    ];
  }

  protected readonly rows = computed<CsvCell[][]>(() =>
    this.coarse()
      ? this.leaves().map((unit) => [
          unit.name,
          ...(this.showDirectorate() ? [this.ancestor(unit, 'directorate')] : []),
          unit.headcount,
          teamsOf(unit),
          ...STAGES.map((stage) => unit.stages?.[stage] ?? 0),
          reachedPercent(unit),
        ])
      : this.teamRows(),
  );

  /**
   * Keyboard users zoom into a department from the table, as a click on the map does; a team's
   * row opens its history, as a click on its area does.
   */
  protected readonly links = computed<(DataLink | null)[]>(() =>
    this.coarse()
      ? this.leaves().map((unit) => ({
          path: '/olievlek',
          keepQuery: true,
          query: { unitId: unit.id },
          prefix: this.f.t('olievlek.zoomInto'),
        }))
      : this.teams().map((team) => ({
          path: '/olievlek',
          keepQuery: true,
          query: { team: team.id },
          prefix: this.f.t('olievlek.team.open'),
        })),
  );

  private teamRows(): CsvCell[][] {
    return this.teams().map((team) => [
      team.name,
      ...(this.showDirectorate() ? [this.ancestor(team, 'directorate')] : []),
      ...(this.showDepartment() ? [this.ancestor(team, 'department')] : []),
      team.headcount,
      this.f.stage(team.stage ?? 'not-reached'),
      this.f.yesNo(team.stalled),
    ]);
  }

  protected clicked(event: ECElementEvent): void {
    const node = event.data as MapNode | undefined;
    if (node?.kind === 'team') this.openTeam.emit(node.id);
    else if (node && node.id !== this.view().unit.id) this.zoom.emit(node.id);
  }

  private ancestor(unit: MapUnitDto, kind: OrgUnitKind): string {
    let current: MapUnitDto | undefined = unit;
    while (current && current.kind !== kind) {
      current = current.parentId ? this.byId().get(current.parentId) : undefined;
    }
    return current?.name ?? '';
  }

  private pathOf(unit: MapUnitDto): string {
    return `${this.ancestor(unit, 'directorate')}/${this.ancestor(unit, 'department')}/${unit.name}`;
  }

  private label(node: MapNode | undefined): string {
    if (!node) return '';
    if (node.kind !== 'team' && node.children === undefined) {
      const share = this.f.t('olievlek.mapCoarse.reachedShare', {
        percent: reachedPercent(node.unit),
      });
      return `${node.name}\n${share}`;
    }
    if (node.kind !== 'team') return node.name;
    const stage = this.f.stage(node.unit.stage ?? 'not-reached');
    return `${node.unit.stalled ? '⚠ ' : ''}${node.name}\n${stage}`;
  }

  private tooltip(node: MapNode | undefined): string {
    if (!node) return '';
    const f = this.f;
    const u = node.unit;
    const lines = [
      `<strong>${escapeHtml(u.name)}</strong> (${escapeHtml(f.t('kinds.' + u.kind))})`,
    ];
    lines.push(
      escapeHtml(
        u.headcount === null
          ? f.t('olievlek.map.headcountUnknown')
          : f.t('olievlek.map.headcountValue', { count: u.headcount }),
      ),
    );
    if (u.kind === 'team') {
      lines.push(
        escapeHtml(f.t('olievlek.map.stageValue', { stage: f.stage(u.stage ?? 'not-reached') })),
      );
      if (u.stalled) lines.push('⚠ ' + escapeHtml(f.t('olievlek.legend.stalled')));
    } else if (u.stages) {
      const reached = u.stages.experimenting + u.stages.practising + u.stages.spreading;
      const total = Object.values(u.stages).reduce((a, b) => a + b, 0);
      lines.push(escapeHtml(f.t('olievlek.map.reachedValue', { reached, total })));
      lines.push(escapeHtml(f.t('olievlek.map.clickToZoom')));
    }
    return lines.join('<br>');
  }
}

/** The teams of a unit above team level, from its stage counts. */
function teamsOf(unit: MapUnitDto): number {
  return unit.stages ? STAGES.reduce((n, stage) => n + (unit.stages?.[stage] ?? 0), 0) : 0;
}

/** The share of a unit's teams that are reached (experimenting or further), in whole percents. */
function reachedPercent(unit: MapUnitDto): number {
  const teams = teamsOf(unit);
  const s = unit.stages;
  if (!s || teams === 0) return 0;
  return Math.round(((s.experimenting + s.practising + s.spreading) / teams) * 100);
}
