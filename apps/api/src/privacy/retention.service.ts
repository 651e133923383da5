import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { addDays } from '@olievlek/domain';
import type { RetentionRunDto } from '@olievlek/shared';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LoginFailureEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import {
  CaseEntity,
  IntakeEntity,
  IntakeRevisionEntity,
  ObservationEntity,
} from '../cases/entities/case.entity';
import { CaseViewService } from '../cases/case-view.service';
import { isoMinus, nowIso } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';

/** Failed sign-ins only serve the 15-minute login limit; a day is ample. */
const LOGIN_FAILURE_RETENTION_MS = 24 * 3_600_000;
/** Keeps every IN (…) list well below the databases' limits on bound parameters. */
const CHUNK = 500;

const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/**
 * The retention job (AVG storage limitation, docs/privacy.md). Private notes — the intake's
 * situation, in the intake and in its earlier versions, and observations — of cases closed more
 * than NOTE_RETENTION_DAYS ago are removed; the case, its agreements, check-offs, status changes
 * and therefore every figure stay. It also clears expired sessions and old failed sign-ins.
 *
 * Safe with several API instances running the same job at the same moment: every statement is
 * idempotent (a DELETE of rows already gone deletes nothing; each UPDATE only matches rows that
 * still hold the text it removes), so a second run changes nothing and reports zero — no lock
 * or leader election is needed, and a run that dies half-way is completed by the next one.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');
  /** Runs in this process one after the other (the schedule and an admin may ask at once). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly view: CaseViewService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Daily at 03:15 server time; `unrefTimeout` so the timer never keeps the process alive. */
  @Cron('0 15 3 * * *', { name: 'retention-purge', unrefTimeout: true, waitForCompletion: true })
  async scheduledPurge(): Promise<void> {
    try {
      const result = await this.purge(null, null);
      this.logger.log(`Retention purge: ${JSON.stringify(result)}`);
    } catch (error) {
      // A failed run is retried by tomorrow's; it must not take the API down.
      this.logger.error('Retention purge failed', (error as Error).stack);
    }
  }

  /** Runs the purge now. `actorId` is the admin who asked, or null for the schedule. */
  purge(actorId: string | null, origin: string | null): Promise<RetentionRunDto> {
    const run = this.queue.then(() => this.purgeOnce(actorId, origin));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async purgeOnce(actorId: string | null, origin: string | null): Promise<RetentionRunDto> {
    const retentionDays = this.config.noteRetentionDays;
    const closedBefore = addDays(this.view.today(), -retentionDays);
    const cases = await this.dataSource.getRepository(CaseEntity).find({
      where: { status: 'closed', closedOn: LessThan(closedBefore) },
      select: { id: true },
    });
    const result: RetentionRunDto = {
      retentionDays,
      closedBefore,
      cases: cases.length,
      observationsDeleted: 0,
      intakeSituationsCleared: 0,
      intakeRevisionsCleared: 0,
      expiredSessionsDeleted: 0,
      loginFailuresDeleted: 0,
    };

    for (const ids of chunks(cases.map((c) => c.id))) {
      await this.dataSource.transaction(async (manager) => {
        const deleted = await manager.getRepository(ObservationEntity).delete({ caseId: In(ids) });
        result.observationsDeleted += deleted.affected ?? 0;

        const cleared = await manager
          .createQueryBuilder()
          .update(IntakeEntity)
          .set({ situation: '' })
          .where('case_id IN (:...ids) AND situation <> :empty', { ids, empty: '' })
          .execute();
        result.intakeSituationsCleared += cleared.affected ?? 0;

        const revisions = await manager
          .getRepository(IntakeRevisionEntity)
          .createQueryBuilder('r')
          .innerJoin(IntakeEntity, 'i', 'i.id = r.intake_id')
          .where('i.case_id IN (:...ids)', { ids })
          .select(['r.id', 'r.snapshot'])
          .getMany();
        for (const revision of revisions) {
          const snapshot = JSON.parse(revision.snapshot) as Record<string, unknown>;
          if (!snapshot['situation']) continue;
          // Compare-and-set on the old text: a concurrent run that got here first wins, once.
          const updated = await manager
            .createQueryBuilder()
            .update(IntakeRevisionEntity)
            .set({ snapshot: JSON.stringify({ ...snapshot, situation: '' }) })
            .where('id = :id AND snapshot = :old', { id: revision.id, old: revision.snapshot })
            .execute();
          result.intakeRevisionsCleared += updated.affected ?? 0;
        }
      });
    }

    const now = nowIso();
    // Past their absolute or idle limit: the guard would refuse them anyway.
    const sessions = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(SessionEntity)
      .where('expires_at < :now OR last_seen_at < :idle', {
        now,
        idle: isoMinus(now, this.config.sessionIdleMinutes * 60_000),
      })
      .execute();
    result.expiredSessionsDeleted = sessions.affected ?? 0;
    const failures = await this.dataSource
      .getRepository(LoginFailureEntity)
      .delete({ at: LessThan(isoMinus(now, LOGIN_FAILURE_RETENTION_MS)) });
    result.loginFailuresDeleted = failures.affected ?? 0;

    await this.audit.record({
      actorId,
      action: 'retention.purge',
      result: 'success',
      origin,
      detail: { ...result },
    });
    return result;
  }
}
