import { Injectable } from '@nestjs/common';
import { updateVersioned } from '../common/versioned';
import type { Locale, Role, UserDto, UserListQuery } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/auth.service';
import { assertAcceptablePassword } from '../common/password-policy';
import { splitRoles } from '../auth/session.service';
import { SessionEntity } from '../auth/entities/session.entity';
import { badRequest, conflict, notFound } from '../common/api-exception';
import { containsTerm, inChunks } from '../common/query';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { TeamMembershipEntity } from './entities/team-membership.entity';
import { UserEntity } from './entities/user.entity';

export function toUserDto(user: UserEntity, teamIds: string[]): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: splitRoles(user.roles),
    locale: user.locale as Locale,
    teamIds,
    scopeOrgUnitId: user.scopeOrgUnitId,
    active: user.active,
    anonymisedAt: user.anonymisedAt,
    version: user.version,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Everyone matching the filters, by name. The membership lookup is one query for the page. */
  async list(filter: UserListQuery = {}): Promise<UserDto[]> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC');
    if (filter.q) {
      qb.andWhere(
        "(LOWER(u.name) LIKE :term ESCAPE '\\' OR LOWER(u.email) LIKE :term ESCAPE '\\')",
        { term: containsTerm(filter.q) },
      );
    }
    // Roles are stored comma-separated: match a whole role, never a part of another.
    if (filter.role) {
      qb.andWhere("(',' || u.roles || ',') LIKE :role", { role: `%,${filter.role},%` });
    }
    if (filter.teamId) {
      qb.andWhere(
        'u.id IN ' +
          qb
            .subQuery()
            .select('m.userId')
            .from(TeamMembershipEntity, 'm')
            .where('m.orgUnitId = :teamId')
            .getQuery(),
        { teamId: filter.teamId },
      );
    }
    const users = await qb.getMany();
    const memberships = await inChunks(
      users.map((u) => u.id),
      (ids) =>
        this.dataSource.getRepository(TeamMembershipEntity).find({ where: { userId: In(ids) } }),
    );
    const teamsByUser = new Map<string, string[]>();
    for (const m of memberships) {
      const list = teamsByUser.get(m.userId);
      if (list) list.push(m.orgUnitId);
      else teamsByUser.set(m.userId, [m.orgUnitId]);
    }
    return users.map((u) => toUserDto(u, teamsByUser.get(u.id) ?? []));
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.find(this.dataSource.manager, id);
    return toUserDto(user, await this.teamIdsOf(this.dataSource.manager, id));
  }

  async create(dto: CreateUserDto, actor: AuthUser, origin: string): Promise<UserDto> {
    const email = dto.email.toLowerCase();
    const teamIds = dto.teamIds ?? [];
    const scope = dto.scopeOrgUnitId ?? null;
    if (dto.password) assertAcceptablePassword(dto.password, [email, dto.name]);
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, email, null);
      await this.assertAssignments(manager, dto.roles, teamIds, scope);
      const now = nowIso();
      const user: UserEntity = {
        id: randomUUID(),
        email,
        name: dto.name,
        passwordHash,
        roles: dto.roles.join(','),
        locale: dto.locale ?? 'nl',
        scopeOrgUnitId: dto.roles.includes('director') ? scope : null,
        active: true,
        anonymisedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(UserEntity).insert(user);
      const memberships = dto.roles.includes('team') ? teamIds : [];
      if (memberships.length) {
        await manager
          .getRepository(TeamMembershipEntity)
          .insert(memberships.map((orgUnitId) => ({ userId: user.id, orgUnitId })));
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.create',
          objectType: 'user',
          objectId: user.id,
          result: 'success',
          origin,
          detail: { roles: dto.roles },
        },
        manager,
      );
      return toUserDto(user, memberships);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser, origin: string): Promise<UserDto> {
    if (dto.password) {
      const saved = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
      assertAcceptablePassword(dto.password, [
        dto.email ?? saved?.email ?? '',
        dto.name ?? saved?.name ?? '',
      ]);
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, id);
      if (user.anonymisedAt) {
        throw conflict(
          'USER_ANONYMISED',
          'This person has been anonymised; the account can no longer be changed or used.',
        );
      }
      const roles = dto.roles ?? splitRoles(user.roles);
      const teamIds = dto.teamIds ?? (await this.teamIdsOf(manager, id));
      const scope = dto.scopeOrgUnitId !== undefined ? dto.scopeOrgUnitId : user.scopeOrgUnitId;
      if (id === actor.id && (!roles.includes('admin') || dto.active === false)) {
        throw conflict(
          'USER_CANNOT_REMOVE_OWN_ADMIN',
          'You cannot take away your own admin role or deactivate yourself; ask another admin.',
        );
      }
      const email = dto.email?.toLowerCase();
      if (email !== undefined && email !== user.email)
        await this.assertEmailFree(manager, email, id);
      await this.assertAssignments(manager, roles, teamIds, scope);

      const changes: Partial<UserEntity> = {
        roles: roles.join(','),
        scopeOrgUnitId: roles.includes('director') ? scope : null,
      };
      if (dto.name !== undefined) changes.name = dto.name;
      if (email !== undefined) changes.email = email;
      if (dto.active !== undefined) changes.active = dto.active;
      if (passwordHash) changes.passwordHash = passwordHash;

      const stamp = await updateVersioned(manager, UserEntity, id, dto.version, changes, () =>
        conflict(
          'USER_VERSION_CONFLICT',
          `Someone else changed ${user.name} in the meantime. Reload to see the latest version, then try again.`,
        ),
      );
      const memberships = roles.includes('team') ? teamIds : [];
      await manager.getRepository(TeamMembershipEntity).delete({ userId: id });
      if (memberships.length) {
        await manager
          .getRepository(TeamMembershipEntity)
          .insert(memberships.map((orgUnitId) => ({ userId: id, orgUnitId })));
      }
      // New rights or a new password take effect at once: end the user's other sessions.
      const rightsChanged =
        dto.roles !== undefined || dto.active === false || passwordHash !== undefined;
      if (rightsChanged && id !== actor.id) {
        await manager.getRepository(SessionEntity).delete({ userId: id });
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.update',
          objectType: 'user',
          objectId: id,
          result: 'success',
          origin,
          detail: {
            fields: Object.keys(dto).filter((k) => k !== 'version' && k !== 'password'),
            passwordChanged: !!passwordHash,
          },
        },
        manager,
      );
      return toUserDto({ ...user, ...changes, ...stamp }, memberships);
    });
  }

  private async find(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('USER_NOT_FOUND', 'This user does not exist.');
    return user;
  }

  private async teamIdsOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await manager.getRepository(TeamMembershipEntity).findBy({ userId });
    return rows.map((r) => r.orgUnitId);
  }

  private async assertEmailFree(
    manager: EntityManager,
    email: string,
    exceptId: string | null,
  ): Promise<void> {
    const existing = await manager.getRepository(UserEntity).findOneBy({ email });
    if (existing && existing.id !== exceptId) {
      throw conflict('USER_EMAIL_TAKEN', `There is already a user with e-mail address ${email}.`);
    }
  }

  private async assertAssignments(
    manager: EntityManager,
    roles: Role[],
    teamIds: string[],
    scope: string | null,
  ): Promise<void> {
    if (roles.includes('team')) {
      if (teamIds.length === 0) {
        throw badRequest('USER_INVALID_TEAM', 'A team member needs at least one team.', {
          teamIds: 'choose at least one team',
        });
      }
      const teams = await manager.getRepository(OrgUnitEntity).findBy({ id: In(teamIds) });
      const valid = teams.filter((t) => t.kind === 'team' && !t.archivedAt);
      if (valid.length !== teamIds.length) {
        throw badRequest('USER_INVALID_TEAM', 'Every team must be an existing, active team.', {
          teamIds: 'unknown, archived or not a team',
        });
      }
    }
    if (roles.includes('director')) {
      const unit = scope
        ? await manager.getRepository(OrgUnitEntity).findOneBy({ id: scope })
        : null;
      if (!unit || unit.archivedAt) {
        throw badRequest(
          'USER_INVALID_SCOPE',
          'A director needs a scope: an existing, active organisation unit.',
          {
            scopeOrgUnitId: 'choose the unit this director oversees',
          },
        );
      }
    }
  }
}
