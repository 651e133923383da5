import { Injectable } from '@nestjs/common';
import { AnonymiseUserResultDto, FORMER_USER_NAME } from '@olievlek/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { LoginFailureEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { UserIdentityEntity } from '../auth/entities/user-identity.entity';
import { CaseAmbassadorEntity, CaseEntity } from '../cases/entities/case.entity';
import { conflict, notFound } from '../common/api-exception';
import { nowIso } from '../common/time';
import { updateVersioned } from '../common/versioned';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';
import { toUserDto } from '../users/users.service';

/** A short, stable suffix from the user's id, so two former users can be told apart. */
export function formerUserName(userId: string): string {
  return `${FORMER_USER_NAME} ${userId.replace(/-/g, '').slice(0, 6)}`;
}

/**
 * `.invalid` is reserved (RFC 2606): the placeholder can never receive mail, and the user's id
 * keeps it unique under the index on e-mail.
 */
export function formerUserEmail(userId: string): string {
  return `voormalig-${userId}@anoniem.invalid`;
}

/**
 * AVG erasure. The person's row stays, so everything they did keeps its place in the figures
 * (check-offs, status changes, agreements they own) and the notes they wrote stay with the
 * case — but the name on all of it becomes "Voormalig gebruiker" and nothing points to the
 * person any more: no name, no e-mail, no password, no roles, no team, no session.
 */
@Injectable()
export class AnonymiseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async anonymise(
    id: string,
    version: number,
    actor: AuthUser,
    origin: string,
  ): Promise<AnonymiseUserResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id });
      if (!user) throw notFound('USER_NOT_FOUND', 'This user does not exist.');
      if (id === actor.id) {
        throw conflict(
          'USER_CANNOT_ANONYMISE_SELF',
          'You cannot anonymise yourself; ask another admin to do it.',
        );
      }
      if (user.anonymisedAt) {
        throw conflict('USER_ANONYMISED', 'This person has already been anonymised.');
      }
      const now = nowIso();
      const changes: Partial<UserEntity> = {
        name: formerUserName(id),
        email: formerUserEmail(id),
        passwordHash: null,
        roles: '',
        scopeOrgUnitId: null,
        locale: 'nl',
        active: false,
        anonymisedAt: now,
      };
      const stamp = await updateVersioned(manager, UserEntity, id, version, changes, () =>
        conflict(
          'USER_VERSION_CONFLICT',
          `Someone else changed ${user.name} in the meantime. Reload to see the latest version, then try again.`,
        ),
      );
      const memberships = await manager.getRepository(TeamMembershipEntity).delete({ userId: id });
      const sessions = await manager.getRepository(SessionEntity).delete({ userId: id });
      // Failed sign-ins are keyed by the e-mail address: that key is personal data too.
      await manager.getRepository(LoginFailureEntity).delete({ key: `email:${user.email}` });
      // The link to the person's identity at the SSO provider is personal data as well.
      await manager.getRepository(UserIdentityEntity).delete({ userId: id });
      // Case assignments stay: they say who worked on a case, now as a former user.
      const openCases = await manager
        .getRepository(CaseAmbassadorEntity)
        .createQueryBuilder('ca')
        .innerJoin(CaseEntity, 'c', 'c.id = ca.case_id')
        .where('ca.user_id = :id AND c.status = :open', { id, open: 'open' })
        .getCount();
      const result: AnonymiseUserResultDto = {
        user: toUserDto({ ...user, ...changes, ...stamp } as UserEntity, []),
        sessionsEnded: sessions.affected ?? 0,
        membershipsEnded: memberships.affected ?? 0,
        openCasesAsAmbassador: openCases,
      };
      // No name or e-mail in the event: the audit trail must not undo the erasure.
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.anonymise',
          objectType: 'user',
          objectId: id,
          result: 'success',
          origin,
          detail: {
            sessionsEnded: result.sessionsEnded,
            membershipsEnded: result.membershipsEnded,
            openCasesAsAmbassador: openCases,
          },
        },
        manager,
      );
      return result;
    });
  }
}
