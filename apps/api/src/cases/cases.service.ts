import { Injectable } from '@nestjs/common';
import { updateVersioned } from '../common/versioned';
import type {
  AgreementEditField,
  CaseDetailDto,
  CaseloadDto,
  CaseSummaryDto,
  IntakeDto,
  IntakeRevisionDto,
  ObservationDto,
  OpenCaseTeamDto,
  PersonRef,
  TimelineEntryDto,
} from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TeamTimelineService } from '../olievlek/team-timeline.service';
import type { AuthUser } from '../auth/auth-user';
import { ApiException, badRequest, conflict } from '../common/api-exception';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { UserEntity } from '../users/entities/user.entity';
import { AgreementEditEntity } from '../agreements/entities/agreement.entity';
import { CaseAccess } from './case-access';
import { CaseSummariesService } from './case-summaries.service';
import { CaseViewService } from './case-view.service';
import type { CloseCaseDto, IntakeDtoBody, ObservationBody, ReopenCaseDto } from './dto/case.dto';
import {
  CaseAmbassadorEntity,
  CaseEntity,
  CaseReopeningEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
} from './entities/case.entity';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly view: CaseViewService,
    private readonly summaries: CaseSummariesService,
    private readonly audit: AuditService,
    private readonly timelines: TeamTimelineService,
  ) {}

  /** All cases: ambassadors learn from each other's stage and agreements (never notes). */
  async list(status: 'open' | 'closed' | undefined): Promise<CaseSummaryDto[]> {
    const cases = await this.dataSource
      .getRepository(CaseEntity)
      .find({ where: status ? { status } : {}, order: { openedOn: 'DESC' } });
    return (await this.summaries.summaries(cases)).sort((a, b) =>
      a.team.name.localeCompare(b.team.name, 'nl'),
    );
  }

  /** One row per open case: two columns, no summaries (a city has thousands of teams). */
  async openTeams(): Promise<OpenCaseTeamDto[]> {
    const rows = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.teamId'])
      .where('c.status = :status', { status: 'open' })
      .getMany();
    return rows.map((c) => ({ teamId: c.teamId, caseId: c.id }));
  }

  async activeAmbassadors(): Promise<PersonRef[]> {
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.name', 'u.roles'])
      .where('u.active = :active', { active: true })
      .orderBy('u.name', 'ASC')
      .getMany();
    return users
      .filter((u) => u.roles.split(',').includes('ambassador'))
      .map((u) => ({ id: u.id, name: u.name }));
  }

  /** The signed-in ambassador's open cases, and the stalled radar: longest silence first. */
  async caseload(user: AuthUser): Promise<CaseloadDto> {
    const cases = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(CaseAmbassadorEntity, 'ca', 'ca.case_id = c.id AND ca.user_id = :user', {
        user: user.id,
      })
      .where('c.status = :status', { status: 'open' })
      .getMany();
    const summaries = (await this.summaries.summaries(cases)).sort((a, b) =>
      b.lastActivityAt.localeCompare(a.lastActivityAt),
    );
    const stalledRadar = summaries
      .filter((s) => s.stalled.length > 0)
      .map((s) => ({ case: s, longestSilence: s.stalled[0].silence }))
      .sort(
        (a, b) =>
          b.longestSilence - a.longestSilence ||
          a.case.team.name.localeCompare(b.case.team.name, 'nl'),
      );
    return { cases: summaries, stalledRadar };
  }

  async detail(user: AuthUser, id: string, origin: string): Promise<CaseDetailDto> {
    const caseEntity = await this.access.find(id);
    const canEdit = await this.access.canEdit(user, id);
    const facts = await this.view.loadFacts([caseEntity]);
    const summary = this.view.summary(caseEntity, facts);
    const agreements = facts.agreements.filter((a) => a.caseId === id);

    const [intake, revisions, observations, edits, reopenings, teamCases] = await Promise.all([
      this.dataSource.getRepository(IntakeEntity).findOneBy({ caseId: id }),
      this.dataSource
        .getRepository(IntakeRevisionEntity)
        .createQueryBuilder('r')
        .innerJoin(IntakeEntity, 'i', 'i.id = r.intake_id')
        .where('i.case_id = :id', { id })
        .select(['r.version', 'r.changedAt', 'r.changedBy'])
        .getMany(),
      this.dataSource
        .getRepository(ObservationEntity)
        .find({ where: { caseId: id }, order: { observedOn: 'DESC', createdAt: 'DESC' } }),
      agreements.length
        ? this.dataSource
            .getRepository(AgreementEditEntity)
            .find({ where: { agreementId: In(agreements.map((a) => a.id)) } })
        : Promise.resolve([]),
      this.dataSource.getRepository(CaseReopeningEntity).find({ where: { caseId: id } }),
      this.dataSource.getRepository(CaseEntity).find({
        where: { teamId: caseEntity.teamId },
        select: { id: true, openedOn: true, closedOn: true, previousCaseId: true },
      }),
    ]);
    const people = await this.people([
      caseEntity.openedBy,
      ...(intake ? [intake.updatedBy] : []),
      ...revisions.map((r) => r.changedBy),
      ...observations.map((o) => o.authorId),
      ...edits.map((e) => e.changedBy),
      ...reopenings.map((r) => r.reopenedBy),
    ]);
    const person = (userId: string) => people.get(userId) ?? { id: userId, name: '?' };

    const timeline: TimelineEntryDto[] = [
      { kind: 'case-opened', on: caseEntity.openedOn, by: person(caseEntity.openedBy) },
    ];
    for (const r of revisions)
      timeline.push({
        kind: 'intake',
        on: r.changedAt.slice(0, 10),
        version: r.version,
        by: person(r.changedBy),
      });
    if (intake)
      timeline.push({
        kind: 'intake',
        on: intake.updatedAt.slice(0, 10),
        version: intake.version,
        by: person(intake.updatedBy),
      });
    for (const agreement of agreements) {
      for (const change of facts.changesByAgreement.get(agreement.id) ?? []) {
        timeline.push({
          kind: 'agreement-status',
          on: change.onDate,
          agreementId: agreement.id,
          title: agreement.title,
          titleEn: facts.titleEn(agreement),
          from: change.fromStatus,
          to: change.toStatus,
          reason: change.reason,
          by: person(change.changedBy),
        });
      }
    }
    const agreementById = new Map(agreements.map((a) => [a.id, a]));
    for (const e of edits) {
      const agreement = agreementById.get(e.agreementId);
      if (!agreement) continue;
      timeline.push({
        kind: 'agreement-edit',
        on: e.onDate,
        at: e.changedAt,
        agreementId: agreement.id,
        title: agreement.title,
        titleEn: facts.titleEn(agreement),
        fields: e.fields.split(',') as AgreementEditField[],
        by: person(e.changedBy),
      });
    }
    if (canEdit) {
      for (const o of observations)
        timeline.push({
          kind: 'observation',
          on: o.observedOn,
          observationId: o.id,
          by: person(o.authorId),
        });
    }
    for (const r of reopenings) {
      timeline.push({ kind: 'case-closed', on: r.closedOn, summary: r.closingSummary ?? '' });
      timeline.push({
        kind: 'case-reopened',
        on: r.reopenedOn,
        reason: r.reason,
        by: person(r.reopenedBy),
      });
    }
    if (caseEntity.closedOn)
      timeline.push({
        kind: 'case-closed',
        on: caseEntity.closedOn,
        summary: caseEntity.closingSummary ?? '',
      });
    timeline.sort((a, b) => b.on.localeCompare(a.on));

    const previous = teamCases.find((c) => c.id === caseEntity.previousCaseId);
    const next = teamCases.find((c) => c.previousCaseId === caseEntity.id);
    const detail: CaseDetailDto = {
      ...summary,
      previousCase: previous
        ? { id: previous.id, openedOn: previous.openedOn, closedOn: previous.closedOn }
        : null,
      nextCase: next ? { id: next.id, openedOn: next.openedOn } : null,
      intake: intake ? this.intakeDto(intake, person(intake.updatedBy), canEdit) : null,
      agreements: agreements.map((a) => this.view.agreement(a, facts)),
      timeline,
      canEdit,
    };
    if (canEdit) {
      detail.observations = observations.map((o) => this.observationDto(o, person(o.authorId)));
      await this.auditNoteReads(user, origin, [
        ...(intake ? [{ type: 'intake', id: intake.id }] : []),
        ...observations.map((o) => ({ type: 'observation', id: o.id })),
      ]);
    }
    return detail;
  }

  async open(user: AuthUser, teamId: string, origin: string): Promise<CaseDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const team = await manager.getRepository(OrgUnitEntity).findOneBy({ id: teamId });
      if (!team || team.kind !== 'team') {
        throw badRequest('TEAM_NOT_FOUND', 'Choose an existing team.', { teamId: 'unknown team' });
      }
      if (team.archivedAt) {
        throw badRequest(
          'TEAM_ARCHIVED',
          `"${team.name}" is archived; restore it before opening a case.`,
          { teamId: 'archived team' },
        );
      }
      const open = await manager.getRepository(CaseEntity).findOneBy({ teamId, status: 'open' });
      if (open) {
        throw conflict(
          'CASE_ALREADY_OPEN',
          `"${team.name}" already has an open case; a team has one open case at a time.`,
        );
      }
      const [previous] = await manager.getRepository(CaseEntity).find({
        where: { teamId, status: 'closed' },
        order: { closedOn: 'DESC', updatedAt: 'DESC' },
        take: 1,
      });
      const now = nowIso();
      const caseEntity: CaseEntity = {
        id: randomUUID(),
        previousCaseId: previous?.id ?? null,
        teamId,
        status: 'open',
        openedOn: this.view.today(),
        closedOn: null,
        closingSummary: null,
        openedBy: user.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(CaseEntity).insert({ ...caseEntity });
      await this.timelines.markChanged(manager, [teamId]);
      if (user.roles.includes('ambassador')) {
        await manager
          .getRepository(CaseAmbassadorEntity)
          .insert({ caseId: caseEntity.id, userId: user.id });
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case.open',
          objectType: 'case',
          objectId: caseEntity.id,
          result: 'success',
          origin,
        },
        manager,
      );
      return caseEntity.id;
    });
    return this.detail(user, id, origin);
  }

  async close(
    user: AuthUser,
    id: string,
    dto: CloseCaseDto,
    origin: string,
  ): Promise<CaseDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.findOpenEditable(user, id, manager);
      await this.saveCaseVersioned(manager, id, dto.version, {
        status: 'closed',
        closedOn: this.view.today(),
        closingSummary: dto.closingSummary,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case.close',
          objectType: 'case',
          objectId: id,
          result: 'success',
          origin,
        },
        manager,
      );
    });
    return this.detail(user, id, origin);
  }

  /**
   * A closed case opened again by its ambassador or an admin, with a reason: the closing it undoes
   * stays on the timeline, and the audit log records who and why. Refused while the team has
   * another open case (one open case per team) or is archived.
   */
  async reopen(
    user: AuthUser,
    id: string,
    dto: ReopenCaseDto,
    origin: string,
  ): Promise<CaseDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const caseEntity = await this.access.findEditable(user, id, manager);
      if (caseEntity.status !== 'closed' || !caseEntity.closedOn) {
        throw conflict('CASE_NOT_CLOSED', 'This case is open; only a closed case can be reopened.');
      }
      const team = await manager.getRepository(OrgUnitEntity).findOneBy({ id: caseEntity.teamId });
      if (team?.archivedAt) {
        throw badRequest(
          'TEAM_ARCHIVED',
          `"${team.name}" is archived; restore it before reopening its case.`,
          { teamId: 'archived team' },
        );
      }
      const open = await manager
        .getRepository(CaseEntity)
        .findOneBy({ teamId: caseEntity.teamId, status: 'open' });
      if (open) {
        throw conflict(
          'CASE_ALREADY_OPEN',
          `"${team?.name ?? ''}" already has an open case; a team has one open case at a time.`,
        );
      }
      await this.saveCaseVersioned(manager, id, dto.version, {
        status: 'open',
        closedOn: null,
        closingSummary: null,
      });
      const now = nowIso();
      await manager.getRepository(CaseReopeningEntity).insert({
        id: randomUUID(),
        caseId: id,
        reason: dto.reason,
        closedOn: caseEntity.closedOn,
        closingSummary: caseEntity.closingSummary,
        reopenedOn: this.view.today(),
        reopenedBy: user.id,
        reopenedAt: now,
      });
      await this.timelines.markChanged(manager, [caseEntity.teamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case.reopen',
          objectType: 'case',
          objectId: id,
          result: 'success',
          origin,
          detail: { reason: dto.reason },
        },
        manager,
      );
    });
    return this.detail(user, id, origin);
  }

  async addAmbassador(
    user: AuthUser,
    id: string,
    ambassadorId: string,
    origin: string,
  ): Promise<PersonRef[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.findEditable(user, id, manager);
      const ambassador = await manager.getRepository(UserEntity).findOneBy({ id: ambassadorId });
      if (
        !ambassador ||
        !ambassador.active ||
        !ambassador.roles.split(',').includes('ambassador')
      ) {
        throw badRequest('AMBASSADOR_INVALID', 'Choose an active user with the ambassador role.', {
          userId: 'not an active ambassador',
        });
      }
      const exists = await manager
        .getRepository(CaseAmbassadorEntity)
        .countBy({ caseId: id, userId: ambassadorId });
      if (!exists)
        await manager
          .getRepository(CaseAmbassadorEntity)
          .insert({ caseId: id, userId: ambassadorId });
      await this.touchCase(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case.share',
          objectType: 'case',
          objectId: id,
          result: 'success',
          origin,
          detail: { ambassadorId },
        },
        manager,
      );
      return this.ambassadorsOf(manager, id);
    });
  }

  /** Reassigning is the admins' job: they remove one ambassador after adding another. */
  async removeAmbassador(
    user: AuthUser,
    id: string,
    ambassadorId: string,
    origin: string,
  ): Promise<PersonRef[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.find(id, manager);
      const current = await this.ambassadorsOf(manager, id);
      if (!current.some((p) => p.id === ambassadorId)) {
        throw badRequest('AMBASSADOR_INVALID', 'This person is not an ambassador of the case.', {
          userId: 'not on this case',
        });
      }
      if (current.length === 1) {
        throw conflict(
          'AMBASSADOR_INVALID',
          'A case keeps at least one ambassador: add the new one first.',
        );
      }
      await manager
        .getRepository(CaseAmbassadorEntity)
        .delete({ caseId: id, userId: ambassadorId });
      await this.touchCase(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'case.unassign',
          objectType: 'case',
          objectId: id,
          result: 'success',
          origin,
          detail: { ambassadorId },
        },
        manager,
      );
      return current.filter((p) => p.id !== ambassadorId);
    });
  }

  /** Create or edit the intake. The version before an edit is kept as a revision. */
  async saveIntake(
    user: AuthUser,
    id: string,
    dto: IntakeDtoBody,
    origin: string,
  ): Promise<IntakeDto> {
    try {
      return await this.writeIntake(user, id, dto, origin);
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 'INTAKE_VERSION_CONFLICT') throw error;
      // The colleague's saved intake comes along, so the page can show it beside the draft.
      // Its private note is read here, so the read is audited like any other.
      const current = await this.dataSource.getRepository(IntakeEntity).findOneBy({ caseId: id });
      if (!current) throw error;
      await this.auditNoteReads(user, origin, [{ type: 'intake', id: current.id }]);
      const people = await this.people([current.updatedBy]);
      const by = people.get(current.updatedBy) ?? { id: current.updatedBy, name: '' };
      throw error.withCurrent(this.intakeDto(current, by, true));
    }
  }

  private writeIntake(
    user: AuthUser,
    id: string,
    dto: IntakeDtoBody,
    origin: string,
  ): Promise<IntakeDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.findOpenEditable(user, id, manager);
      const repo = manager.getRepository(IntakeEntity);
      const existing = await repo.findOneBy({ caseId: id });
      const themes = [...new Set(dto.themes.map((t) => t.trim()).filter((t) => t !== ''))];
      const now = nowIso();
      const fields = {
        heldOn: dto.heldOn,
        participants: dto.participants,
        situation: dto.situation,
        wishes: dto.wishes,
        themes: JSON.stringify(themes),
        updatedBy: user.id,
        updatedAt: now,
      };
      let saved: IntakeEntity;
      if (!existing) {
        if (dto.version !== 0)
          throw conflict(
            'INTAKE_VERSION_CONFLICT',
            'This intake does not exist yet: send version 0 to create it.',
          );
        saved = { id: randomUUID(), caseId: id, version: 1, ...fields };
        try {
          await repo.insert({ ...saved });
        } catch {
          // The unique index on case_id: someone else created the intake at the same moment.
          throw conflict(
            'INTAKE_VERSION_CONFLICT',
            'Someone else saved this intake at the same moment. Reload and try again.',
          );
        }
      } else {
        await updateVersioned(manager, IntakeEntity, existing.id, dto.version, fields, () =>
          conflict(
            'INTAKE_VERSION_CONFLICT',
            'Someone else changed this intake in the meantime. Reload to see their version, then try again.',
          ),
        );
        await manager.getRepository(IntakeRevisionEntity).insert({
          id: randomUUID(),
          intakeId: existing.id,
          version: existing.version,
          snapshot: JSON.stringify({
            heldOn: existing.heldOn,
            participants: existing.participants,
            situation: existing.situation,
            wishes: existing.wishes,
            themes: JSON.parse(existing.themes),
          }),
          changedBy: existing.updatedBy,
          changedAt: existing.updatedAt,
        });
        saved = { ...existing, ...fields, version: dto.version + 1 };
      }
      await this.touchCase(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: existing ? 'intake.update' : 'intake.create',
          objectType: 'intake',
          objectId: saved.id,
          result: 'success',
          origin,
        },
        manager,
      );
      const people = await this.people([user.id], manager);
      return this.intakeDto(saved, people.get(user.id) ?? { id: user.id, name: user.name }, true);
    });
  }

  async intakeRevisions(user: AuthUser, id: string, origin: string): Promise<IntakeRevisionDto[]> {
    await this.access.findEditable(user, id);
    const intake = await this.dataSource.getRepository(IntakeEntity).findOneBy({ caseId: id });
    if (!intake) return [];
    const revisions = await this.dataSource
      .getRepository(IntakeRevisionEntity)
      .find({ where: { intakeId: intake.id }, order: { version: 'DESC' } });
    const people = await this.people(revisions.map((r) => r.changedBy));
    await this.auditNoteReads(
      user,
      origin,
      revisions.map((r) => ({ type: 'intake_revision', id: r.id })),
    );
    return revisions.map((r) => ({
      version: r.version,
      changedAt: r.changedAt,
      changedBy: people.get(r.changedBy) ?? { id: r.changedBy, name: '?' },
      intake: JSON.parse(r.snapshot),
    }));
  }

  async addObservation(
    user: AuthUser,
    id: string,
    dto: ObservationBody,
    origin: string,
  ): Promise<ObservationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.findOpenEditable(user, id, manager);
      const observation: ObservationEntity = {
        id: randomUUID(),
        caseId: id,
        observedOn: dto.observedOn,
        text: dto.text,
        authorId: user.id,
        createdAt: nowIso(),
      };
      await manager.getRepository(ObservationEntity).insert({ ...observation });
      await this.touchCase(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'observation.create',
          objectType: 'observation',
          objectId: observation.id,
          result: 'success',
          origin,
        },
        manager,
      );
      return this.observationDto(observation, { id: user.id, name: user.name });
    });
  }

  private intakeDto(intake: IntakeEntity, updatedBy: PersonRef, withPrivate: boolean): IntakeDto {
    const dto: IntakeDto = {
      heldOn: intake.heldOn,
      participants: intake.participants,
      wishes: intake.wishes,
      themes: JSON.parse(intake.themes),
      version: intake.version,
      updatedAt: intake.updatedAt,
      updatedBy,
    };
    if (withPrivate) dto.situation = intake.situation;
    return dto;
  }

  private observationDto(o: ObservationEntity, author: PersonRef): ObservationDto {
    return { id: o.id, observedOn: o.observedOn, text: o.text, author, createdAt: o.createdAt };
  }

  private async auditNoteReads(
    user: AuthUser,
    origin: string,
    notes: Array<{ type: string; id: string }>,
  ): Promise<void> {
    await this.audit.recordMany(
      notes.map((note) => ({
        actorId: user.id,
        action: 'note.read',
        objectType: note.type,
        objectId: note.id,
        result: 'success' as const,
        origin,
      })),
    );
  }

  private async people(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PersonRef>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const users = await manager
      .getRepository(UserEntity)
      .find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, { id: u.id, name: u.name }]));
  }

  private async ambassadorsOf(manager: EntityManager, caseId: string): Promise<PersonRef[]> {
    const rows = await manager.getRepository(CaseAmbassadorEntity).findBy({ caseId });
    const people = await this.people(
      rows.map((r) => r.userId),
      manager,
    );
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  private async touchCase(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id }, { updatedAt: nowIso() });
  }

  private async saveCaseVersioned(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<CaseEntity>,
  ): Promise<void> {
    await updateVersioned(manager, CaseEntity, id, version, changes, () =>
      conflict(
        'CASE_VERSION_CONFLICT',
        'Someone else changed this case in the meantime. Reload and try again.',
      ),
    );
  }
}
