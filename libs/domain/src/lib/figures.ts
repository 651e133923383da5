import type { LocalDate } from './dates';
import { isActiveAt, knownHeadcount, OrgIndex, teamsIn } from './org-index';
import { isTeamUnit } from './org-tree';
import { Stage, stageAt, STAGES, TeamFacts } from './stage';
import { Fraction, fraction } from './stats';

/** Team id → its stage at one date. A team missing from the map is `not-reached`. */
export type StageLookup = ReadonlyMap<string, Stage>;
export type StageCounts = Record<Stage, number>;

const RANK: Record<Stage, number> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<
  Stage,
  number
>;

/** Reached (counts for *reach*): `experimenting` or higher. */
export function isReached(stage: Stage): boolean {
  return RANK[stage] >= RANK.experimenting;
}

/** Rooted (counts for *rooted*): `practising` or higher. */
export function isRooted(stage: Stage): boolean {
  return RANK[stage] >= RANK.practising;
}

export function emptyStageCounts(): StageCounts {
  return { 'not-reached': 0, intake: 0, experimenting: 0, practising: 0, spreading: 0 };
}

/** The stage of a team in a lookup; a team without facts has no case, so `not-reached`. */
export function stageIn(stages: StageLookup, teamId: string): Stage {
  return stages.get(teamId) ?? 'not-reached';
}

/**
 * The stage at t of every team given (docs/design.md "Stage of a team at t", via `stageAt`). Compute
 * this once per date and hand the map to every figure of that date.
 */
export function stagesAt(
  teams: ReadonlyMap<string, TeamFacts> | Iterable<readonly [string, TeamFacts]>,
  t: LocalDate,
): Map<string, Stage> {
  const result = new Map<string, Stage>();
  for (const [teamId, facts] of teams) result.set(teamId, stageAt(facts, t));
  return result;
}

/**
 * The figures of one org unit (its whole subtree) at t (docs/design.md "Per org unit at t").
 *
 * - `teams`: the teams of the subtree that are not archived on or before t.
 * - `reach`: share of those teams at `experimenting` or higher; `rooted`: at `practising` or
 *   higher. Null (not NaN) when the subtree has no teams.
 * - `weighted`: the same shares weighted by headcount. Only teams with a known headcount
 *   (a number ≥ 0) take part, in numerator and denominator alike; teams without one are left out
 *   of the weighted figures and counted in `teamsWithoutHeadcount`, so the screen can say
 *   "weighted over 38 of 40 teams". Null when no team in the subtree has a headcount above 0.
 */
export interface UnitRollUp {
  unitId: string;
  on: LocalDate;
  teams: number;
  stageCounts: StageCounts;
  reach: Fraction | null;
  rooted: Fraction | null;
  weighted: {
    /** Sum of the known headcounts per stage. */
    stageHeadcounts: StageCounts;
    headcount: number;
    teamsWithHeadcount: number;
    teamsWithoutHeadcount: number;
    reach: Fraction | null;
    rooted: Fraction | null;
  };
}

interface Tally {
  counts: StageCounts;
  headcounts: StageCounts;
  withHeadcount: number;
  withoutHeadcount: number;
}

const newTally = (): Tally => ({
  counts: emptyStageCounts(),
  headcounts: emptyStageCounts(),
  withHeadcount: 0,
  withoutHeadcount: 0,
});

function addTeam(tally: Tally, stage: Stage, headcount: number | null): void {
  tally.counts[stage]++;
  if (headcount === null) {
    tally.withoutHeadcount++;
  } else {
    tally.withHeadcount++;
    tally.headcounts[stage] += headcount;
  }
}

/** Sum of the counts of the stages that pass `test`. */
export function countWhere(counts: StageCounts, test: (stage: Stage) => boolean): number {
  return STAGES.filter(test).reduce((sum, stage) => sum + counts[stage], 0);
}

function toRollUp(unitId: string, t: LocalDate, tally: Tally): UnitRollUp {
  const teams = countWhere(tally.counts, () => true);
  const headcount = countWhere(tally.headcounts, () => true);
  return {
    unitId,
    on: t,
    teams,
    stageCounts: tally.counts,
    reach: fraction(countWhere(tally.counts, isReached), teams),
    rooted: fraction(countWhere(tally.counts, isRooted), teams),
    weighted: {
      stageHeadcounts: tally.headcounts,
      headcount,
      teamsWithHeadcount: tally.withHeadcount,
      teamsWithoutHeadcount: tally.withoutHeadcount,
      reach: fraction(countWhere(tally.headcounts, isReached), headcount),
      rooted: fraction(countWhere(tally.headcounts, isRooted), headcount),
    },
  };
}

/** The roll-up of one unit's subtree at t; an unknown unit gives an empty roll-up. */
export function rollUp(
  index: OrgIndex,
  unitId: string,
  stages: StageLookup,
  t: LocalDate,
): UnitRollUp {
  const tally = newTally();
  for (const teamId of teamsIn(index, unitId)) {
    if (!isActiveAt(index, teamId, t)) continue;
    addTeam(tally, stageIn(stages, teamId), knownHeadcount(index.units.get(teamId)?.headcount));
  }
  return toRollUp(unitId, t, tally);
}

/**
 * The roll-up of every unit that is not a lone team, at once (for colouring the whole map): one
 * pass over the teams, each adding itself to its own unit and every unit above it — O(teams ×
 * depth), not O(units × teams). So at any depth a unit's roll-up is the sum of its children's plus
 * itself when it is a team, and every team counts once (a property test holds both). Units without
 * any team (an empty department) are included with zero teams; a team with sub-teams is included.
 * Teams without sub-units are left out (their figure is their stage; `rollUp` gives one if
 * wanted): at 20,000 teams, building 20,000 one-team roll-ups per date would cost more than all
 * the rest.
 */
export function rollUpAll(
  index: OrgIndex,
  stages: StageLookup,
  t: LocalDate,
): Map<string, UnitRollUp> {
  const tallies = new Map<string, Tally>();
  for (const unit of index.units.values()) {
    if (!isTeamUnit(unit) || index.hasChildren.has(unit.id)) tallies.set(unit.id, newTally());
  }
  for (const teamId of index.teamIds) {
    if (!isActiveAt(index, teamId, t)) continue;
    const stage = stageIn(stages, teamId);
    const headcount = knownHeadcount(index.units.get(teamId)?.headcount);
    for (const unitId of index.ancestorsOf.get(teamId) ?? []) {
      const tally = tallies.get(unitId);
      if (tally) addTeam(tally, stage, headcount);
    }
  }
  const result = new Map<string, UnitRollUp>();
  for (const [unitId, tally] of tallies) result.set(unitId, toRollUp(unitId, t, tally));
  return result;
}
