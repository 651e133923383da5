import { Injectable } from '@nestjs/common';
import type { DataExportDto, DataExportFormat, OrgUnitRef } from '@olievlek/shared';
import { DataSource, In } from 'typeorm';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditEntry, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { LoginFailureEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { splitRoles } from '../auth/session.service';
import {
  PulseResponseEntity,
  PulseRoundEntity,
  ReflectionEntity,
} from '../board/entities/board.entities';
import {
  CaseAmbassadorEntity,
  CaseEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
} from '../cases/entities/case.entity';
import { notFound } from '../common/api-exception';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Shown at the top of every export, in the JSON and on the readable page. */
export const EXPORT_EXPLANATIONS = [
  'Dit overzicht bevat alle gegevens die Olievlek over deze persoon bewaart (AVG artikel 15).',
  'Antwoorden op pulspeilingen staan er niet in: die worden zonder naam opgeslagen en zijn niet aan een persoon te koppelen. Alleen dát iemand een peiling beantwoordde, wordt bewaard (om dubbel antwoorden te voorkomen).',
  'Wachtwoorden en sessiesleutels staan er niet in: die worden alleen als onomkeerbare hash bewaard.',
  'Notities die deze persoon schreef kunnen gegevens over anderen bevatten. Beoordeel ze voordat u het overzicht verstrekt (AVG artikel 15 lid 4).',
  'Privénotities van casussen die langer dan de bewaartermijn zijn afgesloten, zijn al verwijderd.',
];

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Gathers everything held about one person (AVG access request). One query per table, by the
 * person's id; names of teams and agreements are looked up in bulk afterwards.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(
    userId: string,
    format: DataExportFormat,
    actor: AuthUser,
    origin: string,
  ): Promise<DataExportDto> {
    const repo = <T extends object>(entity: new () => T) => this.dataSource.getRepository(entity);
    const user = await repo(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound('USER_NOT_FOUND', 'This user does not exist.');

    const [
      memberships,
      sessions,
      failures,
      ambassadorRows,
      casesOpened,
      intakes,
      revisions,
      observations,
      reflections,
      owned,
      changes,
      checkOffs,
      responses,
      roundsOpened,
      events,
    ] = await Promise.all([
      repo(TeamMembershipEntity).findBy({ userId }),
      repo(SessionEntity).find({ where: { userId }, order: { createdAt: 'ASC' } }),
      repo(LoginFailureEntity).find({
        where: { key: `email:${user.email}` },
        order: { at: 'ASC' },
      }),
      repo(CaseAmbassadorEntity).findBy({ userId }),
      repo(CaseEntity).findBy({ openedBy: userId }),
      repo(IntakeEntity).find({ where: { updatedBy: userId }, order: { updatedAt: 'ASC' } }),
      repo(IntakeRevisionEntity).find({
        where: { changedBy: userId },
        order: { changedAt: 'ASC' },
      }),
      repo(ObservationEntity).find({
        where: { authorId: userId },
        order: { observedOn: 'ASC', createdAt: 'ASC' },
      }),
      repo(ReflectionEntity).find({ where: { authorId: userId }, order: { at: 'ASC' } }),
      repo(AgreementEntity).find({ where: { ownerId: userId }, order: { createdAt: 'ASC' } }),
      repo(AgreementStatusChangeEntity).find({
        where: { changedBy: userId },
        order: { changedAt: 'ASC' },
      }),
      repo(CheckOffEntity).find({ where: { userId }, order: { at: 'ASC' } }),
      repo(PulseResponseEntity).findBy({ userId }),
      repo(PulseRoundEntity).find({ where: { openedBy: userId }, order: { openedOn: 'ASC' } }),
      repo(AuditEventEntity).find({ where: { actorId: userId }, order: { at: 'ASC' } }),
    ]);

    // Second round: the records the first round points at, for readable names.
    const revisionIntakeIds = unique(revisions.map((r) => r.intakeId));
    const revisionIntakes = revisionIntakeIds.length
      ? await repo(IntakeEntity).find({
          where: { id: In(revisionIntakeIds) },
          select: { id: true, caseId: true },
        })
      : [];
    const caseOfIntake = new Map(revisionIntakes.map((i) => [i.id, i.caseId]));
    const agreementIds = unique([
      ...reflections.map((r) => r.agreementId),
      ...changes.map((c) => c.agreementId),
      ...checkOffs.map((c) => c.agreementId),
    ]);
    const roundIds = unique(responses.map((r) => r.roundId));
    const [agreementRows, answeredRounds] = await Promise.all([
      agreementIds.length ? repo(AgreementEntity).findBy({ id: In(agreementIds) }) : [],
      roundIds.length ? repo(PulseRoundEntity).findBy({ id: In(roundIds) }) : [],
    ]);
    const agreements = new Map([...agreementRows, ...owned].map((a) => [a.id, a]));

    const ambassadorCaseIds = new Set(ambassadorRows.map((r) => r.caseId));
    const openedCaseIds = new Set(casesOpened.map((c) => c.id));
    const caseIds = unique([
      ...ambassadorCaseIds,
      ...openedCaseIds,
      ...intakes.map((i) => i.caseId),
      ...revisionIntakes.map((i) => i.caseId),
      ...observations.map((o) => o.caseId),
    ]);
    const cases = caseIds.length ? await repo(CaseEntity).findBy({ id: In(caseIds) }) : [];
    const caseById = new Map(cases.map((c) => [c.id, c]));

    const teamIds = unique([
      ...memberships.map((m) => m.orgUnitId),
      ...(user.scopeOrgUnitId ? [user.scopeOrgUnitId] : []),
      ...cases.map((c) => c.teamId),
      ...[...agreements.values()].map((a) => a.teamId),
      ...answeredRounds.map((r) => r.teamId),
      ...roundsOpened.map((r) => r.teamId),
    ]);
    const units = teamIds.length ? await repo(OrgUnitEntity).findBy({ id: In(teamIds) }) : [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const unit = (id: string): OrgUnitRef => {
      const found = unitById.get(id);
      return { id, name: found?.name ?? '?', kind: found?.kind ?? 'team' };
    };
    const teamOfCase = (caseId: string) => unit(caseById.get(caseId)?.teamId ?? '');
    const titleOf = (agreementId: string) => agreements.get(agreementId)?.title ?? '?';
    const teamOfAgreement = (agreementId: string) =>
      unit(agreements.get(agreementId)?.teamId ?? '');

    const result: DataExportDto = {
      kind: 'olievlek-data-export',
      formatVersion: 1,
      generatedAt: nowIso(),
      explanations: EXPORT_EXPLANATIONS,
      person: {
        id: user.id,
        name: user.name,
        email: user.email,
        locale: user.locale as DataExportDto['person']['locale'],
        active: user.active,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
        anonymisedAt: user.anonymisedAt,
        hasPassword: user.passwordHash !== null,
      },
      roles: splitRoles(user.roles),
      teams: memberships.map((m) => unit(m.orgUnitId)),
      scope: user.scopeOrgUnitId ? unit(user.scopeOrgUnitId) : null,
      sessions: sessions.map((s) => ({
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
      })),
      failedSignIns: failures.map((f) => f.at),
      cases: cases
        .filter((c) => ambassadorCaseIds.has(c.id) || openedCaseIds.has(c.id))
        .sort((a, b) => a.openedOn.localeCompare(b.openedOn))
        .map((c) => ({
          id: c.id,
          team: unit(c.teamId),
          status: c.status,
          openedOn: c.openedOn,
          closedOn: c.closedOn,
          involvement: [
            ...(ambassadorCaseIds.has(c.id) ? (['ambassador'] as const) : []),
            ...(openedCaseIds.has(c.id) ? (['opened'] as const) : []),
          ],
        })),
      intakes: intakes.map((i) => ({
        caseId: i.caseId,
        team: teamOfCase(i.caseId),
        heldOn: i.heldOn,
        participants: i.participants,
        situation: i.situation,
        wishes: i.wishes,
        themes: parseJson(i.themes) as string[],
        version: i.version,
        updatedAt: i.updatedAt,
      })),
      intakeRevisions: revisions.map((r) => {
        const caseId = caseOfIntake.get(r.intakeId) ?? '';
        return {
          caseId,
          team: teamOfCase(caseId),
          version: r.version,
          changedAt: r.changedAt,
          intake: (parseJson(r.snapshot) ?? {}) as Record<string, unknown>,
        };
      }),
      observations: observations.map((o) => ({
        id: o.id,
        caseId: o.caseId,
        team: teamOfCase(o.caseId),
        observedOn: o.observedOn,
        text: o.text,
        createdAt: o.createdAt,
      })),
      reflections: reflections.map((r) => ({
        agreementId: r.agreementId,
        agreementTitle: titleOf(r.agreementId),
        team: teamOfAgreement(r.agreementId),
        periodKey: r.periodKey,
        text: r.text,
        at: r.at,
      })),
      agreementsOwned: owned.map((a) => ({
        id: a.id,
        title: a.title,
        team: unit(a.teamId),
        status: a.status,
        startDate: a.startDate,
        endDate: a.endDate,
      })),
      agreementStatusChanges: changes.map((c) => ({
        agreementId: c.agreementId,
        agreementTitle: titleOf(c.agreementId),
        from: c.fromStatus,
        to: c.toStatus,
        onDate: c.onDate,
        reason: c.reason,
        changedAt: c.changedAt,
      })),
      checkOffs: checkOffs.map((c) => ({
        agreementId: c.agreementId,
        agreementTitle: titleOf(c.agreementId),
        team: teamOfAgreement(c.agreementId),
        periodKey: c.periodKey,
        state: c.state,
        reason: c.reason,
        onDate: c.onDate,
        at: c.at,
      })),
      pulseParticipation: answeredRounds
        .sort((a, b) => a.openedOn.localeCompare(b.openedOn))
        .map((r) => ({ roundId: r.id, team: unit(r.teamId), openedOn: r.openedOn })),
      pulseRoundsOpened: roundsOpened.map((r) => ({
        roundId: r.id,
        team: unit(r.teamId),
        openedOn: r.openedOn,
        closedOn: r.closedOn,
      })),
      auditEvents: events.map((e) => ({
        at: e.at,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        result: e.result,
        origin: e.origin,
        detail: parseJson(e.detail),
      })),
    };

    // The export shows private notes: each one counts as a read (ADR 0003), plus the export itself.
    const noteReads: AuditEntry[] = [
      ...intakes.map((i) => ({ type: 'intake', id: i.id })),
      ...revisions.map((r) => ({ type: 'intake_revision', id: r.id })),
      ...observations.map((o) => ({ type: 'observation', id: o.id })),
    ].map((note) => ({
      actorId: actor.id,
      action: 'note.read',
      objectType: note.type,
      objectId: note.id,
      result: 'success',
      origin,
    }));
    await this.audit.recordMany([
      ...noteReads,
      {
        actorId: actor.id,
        action: 'user.data_export',
        objectType: 'user',
        objectId: user.id,
        result: 'success',
        origin,
        detail: {
          format,
          notes: noteReads.length,
          checkOffs: checkOffs.length,
          auditEvents: events.length,
        },
      },
    ]);
    return result;
  }
}
