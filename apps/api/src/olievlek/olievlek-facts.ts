import {
  addDays,
  Cadence,
  CheckOffFact,
  duePeriods,
  isoWeekKey,
  LocalDate,
  mondayOf,
  OrgIndex,
  OrgUnitFacts,
  PRACTISED_WINDOW,
  SpreadLink,
  StatusChange,
  TeamAgreement,
  TeamFacts,
} from '@olievlek/domain';
import type { OrgUnitKind } from '@olievlek/shared';

/*
 * The facts the olievlek figures are computed from, as plain data, and the pure helpers that
 * hand them to the domain's functions. `OlievlekFactsService` loads them.
 */

/** An org unit as the figures need it, plus its name for the screen. */
export interface NamedUnit extends OrgUnitFacts {
  name: string;
  kind: OrgUnitKind;
}

/** The org tree, indexed once and shared while nothing changes. */
export interface OrgSnapshot {
  index: OrgIndex;
  units: ReadonlyMap<string, NamedUnit>;
  /** Parent id → child ids, by name. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Units without a parent (the organisation), by name. */
  roots: readonly string[];
}

/**
 * An agreement with its status history and no check-offs: as it stands it serves every figure
 * that reads only statuses (partner ties, `running`); `agreementFactsAt` adds the check-offs.
 */
export interface AgreementRow extends TeamAgreement {
  id: string;
  statusHistory: StatusChange[];
  checkOffs: readonly never[];
}

export const NONE: readonly never[] = [];

export type PracticeTitles = ReadonlyMap<
  string,
  { title: { nl: string; en: string }; retired: boolean }
>;

export interface LinkRow extends SpreadLink {
  id: string;
  /** Null: "learned from" without one practice to name. */
  practice: string | null;
  note: string | null;
}

/** Everything about the programme up to a date except the check-offs. */
export interface ProgrammeFacts {
  upTo: LocalDate;
  casesByTeam: ReadonlyMap<string, { openedOn: LocalDate; closedOn: LocalDate | null }[]>;
  agreements: readonly AgreementRow[];
  agreementsByTeam: ReadonlyMap<string, readonly AgreementRow[]>;
  agreementsByPartner: ReadonlyMap<string, readonly AgreementRow[]>;
  links: readonly LinkRow[];
  spreadSourceDates: ReadonlyMap<string, LocalDate[]>;
}

/** The check-offs of an agreement that a computation reads (which ones depends on the caller). */
export type CheckOffsOf = (agreement: AgreementRow) => readonly CheckOffFact[];

/** Per agreement, its check-offs by period key (an agreement has at most one per period). */
export type CheckOffsByPeriod = ReadonlyMap<string, ReadonlyMap<string, CheckOffFact>>;

/**
 * Every done check-off of every agreement, kept as the one string per agreement the database
 * sent and parsed only when asked: three years of weekly check-offs of 20,000 teams are millions
 * of facts, too many to hold as objects at once. Callers parse an agreement when they get to its
 * team, and let go of it when done.
 */
export class DoneHistory {
  constructor(private readonly raw: ReadonlyMap<string, string>) {}

  /** The agreement's check-offs, in the order the database sent them (period order). */
  list(agreementId: string): CheckOffFact[] {
    const list = this.raw.get(agreementId);
    return list === undefined ? [] : parseFacts(list);
  }

  /** The check-offs of these agreements by period, to look up for several dates. */
  pin(agreements: readonly { id: string }[]): CheckOffsByPeriod {
    const pinned = new Map<string, Map<string, CheckOffFact>>();
    for (const a of agreements) {
      const list = this.raw.get(a.id);
      if (list === undefined) continue;
      const byPeriod = new Map<string, CheckOffFact>();
      for (const fact of parseFacts(list)) byPeriod.set(fact.periodKey, fact);
      pinned.set(a.id, byPeriod);
    }
    return pinned;
  }
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `key|state|on,key|state|on,…` → facts; `d`/`s` stand for done/skipped. */
export function parseFacts(list: string): CheckOffFact[] {
  const facts: CheckOffFact[] = [];
  let at = 0;
  while (at < list.length) {
    let end = list.indexOf(',', at);
    if (end < 0) end = list.length;
    const bar1 = list.indexOf('|', at);
    const bar2 = list.indexOf('|', bar1 + 1);
    const state = list.slice(bar1 + 1, bar2);
    facts.push({
      periodKey: list.slice(at, bar1),
      state: state === 'd' ? 'done' : state === 's' ? 'skipped' : (state as CheckOffFact['state']),
      on: list.slice(bar2 + 1, end),
    });
    at = end + 1;
  }
  return facts;
}

export const cadenceKey = (cadence: Cadence): string =>
  cadence.kind === 'weeks' ? `weeks:${cadence.every}` : cadence.kind;

/**
 * A period key at or before the first of the last `PRACTISED_WINDOW` due periods at t of any
 * running agreement of this cadence (keys of one cadence sort in time order). `once` has one key.
 */
export function lowerPeriodKey(cadence: Cadence, t: LocalDate): string {
  switch (cadence.kind) {
    case 'once':
      return '';
    case 'monthly': {
      const [year, month] = t.split('-').map(Number);
      const index = year * 12 + (month - 1) - PRACTISED_WINDOW;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    }
    case 'weeks':
      // The last block starts at most N−1 weeks before t's week; 8 blocks back is 8N weeks.
      return isoWeekKey(addDays(mondayOf(t), -7 * cadence.every * (PRACTISED_WINDOW + 1)));
  }
}

/**
 * The check-offs of an agreement's last due periods at t, looked up in its whole history: all
 * that its stage at t reads (`isPractised` looks at the last 8), whatever the years before.
 */
export function windowAt(
  row: AgreementRow,
  history: CheckOffsByPeriod,
  t: LocalDate,
): CheckOffFact[] {
  const byPeriod = history.get(row.id);
  const checkOffs: CheckOffFact[] = [];
  if (!byPeriod || byPeriod.size === 0) return checkOffs;
  const periods = duePeriods(
    row.cadence,
    row.startDate,
    row.endDate,
    t,
    PRACTISED_WINDOW,
    row.earlierCadences,
  );
  for (const period of periods) {
    const found = byPeriod.get(period.key);
    if (found) checkOffs.push(found);
  }
  return checkOffs;
}

/**
 * A team's facts for `stageAt`: its cases, its own agreements with the check-offs the caller
 * chose, the agreements it is the partner in (their status is all that counts), and the dates
 * of the spread links it is the source of. The agreements are built when first read: `stageAt`
 * does not read them for a team without a case by the date it looks at.
 */
export function teamFacts(
  teamId: string,
  programme: ProgrammeFacts,
  checkOffsOf: CheckOffsOf,
): TeamFacts {
  let agreements: TeamAgreement[] | undefined;
  return {
    cases: programme.casesByTeam.get(teamId) ?? [],
    get agreements() {
      agreements ??= (programme.agreementsByTeam.get(teamId) ?? []).map((a) => ({
        ...a,
        checkOffs: checkOffsOf(a),
      }));
      return agreements;
    },
    partnerAgreements: programme.agreementsByPartner.get(teamId) ?? [],
    spreadSourceDates: programme.spreadSourceDates.get(teamId) ?? [],
  };
}
