import type {
  AgreementStatusDto,
  CadenceDto,
  HabitLevelDto,
  PeriodStatusDto,
  StageDto,
} from './cases';
import type { OrgUnitKind } from './org-units';

/**
 * Contracts of the olievlek view: adoption spreading across the organisation, at any date.
 * Every figure is defined in docs/design.md and computed by the pure functions in libs/domain.
 * Directors get only their scope; nothing here ever names who ticked what or holds a note.
 */

export const OLIEVLEK_ROUTES = {
  view: '/api/olievlek',
  adoption: '/api/olievlek/adoption',
  spread: '/api/olievlek/spread',
  nextBest: '/api/olievlek/next-best-teams',
  practiceEvidence: '/api/olievlek/practice-evidence',
  team: (teamId: string) => `/api/olievlek/teams/${encodeURIComponent(teamId)}`,
  spreadLinks: '/api/spread-links',
} as const;

/**
 * The map shows teams only up to this many teams in the unit's subtree (a national organisation
 * has 20,000: a treemap of them is unreadable and its body megabytes). Above it the map stops at
 * the units above the teams (departments), each with its teams per stage; zooming into one shows
 * its teams. The server may be set otherwise (`OLIEVLEK_MAP_TEAMS_MAX`): the limit that holds
 * comes with every view (`OlievlekViewDto.mapTeamsMax`).
 */
export const MAP_TEAMS_MAX = 2500;

/** A share that keeps its parts, so the client can say "12 of 40 teams". Null: nothing to count. */
export interface FractionDto {
  numerator: number;
  denominator: number;
  value: number;
}

export type StageCountsDto = Record<StageDto, number>;

export type AdopterCategoryDto =
  'innovators' | 'early-adopters' | 'early-majority' | 'late-majority' | 'laggards';

export interface UnitRefDto {
  id: string;
  name: string;
  kind: OrgUnitKind;
}

/** One unit of the selected subtree, for the map (nested areas sized by headcount). */
export interface MapUnitDto extends UnitRefDto {
  parentId: string | null;
  /** Teams: the known headcount; other units: the sum of their teams' known headcounts. */
  headcount: number | null;
  /** Teams only: the stage at the date. */
  stage: StageDto | null;
  /** Teams only: at least one running agreement is stalled at the date. */
  stalled: boolean;
  /** Units above team level: their teams per stage at the date. */
  stages: StageCountsDto | null;
}

/** The key figures of one unit (its subtree) at one date. */
export interface UnitFiguresDto {
  unit: UnitRefDto;
  teams: number;
  stages: StageCountsDto;
  /** Share of teams at experimenting or higher. */
  reach: FractionDto | null;
  /** Share of teams at practising or higher. */
  rooted: FractionDto | null;
  /** The same, weighted by headcount; teams without a known headcount are left out of both. */
  reachWeighted: FractionDto | null;
  rootedWeighted: FractionDto | null;
  teamsWithoutHeadcount: number;
  /** Running agreements without a check-off in their last 3 due periods. */
  stalledAgreements: number;
  /** Mean number of teams inspired per spreading team. */
  spreadFactor: FractionDto | null;
  /** Agreements and spread links whose two teams sit in different departments / directorates. */
  crossUnitLinks: { departments: number; directorates: number };
  adopters: Record<AdopterCategoryDto, number>;
}

/** GET /api/olievlek?unitId=&date= — the map and key figures of a unit's subtree at a date. */
export interface OlievlekViewDto {
  /** The date the figures hold for (YYYY-MM-DD); today when none was asked. */
  date: string;
  /** The first month with a case in the scope (YYYY-MM-DD, first of the month): the slider's start. */
  firstDate: string | null;
  today: string;
  unit: UnitRefDto;
  /** From the top of the caller's scope down to the unit, for the breadcrumb. */
  path: UnitRefDto[];
  /**
   * The unit's subtree for the map. When `teamsShown` is false the teams are left out: the map
   * then stops at the lowest units above the teams (departments), each with its `stages`.
   */
  units: MapUnitDto[];
  /** False when the subtree holds more than `mapTeamsMax` teams (active at the date). */
  teamsShown: boolean;
  /** The most teams the map shows at once (MAP_TEAMS_MAX unless set otherwise). */
  mapTeamsMax: number;
  figures: UnitFiguresDto;
  /** The same figures for each direct child unit (the table under the map). */
  children: UnitFiguresDto[];
}

export interface AdoptionMonthDto {
  /** YYYY-MM */
  month: string;
  /** The month's last day (or today for the running month). */
  on: string;
  stages: StageCountsDto;
  teams: number;
  /** Teams ever reached (experimenting or higher) up to this month. */
  reached: number;
  /** Teams reached for the first time this month; null for the first month (no baseline). */
  newlyReached: number | null;
}

export interface RunChartSignalDto {
  series: 'reach' | 'newlyReached';
  kind: 'shift' | 'trend';
  /** shift: 'above' | 'below' the median; trend: 'up' | 'down'. */
  direction: 'above' | 'below' | 'up' | 'down';
  /** The months (YYYY-MM) the signal spans. */
  months: string[];
}

/** GET /api/olievlek/adoption?unitId=&from=&to= — the S-curve, monthly. */
export interface AdoptionDto {
  unit: UnitRefDto;
  months: AdoptionMonthDto[];
  medians: { reach: number | null; newlyReached: number | null };
  signals: RunChartSignalDto[];
}

export interface PracticeRefDto {
  id: string;
  title: { nl: string; en: string };
}

export interface SpreadLinkDto {
  id: string;
  source: UnitRefDto;
  target: UnitRefDto;
  practice: PracticeRefDto | null;
  /** The date the target took the practice up (YYYY-MM-DD). */
  on: string;
  note: string | null;
  crossDepartment: boolean;
  crossDirectorate: boolean;
}

/** Spread links per response by default (a graph a person can read), and at most (`?limit=`). */
export const SPREAD_LINKS_DEFAULT = 200;
export const SPREAD_LINKS_MAX = 2000;

/**
 * GET /api/olievlek/spread?unitId=&date=&limit= — lineage of practices inside (or touching) a
 * subtree: the latest `limit` links (default SPREAD_LINKS_DEFAULT) of `linkCount`.
 */
export interface SpreadGraphDto {
  unit: UnitRefDto;
  date: string;
  /** Teams that appear in the links shown, with their stage at the date (graph nodes). */
  teams: Array<UnitRefDto & { stage: StageDto; department: UnitRefDto | null }>;
  /** The latest first. */
  links: SpreadLinkDto[];
  /** All links at the date, of which `links` holds the latest `limit`. */
  linkCount: number;
  limit: number;
  spreadFactor: FractionDto | null;
  crossUnitLinks: { departments: number; directorates: number };
}

/** POST /api/spread-links — "team B took up practice P from team A". */
export interface CreateSpreadLinkRequest {
  sourceTeamId: string;
  targetTeamId: string;
  practiceId?: string | null;
  on: string;
  note?: string | null;
}

/** Next-best teams per response by default, and at most (`?limit=`). */
export const NEXT_BEST_DEFAULT = 10;
export const NEXT_BEST_MAX = 50;
/** Per team, the practising teams named and the practices counted (the rest: `sourceCount`). */
export const NEXT_BEST_SOURCES = 5;
export const NEXT_BEST_PRACTICES = 5;

/**
 * GET /api/olievlek/next-best-teams?unitId=&limit= — ambassadors and admins only: the first
 * `limit` (default NEXT_BEST_DEFAULT, at most NEXT_BEST_MAX) of `total` teams.
 */
export interface NextBestTeamsDto {
  teams: NextBestTeamDto[];
  total: number;
  limit: number;
}

export interface NextBestTeamDto {
  team: UnitRefDto;
  department: UnitRefDto | null;
  /** Distinct partner or neighbour teams that are practising. */
  exposure: number;
  /** All of them; `sources` names the first NEXT_BEST_SOURCES, those with most practices first. */
  sourceCount: number;
  sources: Array<{
    team: UnitRefDto;
    via: Array<'department' | 'agreement' | 'spread'>;
    practices: PracticeRefDto[];
  }>;
  /** Practices seen around the team, most teams first ("3 neighbouring teams practise …"), the first NEXT_BEST_PRACTICES. */
  practices: Array<{ practice: PracticeRefDto; teams: number }>;
}

/** GET /api/olievlek/practice-evidence — the catalogue learns. */
export interface PracticeEvidenceDto {
  practice: PracticeRefDto;
  tried: number;
  reachedRoutine: FractionDto | null;
  medianWeeksToRoutine: number | null;
  dropped: FractionDto | null;
}

/** A step of a team as directors may see it: no notes, no owner, no names of who ticked. */
export interface TeamStepDto {
  id: string;
  title: { nl: string; en: string | null };
  cadence: CadenceDto;
  startDate: string;
  endDate: string | null;
  status: AgreementStatusDto;
  /** The last periods, oldest first, done/skipped/missed per period; null when withheld. */
  rhythm: Array<{ key: string; start: string; end: string; status: PeriodStatusDto }> | null;
  /** Habit strength; null when withheld. */
  habit: HabitLevelDto | null;
}

/**
 * GET /api/olievlek/teams/:teamId — one team of the caller's scope: its stage history and its
 * steps with their rhythm (docs/design.md §Privacy). For directors the rhythm and habit follow
 * from individual check-offs, so they are withheld for a team with fewer than k members
 * (`rhythmWithheld`), and shown by period, never by day or person.
 */
export interface TeamHistoryDto {
  team: UnitRefDto;
  /** From the top of the caller's scope down to the team. */
  path: UnitRefDto[];
  today: string;
  stage: StageDto;
  /** Every change of stage, oldest first: from this day on the team was at `stage`. */
  stages: Array<{ from: string; stage: StageDto }>;
  steps: TeamStepDto[];
  rhythmWithheld: boolean;
  /** The k that holds (members needed for the rhythm to be shown to directors). */
  k: number;
}
