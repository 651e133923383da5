import {
  addDays,
  AdopterCategory,
  adopterCategories,
  AgreementFacts,
  CheckOffFact,
  firstPractisingDate,
  isActiveAt,
  LocalDate,
  minDate,
  periodStatusesAt,
  Stage,
  stageAt,
  STALLED_AFTER_PERIODS,
  stalledSilence,
  statusAt,
  TeamAgreement,
  TeamFacts,
} from '@olievlek/domain';
import {
  AgreementRow,
  DoneHistory,
  OrgSnapshot,
  ProgrammeFacts,
  teamFacts,
} from './olievlek-facts';

/** Per agreement, the check-offs of its last due periods at one date (`recentCheckOffs`). */
export type RecentCheckOffs = ReadonlyMap<string, readonly CheckOffFact[]>;
const NONE: readonly CheckOffFact[] = [];

/**
 * The stage at t of each team given (DESIGN.md, via `stageAt`), from the check-offs of the
 * agreements' last periods (`recent`). Compute it once per date and share it.
 */
export function stagesOf(
  teamIds: Iterable<string>,
  programme: ProgrammeFacts,
  recent: RecentCheckOffs,
  t: LocalDate,
): Map<string, Stage> {
  const checkOffsOf = (a: AgreementRow) => recent.get(a.id) ?? NONE;
  const stages = new Map<string, Stage>();
  for (const teamId of teamIds) {
    if (!stages.has(teamId))
      stages.set(teamId, stageAt(teamFacts(teamId, programme, checkOffsOf), t));
  }
  return stages;
}

/**
 * Stalled at t (DESIGN.md): running, and no check-off in its last 3 due periods that are over.
 * The same as `stalledSilenceAt(agreement, t) > 0`, reading only the last four due periods —
 * three that are over plus at most one still open — instead of the whole history.
 */
export function isStalledAt(agreement: AgreementFacts, t: LocalDate): boolean {
  if (statusAt(agreement.statusHistory, t) !== 'running') return false;
  return stalledSilence(periodStatusesAt(agreement, t, STALLED_AFTER_PERIODS + 1)) > 0;
}

/** Per team: how many of its running agreements are stalled at t (teams without any left out). */
export function stalledByTeam(
  teamIds: Iterable<string>,
  programme: ProgrammeFacts,
  recent: RecentCheckOffs,
  t: LocalDate,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const teamId of teamIds) {
    let stalled = 0;
    for (const a of programme.agreementsByTeam.get(teamId) ?? []) {
      if (statusAt(a.statusHistory, t) !== 'running') continue;
      if (isStalledAt({ ...a, checkOffs: recent.get(a.id) ?? NONE }, t)) stalled++;
    }
    if (stalled > 0) result.set(teamId, stalled);
  }
  return result;
}

/** The agreements with a partner team, as the domain's relation figures take them. */
export function partnerAgreements(programme: ProgrammeFacts): TeamAgreement[] {
  return programme.agreements.filter((a) => a.partnerTeamId !== null);
}

/** Every agreement with the check-offs of its last periods (for `isPractised`). */
export function agreementsAt(programme: ProgrammeFacts, recent: RecentCheckOffs): TeamAgreement[] {
  return programme.agreements.map((a) => ({ ...a, checkOffs: recent.get(a.id) ?? NONE }));
}

/**
 * The date each team first reached `practising` (`firstPractisingDate`) on or before t; teams
 * that have not are left out. The answer for any earlier date d follows from it: the same date
 * when it is on or before d, none otherwise — a stage on a date reads only what was recorded by
 * then — so this runs once for today and serves every date.
 */
export function firstPractising(
  programme: ProgrammeFacts,
  done: DoneHistory,
  t: LocalDate,
): Map<string, LocalDate> {
  const result = new Map<string, LocalDate>();
  for (const [teamId, own] of programme.agreementsByTeam) {
    const cases = programme.casesByTeam.get(teamId) ?? [];
    if (cases.length === 0) continue;
    const first = firstRooted(cases, own, done, t);
    if (first !== null) result.set(teamId, first);
  }
  return result;
}

/**
 * Adopter categories at t (DESIGN.md, via `adopterCategories`) of the teams active at t, from
 * the dates the teams first practised (`firstPractising`).
 */
export function adoptersAt(
  org: OrgSnapshot,
  firstDates: ReadonlyMap<string, LocalDate>,
  t: LocalDate,
): Map<string, AdopterCategory> {
  const byTeam = new Map<string, LocalDate | null>();
  for (const teamId of org.index.teamIds) {
    if (!isActiveAt(org.index, teamId, t)) continue;
    const first = firstDates.get(teamId);
    byTeam.set(teamId, first !== undefined && first <= t ? first : null);
  }
  return adopterCategories(byTeam).categoryOf;
}

/** The first horizon: a team's first dozen done check-offs of an agreement usually settle it. */
const FIRST_HORIZON = 12;

const byOn = (a: CheckOffFact, b: CheckOffFact) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/** Check-offs come in period order, which is nearly always the order they were recorded in. */
function isSorted(checkOffs: readonly CheckOffFact[]): boolean {
  for (let i = 1; i < checkOffs.length; i++)
    if (checkOffs[i].on < checkOffs[i - 1].on) return false;
  return true;
}

/**
 * `firstPractisingDate` of a team, at the cost of a few of its check-offs instead of all of them
 * at every date it tries. Two facts make this exact, not an estimate:
 *
 * - A team is at `practising` or higher when it has a case and one of its own agreements is
 *   practised (`stageAt`); partner agreements and spread links only lift it from there. So its
 *   first such date is the earliest over its agreements of the first date each one (with the
 *   team's cases) got there — asked one agreement at a time, each no later than the best so far.
 * - The stage on a date d reads only check-offs recorded on or before d. So asking with only the
 *   check-offs recorded up to a horizon H answers exactly for the dates up to H; only when none
 *   of those dates qualifies is the horizon moved further out (12, 24, 48 … check-offs).
 */
export function firstRooted(
  cases: readonly { openedOn: LocalDate; closedOn: LocalDate | null }[],
  agreements: readonly AgreementRow[],
  done: DoneHistory,
  t: LocalDate,
): LocalDate | null {
  let best: LocalDate | null = null;
  const ordered = [...agreements].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  for (const row of ordered) {
    const limit = best === null ? t : minDate(t, addDays(best, -1));
    // Without a status on or before the limit it cannot be practised by then (`isPractised`).
    if (!row.statusHistory.some((c) => c.on <= limit)) continue;
    const checkOffs = done.list(row.id);
    if (!isSorted(checkOffs)) checkOffs.sort(byOn);
    for (let n = FIRST_HORIZON; ; n *= 2) {
      const complete = n >= checkOffs.length;
      const horizon = complete ? limit : minDate(limit, checkOffs[n - 1].on);
      const team: TeamFacts = {
        cases,
        agreements: [
          { ...row, checkOffs: complete ? checkOffs : checkOffs.filter((c) => c.on <= horizon) },
        ],
        partnerAgreements: [],
        spreadSourceDates: [],
      };
      const found = firstPractisingDate(team, horizon);
      if (found !== null) {
        best = found;
        break;
      }
      if (complete || horizon >= limit) break;
    }
  }
  return best;
}
