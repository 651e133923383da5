import { fromUtcMidnight, LocalDate, toUtcMidnight } from './dates';
import { emptyStageCounts, isReached, StageCounts, StageLookup, stageIn } from './figures';
import { isActiveAt, OrgIndex, teamsIn } from './org-index';

/**
 * The last day of every month from the month of `from` to the month of `to`, oldest first. The
 * last entry is `to` itself when its month is not over yet ("this month so far"), so no figure is
 * ever computed for a date in the future.
 */
export function monthEnds(from: LocalDate, to: LocalDate): LocalDate[] {
  const result: LocalDate[] = [];
  const start = new Date(toUtcMidnight(from));
  toUtcMidnight(to); // validates `to`
  for (let i = 0; ; i++) {
    const end = fromUtcMidnight(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i + 1, 0));
    if (end >= to) {
      if (to >= from) result.push(to);
      return result;
    }
    result.push(end);
  }
}

/** The stages of all teams on one date (from `stagesAt`). */
export interface StageSnapshot {
  on: LocalDate;
  stages: StageLookup;
}

export interface AdoptionPoint {
  on: LocalDate;
  /** Active (not archived) teams of the unit on this date, per stage: the S-curve. */
  stageCounts: StageCounts;
  teams: number;
  /** Teams at `experimenting` or higher (while active) on this or any earlier date of the series. */
  everReached: number;
  /**
   * Teams reached for the first time in the series on this date; null on the first date, which
   * has no earlier point to compare with (it is the baseline).
   */
  newlyReached: number | null;
  newlyReachedTeamIds: string[];
}

/**
 * Adoption over time of one unit (docs/design.md "new teams reached per month"). A team is *reached*
 * on the first date of the series at which it is at `experimenting` or higher; it is new then and
 * never again, even if it falls back and comes back later.
 *
 * The series samples month ends: ask for one month end before the first month you chart, since
 * the first point is a baseline with `newlyReached: null`. A team reached and fallen back within
 * one month is not seen. Snapshots are used oldest first whatever order they come in.
 * Cost: O(dates × teams of the unit).
 */
export function adoptionOverTime(
  index: OrgIndex,
  unitId: string,
  snapshots: readonly StageSnapshot[],
): AdoptionPoint[] {
  const teamIds = teamsIn(index, unitId);
  const ordered = [...snapshots].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const reached = new Set<string>();
  return ordered.map((snapshot, i) => {
    const stageCounts = emptyStageCounts();
    const fresh: string[] = [];
    let teams = 0;
    for (const teamId of teamIds) {
      if (!isActiveAt(index, teamId, snapshot.on)) continue;
      const stage = stageIn(snapshot.stages, teamId);
      stageCounts[stage]++;
      teams++;
      if (isReached(stage) && !reached.has(teamId)) {
        reached.add(teamId);
        fresh.push(teamId);
      }
    }
    return {
      on: snapshot.on,
      stageCounts,
      teams,
      everReached: reached.size,
      newlyReached: i === 0 ? null : fresh.length,
      newlyReachedTeamIds: i === 0 ? [] : fresh,
    };
  });
}
