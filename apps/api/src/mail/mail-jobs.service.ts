import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { addDays, isoWeekKey, LocalDate } from '@olievlek/domain';
import {
  Locale,
  MAIL_KIND_ROLE,
  MAIL_KINDS,
  MAIL_PAGES,
  MAIL_ROUTES,
  MailKind,
  MailRunDto,
  Role,
} from '@olievlek/shared';
import { CronJob } from 'cron';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, In, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../audit/audit.service';
import { isoMinus, nowIso } from '../common/time';
import { ServerSecret } from '../auth/server-secret';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';
import { MailDeliveryEntity, MailPreferenceEntity, MailRunEntity } from './entities/mail.entities';
import { MailContentService, Recipient } from './mail-content.service';
import { MailSender, SmtpUnavailableError } from './mail-sender.service';
import { renderMail } from './mail-templates';
import { unsubscribeToken } from './unsubscribe-token';

/** A `sending` claim older than this belongs to an instance that died mid-send: taken over. */
const LEASE_MS = 10 * 60_000;
/** A mail the server keeps refusing (e.g. an unknown address) is given up after this many tries. */
const MAX_ATTEMPTS = 20;

/**
 * The mail jobs: a weekly reminder to team members, a weekly digest to ambassadors and a monthly
 * summary to directors, each on its own cron schedule in ORG_TIMEZONE.
 *
 * Each mail goes out once across any number of instances: before sending, an instance claims
 * the (kind, period, recipient) row — the primary key lets exactly one INSERT succeed. The trade-
 * off is at-least-once for the one mail an instance may have in flight when it dies: its claim
 * stays `sending`, and after LEASE_MS another run takes it over and sends it again, because the
 * SMTP server may or may not have accepted it. Every other mail is sent exactly once. A mail
 * the SMTP server did not take (server down) is marked `failed` and sent by the next run: the
 * retry job resumes every unfinished run of the current period (MAIL_RETRY_CRON).
 */
@Injectable()
export class MailJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  /** Names this process in `claimed_by`, with a counter per claim (at most 64 characters). */
  private readonly instance = `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private claims = 0;
  private readonly jobs: CronJob[] = [];
  /** Runs in this process one after the other (the schedules and an admin may ask at once). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly content: MailContentService,
    private readonly sender: MailSender,
    private readonly audit: AuditService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secret: ServerSecret,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sender.enabled) {
      this.sender.logOff();
      return;
    }
    const { schedules } = this.config.mail;
    const plan: Array<[string, string, () => Promise<unknown>]> = [
      ['mail-team-reminder', schedules.teamReminder, () => this.run('team-reminder', null)],
      [
        'mail-ambassador-digest',
        schedules.ambassadorDigest,
        () => this.run('ambassador-digest', null),
      ],
      [
        'mail-director-summary',
        schedules.directorSummary,
        () => this.run('director-summary', null),
      ],
      ['mail-retry', schedules.retry, () => this.resume()],
    ];
    for (const [name, expression, task] of plan) {
      const job = CronJob.from({
        cronTime: expression,
        timeZone: this.config.orgTimezone,
        start: true,
        unrefTimeout: true,
        waitForCompletion: true,
        onTick: async () => {
          try {
            await task();
          } catch (error) {
            // A failed run is resumed by the retry job; it must not take the API down.
            this.logger.error(`${name} failed`, (error as Error).stack);
          }
        },
      });
      this.scheduler.addCronJob(name, job);
      this.jobs.push(job);
    }
    this.logger.log(
      `Mail is on: team reminder "${schedules.teamReminder}", ambassador digest "${schedules.ambassadorDigest}", ` +
        `director summary "${schedules.directorSummary}", retry "${schedules.retry}" (${this.config.orgTimezone}).`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const job of this.jobs) await job.stop();
    // Let a run in progress finish its current mail rather than leave a claim behind.
    await this.queue;
  }

  /** The ISO week of the weekly mails; the month a director's summary is about (last month). */
  period(kind: MailKind, today: LocalDate): string {
    if (kind === 'director-summary') return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    return isoWeekKey(today);
  }

  /** Runs one mail job for the current period now. `actorId`: the admin who asked, or null. */
  run(kind: MailKind, actorId: string | null, origin: string | null = null): Promise<MailRunDto> {
    const run = this.queue.then(() => this.runOnce(kind, actorId, origin));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The retry job: every run of the current period that has not finished, run again. */
  async resume(): Promise<void> {
    const today = this.content.today();
    const open = await this.dataSource
      .getRepository(MailRunEntity)
      .findBy({ completedAt: IsNull() });
    for (const kind of MAIL_KINDS) {
      if (open.some((r) => r.kind === kind && r.period === this.period(kind, today))) {
        await this.run(kind, null);
      }
    }
  }

  private async runOnce(
    kind: MailKind,
    actorId: string | null,
    origin: string | null,
  ): Promise<MailRunDto> {
    const period = this.period(kind, this.content.today());
    const result: MailRunDto = {
      kind,
      period,
      recipients: 0,
      sent: 0,
      alreadySent: 0,
      nothingToSend: 0,
      failed: 0,
    };
    if (!this.sender.enabled) return result;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MailRunEntity)
      .values({ kind, period, startedAt: nowIso(), completedAt: null })
      .orIgnore()
      .execute();

    const recipients = await this.recipients(kind);
    result.recipients = recipients.length;
    let smtpDown: string | null = null;
    for (const recipient of recipients) {
      if (smtpDown) break;
      const claim = await this.claim(kind, period, recipient.id);
      if (!claim) {
        result.alreadySent++;
        continue;
      }
      try {
        const outcome = await this.deliver(kind, period, recipient, claim);
        if (outcome === 'sent') result.sent++;
        else result.nothingToSend++;
      } catch (error) {
        result.failed++;
        const message = (error as Error).message.slice(0, 500);
        if (error instanceof SmtpUnavailableError) {
          // Not the mail's fault: the try does not count towards MAX_ATTEMPTS.
          await this.settle(claim, {
            status: 'failed',
            lastError: message,
            attempts: () => 'attempts - 1',
          });
          smtpDown = message;
        } else {
          await this.settle(claim, { status: 'failed', lastError: message });
          this.logger.warn(`${kind} ${period} to user ${recipient.id} was refused: ${message}`);
        }
      }
    }
    if (smtpDown) {
      this.logger.warn(
        `The SMTP server is not reachable (${smtpDown}): the ${kind} mails of ${period} that are not ` +
          'sent yet wait for the next run.',
      );
    }

    const unfinished = await this.dataSource.getRepository(MailDeliveryEntity).countBy({
      kind,
      period,
      status: In(['failed', 'sending']),
    });
    if (!smtpDown && unfinished === 0) {
      await this.dataSource
        .getRepository(MailRunEntity)
        .update({ kind, period, completedAt: IsNull() }, { completedAt: nowIso() });
    }
    if (result.sent || result.failed || actorId) {
      await this.audit.record({
        actorId,
        action: 'mail.run',
        result: result.failed ? 'failure' : 'success',
        origin,
        detail: { ...result },
      });
    }
    return result;
  }

  /** Builds, renders and sends one mail, then marks its row. */
  private async deliver(
    kind: MailKind,
    period: string,
    recipient: Recipient,
    claim: string,
  ): Promise<'sent' | 'nothing'> {
    const content = await this.content.build(kind, recipient, period);
    if (!content) {
      await this.settle(claim, { status: 'skipped', lastError: null });
      return 'nothing';
    }
    const token = unsubscribeToken(this.secret.value, recipient.id, kind);
    const base = this.config.publicUrl;
    const mail = renderMail(content, {
      locale: recipient.locale,
      name: recipient.name,
      unsubscribeLink: `${base}${MAIL_PAGES.unsubscribe}?token=${encodeURIComponent(token)}`,
      settingsLink: `${base}${MAIL_PAGES.settings}`,
    });
    const messageId = await this.sender.send({
      ...mail,
      kind,
      to: { name: recipient.name, address: recipient.email },
      unsubscribeUrl: `${base}${MAIL_ROUTES.unsubscribe(token)}`,
    });
    await this.settle(claim, {
      status: 'sent',
      sentAt: nowIso(),
      messageId: messageId.slice(0, 255),
      lastError: null,
    });
    return 'sent';
  }

  /**
   * Claims one mail for this instance: the first INSERT of its row wins; a row that failed, or
   * that a dead instance left `sending` past the lease, is taken over by a compare-and-set.
   * Returns the claim's own id (kept in `claimed_by`), or null when someone else holds the mail.
   */
  private async claim(kind: MailKind, period: string, userId: string): Promise<string | null> {
    const claim = `${this.instance}#${++this.claims}`;
    const now = nowIso();
    // INSERT … ON CONFLICT DO NOTHING / INSERT OR IGNORE: losing the race is not an error.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MailDeliveryEntity)
      .values({
        kind,
        period,
        userId,
        status: 'sending',
        attempts: 1,
        claimedBy: claim,
        claimedAt: now,
        sentAt: null,
        messageId: null,
        lastError: null,
      })
      .orIgnore()
      .execute();
    const taken = await this.dataSource
      .createQueryBuilder()
      .update(MailDeliveryEntity)
      .set({ status: 'sending', claimedBy: claim, claimedAt: now, attempts: () => 'attempts + 1' })
      .where('kind = :kind AND period = :period AND user_id = :userId', { kind, period, userId })
      .andWhere(
        "((status = 'failed' AND attempts < :max) OR (status = 'sending' AND claimed_at < :lease))",
        { max: MAX_ATTEMPTS, lease: isoMinus(now, LEASE_MS) },
      )
      .execute();
    if ((taken.affected ?? 0) === 1) return claim;
    const row = await this.dataSource
      .getRepository(MailDeliveryEntity)
      .findOne({ where: { kind, period, userId }, select: { claimedBy: true } });
    return row?.claimedBy === claim ? claim : null;
  }

  private async settle(
    claim: string,
    changes: QueryDeepPartialEntity<MailDeliveryEntity>,
  ): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(MailDeliveryEntity)
      .set(changes)
      .where('claimed_by = :claim', { claim })
      .execute();
  }

  /** Active people with the kind's role who have not switched it off. */
  private async recipients(kind: MailKind): Promise<Recipient[]> {
    const role = MAIL_KIND_ROLE[kind];
    const users = (
      await this.dataSource.getRepository(UserEntity).find({
        where: { active: true, anonymisedAt: IsNull() },
        select: {
          id: true,
          email: true,
          name: true,
          roles: true,
          locale: true,
          scopeOrgUnitId: true,
        },
        order: { email: 'ASC' },
      })
    ).filter((u) => u.roles.split(',').includes(role));
    if (!users.length) return [];
    // Whole-table reads of two small tables rather than an IN list that could outgrow the
    // databases' limit on bound parameters in a large organisation.
    const off = new Set(
      (
        await this.dataSource
          .getRepository(MailPreferenceEntity)
          .find({ where: { kind, enabled: false }, select: { userId: true } })
      ).map((p) => p.userId),
    );
    const teamsOf = new Map<string, string[]>();
    if (kind === 'team-reminder') {
      for (const m of await this.dataSource.getRepository(TeamMembershipEntity).find()) {
        const list = teamsOf.get(m.userId);
        if (list) list.push(m.orgUnitId);
        else teamsOf.set(m.userId, [m.orgUnitId]);
      }
    }
    return users
      .filter((u) => !off.has(u.id))
      .map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        roles: u.roles.split(',') as Role[],
        locale: (u.locale === 'en' ? 'en' : 'nl') as Locale,
        teamIds: teamsOf.get(u.id) ?? [],
        scopeOrgUnitId: u.scopeOrgUnitId,
      }));
  }
}
