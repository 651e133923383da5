import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/time';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType?: string;
  objectId?: string | null;
  result: 'success' | 'failure' | 'denied';
  origin?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes the audit trail. Append-only: the app has no code path that changes or deletes events. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly dataSource: DataSource) {}

  /** Record an event; pass the transaction's manager so the event commits with the change. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  /** Several events in one insert, e.g. every private note a page showed. */
  async recordMany(
    entries: readonly AuditEntry[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!entries.length) return;
    const at = nowIso();
    const rows = entries.map((entry) => ({
      id: randomUUID(),
      at,
      actorId: entry.actorId,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      result: entry.result,
      origin: entry.origin ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    }));
    try {
      // Chunks keep each statement well below the databases' limits on bound parameters.
      for (let i = 0; i < rows.length; i += 500) {
        await manager.getRepository(AuditEventEntity).insert(rows.slice(i, i + 500));
      }
    } catch (error) {
      const actions = [...new Set(entries.map((e) => e.action))].join(', ');
      this.logger.error(`Could not write audit event ${actions}`, (error as Error).stack);
      throw error;
    }
  }
}
