import { daysBetween, LocalDate, minDate } from './dates';
import { habitStrength, ROUTINE_THRESHOLD } from './habit';
import { duePeriods } from './periods';
import type { TeamAgreement } from './relations';
import { AgreementFacts, periodStatusesAt, statusAt } from './stage';
import { Fraction, fraction, median } from './stats';

/**
 * Weeks from an agreement's start to the end of the due period in which its habit strength first
 * reached `routine` (≥ 0.75), as known at t; null when it has not. The end of a period still
 * running counts as t. Habit strength only ever peaks higher as periods are added, so the first
 * such period is found by bisection: O(p log p) for p due periods.
 */
export function weeksToRoutine(agreement: AgreementFacts, t: LocalDate): number | null {
  const statuses = periodStatusesAt(agreement, t);
  const reaches = (length: number) =>
    habitStrength(statuses.slice(0, length)).peak >= ROUTINE_THRESHOLD;
  if (!reaches(statuses.length)) return null;
  let low = 1;
  let high = statuses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reaches(mid)) high = mid;
    else low = mid + 1;
  }
  // Only the periods from the one that got there onwards: its end is the first of them.
  const [reached] = duePeriods(
    agreement.cadence,
    agreement.startDate,
    agreement.endDate,
    t,
    statuses.length - low + 1,
  );
  const end = minDate(reached.end, t);
  return (daysBetween(agreement.startDate, end) + 1) / 7;
}

/** Tried: the agreement has run (been `running` or `adopted`) on or before t. */
function wasTried(agreement: AgreementFacts, t: LocalDate): boolean {
  return agreement.statusHistory.some(
    (c) => c.on <= t && (c.status === 'running' || c.status === 'adopted'),
  );
}

export interface PracticeEvidence {
  practiceId: string;
  /** Distinct teams that tried the practice. */
  teamsTried: number;
  /** Of those, the teams with an agreement on it whose habit reached `routine` (ever, until t). */
  reachedRoutine: Fraction | null;
  /** Median over those teams of their fastest weeks to routine; null when none got there. */
  medianWeeksToRoutine: number | null;
  /** Of the teams that tried it, those whose every agreement on it is `dropped` at t. */
  dropped: Fraction | null;
}

/**
 * Practice evidence at t (docs/design.md, "the catalogue learns"), per catalogue practice, counted in
 * teams: a team that tried a practice twice counts once. A team *tried* it when one of its
 * agreements on it has run; it *reached routine* when one of those agreements' habit strength
 * (habit.ts) has reached 0.75 at some point — even if it lapsed later; marking an agreement
 * `adopted` is not the same as a measured routine. It *dropped* it when all its tried agreements
 * on the practice are `dropped` at t. Custom steps (no practice) are left out. Pass the
 * agreements of the scope you want (the organisation, or a subtree). Most-tried first.
 */
export function practiceEvidence(
  agreements: readonly TeamAgreement[],
  t: LocalDate,
): PracticeEvidence[] {
  /** practice → team → that team's tried agreements on it. */
  const tried = new Map<string, Map<string, TeamAgreement[]>>();
  for (const agreement of agreements) {
    if (agreement.practiceId === null || !wasTried(agreement, t)) continue;
    const teams = tried.get(agreement.practiceId) ?? new Map<string, TeamAgreement[]>();
    teams.set(agreement.teamId, [...(teams.get(agreement.teamId) ?? []), agreement]);
    tried.set(agreement.practiceId, teams);
  }
  const result: PracticeEvidence[] = [];
  for (const [practiceId, teams] of tried) {
    const weeks: number[] = [];
    let dropped = 0;
    for (const own of teams.values()) {
      const fastest = own
        .map((a) => weeksToRoutine(a, t))
        .filter((w): w is number => w !== null)
        .reduce<number | null>((min, w) => (min === null || w < min ? w : min), null);
      if (fastest !== null) weeks.push(fastest);
      if (own.every((a) => statusAt(a.statusHistory, t) === 'dropped')) dropped++;
    }
    result.push({
      practiceId,
      teamsTried: teams.size,
      reachedRoutine: fraction(weeks.length, teams.size),
      medianWeeksToRoutine: median(weeks),
      dropped: fraction(dropped, teams.size),
    });
  }
  return result.sort(
    (a, b) =>
      b.teamsTried - a.teamsTried ||
      (a.practiceId < b.practiceId ? -1 : a.practiceId > b.practiceId ? 1 : 0),
  );
}
