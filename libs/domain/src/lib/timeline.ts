import { appendAll } from './collections';
import { addDays, LocalDate } from './dates';
import { PeriodStatus, STALLED_AFTER_PERIODS, stalledSilence } from './habit';
import { duePeriods, Period } from './periods';
import {
  AgreementFacts,
  AgreementStatus,
  CheckOffFact,
  PRACTISED_MIN_DONE,
  PRACTISED_WINDOW,
  Stage,
  TeamFacts,
} from './stage';

/**
 * A team's stage and stalled agreements over time, as a step function: each point holds from its
 * day until the next point's day. Before the first point the team is `not-reached` with nothing
 * stalled. It is the same as asking `stageAt(team, t)` and counting the team's own running
 * agreements that are stalled at t (`stalledSilenceAt > 0`) for every t up to `until`: both
 * depend only on facts recorded on or before t, so one pass over a team's history answers every
 * date — the olievlek view then reads one row per team for any date.
 */
export interface TimelinePoint {
  from: LocalDate;
  stage: Stage;
  /** The team's own running agreements that are stalled from this day on. */
  stalled: number;
}

/** How one agreement changes the counts a team's stage is made of, from one day on. */
interface AgreementChange {
  day: LocalDate;
  running: boolean;
  practised: boolean;
  stalled: boolean;
}

/**
 * The days on which `isPractised`, the status and the stalled flag of an agreement can change:
 * a status change, a check-off recorded, a period starting (the window of the last periods moves)
 * and a period ending (it can become missed). Between two of these days nothing it reads changes.
 */
function changeDays(agreement: AgreementFacts, periods: readonly Period[], until: LocalDate) {
  const days = new Set<LocalDate>();
  const add = (day: LocalDate) => {
    if (day <= until) days.add(day);
  };
  for (const change of agreement.statusHistory) add(change.on);
  for (const c of agreement.checkOffs) add(c.on);
  add(agreement.startDate);
  for (const p of periods) {
    add(p.start < agreement.startDate ? agreement.startDate : p.start);
    if (p.end < '9999-12-31') add(addDays(p.end, 1));
  }
  return [...days].sort();
}

/**
 * An agreement's running / practised / stalled flags over time up to `until`, as the days they
 * change (the first entry is the first day it has a status). Mirrors `statusAt`, `isPractised`
 * and `stalledSilenceAt` of stage.ts, evaluated only on the days they can change.
 */
export function agreementChanges(agreement: AgreementFacts, until: LocalDate): AgreementChange[] {
  const periods = duePeriods(
    agreement.cadence,
    agreement.startDate,
    agreement.endDate,
    until < agreement.startDate ? agreement.startDate : until,
    Infinity,
    agreement.earlierCadences,
  );
  const byKey = new Map<string, CheckOffFact>();
  for (const c of agreement.checkOffs) byKey.set(c.periodKey, c);
  const history = agreement.statusHistory;
  const changes: AgreementChange[] = [];
  let statusIndex = -1;
  let due = 0; // periods due on the day
  let last: AgreementChange | null = null;
  for (const day of changeDays(agreement, periods, until)) {
    while (statusIndex + 1 < history.length && history[statusIndex + 1].on <= day) statusIndex++;
    const status: AgreementStatus | null = statusIndex < 0 ? null : history[statusIndex].status;
    // `duePeriods` at `day`: none before the start, then up to the one holding the end or the day.
    const lastDay = agreement.endDate !== null && agreement.endDate < day ? agreement.endDate : day;
    if (day < agreement.startDate || lastDay < agreement.startDate) due = 0;
    else while (due < periods.length && periods[due].start <= lastDay) due++;
    if (agreement.cadence.kind === 'once' && !agreement.earlierCadences?.length)
      due = day >= agreement.startDate ? 1 : 0;
    if (status === null) continue;

    const statusOf = (p: Period): PeriodStatus => {
      const c = byKey.get(p.key);
      if (c !== undefined && c.on <= day) return c.state;
      return p.end < day ? 'missed' : 'open';
    };
    let practised = status === 'adopted';
    if (!practised) {
      let done = 0;
      for (let i = Math.max(0, due - PRACTISED_WINDOW); i < due; i++) {
        if (statusOf(periods[i]) === 'done') done++;
      }
      practised = done >= PRACTISED_MIN_DONE;
    }
    let stalled = false;
    if (status === 'running') {
      const recent: PeriodStatus[] = [];
      for (let i = Math.max(0, due - STALLED_AFTER_PERIODS - 1); i < due; i++) {
        recent.push(statusOf(periods[i]));
      }
      stalled = stalledSilence(recent) > 0;
    }
    const running = status === 'running';
    if (
      last === null ||
      last.running !== running ||
      last.practised !== practised ||
      last.stalled !== stalled
    ) {
      last = { day, running, practised, stalled };
      changes.push(last);
    }
  }
  return changes;
}

/** A change of one of the counts a team's stage is made of, on a day. */
interface Delta {
  day: LocalDate;
  cases?: number;
  links?: number;
  ownRunning?: number;
  ownRunningWithPartner?: number;
  partnerRunning?: number;
  practised?: number;
  stalled?: number;
}

function deltasOf(changes: readonly AgreementChange[], role: 'own' | 'partner', tied: boolean) {
  const deltas: Delta[] = [];
  let before: AgreementChange = { day: '', running: false, practised: false, stalled: false };
  for (const change of changes) {
    const d = (now: boolean, then: boolean) => (now === then ? 0 : now ? 1 : -1);
    const running = d(change.running, before.running);
    if (role === 'partner') {
      if (running !== 0) deltas.push({ day: change.day, partnerRunning: running });
    } else {
      deltas.push({
        day: change.day,
        ownRunning: running,
        ownRunningWithPartner: tied ? running : 0,
        practised: d(change.practised, before.practised),
        stalled: d(change.stalled, before.stalled),
      });
    }
    before = change;
  }
  return deltas;
}

/**
 * The team's timeline up to `until` (see `TimelinePoint`): `stageAt(team, t)` for every t, with
 * the number of its own agreements stalled at t. Points are only where something changes.
 */
export function teamTimeline(team: TeamFacts, until: LocalDate): TimelinePoint[] {
  const deltas: Delta[] = [];
  for (const c of team.cases) if (c.openedOn <= until) deltas.push({ day: c.openedOn, cases: 1 });
  for (const on of team.spreadSourceDates) if (on <= until) deltas.push({ day: on, links: 1 });
  for (const a of team.agreements) {
    appendAll(deltas, deltasOf(agreementChanges(a, until), 'own', a.partnerTeamId !== null));
  }
  for (const a of team.partnerAgreements) {
    appendAll(deltas, deltasOf(agreementChanges(a, until), 'partner', false));
  }
  deltas.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const count = {
    cases: 0,
    links: 0,
    ownRunning: 0,
    ownRunningWithPartner: 0,
    partnerRunning: 0,
    practised: 0,
    stalled: 0,
  };
  const points: TimelinePoint[] = [];
  let stage: Stage = 'not-reached';
  let stalled = 0;
  for (let i = 0; i < deltas.length; i++) {
    const delta = deltas[i];
    for (const key of Object.keys(count) as (keyof typeof count)[]) count[key] += delta[key] ?? 0;
    if (i + 1 < deltas.length && deltas[i + 1].day === delta.day) continue; // the whole day first
    const now = stageOfCounts(count);
    if (now !== stage || count.stalled !== stalled) {
      stage = now;
      stalled = count.stalled;
      points.push({ from: delta.day, stage, stalled });
    }
  }
  return points;
}

/** `stageAt`'s rules (docs/design.md) on the counts of one day. */
function stageOfCounts(c: {
  cases: number;
  links: number;
  ownRunning: number;
  ownRunningWithPartner: number;
  partnerRunning: number;
  practised: number;
}): Stage {
  if (c.cases === 0) return 'not-reached';
  if (c.practised > 0) {
    const spreads = c.links > 0 || c.partnerRunning > 0 || c.ownRunningWithPartner > 0;
    return spreads ? 'spreading' : 'practising';
  }
  if (c.ownRunning > 0 || c.partnerRunning > 0) return 'experimenting';
  return 'intake';
}

/** The point of a timeline in force on t: its stage and stalled count (`not-reached` before). */
export function timelineAt(
  points: readonly TimelinePoint[],
  t: LocalDate,
): { stage: Stage; stalled: number } {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].from <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0
    ? { stage: 'not-reached', stalled: 0 }
    : { stage: points[found].stage, stalled: points[found].stalled };
}

/** The first day the team is at `practising` or higher, if it ever is up to the timeline's end. */
export function firstRootedDay(points: readonly TimelinePoint[]): LocalDate | null {
  for (const p of points) if (p.stage === 'practising' || p.stage === 'spreading') return p.from;
  return null;
}
