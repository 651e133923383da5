import {
  addDays,
  AgreementFacts,
  AgreementStatus,
  Cadence,
  emptyStageCounts,
  isoWeekKey,
  LocalDate,
  localDateIn,
  mondayOf,
  PRACTISED_WINDOW,
  stageAt,
  StageCounts,
  StatusChange,
  TeamFacts,
} from '@olievlek/domain';
import type { Db } from './db';

/** The baseline in one line, for the bench's output. */
export const BASELINE_DESCRIPTION =
  'plain SQL for the facts (teams, cases, agreements, status changes up to t, done check-offs of ' +
  "each agreement's last 8 periods, spread links) + stageAt from libs/domain in-process; no HTTP, " +
  'Nest, auth or other figures (tools/bench/baseline.ts)';

/**
 * The baseline the endpoint is measured against: the fewest plain SQL queries that return the
 * facts a team's stage at t depends on, and the same pure domain function (`stageAt` from
 * libs/domain) run in-process — no HTTP, no Nest, no session, no DTO, no other figure.
 *
 *   1. teams:        SELECT id, archived_at FROM org_unit WHERE kind = 'team'
 *   2. cases:        SELECT team_id, opened_on, closed_on FROM case_file WHERE opened_on <= t
 *   3. agreements:   SELECT id, team_id, partner_team_id, cadence_kind, cadence_every,
 *                           start_date, end_date FROM agreement
 *      statuses:     SELECT agreement_id, on_date, changed_at, to_status
 *                      FROM agreement_status_change WHERE on_date <= t
 *   4. check-offs:   per agreement, the period keys of its done check-offs recorded on or
 *                    before t with a key at or after the key of 8 periods before t for its
 *                    cadence — one index range per agreement, aggregated to one string
 *                    (group_concat / string_agg): the practising rule reads only the last 8
 *                    due periods, and only done ones count
 *   5. spread links: SELECT source_team_id, on_date FROM spread_link WHERE on_date <= t
 *
 * 1, 2, 3 and 5 are sent at once (on PostgreSQL each on its own pooled connection); 4 needs the
 * cadences from 3. The whole organisation only (no subtree walk): that is what the bench asks
 * the endpoint for.
 */
export async function baselineStages(db: Db, t: LocalDate, timeZone: string): Promise<StageCounts> {
  const [teams, cases, agreementRows, changes, links] = await Promise.all([
    db.all<{ id: string; archived_at: string | null }>(
      `SELECT id, archived_at FROM org_unit WHERE kind = 'team'`,
    ),
    db.all<{ team_id: string; opened_on: string; closed_on: string | null }>(
      `SELECT team_id, opened_on, closed_on FROM case_file WHERE opened_on <= ?`,
      [t],
    ),
    db.all<{
      id: string;
      team_id: string;
      partner_team_id: string | null;
      cadence_kind: 'once' | 'weeks' | 'monthly';
      cadence_every: number | string | null;
      start_date: string;
      end_date: string | null;
    }>(
      `SELECT id, team_id, partner_team_id, cadence_kind, cadence_every, start_date, end_date
         FROM agreement`,
    ),
    db.all<{
      agreement_id: string;
      on_date: string;
      changed_at: string;
      to_status: AgreementStatus;
    }>(
      `SELECT agreement_id, on_date, changed_at, to_status
         FROM agreement_status_change WHERE on_date <= ?`,
      [t],
    ),
    db.hasTable('spread_link')
      ? db.all<{ source_team_id: string; on_date: string }>(
          `SELECT source_team_id, on_date FROM spread_link WHERE on_date <= ?`,
          [t],
        )
      : Promise.resolve([]),
  ]);

  interface Agreement extends AgreementFacts {
    teamId: string;
    changes: Array<StatusChange & { at: string }>;
    checkOffs: Array<{ periodKey: string; state: 'done'; on: LocalDate }>;
  }
  const all = new Map<string, Agreement>();
  for (const r of agreementRows) {
    all.set(r.id, {
      teamId: r.team_id,
      cadence:
        r.cadence_kind === 'weeks'
          ? { kind: 'weeks', every: Number(r.cadence_every ?? 1) }
          : { kind: r.cadence_kind },
      startDate: r.start_date,
      endDate: r.end_date,
      partnerTeamId: r.partner_team_id,
      changes: [],
      statusHistory: [],
      checkOffs: [],
    });
  }
  // An agreement without a status on or before t did not exist yet at t.
  const agreements = new Map<string, Agreement>();
  for (const c of changes) {
    const a = all.get(c.agreement_id);
    if (!a) continue;
    a.changes.push({ on: c.on_date, status: c.to_status, at: c.changed_at });
    agreements.set(c.agreement_id, a);
  }

  // 4: the last 8 due periods of every cadence in use start at or after these keys.
  const lowers = new Map<string, string>();
  for (const a of agreements.values()) {
    const key = a.cadence.kind === 'weeks' ? `weeks:${a.cadence.every}` : a.cadence.kind;
    if (!lowers.has(key)) lowers.set(key, lowerKey(a.cadence, t));
  }
  const cases4: string[] = [];
  const params4: Array<string | number> = [t];
  for (const [key, lower] of lowers) {
    if (key === 'once') continue;
    if (key === 'monthly') {
      cases4.push(`WHEN a.cadence_kind = 'monthly' THEN ?`);
      params4.push(lower);
    } else {
      cases4.push(`WHEN a.cadence_kind = 'weeks' AND a.cadence_every = ? THEN ?`);
      params4.push(Number(key.slice('weeks:'.length)), lower);
    }
  }
  params4.push(t, t);
  const lowerBound = `(CASE WHEN a.end_date IS NOT NULL AND a.end_date < ? THEN ''
                        ${cases4.join(' ')} ELSE '' END)`;
  // One index range on check_off (agreement_id, period_key, …) per agreement, the keys of each
  // agreement sent as one string. The plain join is planned worse on both databases: SQLite
  // groups through a temporary B-tree, PostgreSQL hash-joins over a full scan of check_off.
  // CROSS JOIN makes SQLite keep the agreements as the outer loop (in id order, so the GROUP BY
  // needs no sort); on PostgreSQL a LATERAL aggregate gets the per-agreement index scan.
  const checkOffs = await db.all<{ agreement_id: string; keys: string | null }>(
    db.kind === 'sqlite'
      ? `SELECT a.id AS agreement_id, group_concat(c.period_key) AS keys
           FROM agreement a CROSS JOIN check_off c
          WHERE c.agreement_id = a.id AND c.state = 'done'
            AND c.period_key >= ${lowerBound} AND c.on_date <= ? AND a.start_date <= ?
          GROUP BY a.id`
      : `SELECT a.id AS agreement_id, x.keys
           FROM agreement a CROSS JOIN LATERAL (
                SELECT string_agg(c.period_key, ',') AS keys FROM check_off c
                 WHERE c.agreement_id = a.id AND c.state = 'done'
                   AND c.period_key >= ${lowerBound} AND c.on_date <= ?) x
          WHERE a.start_date <= ?`,
    params4,
  );
  for (const row of checkOffs) {
    const agreement = agreements.get(row.agreement_id);
    if (!agreement || !row.keys) continue;
    // Recorded on or before t: the query only returns those, so t stands in for the day.
    for (const periodKey of row.keys.split(',')) {
      agreement.checkOffs.push({ periodKey, state: 'done', on: t });
    }
  }

  const facts = new Map<string, Facts>();
  const factsOf = (teamId: string): Facts => {
    let f = facts.get(teamId);
    if (!f) {
      f = { cases: [], agreements: [], partnerAgreements: [], spreadSourceDates: [] };
      facts.set(teamId, f);
    }
    return f;
  };
  for (const c of cases)
    factsOf(c.team_id).cases.push({ openedOn: c.opened_on, closedOn: c.closed_on });
  for (const a of agreements.values()) {
    a.changes.sort((x, y) =>
      x.on !== y.on ? (x.on < y.on ? -1 : 1) : x.at < y.at ? -1 : x.at > y.at ? 1 : 0,
    );
    a.statusHistory = a.changes.map(({ on, status }) => ({ on, status }));
    factsOf(a.teamId).agreements.push(a);
    if (a.partnerTeamId !== null && a.partnerTeamId !== a.teamId) {
      factsOf(a.partnerTeamId).partnerAgreements.push(a);
    }
  }
  for (const l of links) factsOf(l.source_team_id).spreadSourceDates.push(l.on_date);

  const counts = emptyStageCounts();
  for (const team of teams) {
    // Archiving is an instant; a team counts at t unless archived on or before t (local date).
    if (team.archived_at && localDateIn(new Date(team.archived_at), timeZone) <= t) continue;
    const f = facts.get(team.id);
    counts[f ? stageAt(f, t) : 'not-reached']++;
  }
  return counts;
}

interface Facts extends TeamFacts {
  cases: Array<{ openedOn: LocalDate; closedOn: LocalDate | null }>;
  agreements: AgreementFacts[];
  partnerAgreements: AgreementFacts[];
  spreadSourceDates: LocalDate[];
}

/** The key of a period at or before the first of the last 8 due periods at t (keys sort in time). */
function lowerKey(cadence: Cadence, t: LocalDate): string {
  if (cadence.kind === 'monthly') {
    const [year, month] = t.split('-').map(Number);
    const index = year * 12 + month - 1 - PRACTISED_WINDOW;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  if (cadence.kind === 'weeks') {
    return isoWeekKey(addDays(mondayOf(t), -7 * cadence.every * PRACTISED_WINDOW));
  }
  return '';
}
