import { Injectable } from '@nestjs/common';
import {
  adoptionOverTime,
  countWhere,
  isReached,
  LocalDate,
  minDate,
  monthEnds,
  runChartSignals,
  viewSignals,
  teamsIn,
} from '@olievlek/domain';
import type { AdoptionDto, RunChartSignalDto } from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception';
import type { AdoptionQueryDto } from './dto/olievlek-query.dto';
import { OrgSnapshot, ProgrammeFacts } from './olievlek-facts';
import { dateFor, monthStart, unitFor, unitRef, viewerOf } from './olievlek-scope';
import { Base, OlievlekSnapshotsService } from './olievlek-snapshots.service';
import { TeamTimelineService } from './team-timeline.service';

/** The longest adoption series one request may ask for: ten years of months. */
export const MAX_ADOPTION_MONTHS = 120;

const monthIndex = (date: LocalDate) =>
  Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (index: number): LocalDate =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** The first of the month of the first case opened in a subtree; null when it has none. */
export function firstCaseMonth(
  org: OrgSnapshot,
  firstReached: ReadonlyMap<string, LocalDate>,
  unitId: string,
): LocalDate | null {
  let first: LocalDate | null = null;
  for (const teamId of teamsIn(org.index, unitId)) {
    const opened = firstReached.get(teamId);
    if (opened !== undefined && (first === null || opened < first)) first = opened;
  }
  return first === null ? null : `${first.slice(0, 7)}-01`;
}

/** Per team the day its first case opened. */
function firstCases(programme: ProgrammeFacts): Map<string, LocalDate> {
  const first = new Map<string, LocalDate>();
  for (const [teamId, cases] of programme.casesByTeam) {
    for (const c of cases) {
      const known = first.get(teamId);
      if (known === undefined || c.openedOn < known) first.set(teamId, c.openedOn);
    }
  }
  return first;
}

/**
 * Adoption month by month (docs/design.md "new teams reached per month"): the stages of every month
 * end, read from the team timelines; the result is kept until the facts change.
 */
@Injectable()
export class OlievlekTrendsService {
  constructor(
    private readonly snapshots: OlievlekSnapshotsService,
    private readonly timelines: TeamTimelineService,
  ) {}

  /** GET /api/olievlek/adoption: the S-curve of a unit, month by month, with run-chart signals. */
  async adoption(user: AuthUser, query: AdoptionQueryDto): Promise<AdoptionDto> {
    const base = await this.snapshots.current();
    const { org, programme, today } = base;
    const viewer = viewerOf(user, org);
    const unitId = unitFor(viewer, org, query.unitId);
    const thisMonth = monthIndex(today);
    const askedFrom = monthStart(query.from, 'from');
    const askedTo = monthStart(query.to, 'to');
    const to = askedTo === undefined ? thisMonth : monthIndex(askedTo);
    if (to > thisMonth) dateFor(monthOf(to), today, 'to'); // refuses the future with its code
    let from: number;
    if (askedFrom !== undefined) {
      from = monthIndex(askedFrom);
      if (from > to || to - from + 1 > MAX_ADOPTION_MONTHS) {
        throw badRequest(
          'OLIEVLEK_RANGE_INVALID',
          `Choose a first month on or before the last, at most ${MAX_ADOPTION_MONTHS} months apart.`,
          { from: `on or before to, at most ${MAX_ADOPTION_MONTHS} months before it` },
        );
      }
    } else {
      const first = firstCaseMonth(org, firstCases(programme), viewer.top);
      from = first === null ? to : Math.min(to, monthIndex(first));
      from = Math.max(from, to - MAX_ADOPTION_MONTHS + 1);
    }
    const dates = monthEnds(monthOf(from), minDate(lastDayOf(to), today));
    return this.snapshots.result(`adoption ${unitId} ${dates[0]} ${dates.at(-1)}`, (current) =>
      this.curve(current, unitId, dates),
    );
  }

  private async curve(base: Base, unitId: string, dates: LocalDate[]): Promise<AdoptionDto> {
    const { org } = base;
    // Every month end from the team timelines: one small query each, whatever the history.
    const perDate = (await this.timelines.stagesOn(dates)).map((s) => s.stages);
    const points = adoptionOverTime(
      org.index,
      unitId,
      dates.map((on, i) => ({ on, stages: perDate[i] })),
    );
    const months = points.map((p) => p.on.slice(0, 7));
    const reach = points.map((p) =>
      p.teams > 0 ? countWhere(p.stageCounts, isReached) / p.teams : null,
    );
    const reachChart = viewSignals(reach);
    const newChart = viewSignals(points.map((p) => p.newlyReached));
    const signals = (
      series: RunChartSignalDto['series'],
      chart: ReturnType<typeof runChartSignals>,
    ): RunChartSignalDto[] =>
      chart.signals.map((s) => ({
        series,
        kind: s.kind,
        direction: s.kind === 'shift' ? s.side : s.direction,
        months: s.indices.map((i) => months[i]),
      }));
    return {
      unit: unitRef(org, unitId),
      months: points.map((p, i) => ({
        month: months[i],
        on: p.on,
        stages: p.stageCounts,
        teams: p.teams,
        reached: p.everReached,
        newlyReached: p.newlyReached,
      })),
      medians: { reach: reachChart.median, newlyReached: newChart.median },
      signals: [...signals('reach', reachChart), ...signals('newlyReached', newChart)],
    };
  }
}

function lastDayOf(month: number): LocalDate {
  return new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0)).toISOString().slice(0, 10);
}
