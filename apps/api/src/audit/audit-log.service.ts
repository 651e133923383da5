import { Inject, Injectable } from '@nestjs/common';
import { addDays, toUtcMidnight } from '@olievlek/domain';
import {
  AUDIT_PAGE_DEFAULT,
  type AuditEventDto,
  type AuditPageDto,
  type AuditQuery,
  type AuditResult,
} from '@olievlek/shared';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { badRequest } from '../common/api-exception';
import { containsTerm } from '../common/query';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CaseEntity } from '../cases/entities/case.entity';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { UserEntity } from '../users/entities/user.entity';
import { AuditEventEntity } from './audit-event.entity';

interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  objectUserName: string | null;
  objectUnitName: string | null;
  objectCaseTeamName: string | null;
  result: string;
  origin: string | null;
  detail: string | null;
}

interface Cursor {
  at: string;
  id: string;
}

/** Milliseconds the zone is ahead of UTC at an instant (Amsterdam: 1 or 2 hours). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(
    parts['year'],
    parts['month'] - 1,
    parts['day'],
    parts['hour'],
    parts['minute'],
    parts['second'],
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which a calendar day starts in a time zone, as stored in `audit_event.at`. */
export function startOfDayIn(date: string, timeZone: string): string {
  const midnight = toUtcMidnight(date);
  let instant = midnight - zoneOffset(midnight, timeZone);
  // Near a daylight-saving change the offset at the guess can differ: correct once.
  instant = midnight - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');

function decodeCursor(value: string): Cursor {
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at ?? '')) {
    throw badRequest('VALIDATION_FAILED', 'cursor is not a cursor this API handed out.', {
      cursor: 'is not a cursor this API handed out',
    });
  }
  return { at, id };
}

/**
 * The read side of the audit trail, for admins: filter, page (newest first) and export.
 * Nothing here writes: the only writer is AuditService.record, and it only inserts.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.orgTimezone;
  }

  async page(
    filter: AuditQuery,
    limit = AUDIT_PAGE_DEFAULT,
    cursor?: string,
  ): Promise<AuditPageDto> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await this.query(filter, after)
      .limit(limit + 1)
      .getRawMany<AuditRow>();
    const events = rows.slice(0, limit).map(toDto);
    const last = events[events.length - 1];
    return {
      events,
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /** Every matching event, newest first, fetched in batches so a large export keeps memory flat. */
  async *batches(filter: AuditQuery, size = 1000): AsyncGenerator<AuditEventDto[]> {
    let after: Cursor | undefined;
    for (;;) {
      const rows = await this.query(filter, after).limit(size).getRawMany<AuditRow>();
      if (!rows.length) return;
      const events = rows.map(toDto);
      yield events;
      if (rows.length < size) return;
      const last = events[events.length - 1];
      after = { at: last.at, id: last.id };
    }
  }

  /** The actions that occur in the log, for the filter's choice list. */
  async actions(): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .select('e.action', 'action')
      .distinct(true)
      .orderBy('e.action', 'ASC')
      .getRawMany<{ action: string }>();
    return rows.map((r) => r.action);
  }

  /** What a DTO cannot check field by field. */
  assertValid(filter: AuditQuery): void {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw badRequest('VALIDATION_FAILED', 'to must be on or after from.', {
        to: 'must be on or after from',
      });
    }
  }

  private query(filter: AuditQuery, after?: Cursor): SelectQueryBuilder<AuditEventEntity> {
    this.assertValid(filter);
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .leftJoin(UserEntity, 'u', 'u.id = e.actorId')
      // The names a person reads on screen; the export keeps the ids (AUDIT_CSV_COLUMNS).
      .leftJoin(UserEntity, 'ou', "e.objectType = 'user' AND ou.id = e.objectId")
      .leftJoin(OrgUnitEntity, 'unit', "e.objectType = 'org_unit' AND unit.id = e.objectId")
      .leftJoin(CaseEntity, 'c', "e.objectType = 'case' AND c.id = e.objectId")
      .leftJoin(OrgUnitEntity, 'ct', 'ct.id = c.teamId')
      .select('e.id', 'id')
      .addSelect('e.at', 'at')
      .addSelect('e.actorId', 'actorId')
      .addSelect('u.name', 'actorName')
      .addSelect('u.email', 'actorEmail')
      .addSelect('e.action', 'action')
      .addSelect('e.objectType', 'objectType')
      .addSelect('e.objectId', 'objectId')
      .addSelect('ou.name', 'objectUserName')
      .addSelect('unit.name', 'objectUnitName')
      .addSelect('ct.name', 'objectCaseTeamName')
      .addSelect('e.result', 'result')
      .addSelect('e.origin', 'origin')
      .addSelect('e.detail', 'detail')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC');

    if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.actor) {
      const term = containsTerm(filter.actor);
      qb.andWhere(
        "(LOWER(u.name) LIKE :actorTerm ESCAPE '\\' OR LOWER(u.email) LIKE :actorTerm ESCAPE '\\')",
        { actorTerm: term },
      );
    }
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.objectType)
      qb.andWhere('e.objectType = :objectType', { objectType: filter.objectType });
    if (filter.objectId) qb.andWhere('e.objectId = :objectId', { objectId: filter.objectId });
    if (filter.result) qb.andWhere('e.result = :result', { result: filter.result });
    if (filter.from)
      qb.andWhere('e.at >= :fromAt', { fromAt: startOfDayIn(filter.from, this.timeZone) });
    if (filter.to)
      qb.andWhere('e.at < :toAt', { toAt: startOfDayIn(addDays(filter.to, 1), this.timeZone) });
    if (after) {
      qb.andWhere('(e.at < :afterAt OR (e.at = :afterAt AND e.id < :afterId))', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    return qb;
  }
}

function toDto(row: AuditRow): AuditEventDto {
  let detail: Record<string, unknown> | null = null;
  if (row.detail) {
    try {
      detail = JSON.parse(row.detail) as Record<string, unknown>;
    } catch {
      detail = { text: row.detail };
    }
  }
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    actorEmail: row.actorEmail,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    objectName: row.objectUserName ?? row.objectUnitName ?? row.objectCaseTeamName ?? null,
    result: row.result as AuditResult,
    origin: row.origin,
    detail,
  };
}
