import { Injectable } from '@nestjs/common';
import type { Role } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { nowIso } from '../../common/time';
import { UserEntity } from '../../users/entities/user.entity';
import { UserIdentityEntity } from '../entities/user-identity.entity';
import { splitRoles } from '../session.service';
import type { SsoProfile } from './oidc-claims';
import { SsoError } from './oidc.service';

export interface SsoSignIn {
  issuer: string;
  subject: string;
  roles: Role[];
  profile: SsoProfile;
  origin: string;
}

/**
 * Finds, links or creates the account behind an SSO identity. The provider owns the roles: they
 * are set from the roles claim at every SSO sign-in. Team memberships and a director's scope stay
 * with the admin (the provider knows nothing of Olievlek's teams).
 */
@Injectable()
export class OidcAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The account to open a session for; an SsoError when there is none to be had. */
  async resolve(signIn: SsoSignIn): Promise<UserEntity> {
    try {
      return await this.dataSource.transaction((manager) => this.resolveIn(manager, signIn));
    } catch (error) {
      // Two first sign-ins of one person at once: the other one linked or created the account.
      if (error instanceof QueryFailedError) {
        return this.dataSource.transaction((manager) => this.resolveIn(manager, signIn));
      }
      throw error;
    }
  }

  private async resolveIn(manager: EntityManager, signIn: SsoSignIn): Promise<UserEntity> {
    const { issuer, subject, roles, profile, origin } = signIn;
    const identities = manager.getRepository(UserIdentityEntity);
    const users = manager.getRepository(UserEntity);
    const now = nowIso();
    if (!subject || subject.length > 255 || issuer.length > 500) {
      throw new SsoError('failed', 'The provider sent an unusable subject or issuer.');
    }

    const identity = await identities.findOneBy({ issuer, subject });
    if (identity) {
      const user = await users.findOneBy({ id: identity.userId });
      if (!user) throw new Error('A linked identity points to no account');
      this.assertUsable(user, roles);
      await identities.update({ id: identity.id }, { lastSignInAt: now });
      return this.applyClaims(manager, user, roles, profile, origin, {});
    }

    if (!roles.length) {
      throw new SsoError(
        'no-role',
        'None of the groups in the roles claim gives an Olievlek role; no account was created.',
        { email: profile.email },
      );
    }
    if (!profile.email) {
      throw new SsoError(
        'email',
        'The provider gave no verified e-mail address to link or create an account with.',
      );
    }

    const existing = await users.findOneBy({ email: profile.email });
    if (existing) {
      this.assertUsable(existing, roles);
      const other = await identities.findOneBy({ userId: existing.id, issuer });
      if (other) {
        throw new SsoError(
          'conflict',
          'This e-mail address belongs to an account linked to another identity at the provider.',
          {},
          existing.id,
        );
      }
      await identities.insert(identityRow(existing.id, issuer, subject, now));
      return this.applyClaims(manager, existing, roles, profile, origin, { linked: true });
    }

    const user: UserEntity = {
      id: randomUUID(),
      email: profile.email,
      name: profile.name ?? profile.email,
      passwordHash: null,
      roles: roles.join(','),
      locale: profile.locale,
      scopeOrgUnitId: null,
      active: true,
      anonymisedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await users.insert(user);
    await identities.insert(identityRow(user.id, issuer, subject, now));
    await this.audit.record(
      {
        actorId: user.id,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        result: 'success',
        origin,
        detail: { via: 'sso', roles },
      },
      manager,
    );
    return user;
  }

  private assertUsable(user: UserEntity, roles: Role[]): void {
    if (!user.active || user.anonymisedAt) {
      throw new SsoError('inactive', 'The account is deactivated.', {}, user.id);
    }
    if (!roles.length) {
      throw new SsoError(
        'no-role',
        'None of the groups in the roles claim gives an Olievlek role.',
        {},
        user.id,
      );
    }
  }

  /** Roles (and the name) from the provider; a change is a versioned, audited user update. */
  private async applyClaims(
    manager: EntityManager,
    user: UserEntity,
    roles: Role[],
    profile: SsoProfile,
    origin: string,
    detail: Record<string, unknown>,
  ): Promise<UserEntity> {
    const before = splitRoles(user.roles);
    const changes: Partial<UserEntity> = {};
    if (before.join(',') !== roles.join(',')) changes.roles = roles.join(',');
    if (profile.name && profile.name !== user.name) changes.name = profile.name;
    if (!Object.keys(changes).length && !detail['linked']) return user;

    const now = nowIso();
    if (Object.keys(changes).length) {
      await manager
        .getRepository(UserEntity)
        .update({ id: user.id }, { ...changes, version: user.version + 1, updatedAt: now });
    }
    await this.audit.record(
      {
        actorId: user.id,
        action: 'user.update',
        objectType: 'user',
        objectId: user.id,
        result: 'success',
        origin,
        detail: {
          via: 'sso',
          ...detail,
          ...(changes.roles ? { roles: { from: before, to: roles } } : {}),
          ...(changes.name ? { name: true } : {}),
        },
      },
      manager,
    );
    return { ...user, ...changes };
  }
}

function identityRow(userId: string, issuer: string, subject: string, now: string) {
  return { id: randomUUID(), userId, issuer, subject, createdAt: now, lastSignInAt: now };
}
