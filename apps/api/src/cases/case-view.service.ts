import { englishStepTitles } from '../catalogue/step-titles';
import { Inject, Injectable } from '@nestjs/common';
import {
  AgreementFacts,
  allowedTransitions,
  duePeriods,
  habitStrength,
  localDateIn,
  LocalDate,
  periodContaining,
  addDays,
  periodStatusesAt,
  stageAt,
  stalledSilenceAt,
  TeamFacts,
} from '@olievlek/domain';
import type {
  AgreementDto,
  CadenceDto,
  CaseSummaryDto,
  OrgUnitRef,
  PersonRef,
  RhythmCellDto,
  StalledAgreementDto,
} from '@olievlek/shared';
import { DataSource, In } from 'typeorm';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import { ReflectionEntity } from '../board/entities/board.entities';
import { earlierCadences, toCadence } from '../common/cadence.dto';
import { inChunks } from '../common/query';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { SpreadLinkEntity } from '../spread-links/entities/spread-link.entity';
import { UserEntity } from '../users/entities/user.entity';
import {
  CaseAmbassadorEntity,
  CaseEntity,
  IntakeEntity,
  ObservationEntity,
} from './entities/case.entity';

const RHYTHM_LENGTH = 12;

/** Everything needed to show cases and agreements, loaded with one query per table (no N+1). */
export interface CaseFacts {
  today: LocalDate;
  teams: Map<string, OrgUnitEntity>;
  ambassadorsByCase: Map<string, PersonRef[]>;
  casesByTeam: Map<string, CaseEntity[]>;
  agreements: AgreementEntity[];
  changesByAgreement: Map<string, AgreementStatusChangeEntity[]>;
  checkOffsByAgreement: Map<string, CheckOffEntity[]>;
  people: Map<string, PersonRef>;
  /** A step's English title from the catalogue, where it has one. */
  titleEn: (agreement: AgreementEntity) => string | null;
  lastNoteAtByCase: Map<string, string>;
  reflectionsByAgreement: Map<string, ReflectionEntity[]>;
  /** Team → the dates of the spread links it is the source of (for the `spreading` stage). */
  spreadSourceDates: Map<string, string[]>;
}

function group<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

@Injectable()
export class CaseViewService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Today in the organisation's time zone. */
  today(): LocalDate {
    return localDateIn(new Date(), this.config.orgTimezone);
  }

  async loadFacts(cases: readonly CaseEntity[]): Promise<CaseFacts> {
    const today = this.today();
    const caseTeamIds = unique(cases.map((c) => c.teamId));
    const caseIds = cases.map((c) => c.id);
    const none = caseTeamIds.length === 0;

    const agreements = none
      ? []
      : (
          await inChunks(caseTeamIds, (teams) =>
            this.dataSource
              .getRepository(AgreementEntity)
              .createQueryBuilder('a')
              .where('a.team_id IN (:...teams) OR a.partner_team_id IN (:...teams)', { teams })
              .getMany(),
          )
        )
          // A hand-off agreement comes once per chunk holding one of its two teams.
          .filter(firstOfEachId())
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    const agreementIds = agreements.map((a) => a.id);
    const teamIds = unique([
      ...caseTeamIds,
      ...agreements.flatMap((a) => [a.teamId, a.partnerTeamId ?? a.teamId]),
    ]);

    const [
      teams,
      allCases,
      ambassadorRows,
      changes,
      checkOffs,
      observations,
      intakes,
      reflections,
      spreadLinks,
    ] = await Promise.all([
      inChunks(teamIds, (ids) =>
        this.dataSource.getRepository(OrgUnitEntity).findBy({ id: In(ids) }),
      ),
      inChunks(teamIds, (ids) =>
        this.dataSource.getRepository(CaseEntity).findBy({ teamId: In(ids) }),
      ),
      inChunks(caseIds, (ids) =>
        this.dataSource.getRepository(CaseAmbassadorEntity).findBy({ caseId: In(ids) }),
      ),
      inChunks(agreementIds, (ids) =>
        this.dataSource.getRepository(AgreementStatusChangeEntity).find({
          where: { agreementId: In(ids) },
          order: { onDate: 'ASC', changedAt: 'ASC' },
        }),
      ).then((rows) => rows.sort(byOnThenAt)),
      inChunks(agreementIds, (ids) =>
        this.dataSource.getRepository(CheckOffEntity).findBy({ agreementId: In(ids) }),
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
          .find({ where: { caseId: In(ids) }, select: { caseId: true, updatedAt: true } }),
      ),
      inChunks(agreementIds, (ids) =>
        this.dataSource
          .getRepository(ReflectionEntity)
          .find({ where: { agreementId: In(ids) }, order: { at: 'DESC' } }),
      ).then((rows) => rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))),
      inChunks(teamIds, (ids) =>
        this.dataSource.getRepository(SpreadLinkEntity).find({
          where: { sourceTeamId: In(ids) },
          select: { sourceTeamId: true, onDate: true },
        }),
      ),
    ]);

    const personIds = unique([
      ...ambassadorRows.map((r) => r.userId),
      ...agreements.flatMap((a) => (a.ownerId ? [a.ownerId] : [])),
      ...changes.map((c) => c.changedBy),
      ...reflections.map((r) => r.authorId),
    ]);
    const users = await inChunks(personIds, (ids) =>
      this.dataSource
        .getRepository(UserEntity)
        .find({ where: { id: In(ids) }, select: { id: true, name: true } }),
    );
    const people = new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));

    const lastNoteAtByCase = new Map<string, string>();
    for (const o of observations) lastNoteAtByCase.set(o.caseId, o.at);
    for (const i of intakes) {
      const prev = lastNoteAtByCase.get(i.caseId);
      if (!prev || i.updatedAt > prev) lastNoteAtByCase.set(i.caseId, i.updatedAt);
    }

    const ambassadorsByCase = new Map<string, PersonRef[]>();
    for (const row of ambassadorRows) {
      const person = people.get(row.userId);
      if (!person) continue;
      const list = ambassadorsByCase.get(row.caseId) ?? [];
      list.push(person);
      ambassadorsByCase.set(row.caseId, list);
    }
    for (const list of ambassadorsByCase.values())
      list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));

    return {
      today,
      titleEn: await englishStepTitles(this.dataSource, agreements),
      teams: new Map(teams.map((t) => [t.id, t])),
      ambassadorsByCase,
      casesByTeam: group(allCases, (c) => c.teamId),
      agreements,
      changesByAgreement: group(changes, (c) => c.agreementId),
      checkOffsByAgreement: group(checkOffs, (c) => c.agreementId),
      people,
      lastNoteAtByCase,
      reflectionsByAgreement: group(reflections, (r) => r.agreementId),
      spreadSourceDates: new Map(
        [...group(spreadLinks, (l) => l.sourceTeamId)].map(([team, links]) => [
          team,
          links.map((l) => l.onDate),
        ]),
      ),
    };
  }

  agreementFacts(agreement: AgreementEntity, facts: CaseFacts): AgreementFacts {
    return {
      cadence: toCadence(agreement.cadenceKind, agreement.cadenceEvery),
      earlierCadences: earlierCadences(agreement.cadenceEarlier),
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      statusHistory: (facts.changesByAgreement.get(agreement.id) ?? []).map((c) => ({
        on: c.onDate,
        status: c.toStatus,
      })),
      checkOffs: (facts.checkOffsByAgreement.get(agreement.id) ?? []).map((c) => ({
        periodKey: c.periodKey,
        state: c.state,
        on: c.onDate,
      })),
      partnerTeamId: agreement.partnerTeamId,
    };
  }

  teamFacts(teamId: string, facts: CaseFacts): TeamFacts {
    return {
      cases: (facts.casesByTeam.get(teamId) ?? []).map((c) => ({
        openedOn: c.openedOn,
        closedOn: c.closedOn,
      })),
      agreements: facts.agreements
        .filter((a) => a.teamId === teamId)
        .map((a) => this.agreementFacts(a, facts)),
      partnerAgreements: facts.agreements
        .filter((a) => a.partnerTeamId === teamId)
        .map((a) => this.agreementFacts(a, facts)),
      spreadSourceDates: facts.spreadSourceDates.get(teamId) ?? [],
    };
  }

  teamRef(teamId: string, facts: CaseFacts): OrgUnitRef {
    const team = facts.teams.get(teamId);
    return { id: teamId, name: team?.name ?? '?', kind: team?.kind ?? 'team' };
  }

  summary(caseEntity: CaseEntity, facts: CaseFacts): CaseSummaryDto {
    const own = facts.agreements.filter((a) => a.caseId === caseEntity.id);
    const stalled: StalledAgreementDto[] = [];
    let lastActivityAt = caseEntity.updatedAt;
    const bump = (at: string | undefined) => {
      if (at && at > lastActivityAt) lastActivityAt = at;
    };
    bump(facts.lastNoteAtByCase.get(caseEntity.id));
    let nextReviewDate: string | null = null;
    for (const agreement of own) {
      bump(agreement.updatedAt);
      const checkOffs = facts.checkOffsByAgreement.get(agreement.id) ?? [];
      for (const c of checkOffs) bump(c.at);
      const silence = stalledSilenceAt(this.agreementFacts(agreement, facts), facts.today);
      if (silence > 0) {
        const last = checkOffs.reduce<string | null>(
          (max, c) => (max === null || c.onDate > max ? c.onDate : max),
          null,
        );
        stalled.push({
          agreementId: agreement.id,
          title: agreement.title,
          titleEn: facts.titleEn(agreement),
          silence,
          lastCheckOffOn: last,
        });
      }
      if (
        (agreement.status === 'running' || agreement.status === 'paused') &&
        agreement.reviewDate &&
        agreement.reviewDate >= facts.today &&
        (nextReviewDate === null || agreement.reviewDate < nextReviewDate)
      ) {
        nextReviewDate = agreement.reviewDate;
      }
    }
    stalled.sort((a, b) => b.silence - a.silence);
    return {
      id: caseEntity.id,
      team: this.teamRef(caseEntity.teamId, facts),
      teamArchived: !!facts.teams.get(caseEntity.teamId)?.archivedAt,
      status: caseEntity.status,
      openedOn: caseEntity.openedOn,
      closedOn: caseEntity.closedOn,
      closingSummary: caseEntity.closingSummary,
      ambassadors: facts.ambassadorsByCase.get(caseEntity.id) ?? [],
      stage: stageAt(this.teamFacts(caseEntity.teamId, facts), facts.today),
      agreementCount: own.length,
      lastActivityAt,
      nextReviewDate,
      stalled,
      version: caseEntity.version,
    };
  }

  agreement(agreement: AgreementEntity, facts: CaseFacts): AgreementDto {
    const agreementFacts = this.agreementFacts(agreement, facts);
    const statuses = periodStatusesAt(agreementFacts, facts.today);
    const person = (id: string): PersonRef => facts.people.get(id) ?? { id, name: '?' };
    const rhythm = this.rhythm(agreement, agreementFacts, facts.today);
    return {
      id: agreement.id,
      caseId: agreement.caseId,
      team: this.teamRef(agreement.teamId, facts),
      partnerTeam: agreement.partnerTeamId ? this.teamRef(agreement.partnerTeamId, facts) : null,
      practiceId: agreement.practiceId,
      title: agreement.title,
      titleEn: facts.titleEn(agreement),
      cadence: agreementFacts.cadence as CadenceDto,
      startDate: agreement.startDate,
      reviewDate: agreement.reviewDate,
      endDate: agreement.endDate,
      owner: agreement.ownerId ? person(agreement.ownerId) : null,
      successCriterion: agreement.successCriterion,
      status: agreement.status,
      allowedTransitions: [...allowedTransitions(agreement.status)],
      rhythm,
      habit: (({ score, level }) => ({ score: Math.round(score * 1000) / 1000, level }))(
        habitStrength(statuses),
      ),
      stalledSilence: stalledSilenceAt(agreementFacts, facts.today),
      history: (facts.changesByAgreement.get(agreement.id) ?? []).map((c) => ({
        on: c.onDate,
        from: c.fromStatus,
        to: c.toStatus,
        reason: c.reason,
        by: person(c.changedBy),
      })),
      reflections: this.reflections(agreement, facts, rhythm),
      version: agreement.version,
    };
  }

  /** Reflections of the team on the periods shown in the rhythm, newest first. */
  private reflections(
    agreement: AgreementEntity,
    facts: CaseFacts,
    rhythm: RhythmCellDto[],
  ): AgreementDto['reflections'] {
    const keys = new Set(rhythm.map((c) => c.key));
    return (facts.reflectionsByAgreement.get(agreement.id) ?? [])
      .filter((r) => keys.has(r.periodKey))
      .map((r) => ({
        periodKey: r.periodKey,
        text: r.text,
        author: facts.people.get(r.authorId) ?? { id: r.authorId, name: '?' },
        at: r.at,
      }));
  }

  /** The last 12 due periods, padded with the next periods (not yet due) for a young agreement. */
  private rhythm(
    agreement: AgreementEntity,
    facts: AgreementFacts,
    today: LocalDate,
  ): RhythmCellDto[] {
    const statuses = periodStatusesAt(facts, today);
    const due = duePeriods(
      facts.cadence,
      facts.startDate,
      facts.endDate,
      today,
      Infinity,
      facts.earlierCadences,
    );
    const cells: RhythmCellDto[] = due
      .map((p, i) => ({ key: p.key, start: p.start, end: p.end, status: statuses[i] }))
      .slice(-RHYTHM_LENGTH);
    if (facts.cadence.kind === 'once') {
      return cells.length
        ? cells
        : [
            {
              key: 'once',
              start: agreement.startDate,
              end: agreement.endDate ?? agreement.startDate,
              status: 'not-due',
            },
          ];
    }
    // The coming periods follow the current cadence, counted from the day it began.
    const earlier = facts.earlierCadences ?? [];
    const origin = earlier.length ? earlier[earlier.length - 1].until : facts.startDate;
    let next = cells.length ? addDays(cells[cells.length - 1].end, 1) : agreement.startDate;
    if (next < origin) next = origin;
    while (cells.length < RHYTHM_LENGTH && (!agreement.endDate || next <= agreement.endDate)) {
      const period = periodContaining(facts.cadence, origin, next);
      cells.push({ key: period.key, start: period.start, end: period.end, status: 'not-due' });
      next = addDays(period.end, 1);
    }
    return cells;
  }
}

/** A filter that keeps the first row of each id. */
function firstOfEachId<T extends { id: string }>(): (row: T) => boolean {
  const seen = new Set<string>();
  return (row) => !seen.has(row.id) && !!seen.add(row.id);
}

/** Status changes in the order they happened (chunks of a query come back one after another). */
function byOnThenAt(
  a: { onDate: string; changedAt: string },
  b: { onDate: string; changedAt: string },
): number {
  if (a.onDate !== b.onDate) return a.onDate < b.onDate ? -1 : 1;
  return a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0;
}
