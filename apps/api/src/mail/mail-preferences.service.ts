import { Injectable } from '@nestjs/common';
import {
  MAIL_KIND_ROLE,
  MAIL_KINDS,
  MailKind,
  MailKindPreferenceDto,
  MailPreferencesDto,
  UnsubscribeDto,
} from '@olievlek/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception';
import { nowIso } from '../common/time';
import { ServerSecret } from '../auth/server-secret';
import { UserEntity } from '../users/entities/user.entity';
import { MailPreferenceEntity } from './entities/mail.entities';
import { MailSender } from './mail-sender.service';
import { readUnsubscribeToken } from './unsubscribe-token';

const invalidToken = () =>
  badRequest(
    'MAIL_TOKEN_INVALID',
    'This unsubscribe link is not valid: it may be incomplete or changed. Sign in and choose your mails under "My e-mail" instead.',
  );

/** Which mails a person gets: their own choice, and the one-click unsubscribe of every mail. */
@Injectable()
export class MailPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sender: MailSender,
    private readonly secret: ServerSecret,
  ) {}

  private applicable(user: Pick<AuthUser, 'roles'>): MailKind[] {
    return MAIL_KINDS.filter((kind) => user.roles.includes(MAIL_KIND_ROLE[kind]));
  }

  async get(user: AuthUser): Promise<MailPreferencesDto> {
    const rows = await this.dataSource
      .getRepository(MailPreferenceEntity)
      .findBy({ userId: user.id });
    const enabled = new Map(rows.map((r) => [r.kind, r.enabled]));
    return {
      mailEnabled: this.sender.enabled,
      locale: user.locale,
      kinds: this.applicable(user).map((kind) => ({ kind, enabled: enabled.get(kind) ?? true })),
    };
  }

  async update(
    user: AuthUser,
    kinds: MailKindPreferenceDto[],
    origin: string,
  ): Promise<MailPreferencesDto> {
    const applicable = this.applicable(user);
    const wrong = kinds.find((k) => !applicable.includes(k.kind));
    if (wrong) {
      throw badRequest(
        'MAIL_KIND_NOT_APPLICABLE',
        `The mail "${wrong.kind}" is not for your roles; you can choose: ${applicable.join(', ') || 'none'}.`,
        { kinds: `${wrong.kind} does not apply to you` },
      );
    }
    if (new Set(kinds.map((k) => k.kind)).size !== kinds.length) {
      throw badRequest('VALIDATION_FAILED', 'Name each mail at most once.', {
        kinds: 'each kind once',
      });
    }
    for (const { kind, enabled } of kinds) await this.save(user.id, kind, enabled);
    await this.audit.record({
      actorId: user.id,
      action: 'mail.preferences',
      objectType: 'user',
      objectId: user.id,
      result: 'success',
      origin,
      detail: Object.fromEntries(kinds.map((k) => [k.kind, k.enabled])),
    });
    return this.get(user);
  }

  /** What an unsubscribe link stands for, without changing anything (the confirm page). */
  async status(token: string): Promise<UnsubscribeDto> {
    const { userId, kind } = await this.read(token);
    const row = await this.dataSource
      .getRepository(MailPreferenceEntity)
      .findOneBy({ userId, kind });
    return { kind, subscribed: row?.enabled ?? true };
  }

  /** One click, no sign-in: the token is the proof. Unsubscribing twice changes nothing. */
  async unsubscribe(token: string, origin: string): Promise<UnsubscribeDto> {
    const { userId, kind } = await this.read(token);
    const before = await this.status(token);
    if (before.subscribed) {
      await this.save(userId, kind, false);
      await this.audit.record({
        actorId: userId,
        action: 'mail.unsubscribe',
        objectType: 'user',
        objectId: userId,
        result: 'success',
        origin,
        detail: { kind },
      });
    }
    return { kind, subscribed: false };
  }

  private async read(token: string): Promise<{ userId: string; kind: MailKind }> {
    const claim = readUnsubscribeToken(this.secret.value, token);
    if (!claim) throw invalidToken();
    const exists = await this.dataSource.getRepository(UserEntity).countBy({ id: claim.userId });
    if (!exists) throw invalidToken();
    return claim;
  }

  private async save(userId: string, kind: MailKind, enabled: boolean): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MailPreferenceEntity)
      .values({ userId, kind, enabled, updatedAt: nowIso() })
      .orUpdate(['enabled', 'updated_at'], ['user_id', 'kind'])
      .execute();
  }
}
