import { Inject, Injectable } from '@nestjs/common';
import { byDutch } from '../common/collation';
import { earlierCadences } from '../common/cadence.dto';
import {
  AgreementStatus,
  buildOrgIndex,
  CheckOffFact,
  LocalDate,
  localDateIn,
  StatusChange,
} from '@olievlek/domain';
import type { OrgUnitKind } from '@olievlek/shared';
import { DataSource } from 'typeorm';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import { CaseViewService } from '../cases/case-view.service';
import { CaseEntity } from '../cases/entities/case.entity';
import { PracticeEntity } from '../catalogue/entities/practice.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { SpreadLinkEntity } from '../spread-links/entities/spread-link.entity';
import {
  AgreementRow,
  cadenceKey,
  DoneHistory,
  LinkRow,
  lowerPeriodKey,
  NamedUnit,
  NONE,
  OrgSnapshot,
  parseFacts,
  PracticeTitles,
  ProgrammeFacts,
  push,
} from './olievlek-facts';

/**
 * Loads the facts the olievlek figures are computed from, with a handful of set-based queries
 * whatever the size of the organisation: one per table, never one per team. Only the columns the
 * figures need are read — never a note of a case, a reason or who ticked. Rows with many
 * children (status changes, check-offs) come back aggregated, one string per agreement: building
 * a million row objects costs far more than the query itself.
 */
@Injectable()
export class OlievlekFactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: CaseViewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): LocalDate {
    return this.view.today();
  }

  private get aggregate(): string {
    return this.dataSource.options.type === 'postgres' ? 'string_agg' : 'group_concat';
  }

  async org(): Promise<OrgSnapshot> {
    const rows = await this.dataSource
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .addSelect('u.parent_id', 'parentId')
      .addSelect('u.kind', 'kind')
      .addSelect('u.name', 'name')
      .addSelect('u.headcount', 'headcount')
      .addSelect('u.archived_at', 'archivedAt')
      .getRawMany<{
        id: string;
        parentId: string | null;
        kind: OrgUnitKind;
        name: string;
        headcount: number | string | null;
        archivedAt: string | null;
      }>();
    const units: NamedUnit[] = rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      kind: r.kind,
      name: r.name,
      headcount: r.headcount === null ? null : Number(r.headcount),
      // Archiving is an instant; the figures count in local dates.
      archivedOn: r.archivedAt
        ? localDateIn(new Date(r.archivedAt), this.config.orgTimezone)
        : null,
    }));
    units.sort((a, b) => byDutch(a.name, b.name));
    const children = new Map<string, string[]>();
    const roots: string[] = [];
    for (const unit of units) {
      if (unit.parentId === null) roots.push(unit.id);
      else push(children, unit.parentId, unit.id);
    }
    return {
      index: buildOrgIndex(units),
      units: new Map(units.map((u) => [u.id, u])),
      children,
      roots,
    };
  }

  /**
   * Agreements with their status history and spread links as known on `upTo`, and every case
   * (`stageAt` itself ignores cases opened later; the slider needs the first one).
   */
  async programme(upTo: LocalDate): Promise<ProgrammeFacts> {
    return this.load(upTo, false);
  }

  /**
   * The ties between teams: only the agreements with a partner team (with their status history)
   * and the spread links, no cases — what the view's relation figures read besides the stages.
   */
  async ties(upTo: LocalDate): Promise<ProgrammeFacts> {
    return this.load(upTo, true);
  }

  private async load(upTo: LocalDate, partneredOnly: boolean): Promise<ProgrammeFacts> {
    const partnered = 'a.partner_team_id IS NOT NULL';
    const [cases, agreements, changes, links] = await Promise.all([
      partneredOnly
        ? []
        : this.dataSource
            .createQueryBuilder()
            .select('c.team_id', 'teamId')
            .addSelect('c.opened_on', 'openedOn')
            .addSelect('c.closed_on', 'closedOn')
            .from(CaseEntity, 'c')
            .getRawMany<{ teamId: string; openedOn: string; closedOn: string | null }>(),
      this.dataSource
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
        .from(AgreementEntity, 'a')
        .where(partneredOnly ? partnered : '1 = 1')
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
      this.dataSource
        .createQueryBuilder()
        .select('s.agreement_id', 'agreementId')
        .addSelect(
          `${this.aggregate}(s.on_date || '|' || s.changed_at || '|' || s.to_status, ',')`,
          'list',
        )
        .from(AgreementStatusChangeEntity, 's')
        .where('s.on_date <= :upTo', { upTo })
        .andWhere(
          partneredOnly
            ? `s.agreement_id IN (SELECT a.id FROM agreement a WHERE ${partnered})`
            : '1 = 1',
        )
        .groupBy('s.agreement_id')
        .getRawMany<{ agreementId: string; list: string }>(),
      this.dataSource
        .createQueryBuilder()
        .select('l.id', 'id')
        .addSelect('l.source_team_id', 'sourceTeamId')
        .addSelect('l.target_team_id', 'targetTeamId')
        .addSelect('l.practice_id', 'practiceId')
        .addSelect('l.on_date', 'onDate')
        .addSelect('l.note', 'note')
        .from(SpreadLinkEntity, 'l')
        .where('l.on_date <= :upTo', { upTo })
        .orderBy('l.on_date', 'ASC')
        .addOrderBy('l.id', 'ASC')
        .getRawMany<{
          id: string;
          sourceTeamId: string;
          targetTeamId: string;
          practiceId: string | null;
          onDate: string;
          note: string | null;
        }>(),
    ]);

    const historyOf = new Map<string, StatusChange[]>();
    for (const row of changes) {
      const entries = row.list.split(',').map((item) => {
        const [on, at, status] = item.split('|');
        return { on, at, status: status as AgreementStatus };
      });
      entries.sort((a, b) => (a.on !== b.on ? (a.on < b.on ? -1 : 1) : a.at < b.at ? -1 : 1));
      historyOf.set(
        row.agreementId,
        entries.map(({ on, status }) => ({ on, status })),
      );
    }

    const casesByTeam = new Map<string, { openedOn: string; closedOn: string | null }[]>();
    for (const c of cases)
      push(casesByTeam, c.teamId, { openedOn: c.openedOn, closedOn: c.closedOn });

    const rows: AgreementRow[] = [];
    const agreementsByTeam = new Map<string, AgreementRow[]>();
    const agreementsByPartner = new Map<string, AgreementRow[]>();
    for (const a of agreements) {
      const statusHistory = historyOf.get(a.id);
      if (!statusHistory) continue; // did not exist yet on `upTo`
      const every = a.cadenceEvery === null ? 1 : Number(a.cadenceEvery);
      const row: AgreementRow = {
        id: a.id,
        teamId: a.teamId,
        partnerTeamId: a.partnerTeamId,
        practiceId: a.practiceId,
        cadence: a.cadenceKind === 'weeks' ? { kind: 'weeks', every } : { kind: a.cadenceKind },
        earlierCadences: earlierCadences(a.cadenceEarlier),
        startDate: a.startDate,
        endDate: a.endDate,
        statusHistory,
        checkOffs: NONE,
      };
      rows.push(row);
      push(agreementsByTeam, row.teamId, row);
      if (row.partnerTeamId !== null && row.partnerTeamId !== row.teamId) {
        push(agreementsByPartner, row.partnerTeamId, row);
      }
    }

    const linkRows: LinkRow[] = links.map((l) => ({
      id: l.id,
      sourceTeamId: l.sourceTeamId,
      targetTeamId: l.targetTeamId,
      // The domain's figures never read the practice of a link; it keeps its own field here.
      practiceId: l.practiceId ?? '',
      practice: l.practiceId,
      on: l.onDate,
      note: l.note,
    }));
    const spreadSourceDates = new Map<string, LocalDate[]>();
    for (const l of linkRows) push(spreadSourceDates, l.sourceTeamId, l.on);

    return {
      upTo,
      casesByTeam,
      agreements: rows,
      agreementsByTeam,
      agreementsByPartner,
      links: linkRows,
      spreadSourceDates,
    };
  }

  /**
   * The check-offs (done and skipped) recorded on or before t of each agreement's last due
   * periods at t — all that its stage and stalled flag at t depend on (`isPractised` reads the
   * last 8, stalled the last 3). One query: per agreement one range of `idx_check_off_facts`
   * from a lower period key by cadence — the key of a period at least 8 periods before t — so
   * its cost grows with the number of agreements, not with the years of history.
   */
  async recentCheckOffs(
    t: LocalDate,
    agreements: readonly AgreementRow[],
  ): Promise<ReadonlyMap<string, CheckOffFact[]>> {
    if (agreements.length === 0) return new Map();
    const lowerKeys = new Map<string, string>();
    for (const a of agreements) {
      const key = cadenceKey(a.cadence);
      if (!lowerKeys.has(key)) lowerKeys.set(key, lowerPeriodKey(a.cadence, t));
    }
    const params: Record<string, string | number> = { t };
    const whens = [...lowerKeys].map(([key, lower], i) => {
      params[`lower${i}`] = lower;
      const [kind, every] = key.split(':');
      params[`kind${i}`] = kind;
      if (kind !== 'weeks') return `WHEN a.cadence_kind = :kind${i} THEN :lower${i}`;
      params[`every${i}`] = Number(every);
      return `WHEN a.cadence_kind = :kind${i} AND COALESCE(a.cadence_every, 1) = :every${i} THEN :lower${i}`;
    });
    // An agreement that ended before t has its last periods before its end: all of it is read.
    // So has one whose cadence changed: its keys are of more than one cadence.
    const lower = `(CASE WHEN a.end_date IS NOT NULL AND a.end_date < :t THEN '' WHEN a.cadence_earlier IS NOT NULL THEN '' ${whens.join(' ')} ELSE '' END)`;
    // A subquery per agreement, not a join: both databases then read one index range per
    // agreement (PostgreSQL would rather hash-join the whole check-off table otherwise).
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('a.id', 'agreementId')
      .addSelect(
        `(SELECT ${this.aggregate}(c.period_key || '|' || c.state || '|' || c.on_date, ',')` +
          ` FROM check_off c WHERE c.agreement_id = a.id AND c.period_key >= ${lower}` +
          ` AND c.on_date <= :t)`,
        'list',
      )
      .from(AgreementEntity, 'a')
      .setParameters(params)
      .getRawMany<{ agreementId: string; list: string | null }>();
    return new Map(rows.flatMap((r) => (r.list ? [[r.agreementId, parseFacts(r.list)]] : [])));
  }

  /**
   * Every done check-off recorded on or before `upTo`, per agreement: what the figures over the
   * whole history need — when a team first
   * practised, habit strength, adoption month by month. Skipped and missed periods weigh the
   * same (0) in all of them, so only done ones are read. One pass over the check-off index.
   */
  async doneCheckOffs(upTo: LocalDate): Promise<DoneHistory> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('c.agreement_id', 'agreementId')
      .addSelect(`${this.aggregate}(c.period_key || '|d|' || c.on_date, ',')`, 'list')
      .from(CheckOffEntity, 'c')
      .where("c.state = 'done'")
      .andWhere('c.on_date <= :upTo', { upTo })
      .groupBy('c.agreement_id')
      .getRawMany<{ agreementId: string; list: string | null }>();
    return new DoneHistory(
      new Map(rows.flatMap((r) => (r.list ? [[r.agreementId, r.list] as const] : []))),
    );
  }

  async practiceTitles(): Promise<PracticeTitles> {
    const rows = await this.dataSource
      .getRepository(PracticeEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect('p.title_nl', 'nl')
      .addSelect('p.title_en', 'en')
      .addSelect('p.retired_at', 'retiredAt')
      .getRawMany<{ id: string; nl: string; en: string; retiredAt: string | null }>();
    return new Map(
      rows.map((r) => [r.id, { title: { nl: r.nl, en: r.en }, retired: r.retiredAt !== null }]),
    );
  }
}
