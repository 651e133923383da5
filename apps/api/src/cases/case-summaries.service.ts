import { englishStepTitles } from '../catalogue/step-titles';
import { Injectable } from '@nestjs/common';
import {
  AgreementFacts,
  duePeriods,
  LocalDate,
  StatusChange,
  stalledSilenceAt,
} from '@olievlek/domain';
import type { CaseSummaryDto, PersonRef, StalledAgreementDto } from '@olievlek/shared';
import { DataSource } from 'typeorm';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import { earlierCadences, toCadence } from '../common/cadence.dto';
import { inChunks } from '../common/query';
import { TeamTimelineService } from '../olievlek/team-timeline.service';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CaseViewService } from './case-view.service';
import {
  CaseAmbassadorEntity,
  CaseEntity,
  IntakeEntity,
  ObservationEntity,
} from './entities/case.entity';

interface AgreementTotals {
  caseId: string;
  count: number | string;
  lastUpdatedAt: string | null;
  lastCheckOffAt: string | null;
  nextReviewDate: string | null;
}

type Candidate = Pick<
  AgreementEntity,
  | 'id'
  | 'caseId'
  | 'title'
  | 'cadenceKind'
  | 'cadenceEvery'
  | 'cadenceEarlier'
  | 'startDate'
  | 'endDate'
>;

/**
 * The summaries of many cases at once (the caseload, the stalled radar, the list of all cases,
 * the cases export), with a number of queries that does not grow with the cases and without
 * reading check-offs of every agreement (issue 19):
 *
 * - the stage of each team, and whether it has stalled agreements, come from the team
 *   timelines (ADR 0006);
 * - count, latest change, latest check-off (`agreement.last_check_off_at`, kept on write) and
 *   next review date are one aggregate per case over the agreements;
 * - only the running agreements of teams the timelines call stalled are examined further, with
 *   the latest period that has a check-off (a stalled agreement's silence runs back to it) from
 *   the check-off index.
 *
 * The case page's summary (`CaseViewService.summary`) computes the same fields from all facts
 * of one case; `caseload-scale.http.spec.ts` checks they agree.
 */
@Injectable()
export class CaseSummariesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: CaseViewService,
    private readonly timelines: TeamTimelineService,
  ) {}

  async summaries(cases: readonly CaseEntity[]): Promise<CaseSummaryDto[]> {
    if (cases.length === 0) return [];
    const today = this.view.today();
    const caseIds = cases.map((c) => c.id);
    const teamIds = [...new Set(cases.map((c) => c.teamId))];

    const [[stagesToday], teams, ambassadors, totals, notes, intakes] = await Promise.all([
      this.timelines.stagesOn([today]),
      inChunks(teamIds, (ids) =>
        this.dataSource
          .getRepository(OrgUnitEntity)
          .createQueryBuilder('u')
          .select(['u.id', 'u.name', 'u.kind', 'u.archivedAt'])
          .where('u.id IN (:...ids)', { ids })
          .getMany(),
      ),
      inChunks(caseIds, (ids) =>
        this.dataSource
          .getRepository(CaseAmbassadorEntity)
          .createQueryBuilder('ca')
          .innerJoin(UserEntity, 'u', 'u.id = ca.user_id')
          .select('ca.case_id', 'caseId')
          .addSelect('u.id', 'id')
          .addSelect('u.name', 'name')
          .where('ca.case_id IN (:...ids)', { ids })
          .getRawMany<{ caseId: string; id: string; name: string }>(),
      ),
      inChunks(caseIds, (ids) =>
        this.dataSource
          .getRepository(AgreementEntity)
          .createQueryBuilder('a')
          .select('a.case_id', 'caseId')
          .addSelect('COUNT(*)', 'count')
          .addSelect('MAX(a.updated_at)', 'lastUpdatedAt')
          .addSelect('MAX(a.last_check_off_at)', 'lastCheckOffAt')
          .addSelect(
            `MIN(CASE WHEN a.status IN ('running', 'paused') AND a.review_date >= :today
                 THEN a.review_date END)`,
            'nextReviewDate',
          )
          .where('a.case_id IN (:...ids)', { ids, today })
          .groupBy('a.case_id')
          .getRawMany<AgreementTotals>(),
      ),
      inChunks(caseIds, (ids) =>
        this.dataSource
          .getRepository(ObservationEntity)
          .createQueryBuilder('o')
          .select('o.case_id', 'caseId')
          .addSelect('MAX(o.created_at)', 'at')
          .where('o.case_id IN (:...ids)', { ids })
          .groupBy('o.case_id')
          .getRawMany<{ caseId: string; at: string }>(),
      ),
      inChunks(caseIds, (ids) =>
        this.dataSource
          .getRepository(IntakeEntity)
          .createQueryBuilder('i')
          .select('i.case_id', 'caseId')
          .addSelect('i.updated_at', 'at')
          .where('i.case_id IN (:...ids)', { ids })
          .getRawMany<{ caseId: string; at: string }>(),
      ),
    ]);

    const stalledTeams = cases.filter((c) => stagesToday.stalled.has(c.teamId)).map((c) => c.id);
    const stalledByCase = await this.stalledAgreements(stalledTeams, today);

    const teamById = new Map(teams.map((t) => [t.id, t]));
    const ambassadorsByCase = new Map<string, PersonRef[]>();
    for (const a of ambassadors) {
      const list = ambassadorsByCase.get(a.caseId) ?? [];
      list.push({ id: a.id, name: a.name });
      ambassadorsByCase.set(a.caseId, list);
    }
    for (const list of ambassadorsByCase.values())
      list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const totalsByCase = new Map(totals.map((t) => [t.caseId, t]));
    const lastNoteAt = new Map<string, string>();
    for (const n of [...notes, ...intakes]) {
      const prev = lastNoteAt.get(n.caseId);
      if (!prev || n.at > prev) lastNoteAt.set(n.caseId, n.at);
    }

    return cases.map((c) => {
      const t = totalsByCase.get(c.id);
      let lastActivityAt = c.updatedAt;
      for (const at of [lastNoteAt.get(c.id), t?.lastUpdatedAt, t?.lastCheckOffAt]) {
        if (at && at > lastActivityAt) lastActivityAt = at;
      }
      const team = teamById.get(c.teamId);
      return {
        id: c.id,
        team: { id: c.teamId, name: team?.name ?? '?', kind: team?.kind ?? 'team' },
        teamArchived: !!team?.archivedAt,
        status: c.status,
        openedOn: c.openedOn,
        closedOn: c.closedOn,
        closingSummary: c.closingSummary,
        ambassadors: ambassadorsByCase.get(c.id) ?? [],
        stage: stagesToday.stages.get(c.teamId) ?? 'not-reached',
        agreementCount: Number(t?.count ?? 0),
        lastActivityAt,
        nextReviewDate: t?.nextReviewDate ?? null,
        stalled: stalledByCase.get(c.id) ?? [],
        version: c.version,
      };
    });
  }

  /**
   * The stalled agreements of these cases, longest silence first. Silence counts the over
   * periods without a check-off back from today, so it needs only the latest period that has
   * one: with check-offs being done or skipped, every later period is missed.
   */
  private async stalledAgreements(
    caseIds: string[],
    today: LocalDate,
  ): Promise<Map<string, StalledAgreementDto[]>> {
    const result = new Map<string, StalledAgreementDto[]>();
    if (caseIds.length === 0) return result;
    const running = await inChunks(caseIds, (ids) =>
      this.dataSource
        .getRepository(AgreementEntity)
        .createQueryBuilder('a')
        .select([
          'a.id',
          'a.caseId',
          'a.title',
          'a.practiceId',
          'a.cadenceKind',
          'a.cadenceEvery',
          'a.cadenceEarlier',
          'a.startDate',
          'a.endDate',
        ])
        .where('a.case_id IN (:...ids)', { ids })
        .andWhere(`a.status = 'running'`)
        .orderBy('a.created_at')
        .addOrderBy('a.id')
        .getMany(),
    );
    const ids = running.map((a) => a.id);
    const [changes, latest] = await Promise.all([
      inChunks(ids, (chunk) =>
        this.dataSource
          .getRepository(AgreementStatusChangeEntity)
          .createQueryBuilder('s')
          .select(['s.agreementId', 's.onDate', 's.changedAt', 's.toStatus'])
          .where('s.agreement_id IN (:...chunk)', { chunk })
          .getMany(),
      ),
      inChunks(ids, (chunk) =>
        this.dataSource
          .getRepository(CheckOffEntity)
          .createQueryBuilder('c')
          .select('c.agreement_id', 'agreementId')
          .addSelect('MAX(c.period_key)', 'periodKey')
          .addSelect('MAX(c.on_date)', 'lastOn')
          .where('c.agreement_id IN (:...chunk)', { chunk })
          .groupBy('c.agreement_id')
          .getRawMany<{ agreementId: string; periodKey: string; lastOn: string }>(),
      ),
    ]);
    const history = new Map<string, AgreementStatusChangeEntity[]>();
    for (const c of changes) {
      const list = history.get(c.agreementId) ?? [];
      list.push(c);
      history.set(c.agreementId, list);
    }
    const latestOf = new Map(latest.map((l) => [l.agreementId, l]));
    const titleEn = await englishStepTitles(this.dataSource, running);
    for (const a of running) {
      const last = latestOf.get(a.id);
      const facts = this.facts(a, history.get(a.id) ?? [], last ? [last.periodKey] : []);
      let silence = stalledSilenceAt(facts, today);
      if (silence > 0 && last && !this.isDue(facts, last.periodKey, today)) {
        // The latest key is not one of today's due periods (the cadence was changed): the
        // silence runs back to the latest key that is, so read the agreement's keys.
        const keys = await this.dataSource
          .getRepository(CheckOffEntity)
          .createQueryBuilder('c')
          .select('c.period_key', 'periodKey')
          .where('c.agreement_id = :id', { id: a.id })
          .getRawMany<{ periodKey: string }>();
        silence = stalledSilenceAt(
          this.facts(
            a,
            history.get(a.id) ?? [],
            keys.map((k) => k.periodKey),
          ),
          today,
        );
      }
      if (silence === 0) continue;
      const list = result.get(a.caseId) ?? [];
      list.push({
        agreementId: a.id,
        title: a.title,
        titleEn: titleEn(a),
        silence,
        lastCheckOffOn: last?.lastOn ?? null,
      });
      result.set(a.caseId, list);
    }
    for (const list of result.values()) list.sort((a, b) => b.silence - a.silence);
    return result;
  }

  private facts(
    a: Candidate,
    changes: readonly AgreementStatusChangeEntity[],
    checkedKeys: readonly string[],
  ): AgreementFacts {
    const statusHistory: StatusChange[] = [...changes]
      .sort((x, y) =>
        x.onDate !== y.onDate
          ? x.onDate < y.onDate
            ? -1
            : 1
          : x.changedAt < y.changedAt
            ? -1
            : x.changedAt > y.changedAt
              ? 1
              : 0,
      )
      .map((c) => ({ on: c.onDate, status: c.toStatus }));
    return {
      cadence: toCadence(a.cadenceKind, a.cadenceEvery),
      earlierCadences: earlierCadences(a.cadenceEarlier),
      startDate: a.startDate,
      endDate: a.endDate,
      statusHistory,
      // Recorded check-offs are all on or before today; done and skipped count alike here.
      checkOffs: checkedKeys.map((periodKey) => ({ periodKey, state: 'done', on: a.startDate })),
      partnerTeamId: null,
    };
  }

  private isDue(facts: AgreementFacts, key: string, today: LocalDate): boolean {
    const due = duePeriods(
      facts.cadence,
      facts.startDate,
      facts.endDate,
      today,
      Infinity,
      facts.earlierCadences,
    );
    return due.some((p) => p.key === key);
  }
}
