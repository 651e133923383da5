import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { earlierCadences } from '../common/cadence.dto';
import { Cron } from '@nestjs/schedule';
import {
  addDays,
  AgreementStatus,
  appendAll,
  firstRootedDay,
  LocalDate,
  localDateIn,
  Stage,
  StatusChange,
  TeamAgreement,
  TeamFacts,
  teamTimeline,
  TimelinePoint,
} from '@olievlek/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { BACKFILL_LAST_CHECK_OFF_AT } from '../database/migrations/1764530000000-agreement-last-check-off';
import {
  TeamStageSpanEntity,
  TeamTimelineChangeEntity,
  TeamTimelineEntity,
} from './entities/team-timeline.entity';
import { push } from './olievlek-facts';

/** A refreshed timeline holds this far ahead: the daily job renews it long before it runs out. */
export const TIMELINE_AHEAD_DAYS = 400;
/** The daily job renews timelines that run out within this many days. */
const RENEW_WITHIN_DAYS = 60;
/** Teams per round of a full rebuild; ids per IN list stay far below SQLite's variable limit. */
const TEAMS_PER_ROUND = 250;
/** Rows per INSERT: 6 parameters each, well below both databases' limits. */
const ROWS_PER_INSERT = 400;
const OPEN_END = '9999-12-31';
/** How long after a write this process brings the marked timelines up to date. */
const SETTLE_DELAY_MS = 25;

export interface StagesAt {
  stages: Map<string, Stage>;
  /** Team → its stalled agreements at t (teams without any left out). */
  stalled: Map<string, number>;
}

const monthOf = (day: LocalDate) => day.slice(0, 7);
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The rows a timeline is stored as: each piece once per month it overlaps, up to `until`. */
export function spanRows(
  teamId: string,
  points: readonly TimelinePoint[],
  until: LocalDate,
): TeamStageSpanEntity[] {
  const rows: TeamStageSpanEntity[] = [];
  points.forEach((point, i) => {
    if (point.stage === 'not-reached' && point.stalled === 0) return; // the default: not stored
    const untilDate = points[i + 1]?.from ?? OPEN_END;
    const lastDay = untilDate === OPEN_END ? until : addDays(untilDate, -1);
    for (let m = monthOf(point.from); m <= monthOf(lastDay); m = nextMonth(m)) {
      rows.push({
        month: m,
        teamId,
        fromDate: point.from,
        untilDate,
        stage: point.stage,
        stalled: point.stalled,
      });
    }
  });
  return rows;
}

/**
 * Keeps every team's timeline (`teamTimeline` in libs/domain) in the database, so the olievlek
 * view reads the stage of every team on any date with one query (ADR 0006).
 *
 * - `markChanged(manager, teamIds)` marks the teams a write touched, inside the writer's
 *   transaction: the write and its mark commit together or not at all, and the write takes no
 *   lock. `settle()` recomputes the marked teams — before every read, and a moment after every
 *   write — so a read never sees a timeline older than the facts it has committed.
 * - At start (`createApp`) the tables are rebuilt when they do not match the cases (new install,
 *   demo data, restored backup, data loaded by a script); every night the timelines about to run
 *   out are renewed.
 */
@Injectable()
export class TeamTimelineService implements OnModuleDestroy {
  private readonly logger = new Logger('TeamTimeline');
  private settling: Promise<void> = Promise.resolve();
  private soon?: ReturnType<typeof setTimeout>;
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): LocalDate {
    return localDateIn(new Date(), this.config.orgTimezone);
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * Marks these teams' timelines as out of date, in the caller's transaction: one statement, so a
   * write stays cheap and takes no lock. The next read settles them first (`settle`), and a
   * moment after the write this process settles them anyway. Null/undefined ids are skipped.
   */
  async markChanged(
    manager: EntityManager,
    teamIds: Iterable<string | null | undefined>,
  ): Promise<void> {
    const ids = [...new Set([...teamIds].filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(TeamTimelineChangeEntity)
      .values(ids.map((teamId) => ({ teamId, token: randomUUID() })))
      .orUpdate(['token'], ['team_id'])
      .updateEntity(false)
      .execute();
    this.settleSoon();
  }

  /** The database closes next: no more settles from the timer (the marks wait for the next start). */
  onModuleDestroy(): void {
    this.closing = true;
    clearTimeout(this.soon);
    this.soon = undefined;
  }

  /** Settles the marked teams shortly (after the marking transaction has committed). */
  private settleSoon(): void {
    if (this.soon || this.closing) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.settle().catch((error: unknown) =>
        this.logger.warn(`Could not bring the team timelines up to date: ${String(error)}`),
      );
    }, SETTLE_DELAY_MS);
    this.soon.unref();
  }

  /**
   * Recomputes every team marked as changed and removes its mark, in one transaction per round
   * of teams. A mark is removed only if it is still the one read before the team's facts were
   * read, so a write that lands meanwhile keeps its mark for the next settle. Runs one at a time
   * in this process; several instances may settle at once (PostgreSQL: the teams' org rows are
   * locked while they are recomputed).
   */
  settle(): Promise<void> {
    const run = this.settling.then(() => this.settleNow());
    this.settling = run.catch(() => undefined);
    return run;
  }

  private async settleNow(): Promise<void> {
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const marks = (await manager
          .createQueryBuilder()
          .select('c.team_id', 'teamId')
          .addSelect('c.token', 'token')
          .from(TeamTimelineChangeEntity, 'c')
          .orderBy('c.team_id')
          .limit(TEAMS_PER_ROUND)
          .getRawMany()) as { teamId: string; token: string }[];
        if (marks.length === 0) return true;
        await this.refreshRound(
          manager,
          marks.map((m) => m.teamId),
        );
        for (const mark of marks) {
          await manager
            .createQueryBuilder()
            .delete()
            .from(TeamTimelineChangeEntity)
            .where('team_id = :teamId AND token = :token', mark)
            .execute();
        }
        return marks.length < TEAMS_PER_ROUND;
      });
      if (done) return;
    }
  }

  /** Recomputes these teams' timelines (sorted ids, at most a round) in the caller's transaction. */
  private async refreshRound(manager: EntityManager, ids: string[]): Promise<number> {
    if (this.postgres) {
      // NO KEY UPDATE: settlers of the same team still take turns, but a write that only points
      // at the team (a spread link's or a case's foreign key takes KEY SHARE, in column order,
      // not id order) is not blocked — with FOR UPDATE the two could deadlock.
      await manager.query(
        `SELECT id FROM org_unit WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`,
        [ids],
      );
    }
    const until = addDays(this.today(), TIMELINE_AHEAD_DAYS);
    const facts = await this.loadFacts(manager, ids);
    const spans: TeamStageSpanEntity[] = [];
    const timelines: TeamTimelineEntity[] = [];
    for (const id of ids) {
      const team = facts.get(id);
      if (!team || team.cases.length === 0) continue; // never reached: nothing to keep
      const points = teamTimeline(team, until);
      appendAll(spans, spanRows(id, points, until));
      timelines.push({
        teamId: id,
        firstReachedOn: team.cases.reduce<string | null>(
          (first, c) => (first === null || c.openedOn < first ? c.openedOn : first),
          null,
        ),
        firstRootedOn: firstRootedDay(points),
        computedUntil: until,
      });
    }
    await manager
      .createQueryBuilder()
      .delete()
      .from(TeamStageSpanEntity)
      .where('team_id IN (:...ids)', { ids })
      .execute();
    await manager
      .createQueryBuilder()
      .delete()
      .from(TeamTimelineEntity)
      .where('team_id IN (:...ids)', { ids })
      .execute();
    for (let i = 0; i < spans.length; i += ROWS_PER_INSERT) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(TeamStageSpanEntity)
        .values(spans.slice(i, i + ROWS_PER_INSERT))
        .updateEntity(false)
        .execute();
    }
    for (let i = 0; i < timelines.length; i += ROWS_PER_INSERT) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(TeamTimelineEntity)
        .values(timelines.slice(i, i + ROWS_PER_INSERT))
        .updateEntity(false)
        .execute();
    }
    return spans.length;
  }

  /** Everything `teamTimeline` reads, for these teams: a fixed handful of queries. */
  private async loadFacts(manager: EntityManager, ids: string[]): Promise<Map<string, TeamFacts>> {
    const params = { ids };
    const ofTeams = `SELECT a.id FROM agreement a WHERE a.team_id IN (:...ids) OR a.partner_team_id IN (:...ids)`;
    const [cases, agreements, changes, checkOffs, links] = await Promise.all([
      manager
        .createQueryBuilder()
        .select('c.team_id', 'teamId')
        .addSelect('c.opened_on', 'openedOn')
        .addSelect('c.closed_on', 'closedOn')
        .from('case_file', 'c')
        .where('c.team_id IN (:...ids)', params)
        .getRawMany<{ teamId: string; openedOn: string; closedOn: string | null }>(),
      manager
        .createQueryBuilder()
        .select('a.id', 'id')
        .addSelect('a.team_id', 'teamId')
        .addSelect('a.partner_team_id', 'partnerTeamId')
        .addSelect('a.practice_id', 'practiceId')
        .addSelect('a.cadence_kind', 'cadenceKind')
        .addSelect('a.cadence_every', 'cadenceEvery')
        .addSelect('a.cadence_earlier', 'cadenceEarlier')
        .addSelect('a.start_date', 'startDate')
        .addSelect('a.end_date', 'endDate')
        .from('agreement', 'a')
        .where('a.team_id IN (:...ids) OR a.partner_team_id IN (:...ids)', params)
        .getRawMany<{
          id: string;
          teamId: string;
          partnerTeamId: string | null;
          practiceId: string | null;
          cadenceKind: 'once' | 'weeks' | 'monthly';
          cadenceEvery: number | string | null;
          cadenceEarlier: string | null;
          startDate: string;
          endDate: string | null;
        }>(),
      manager
        .createQueryBuilder()
        .select('s.agreement_id', 'agreementId')
        .addSelect('s.on_date', 'on')
        .addSelect('s.changed_at', 'at')
        .addSelect('s.to_status', 'status')
        .from('agreement_status_change', 's')
        .where(`s.agreement_id IN (${ofTeams})`, params)
        .getRawMany<{ agreementId: string; on: string; at: string; status: AgreementStatus }>(),
      manager
        .createQueryBuilder()
        .select('c.agreement_id', 'agreementId')
        .addSelect('c.period_key', 'periodKey')
        .addSelect('c.state', 'state')
        .addSelect('c.on_date', 'on')
        .from('check_off', 'c')
        .where(
          `c.agreement_id IN (SELECT a.id FROM agreement a WHERE a.team_id IN (:...ids))`,
          params,
        )
        .getRawMany<{
          agreementId: string;
          periodKey: string;
          state: 'done' | 'skipped';
          on: string;
        }>(),
      manager
        .createQueryBuilder()
        .select('l.source_team_id', 'teamId')
        .addSelect('l.on_date', 'on')
        .from('spread_link', 'l')
        .where('l.source_team_id IN (:...ids)', params)
        .getRawMany<{ teamId: string; on: string }>(),
    ]);

    const historyOf = new Map<string, (StatusChange & { at: string })[]>();
    for (const c of changes)
      push(historyOf, c.agreementId, { on: c.on, status: c.status, at: c.at });
    const checkOffsOf = new Map<string, TeamAgreement['checkOffs'][number][]>();
    for (const c of checkOffs) {
      push(checkOffsOf, c.agreementId, { periodKey: c.periodKey, state: c.state, on: c.on });
    }

    const teams = new Map<string, TeamFacts>();
    const teamOf = (id: string) => {
      let team = teams.get(id);
      if (!team) {
        team = { cases: [], agreements: [], partnerAgreements: [], spreadSourceDates: [] };
        teams.set(id, team);
      }
      return team as {
        cases: { openedOn: LocalDate; closedOn: LocalDate | null }[];
        agreements: TeamAgreement[];
        partnerAgreements: TeamAgreement[];
        spreadSourceDates: LocalDate[];
      };
    };
    const wanted = new Set(ids);
    for (const c of cases)
      teamOf(c.teamId).cases.push({ openedOn: c.openedOn, closedOn: c.closedOn });
    for (const l of links) teamOf(l.teamId).spreadSourceDates.push(l.on);
    for (const a of agreements) {
      const history = (historyOf.get(a.id) ?? []).sort((x, y) =>
        x.on !== y.on ? (x.on < y.on ? -1 : 1) : x.at < y.at ? -1 : x.at > y.at ? 1 : 0,
      );
      if (history.length === 0) continue;
      const every = a.cadenceEvery === null ? 1 : Number(a.cadenceEvery);
      const agreement: TeamAgreement = {
        teamId: a.teamId,
        practiceId: a.practiceId,
        partnerTeamId: a.partnerTeamId,
        cadence: a.cadenceKind === 'weeks' ? { kind: 'weeks', every } : { kind: a.cadenceKind },
        earlierCadences: earlierCadences(a.cadenceEarlier),
        startDate: a.startDate,
        endDate: a.endDate,
        statusHistory: history.map(({ on, status }) => ({ on, status })),
        checkOffs: checkOffsOf.get(a.id) ?? [],
      };
      if (wanted.has(a.teamId)) teamOf(a.teamId).agreements.push(agreement);
      if (a.partnerTeamId !== null && a.partnerTeamId !== a.teamId && wanted.has(a.partnerTeamId)) {
        teamOf(a.partnerTeamId).partnerAgreements.push(agreement);
      }
    }
    return teams;
  }

  /** Rebuilds every team's timeline, a round of teams per transaction. */
  async rebuildAll(): Promise<{ teams: number; spans: number; ms: number }> {
    const result = await this.rebuild();
    this.logger.log(
      `Rebuilt the timelines of ${result.teams} teams (${result.spans} rows) in ${result.ms} ms.`,
    );
    return result;
  }

  private async rebuild(): Promise<{ teams: number; spans: number; ms: number }> {
    const started = Date.now();
    const rows = await this.dataSource.query(
      `SELECT DISTINCT team_id AS "teamId" FROM case_file ORDER BY team_id`,
    );
    const teamIds = (rows as { teamId: string }[]).map((r) => r.teamId);
    await this.dataSource.transaction(async (manager) => {
      // Data that did not come through the services (demo data, a script, a restore) has not
      // kept the agreements' latest check-off either.
      await manager.query(BACKFILL_LAST_CHECK_OFF_AT);
      await manager.createQueryBuilder().delete().from(TeamStageSpanEntity).execute();
      await manager.createQueryBuilder().delete().from(TeamTimelineEntity).execute();
      await manager.createQueryBuilder().delete().from(TeamTimelineChangeEntity).execute();
    });
    let spans = 0;
    for (let i = 0; i < teamIds.length; i += TEAMS_PER_ROUND) {
      const round = teamIds.slice(i, i + TEAMS_PER_ROUND);
      spans += await this.dataSource.transaction((manager) => this.refreshRound(manager, round));
    }
    return { teams: teamIds.length, spans, ms: Date.now() - started };
  }

  /** True when the stored timelines do not cover exactly the teams that have a case. */
  async isOutOfStep(): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT COUNT(DISTINCT team_id) FROM case_file) AS "reached",
              (SELECT COUNT(*) FROM team_timeline) AS "kept",
              (SELECT COUNT(*) FROM team_timeline t
                 WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.team_id = t.team_id)) AS "stray"`,
    )) as { reached: number | string; kept: number | string; stray: number | string }[];
    return Number(row.reached) !== Number(row.kept) || Number(row.stray) > 0;
  }

  /** Every night: renew the timelines that run out soon (idempotent, safe on several instances). */
  @Cron('30 3 * * *', { name: 'team-timeline-renewal' })
  async renew(): Promise<number> {
    const soon = addDays(this.today(), RENEW_WITHIN_DAYS);
    const rows = (await this.dataSource.query(
      `SELECT team_id AS "teamId" FROM team_timeline WHERE computed_until < ${this.postgres ? '$1' : '?'}`,
      [soon],
    )) as { teamId: string }[];
    for (let i = 0; i < rows.length; i += TEAMS_PER_ROUND) {
      const round = rows.slice(i, i + TEAMS_PER_ROUND).map((r) => r.teamId);
      await this.dataSource.transaction((manager) => this.refreshRound(manager, round));
    }
    return rows.length;
  }

  /**
   * The stage and stalled agreements of every reached team on each date (month ends of the
   * S-curve), after settling the marked teams once: one index range of `team_stage_span` per
   * date. Teams not in it are `not-reached`.
   */
  async stagesOn(dates: readonly LocalDate[]): Promise<StagesAt[]> {
    await this.settle();
    const result: StagesAt[] = [];
    for (const t of dates) result.push(await this.readStages(t));
    return result;
  }

  /** What the view reads on t: the first days of every team and the stages on t, one settle. */
  async figuresAt(
    t: LocalDate,
  ): Promise<StagesAt & Awaited<ReturnType<TeamTimelineService['firstDays']>>> {
    const first = await this.firstDays(t);
    return { ...first, ...(await this.readStages(t)) };
  }

  /** One index range of `team_stage_span`; the caller has settled. */
  private async readStages(t: LocalDate): Promise<StagesAt> {
    const rows = (await this.dataSource.query(
      this.postgres
        ? `SELECT team_id AS "teamId", stage, stalled FROM team_stage_span
             WHERE month = $1 AND from_date <= $2 AND until_date > $2`
        : `SELECT team_id AS teamId, stage, stalled FROM team_stage_span
             WHERE month = ? AND from_date <= ? AND until_date > ?`,
      this.postgres ? [monthOf(t), t] : [monthOf(t), t, t],
    )) as { teamId: string; stage: Stage; stalled: number | string }[];
    const stages = new Map<string, Stage>();
    const stalled = new Map<string, number>();
    for (const r of rows) {
      stages.set(r.teamId, r.stage);
      const n = Number(r.stalled);
      if (n > 0) stalled.set(r.teamId, n);
    }
    return { stages, stalled };
  }

  /**
   * Per reached team the day it was first reached and first rooted, after settling; timelines
   * that do not reach t yet (the nightly renewal did not run) are renewed first.
   */
  private async firstDays(t: LocalDate): Promise<{
    reached: Map<string, LocalDate>;
    rooted: Map<string, LocalDate>;
  }> {
    await this.settle();
    const rows = (await this.dataSource.query(
      `SELECT team_id AS "teamId", first_reached_on AS "reached", first_rooted_on AS "rooted",
              computed_until AS "until" FROM team_timeline`,
    )) as { teamId: string; reached: string | null; rooted: string | null; until: string }[];
    const behind = rows.filter((r) => r.until < t).map((r) => r.teamId);
    if (behind.length > 0) {
      await this.dataSource.transaction((manager) => this.markChanged(manager, behind));
      return this.firstDays(t);
    }
    const reached = new Map<string, LocalDate>();
    const rooted = new Map<string, LocalDate>();
    for (const r of rows) {
      if (r.reached) reached.set(r.teamId, r.reached);
      if (r.rooted) rooted.set(r.teamId, r.rooted);
    }
    return { reached, rooted };
  }
}
