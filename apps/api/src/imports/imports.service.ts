import { HttpStatus, Injectable } from '@nestjs/common';
import {
  IMPORT_MAX_ROWS,
  IMPORT_XLSX_UNPACKED_MAX,
  IMPORT_PREVIEW_LIST_MAX,
  type ImportCountsDto,
  type ImportItemDto,
  type ImportItemType,
  type ImportMode,
  type ImportPreviewDto,
  type ImportResultDto,
  type Locale,
  type Role,
} from '@olievlek/shared';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SessionEntity } from '../auth/entities/session.entity';
import { CaseAmbassadorEntity, CaseEntity } from '../cases/entities/case.entity';
import { splitRoles } from '../auth/session.service';
import { ApiException, badRequest, conflict } from '../common/api-exception';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';
import { deleteWhereIn, insertMany, updateVersionedMany } from './bulk-sql';
import { detectKind, mapColumns, ORG_COLUMNS, USER_COLUMNS } from './import-columns';
import {
  readTable,
  TooManyRowsError,
  UnpackedTooLargeError,
  UnreadableFileError,
  type Table,
} from './import-table';

const tooManyRows = (count: string) =>
  new ApiException(
    HttpStatus.BAD_REQUEST,
    'IMPORT_TOO_MANY_ROWS',
    `The file has ${count} rows; at most ${IMPORT_MAX_ROWS} can be imported at once. Split it into parts.`,
  );
import {
  orgPreviewItems,
  planOrgImport,
  readOrgRows,
  type ExistingUnit,
  type OrgPlan,
} from './org-import';
import {
  planUserImport,
  readUserRows,
  UnitLookup,
  userPreviewItems,
  type ExistingUser,
  type UserPlan,
} from './user-import';

type Plan = { kind: 'organisation'; plan: OrgPlan } | { kind: 'users'; plan: UserPlan };

interface Prepared {
  table: Table;
  ignored: string[];
  plan: Plan;
  previewId: string;
  /** Unit id → its path, for the preview's labels. */
  labels: ReadonlyMap<string, string>;
}

/**
 * The preview's counts. Every data line lands in exactly one of new, changed, unchanged or
 * errors (a line with an error only there), so the four add up to the number of rows.
 */
export function importCounts(
  rows: number,
  plan: Plan,
  items: { create: ImportItemDto[]; change: ImportItemDto[]; archive: ImportItemDto[] },
): ImportCountsDto {
  const { errors } = plan.plan;
  // An error on line 1 (no organisation to import into) stops every line.
  const errorLines = errors.some((e) => e.line < 2) ? null : new Set(errors.map((e) => e.line));
  // Organisation: a line is new or changed by its team; its directorate and department are extra.
  const own = (i: ImportItemDto) => i.type === 'team' || i.type === 'user';
  const newLines = new Set(items.create.filter(own).map((i) => i.line));
  const changedLines = new Set(items.change.filter(own).map((i) => i.line));
  const lines = { new: 0, changed: 0, unchanged: 0, errors: 0 };
  for (let line = 2; line < rows + 2; line++) {
    if (!errorLines || errorLines.has(line)) lines.errors++;
    else if (newLines.has(line)) lines.new++;
    else if (changedLines.has(line)) lines.changed++;
    else lines.unchanged++;
  }
  const archiveByType: Partial<Record<ImportItemType, number>> = {};
  for (const a of items.archive) archiveByType[a.type] = (archiveByType[a.type] ?? 0) + 1;
  return {
    rows,
    lines,
    create: items.create.length,
    change: items.change.length,
    archive: items.archive.length,
    archiveByType,
    archiveWithOpenCase: items.archive.filter((a) => a.openCase).length,
    unchanged: plan.plan.unchanged,
    errors: errors.length,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Upload → preview → confirm. Nothing is kept between the two calls: the client sends the same
 * file again with the preview's id, and the id is a hash of the plan and of the organisation's
 * state (every unit's and user's version) — so "confirm" applies exactly what the admin saw, or
 * is refused with 409 when anything changed since. That also works with several instances.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async preview(data: Buffer, actor: AuthUser): Promise<ImportPreviewDto> {
    const started = performance.now();
    const table = await this.read(data);
    const prepared = await this.prepare(this.dataSource.manager, table, actor);
    const { plan } = prepared;
    const items =
      plan.kind === 'organisation'
        ? orgPreviewItems(plan.plan)
        : userPreviewItems(plan.plan, prepared.labels);
    const errors = plan.plan.errors;
    const counts = importCounts(table.rows.length, plan, items);
    const limit = <T>(list: T[]) => list.slice(0, IMPORT_PREVIEW_LIST_MAX);
    return {
      kind: plan.kind,
      format: table.format,
      delimiter: table.delimiter,
      previewId: prepared.previewId,
      canConfirm: errors.length === 0 && counts.create + counts.change > 0,
      canArchive: errors.length === 0 && counts.create + counts.change + counts.archive > 0,
      counts,
      create: limit(items.create),
      change: limit(items.change),
      archive: limit(items.archive),
      errors: limit(errors),
      ignoredColumns: prepared.ignored,
      tookMs: Math.round(performance.now() - started),
    };
  }

  /**
   * Applies the preview. `add-update` (the default) leaves what the file lacks alone; `archive`
   * archives it too, but only with `archiveCount` equal to the number the preview named — a
   * second confirmation the client asks for in words, so one click cannot archive by accident.
   */
  async confirm(
    data: Buffer,
    previewId: string,
    actor: AuthUser,
    origin: string,
    mode: ImportMode = 'add-update',
    archiveCount?: number,
  ): Promise<ImportResultDto> {
    const started = performance.now();
    const table = await this.read(data);
    return this.dataSource.transaction(async (manager) => {
      const prepared = await this.prepare(manager, table, actor);
      const { previewId: current } = prepared;
      const plan = prepared.plan;
      if (current !== previewId) {
        throw conflict(
          'IMPORT_PREVIEW_STALE',
          'The organisation or its users changed since this preview (or the file is another one). Nothing was imported: upload the file again to see a new preview.',
        );
      }
      if (plan.plan.errors.length) {
        throw conflict(
          'IMPORT_HAS_ERRORS',
          `The file has ${plan.plan.errors.length} error(s); nothing was imported. Correct the lines shown in the preview and upload the file again.`,
        );
      }
      const archives = plan.plan.archives.length;
      if (mode === 'archive' && archiveCount !== archives) {
        throw badRequest(
          'IMPORT_ARCHIVE_NOT_CONFIRMED',
          `This import archives ${archives} unit(s) or deactivates ${archives} person(s); confirm that number (archiveCount=${archives}) to apply it, or import without archiving (mode=add-update).`,
        );
      }
      if (mode === 'add-update') plan.plan.archives = [];
      const work = plan.plan.creates.length + plan.plan.changes.length + plan.plan.archives.length;
      if (work === 0) {
        throw conflict(
          'IMPORT_NOTHING_TO_DO',
          'The file matches the organisation as it is: there is nothing to import.',
        );
      }
      const now = nowIso();
      const result =
        plan.kind === 'organisation'
          ? await this.applyOrg(manager, plan.plan, actor, origin, previewId, now)
          : await this.applyUsers(manager, plan.plan, actor, origin, previewId, now);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'import.apply',
          objectType: 'import',
          objectId: previewId.slice(0, 36),
          result: 'success',
          origin,
          detail: {
            kind: plan.kind,
            mode,
            format: table.format,
            rows: table.rows.length,
            created: result.created,
            changed: result.changed,
            archived: result.archived,
          },
        },
        manager,
      );
      return {
        kind: plan.kind,
        mode,
        previewId,
        ...result,
        tookMs: Math.round(performance.now() - started),
      };
    });
  }

  private async read(data: Buffer): Promise<Table> {
    if (!Buffer.isBuffer(data) || data.length === 0) {
      throw badRequest(
        'IMPORT_FILE_UNREADABLE',
        'Send the file itself as the request body (CSV or XLSX, Content-Type: application/octet-stream).',
      );
    }
    let table: Table;
    try {
      table = await readTable(data);
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        throw badRequest('IMPORT_FILE_UNREADABLE', `The file cannot be read: ${error.message}`);
      }
      if (error instanceof UnpackedTooLargeError) {
        throw badRequest(
          'IMPORT_XLSX_TOO_LARGE_UNPACKED',
          `The XLSX file unpacks to more than ${Math.round(IMPORT_XLSX_UNPACKED_MAX / 1048576)} MB, more than an organisation needs. Save only the sheet with the organisation, or export it as CSV.`,
        );
      }
      if (error instanceof TooManyRowsError) throw tooManyRows(`more than ${IMPORT_MAX_ROWS}`);
      throw error;
    }
    if (table.rows.length > IMPORT_MAX_ROWS) throw tooManyRows(String(table.rows.length));
    return table;
  }

  private async prepare(manager: EntityManager, table: Table, actor: AuthUser): Promise<Prepared> {
    const kind = detectKind(table);
    if (kind === null) {
      throw badRequest(
        'IMPORT_UNKNOWN_COLUMNS',
        `Line 1 must name the columns. For the organisation: directie; afdeling; team; medewerkers (optional: code). For users: naam; e-mail; rol; team (optional: bereik, taal). Found: ${table.header.cells.filter((c) => c.trim()).join(', ') || 'nothing'}.`,
      );
    }
    const units = await this.loadUnits(manager);
    const open = await this.openCases(manager);
    const labels = new UnitLookup(units).labels;
    let plan: Plan;
    let ignored: string[];
    let state = units.map((u) => `${u.id}:${u.version}`).join(',');
    if (kind === 'organisation') {
      const columns = mapColumns(table, ORG_COLUMNS);
      ignored = [...columns.ignored, ...columns.duplicates];
      const read = readOrgRows(table.rows, columns);
      const orgPlan = planOrgImport(units, read.rows, read.errors, read.codeColumn);
      for (const a of orgPlan.archives) a.openCase = open.teamIds.has(a.id);
      plan = { kind, plan: orgPlan };
    } else {
      const columns = mapColumns(table, USER_COLUMNS);
      ignored = [...columns.ignored, ...columns.duplicates];
      const users = await this.loadUsers(manager);
      state += `|${users.map((u) => `${u.id}:${u.version}`).join(',')}`;
      const read = readUserRows(table.rows, columns, units);
      const userPlan = planUserImport(users, read.rows, actor.id, labels, read.errors);
      for (const a of userPlan.archives) a.openCase = open.ambassadorIds.has(a.id);
      plan = { kind, plan: userPlan };
    }
    const previewId = sha256(`${kind}\n${sha256(state)}\n${JSON.stringify(plan.plan)}`);
    return { table, ignored, plan, previewId, labels };
  }

  /** Teams with an open case, and the people who are ambassador of one. */
  private async openCases(manager: EntityManager) {
    const cases = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.teamId'])
      .where('c.status = :open', { open: 'open' })
      .getMany();
    const ambassadors = await manager
      .getRepository(CaseAmbassadorEntity)
      .createQueryBuilder('a')
      .innerJoin(CaseEntity, 'c', 'c.id = a.caseId')
      .select(['a.userId'])
      .where('c.status = :open', { open: 'open' })
      .getMany();
    return {
      teamIds: new Set(cases.map((c) => c.teamId)),
      ambassadorIds: new Set(ambassadors.map((a) => a.userId)),
    };
  }

  private async loadUnits(manager: EntityManager): Promise<ExistingUnit[]> {
    const rows = await manager
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .select([
        'u.id',
        'u.parentId',
        'u.kind',
        'u.name',
        'u.headcount',
        'u.code',
        'u.archivedAt',
        'u.version',
      ])
      .orderBy('u.id')
      .getMany();
    return rows.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      kind: u.kind,
      name: u.name,
      headcount: u.headcount,
      code: u.code ?? null,
      archivedAt: u.archivedAt,
      version: u.version,
    }));
  }

  private async loadUsers(manager: EntityManager): Promise<ExistingUser[]> {
    // One after the other: inside a transaction both share one connection.
    const users = await manager.getRepository(UserEntity).find({ order: { id: 'ASC' } });
    const memberships = await manager.getRepository(TeamMembershipEntity).find();
    const teams = new Map<string, string[]>();
    for (const m of memberships) {
      const list = teams.get(m.userId);
      if (list) list.push(m.orgUnitId);
      else teams.set(m.userId, [m.orgUnitId]);
    }
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      roles: splitRoles(u.roles),
      locale: u.locale as Locale,
      scopeOrgUnitId: u.scopeOrgUnitId,
      teamIds: teams.get(u.id) ?? [],
      active: u.active,
      anonymisedAt: u.anonymisedAt,
      version: u.version,
    }));
  }

  private stale(): ApiException {
    return conflict(
      'IMPORT_PREVIEW_STALE',
      'Someone changed the organisation while the import ran. Nothing was imported: upload the file again to see a new preview.',
    );
  }

  private async applyOrg(
    manager: EntityManager,
    plan: OrgPlan,
    actor: AuthUser,
    origin: string,
    previewId: string,
    now: string,
  ) {
    const ids = new Map<string, string>();
    const idOf = (ref: string) => ids.get(ref) ?? ref;
    const created: OrgUnitEntity[] = plan.creates.map((c) => {
      const id = randomUUID();
      ids.set(c.ref, id);
      return {
        id,
        parentId: idOf(c.parent),
        kind: c.kind,
        name: c.name,
        headcount: c.kind === 'team' ? c.headcount : null,
        code: c.code,
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
    });
    await insertMany(manager, OrgUnitEntity, created);
    const changed = await updateVersionedMany(
      manager,
      'org_unit',
      [
        ['name', null],
        ['parent_id', null],
        ['headcount', 'integer'],
        ['code', null],
        ['archived_at', null],
      ],
      plan.changes.map((c) => ({
        id: c.id,
        version: c.version,
        values: [c.target.name, idOf(c.target.parent), c.target.headcount, c.target.code, null],
      })),
      now,
    );
    if (changed !== plan.changes.length) throw this.stale();
    const archived = await updateVersionedMany(
      manager,
      'org_unit',
      [['archived_at', null]],
      plan.archives.map((a) => ({ id: a.id, version: a.version, values: [now] })),
      now,
    );
    if (archived !== plan.archives.length) throw this.stale();

    const event = (
      action: string,
      objectId: string,
      detail: Record<string, unknown>,
    ): AuditEntry => ({
      actorId: actor.id,
      action,
      objectType: 'org_unit',
      objectId,
      result: 'success',
      origin,
      detail: { ...detail, import: previewId.slice(0, 12) },
    });
    await this.audit.recordMany(
      [
        ...created.map((u) => event('org_unit.create', u.id, { name: u.name, kind: u.kind })),
        ...plan.changes.map((c) =>
          event('org_unit.update', c.id, { fields: c.changes.map((f) => f.field) }),
        ),
        ...plan.archives.map((a) => event('org_unit.archive', a.id, {})),
      ],
      manager,
    );
    return { created: created.length, changed, archived };
  }

  private async applyUsers(
    manager: EntityManager,
    plan: UserPlan,
    actor: AuthUser,
    origin: string,
    previewId: string,
    now: string,
  ) {
    const created: UserEntity[] = plan.creates.map((c) => ({
      id: randomUUID(),
      email: c.email,
      name: c.name,
      // No password: the person signs in with single sign-on, or an admin sets one.
      passwordHash: null,
      roles: c.roles.join(','),
      locale: c.locale,
      scopeOrgUnitId: c.scopeOrgUnitId,
      active: true,
      anonymisedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    await insertMany(manager, UserEntity, created);
    const changed = await updateVersionedMany(
      manager,
      'app_user',
      [
        ['name', null],
        ['roles', null],
        ['locale', null],
        ['scope_org_unit_id', null],
        ['active', 'boolean'],
      ],
      plan.changes.map((c) => ({
        id: c.id,
        version: c.version,
        values: [
          c.target.name,
          c.target.roles.join(','),
          c.target.locale,
          c.target.scopeOrgUnitId,
          true,
        ],
      })),
      now,
    );
    if (changed !== plan.changes.length) throw this.stale();
    const archived = await updateVersionedMany(
      manager,
      'app_user',
      [['active', 'boolean']],
      plan.archives.map((a) => ({ id: a.id, version: a.version, values: [false] })),
      now,
    );
    if (archived !== plan.archives.length) throw this.stale();

    const teamChanges = plan.changes.filter((c) => c.changes.some((f) => f.field === 'teams'));
    await deleteWhereIn(
      manager,
      'team_membership',
      'user_id',
      teamChanges.map((c) => c.id),
    );
    const memberships: TeamMembershipEntity[] = [
      ...created.flatMap((u, i) =>
        plan.creates[i].teamIds.map((orgUnitId) => ({ userId: u.id, orgUnitId })),
      ),
      ...teamChanges.flatMap((c) =>
        c.target.teamIds.map((orgUnitId) => ({ userId: c.id, orgUnitId })),
      ),
    ];
    await insertMany(manager, TeamMembershipEntity, memberships);
    // New rights apply at once: end the sessions of people whose roles changed or who left.
    const ended = [
      ...plan.changes.filter((c) => c.rightsChanged).map((c) => c.id),
      ...plan.archives.map((a) => a.id),
    ].filter((id) => id !== actor.id);
    await deleteWhereIn(
      manager,
      manager.getRepository(SessionEntity).metadata.tableName,
      'user_id',
      ended,
    );

    const event = (
      action: string,
      objectId: string,
      detail: Record<string, unknown>,
    ): AuditEntry => ({
      actorId: actor.id,
      action,
      objectType: 'user',
      objectId,
      result: 'success',
      origin,
      detail: { ...detail, import: previewId.slice(0, 12) },
    });
    await this.audit.recordMany(
      [
        ...created.map((u) => event('user.create', u.id, { roles: u.roles.split(',') as Role[] })),
        ...plan.changes.map((c) =>
          event('user.update', c.id, { fields: c.changes.map((f) => f.field) }),
        ),
        ...plan.archives.map((a) => event('user.update', a.id, { fields: ['active'] })),
      ],
      manager,
    );
    return { created: created.length, changed, archived };
  }
}
