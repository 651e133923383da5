import type { LocalDate } from './dates';
import { CheckOffState, PeriodStatus, stalledSilence, withStatuses } from './habit';
import { Cadence, duePeriods, EarlierCadence } from './periods';

export const AGREEMENT_STATUSES = ['proposed', 'running', 'paused', 'adopted', 'dropped'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** proposed → running ⇄ paused → adopted | dropped (docs/design.md, issue 4). */
const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  proposed: ['running', 'dropped'],
  running: ['paused', 'adopted', 'dropped'],
  paused: ['running', 'adopted', 'dropped'],
  adopted: [],
  dropped: [],
};

export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return TRANSITIONS[from];
}

export interface StatusChange {
  on: LocalDate;
  status: AgreementStatus;
}

export interface CheckOffFact {
  periodKey: string;
  state: CheckOffState;
  /** The local date it was recorded: a check-off counts from that day on. */
  on: LocalDate;
}

export interface AgreementFacts {
  cadence: Cadence;
  /** The cadences before changes, oldest first (`withCadenceChange`); none when never changed. */
  earlierCadences?: readonly EarlierCadence[];
  startDate: LocalDate;
  endDate: LocalDate | null;
  /** Oldest first; the first entry is the creation. */
  statusHistory: readonly StatusChange[];
  checkOffs: readonly CheckOffFact[];
  partnerTeamId: string | null;
}

/** The status on a date: the last change on or before it; null before the agreement existed. */
export function statusAt(history: readonly StatusChange[], t: LocalDate): AgreementStatus | null {
  let status: AgreementStatus | null = null;
  for (const change of history) {
    if (change.on <= t) status = change.status;
  }
  return status;
}

/**
 * Each due period at t with its status, using only check-offs recorded on or before t; with
 * `lastCount`, only the latest ones.
 */
export function periodStatusesAt(
  agreement: AgreementFacts,
  t: LocalDate,
  lastCount = Infinity,
): PeriodStatus[] {
  const periods = duePeriods(
    agreement.cadence,
    agreement.startDate,
    agreement.endDate,
    t,
    lastCount,
    agreement.earlierCadences,
  );
  const known = new Map<string, CheckOffState>();
  for (const c of agreement.checkOffs) if (c.on <= t) known.set(c.periodKey, c.state);
  return withStatuses(periods, known, t).map((p) => p.status);
}

/** Practised: at least PRACTISED_MIN_DONE of the last PRACTISED_WINDOW due periods done. */
export const PRACTISED_MIN_DONE = 6;
export const PRACTISED_WINDOW = 8;

/** ≥ 6 of its last 8 due periods done at t, or marked adopted. */
export function isPractised(agreement: AgreementFacts, t: LocalDate): boolean {
  const status = statusAt(agreement.statusHistory, t);
  if (status === 'adopted') return true;
  if (status === null) return false;
  const lastEight = periodStatusesAt(agreement, t, PRACTISED_WINDOW);
  return lastEight.filter((s) => s === 'done').length >= PRACTISED_MIN_DONE;
}

/** Stalled at t: running, and no check-off in its last 3 due periods that are over. */
export function stalledSilenceAt(agreement: AgreementFacts, t: LocalDate): number {
  if (statusAt(agreement.statusHistory, t) !== 'running') return 0;
  // Only the trailing run of missed periods counts: read the latest periods, and further back
  // only while every one of them is missed (lists evaluate thousands of long-lived agreements).
  for (let last = 8; ; last *= 4) {
    const statuses = periodStatusesAt(agreement, t, last);
    if (statuses.length < last || statuses.some((s) => s === 'done' || s === 'skipped'))
      return stalledSilence(statuses);
  }
}

export const STAGES = [
  'not-reached',
  'intake',
  'experimenting',
  'practising',
  'spreading',
] as const;
export type Stage = (typeof STAGES)[number];

export interface TeamFacts {
  cases: readonly { openedOn: LocalDate; closedOn: LocalDate | null }[];
  /** Agreements of the team's own cases. */
  agreements: readonly AgreementFacts[];
  /** Agreements of other teams in which this team is the partner team. */
  partnerAgreements: readonly AgreementFacts[];
  /** Dates of spread links of which this team is the source. */
  spreadSourceDates: readonly LocalDate[];
}

/**
 * The stage of a team at t, the highest that holds (docs/design.md). A team whose only case was
 * closed without agreements stays at `intake`: it has been reached.
 */
export function stageAt(team: TeamFacts, t: LocalDate): Stage {
  if (!team.cases.some((c) => c.openedOn <= t)) return 'not-reached';
  const running = (a: AgreementFacts) => statusAt(a.statusHistory, t) === 'running';
  const practising = team.agreements.some((a) => isPractised(a, t));
  if (practising) {
    const spreads =
      team.spreadSourceDates.some((d) => d <= t) ||
      team.partnerAgreements.some(running) ||
      team.agreements.some((a) => a.partnerTeamId !== null && running(a));
    return spreads ? 'spreading' : 'practising';
  }
  if (team.agreements.some(running) || team.partnerAgreements.some(running)) return 'experimenting';
  return 'intake';
}
