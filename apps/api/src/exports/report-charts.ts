import {
  formatMonth,
  REACH_COLOURS,
  reachStep,
  STAGE_COLOURS,
  type AdoptionDto,
  type MapUnitDto,
  type OlievlekViewDto,
  type ReportLanguage,
  type StageDto,
} from '@olievlek/shared';
import * as echarts from 'echarts';
import { words } from '../common/texts';
import { STAGES } from '@olievlek/domain';

/**
 * The report's two pictures as SVG drawn on the server (ECharts' server-side renderer), so the
 * printed page and the PDF need no script: the S-curve of teams per stage by month, and the map
 * of the subtree at the chosen date. Colours are the screen's (libs/shared olievlek-colours).
 */

const WIDTH = 680;

function svg(option: Record<string, unknown>, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Teams per stage by month, stacked with the reached stages at the bottom (as on screen). */
export function sCurveSvg(adoption: AdoptionDto, lang: ReportLanguage): string {
  const w = words(lang);
  const stacked = [...STAGES].reverse();
  return svg(
    {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#1a1a1a' } },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: adoption.months.map((m) => formatMonth(lang, m.month)),
        axisLabel: { color: '#3b3b3b', hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#3b3b3b' } },
      series: stacked.map((stage: StageDto) => ({
        type: 'line',
        name: w.stage[stage],
        stack: 'stages',
        symbol: 'none',
        lineStyle: { width: 1, color: '#ffffff' },
        areaStyle: { color: STAGE_COLOURS[stage].fill, opacity: 1 },
        itemStyle: { color: STAGE_COLOURS[stage].fill },
        data: adoption.months.map((m) => m.stages[stage]),
      })),
    },
    300,
  );
}

interface MapNode {
  name: string;
  /** Leaves only: ECharts sums a parent from its children. */
  value?: number;
  itemStyle?: { color: string };
  label?: { color: string };
  children?: MapNode[];
}

/** The subtree as nested blocks: a team coloured by its stage, or a department by its reach. */
export function mapSvg(view: OlievlekViewDto): string {
  const children = new Map<string | null, MapUnitDto[]>();
  for (const unit of view.units) {
    const list = children.get(unit.parentId) ?? [];
    list.push(unit);
    children.set(unit.parentId, list);
  }
  const node = (unit: MapUnitDto): MapNode => {
    const below = children.get(unit.id) ?? [];
    if (below.length) {
      return { name: unit.name, children: below.map(node) };
    }
    if (unit.stage) {
      const colour = STAGE_COLOURS[unit.stage];
      return {
        name: unit.name,
        value: Math.max(1, unit.headcount ?? 1),
        itemStyle: { color: colour.fill },
        label: { color: colour.text },
      };
    }
    const stages = unit.stages;
    const teams = stages ? STAGES.reduce((n, s) => n + stages[s], 0) : 0;
    const reached = stages ? stages.experimenting + stages.practising + stages.spreading : 0;
    const step = teams ? reachStep(Math.round((reached / teams) * 100)) : REACH_COLOURS[0];
    return {
      name: unit.name,
      value: Math.max(1, teams),
      itemStyle: { color: step.fill },
      label: { color: step.text },
    };
  };
  const root = view.units.find((u) => u.id === view.unit.id);
  const data = root ? (children.get(root.id) ?? []).map(node) : [];
  return svg(
    {
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          top: 0,
          left: 0,
          label: { show: true, fontSize: 10, overflow: 'truncate' },
          upperLabel: { show: true, height: 18, color: '#1a1a1a', fontSize: 11 },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1, gapWidth: 1 },
          levels: [{ itemStyle: { borderColor: '#6b6b6b', borderWidth: 2, gapWidth: 2 } }],
          data,
        },
      ],
    },
    380,
  );
}
