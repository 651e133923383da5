import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Locale, MeResponse, OrgUnitRef } from '@olievlek/shared';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException, forbidden } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { UserEntity } from '../users/entities/user.entity';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { SessionService } from './session.service';

/** A hash to verify against when the account does not exist, so both cases take as long. */
let dummyHash: Promise<string> | null = null;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ token: string; me: MeResponse }> {
    if (!this.config.localPasswords) {
      await this.audit.record({
        actorId: null,
        action: 'auth.login',
        result: 'denied',
        origin: ip,
        detail: { method: 'password', reason: 'local-passwords-off' },
      });
      throw forbidden(
        'LOCAL_PASSWORDS_DISABLED',
        'Signing in with a password is switched off here: sign in with your organisation account (single sign-on).',
      );
    }
    const normalized = email.trim().toLowerCase();
    const reservation = await this.throttle.reserve(normalized, ip);
    if (!reservation) {
      await this.audit.record({
        actorId: null,
        action: 'auth.login',
        result: 'denied',
        origin: ip,
      });
      throw new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        'LOGIN_RATE_LIMITED',
        'Too many failed sign-in attempts. Wait 15 minutes and try again.',
      );
    }

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: normalized });
    const hash = user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID())));
    const passwordOk = await argon2.verify(hash, password).catch(() => false);

    if (!user || !user.active || !user.passwordHash || !passwordOk) {
      // The reservation stays: it is this failure's record.
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login',
        objectType: 'user',
        objectId: user?.id ?? null,
        result: 'failure',
        origin: ip,
      });
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'INVALID_CREDENTIALS',
        'Wrong e-mail address or password.',
      );
    }

    await this.throttle.release(reservation);
    return this.openSession(user.id, ip);
  }

  /** A new session for a user whose identity is proven (password or SSO), audited as a sign-in. */
  async openSession(
    userId: string,
    ip: string,
    detail?: Record<string, unknown>,
  ): Promise<{ token: string; me: MeResponse }> {
    const token = await this.sessions.create(userId);
    await this.audit.record({
      actorId: userId,
      action: 'auth.login',
      objectType: 'user',
      objectId: userId,
      result: 'success',
      origin: ip,
      detail,
    });
    const lookup = await this.sessions.lookup(token);
    if (!lookup || !('user' in lookup))
      throw new Error('A session just created could not be read back');
    return { token, me: await this.me(lookup.user) };
  }

  async logout(user: AuthUser | undefined, ip: string): Promise<void> {
    if (!user) return;
    await this.sessions.destroy(user.sessionTokenHash);
    await this.audit.record({
      actorId: user.id,
      action: 'auth.logout',
      objectType: 'user',
      objectId: user.id,
      result: 'success',
      origin: ip,
    });
  }

  async me(user: AuthUser): Promise<MeResponse> {
    const ids = [...user.teamIds, ...(user.scopeOrgUnitId ? [user.scopeOrgUnitId] : [])];
    const units = ids.length
      ? await this.dataSource.getRepository(OrgUnitEntity).findBy({ id: In(ids) })
      : [];
    const ref = (unit: OrgUnitEntity): OrgUnitRef => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
    });
    const byId = new Map(units.map((u) => [u.id, u]));
    const scope = user.scopeOrgUnitId ? byId.get(user.scopeOrgUnitId) : undefined;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      locale: user.locale,
      teams: user.teamIds
        .map((id) => byId.get(id))
        .filter((u): u is OrgUnitEntity => !!u)
        .map(ref)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      scope: scope && user.roles.includes('director') ? ref(scope) : null,
      timeZone: this.config.orgTimezone,
    };
  }

  async updateLocale(user: AuthUser, locale: Locale, origin?: string): Promise<MeResponse> {
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id: user.id }, { locale, updatedAt: nowIso() });
    await this.audit.record({
      actorId: user.id,
      action: 'user.preferences',
      objectType: 'user',
      objectId: user.id,
      result: 'success',
      origin,
      detail: { locale },
    });
    return this.me({ ...user, locale });
  }
}
