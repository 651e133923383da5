import { Inject, Injectable } from '@nestjs/common';
import type { Locale, Role } from '@olievlek/shared';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isoPlus, nowIso } from '../common/time';
import type { AuthUser } from './auth-user';
import { ServerSecret } from './server-secret';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from '../users/entities/user.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';

/** Touch `last_seen_at` at most this often: one write a minute per session, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionLookup = { user: AuthUser } | { expired: true } | null;

/**
 * Sessions live in the database only, so any number of API instances can serve a user.
 * The cookie carries a random token; the table stores its HMAC under the server secret.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secret: ServerSecret,
  ) {}

  hashToken(token: string): string {
    return createHmac('sha256', this.secret.value).update(token).digest('hex');
  }

  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = nowIso();
    await this.dataSource.getRepository(SessionEntity).insert({
      tokenHash: this.hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: isoPlus(now, this.config.sessionAbsoluteHours * 3_600_000),
    });
    return token;
  }

  async lookup(token: string): Promise<SessionLookup> {
    const tokenHash = this.hashToken(token);
    const sessions = this.dataSource.getRepository(SessionEntity);
    const session = await sessions.findOneBy({ tokenHash });
    if (!session) return null;

    const now = Date.now();
    const idleLimit = Date.parse(session.lastSeenAt) + this.config.sessionIdleMinutes * 60_000;
    if (now >= Date.parse(session.expiresAt) || now >= idleLimit) {
      await sessions.delete({ tokenHash });
      return { expired: true };
    }

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user || !user.active) {
      await sessions.delete({ tokenHash });
      return null;
    }
    if (now - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
      await sessions.update({ tokenHash }, { lastSeenAt: new Date(now).toISOString() });
    }
    const memberships = await this.dataSource
      .getRepository(TeamMembershipEntity)
      .findBy({ userId: user.id });
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        roles: splitRoles(user.roles),
        locale: user.locale as Locale,
        teamIds: memberships.map((m) => m.orgUnitId),
        scopeOrgUnitId: user.scopeOrgUnitId,
        sessionTokenHash: tokenHash,
      },
    };
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash });
  }

  async destroyAllFor(userId: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ userId });
  }
}

export function splitRoles(roles: string): Role[] {
  return roles.split(',').filter((r) => r !== '') as Role[];
}
