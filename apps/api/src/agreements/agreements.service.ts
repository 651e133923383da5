import { Injectable } from '@nestjs/common';
import { updateVersioned } from '../common/versioned';
import {
  AgreementStatus,
  cadenceChangeStart,
  canTransition,
  withCadenceChange,
} from '@olievlek/domain';
import type { AgreementDto, CadenceDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseAccess } from '../cases/case-access';
import { CaseViewService } from '../cases/case-view.service';
import { CaseEntity } from '../cases/entities/case.entity';
import { PracticeEntity } from '../catalogue/entities/practice.entity';
import { ApiException, badRequest, conflict, notFound } from '../common/api-exception';
import { cadenceColumns, earlierCadences, toCadence } from '../common/cadence.dto';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import type {
  AgreementStatusBody,
  CreateAgreementDto,
  UpdateAgreementDto,
} from './dto/agreement.dto';
import {
  AgreementEditEntity,
  AgreementEntity,
  AgreementStatusChangeEntity,
} from './entities/agreement.entity';
import { AGREEMENT_EDIT_FIELDS, AgreementEditField } from '@olievlek/shared';
import { TeamTimelineService } from '../olievlek/team-timeline.service';

const STATUS_WORDS: Record<AgreementStatus, string> = {
  proposed: 'proposed',
  running: 'running',
  paused: 'paused',
  adopted: 'adopted',
  dropped: 'dropped',
};

@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly view: CaseViewService,
    private readonly audit: AuditService,
    private readonly timelines: TeamTimelineService,
  ) {}

  async create(
    user: AuthUser,
    caseId: string,
    dto: CreateAgreementDto,
    origin: string,
  ): Promise<AgreementDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const caseEntity = await this.access.findOpenEditable(user, caseId, manager);
      let title = dto.title;
      if (dto.practiceId) {
        const practice = await manager
          .getRepository(PracticeEntity)
          .findOneBy({ id: dto.practiceId });
        if (!practice)
          throw badRequest('PRACTICE_NOT_FOUND', 'This practice is not in the catalogue.', {
            practiceId: 'unknown practice',
          });
        if (practice.retiredAt)
          throw badRequest(
            'PRACTICE_RETIRED',
            `"${practice.titleNl}" has been retired from the catalogue.`,
            { practiceId: 'retired practice' },
          );
        title ??= practice.titleNl;
      }
      if (!title)
        throw badRequest('VALIDATION_FAILED', 'A custom step needs a title.', {
          title: 'title is required without a practice',
        });
      this.assertDates(dto.startDate, dto.reviewDate ?? null, dto.endDate ?? null);
      await this.assertPartner(manager, caseEntity, dto.partnerTeamId ?? null);
      await this.assertOwner(manager, caseEntity, dto.ownerId ?? null, dto.partnerTeamId ?? null);

      const now = nowIso();
      const status: AgreementStatus = dto.status ?? 'proposed';
      const agreement: AgreementEntity = {
        id: randomUUID(),
        caseId,
        teamId: caseEntity.teamId,
        practiceId: dto.practiceId ?? null,
        title,
        ...cadenceColumns(dto.cadence as CadenceDto),
        startDate: dto.startDate,
        reviewDate: dto.reviewDate ?? null,
        endDate: dto.endDate ?? null,
        ownerId: dto.ownerId ?? null,
        partnerTeamId: dto.partnerTeamId ?? null,
        successCriterion: dto.successCriterion ?? '',
        status,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(AgreementEntity).insert({ ...agreement });
      await manager.getRepository(AgreementStatusChangeEntity).insert({
        id: randomUUID(),
        agreementId: agreement.id,
        fromStatus: null,
        toStatus: status,
        onDate: this.view.today(),
        reason: 'agreed',
        changedBy: user.id,
        changedAt: now,
      });
      await manager.getRepository(CaseEntity).update({ id: caseId }, { updatedAt: now });
      await this.timelines.markChanged(manager, [agreement.teamId, agreement.partnerTeamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'agreement.create',
          objectType: 'agreement',
          objectId: agreement.id,
          result: 'success',
          origin,
        },
        manager,
      );
      return agreement.id;
    });
    return this.get(id);
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateAgreementDto,
    origin: string,
  ): Promise<AgreementDto> {
    try {
      await this.writeUpdate(user, id, dto, origin);
    } catch (error) {
      // Someone else changed the step first: what they saved comes along with the 409.
      if (error instanceof ApiException && error.code === 'AGREEMENT_VERSION_CONFLICT') {
        throw error.withCurrent(await this.get(id));
      }
      throw error;
    }
    return this.get(id);
  }

  private async writeUpdate(
    user: AuthUser,
    id: string,
    dto: UpdateAgreementDto,
    origin: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const agreement = await this.find(manager, id);
      const caseEntity = await this.access.findOpenEditable(user, agreement.caseId, manager);
      // A stale version first: the step may have moved on, so the edit is not the question.
      if (agreement.version !== dto.version) throw this.versionConflict(agreement);
      if (dto.title !== undefined && dto.title !== agreement.title && agreement.practiceId) {
        throw badRequest(
          'AGREEMENT_TITLE_FROM_CATALOGUE',
          'A step from the catalogue keeps the practice title; only a custom step can be renamed.',
          { title: 'the title of a catalogue step' },
        );
      }
      const next = {
        startDate: dto.startDate ?? agreement.startDate,
        reviewDate: dto.reviewDate !== undefined ? dto.reviewDate : agreement.reviewDate,
        endDate: dto.endDate !== undefined ? dto.endDate : agreement.endDate,
        partnerTeamId:
          dto.partnerTeamId !== undefined ? dto.partnerTeamId : agreement.partnerTeamId,
        ownerId: dto.ownerId !== undefined ? dto.ownerId : agreement.ownerId,
      };
      this.assertDates(next.startDate, next.reviewDate, next.endDate);
      const cadence = this.cadenceChange(agreement, dto, next.startDate);
      if (dto.partnerTeamId !== undefined)
        await this.assertPartner(manager, caseEntity, next.partnerTeamId);
      if (dto.ownerId !== undefined || dto.partnerTeamId !== undefined)
        await this.assertOwner(manager, caseEntity, next.ownerId, next.partnerTeamId);
      const changes: Partial<AgreementEntity> = { ...next, ...cadence };
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.successCriterion !== undefined) changes.successCriterion = dto.successCriterion;
      await this.saveVersioned(manager, agreement, dto.version, changes);
      const fields = changedFields(agreement, changes);
      if (fields.length > 0) {
        await manager.getRepository(AgreementEditEntity).insert({
          id: randomUUID(),
          agreementId: id,
          fields: fields.join(','),
          onDate: this.view.today(),
          changedBy: user.id,
          changedAt: nowIso(),
        });
      }
      await this.timelines.markChanged(manager, [
        agreement.teamId,
        agreement.partnerTeamId,
        next.partnerTeamId,
      ]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'agreement.update',
          objectType: 'agreement',
          objectId: id,
          result: 'success',
          origin,
          detail: { fields },
        },
        manager,
      );
    });
  }

  /**
   * The cadence columns after an edit (none when the cadence stays): a step that has started
   * keeps its periods up to the change, and the new cadence's periods begin at its first
   * boundary from today on (docs/design.md §Cadence and periods).
   */
  private cadenceChange(
    agreement: AgreementEntity,
    dto: UpdateAgreementDto,
    startDate: string,
  ): Partial<AgreementEntity> {
    const earlier = earlierCadences(agreement.cadenceEarlier);
    if (earlier.length > 0 && startDate >= earlier[0].until) {
      throw badRequest(
        'AGREEMENT_INVALID_DATES',
        `The start date lies before ${earlier[0].until}, when the step's cadence changed.`,
        { startDate: 'not on or after a cadence change' },
      );
    }
    if (!dto.cadence) return {};
    const columns = cadenceColumns(dto.cadence as CadenceDto);
    const current = toCadence(agreement.cadenceKind, agreement.cadenceEvery);
    if (
      columns.cadenceKind === agreement.cadenceKind &&
      columns.cadenceEvery === (current.kind === 'weeks' ? current.every : null)
    )
      return {};
    const from = cadenceChangeStart(
      toCadence(columns.cadenceKind, columns.cadenceEvery),
      this.view.today(),
    );
    const history = withCadenceChange(earlier, current, startDate, from);
    return { ...columns, cadenceEarlier: history.length ? JSON.stringify(history) : null };
  }

  async changeStatus(
    user: AuthUser,
    id: string,
    dto: AgreementStatusBody,
    origin: string,
  ): Promise<AgreementDto> {
    try {
      await this.writeStatus(user, id, dto, origin);
    } catch (error) {
      // Someone else changed the step first: what they saved comes along with the 409.
      if (error instanceof ApiException && error.code === 'AGREEMENT_VERSION_CONFLICT') {
        throw error.withCurrent(await this.get(id));
      }
      throw error;
    }
    return this.get(id);
  }

  private async writeStatus(
    user: AuthUser,
    id: string,
    dto: AgreementStatusBody,
    origin: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const agreement = await this.find(manager, id);
      await this.access.findOpenEditable(user, agreement.caseId, manager);
      // A stale version first: the step may have moved on, so the transition is not the question.
      if (agreement.version !== dto.version) throw this.versionConflict(agreement);
      if (!canTransition(agreement.status, dto.status)) {
        throw conflict(
          'AGREEMENT_INVALID_TRANSITION',
          `A ${STATUS_WORDS[agreement.status]} step cannot become ${STATUS_WORDS[dto.status]}.`,
        );
      }
      const today = this.view.today();
      const on = dto.on ?? today;
      const last = await manager
        .getRepository(AgreementStatusChangeEntity)
        .findOne({ where: { agreementId: id }, order: { onDate: 'DESC' } });
      if (on > today || (last && on < last.onDate)) {
        throw badRequest(
          'AGREEMENT_INVALID_DATES',
          `The date of a status change lies between ${last?.onDate ?? agreement.startDate} and today.`,
          { on: 'not in the future, not before the previous change' },
        );
      }
      await this.saveVersioned(manager, agreement, dto.version, { status: dto.status });
      await manager.getRepository(AgreementStatusChangeEntity).insert({
        id: randomUUID(),
        agreementId: id,
        fromStatus: agreement.status,
        toStatus: dto.status,
        onDate: on,
        reason: dto.reason,
        changedBy: user.id,
        changedAt: nowIso(),
      });
      await this.timelines.markChanged(manager, [agreement.teamId, agreement.partnerTeamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'agreement.status',
          objectType: 'agreement',
          objectId: id,
          result: 'success',
          origin,
          detail: { from: agreement.status, to: dto.status },
        },
        manager,
      );
    });
  }

  /** Any ambassador or admin may read an agreement (learning from each other); it holds no notes. */
  async get(id: string): Promise<AgreementDto> {
    const agreement = await this.find(this.dataSource.manager, id);
    const caseEntity = await this.access.find(agreement.caseId);
    const facts = await this.view.loadFacts([caseEntity]);
    const loaded = facts.agreements.find((a) => a.id === id) ?? agreement;
    return this.view.agreement(loaded, facts);
  }

  private async find(manager: EntityManager, id: string): Promise<AgreementEntity> {
    const agreement = await manager.getRepository(AgreementEntity).findOneBy({ id });
    if (!agreement) throw notFound('AGREEMENT_NOT_FOUND', 'This improvement step does not exist.');
    return agreement;
  }

  private assertDates(start: string, review: string | null, end: string | null): void {
    const fields: Record<string, string> = {};
    if (review && review < start)
      fields['reviewDate'] = 'the review date lies before the start date';
    if (end && end < start) fields['endDate'] = 'the end date lies before the start date';
    if (Object.keys(fields).length) {
      throw badRequest('AGREEMENT_INVALID_DATES', Object.values(fields).join('; ') + '.', fields);
    }
  }

  private async assertPartner(
    manager: EntityManager,
    caseEntity: CaseEntity,
    partnerTeamId: string | null,
  ): Promise<void> {
    if (!partnerTeamId) return;
    if (partnerTeamId === caseEntity.teamId) {
      throw badRequest('AGREEMENT_INVALID_PARTNER', 'The partner team must be another team.', {
        partnerTeamId: 'same as the team itself',
      });
    }
    const partner = await manager.getRepository(OrgUnitEntity).findOneBy({ id: partnerTeamId });
    if (!partner || partner.kind !== 'team') {
      throw badRequest('AGREEMENT_INVALID_PARTNER', 'The partner must be an existing team.', {
        partnerTeamId: 'unknown team',
      });
    }
    if (partner.archivedAt) {
      throw badRequest('AGREEMENT_INVALID_PARTNER', `"${partner.name}" is archived.`, {
        partnerTeamId: 'archived team',
      });
    }
  }

  /** The owner is a member of the team (or, for a hand-off agreement, of the partner team). */
  private async assertOwner(
    manager: EntityManager,
    caseEntity: CaseEntity,
    ownerId: string | null,
    partnerTeamId: string | null,
  ): Promise<void> {
    if (!ownerId) return;
    const teams = [caseEntity.teamId, ...(partnerTeamId ? [partnerTeamId] : [])];
    const memberships = await manager
      .getRepository(TeamMembershipEntity)
      .findBy({ userId: ownerId });
    if (!memberships.some((m) => teams.includes(m.orgUnitId))) {
      throw badRequest('AGREEMENT_INVALID_OWNER', 'The owner must be a member of the team.', {
        ownerId: 'not a member of the team',
      });
    }
  }

  private versionConflict(agreement: AgreementEntity): ApiException {
    return conflict(
      'AGREEMENT_VERSION_CONFLICT',
      `Someone else changed "${agreement.title}" in the meantime. Reload to see the latest version, then try again.`,
    );
  }

  private async saveVersioned(
    manager: EntityManager,
    agreement: AgreementEntity,
    version: number,
    changes: Partial<AgreementEntity>,
  ): Promise<void> {
    await updateVersioned(manager, AgreementEntity, agreement.id, version, changes, () =>
      this.versionConflict(agreement),
    );
    await manager
      .getRepository(CaseEntity)
      .update({ id: agreement.caseId }, { updatedAt: nowIso() });
  }
}

const EDITED_COLUMNS: Record<AgreementEditField, readonly (keyof AgreementEntity)[]> = {
  title: ['title'],
  cadence: ['cadenceKind', 'cadenceEvery'],
  startDate: ['startDate'],
  reviewDate: ['reviewDate'],
  endDate: ['endDate'],
  owner: ['ownerId'],
  successCriterion: ['successCriterion'],
  partnerTeam: ['partnerTeamId'],
};

/** The fields an edit changes, in the order of `AGREEMENT_EDIT_FIELDS`. */
function changedFields(
  before: AgreementEntity,
  changes: Partial<AgreementEntity>,
): AgreementEditField[] {
  return AGREEMENT_EDIT_FIELDS.filter((field) =>
    EDITED_COLUMNS[field].some(
      (column) => column in changes && (changes[column] ?? null) !== (before[column] ?? null),
    ),
  );
}
