import { Injectable } from '@nestjs/common';
import { updateVersioned } from '../common/versioned';
import { childKindOf, parentKindOf, subtreeIds } from '@olievlek/domain';
import type { OrgUnitDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, notFound } from '../common/api-exception';
import { nameKey } from '../common/names';
import { nowIso } from '../common/time';
import type { ArchiveOrgUnitDto, CreateOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { CaseEntity } from '../cases/entities/case.entity';
import { OrgUnitEntity } from './entities/org-unit.entity';

export function toOrgUnitDto(unit: OrgUnitEntity): OrgUnitDto {
  return {
    id: unit.id,
    parentId: unit.parentId,
    kind: unit.kind,
    name: unit.name,
    headcount: unit.headcount,
    archivedAt: unit.archivedAt,
    version: unit.version,
  };
}

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(includeArchived: boolean): Promise<OrgUnitDto[]> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      order: { name: 'ASC' },
    });
    return units.map(toOrgUnitDto);
  }

  async get(id: string): Promise<OrgUnitDto> {
    return toOrgUnitDto(await this.find(this.dataSource.manager, id));
  }

  /** The ids of a unit and everything below it (for scope checks). */
  async subtree(rootId: string): Promise<Set<string>> {
    const units = await this.dataSource
      .getRepository(OrgUnitEntity)
      .find({ select: { id: true, parentId: true } });
    return subtreeIds(units, rootId);
  }

  async create(dto: CreateOrgUnitDto, actor: AuthUser, origin: string): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (manager) => {
      const parent = await manager.getRepository(OrgUnitEntity).findOneBy({ id: dto.parentId });
      if (!parent) {
        throw badRequest('ORG_UNIT_INVALID_PARENT', 'The chosen parent unit does not exist.', {
          parentId: 'unknown unit',
        });
      }
      if (parent.archivedAt) {
        throw badRequest(
          'ORG_UNIT_ARCHIVED',
          `"${parent.name}" is archived; restore it before adding units to it.`,
          {
            parentId: 'archived unit',
          },
        );
      }
      const kind = childKindOf(parent.kind);
      if (!kind) {
        throw badRequest('ORG_UNIT_INVALID_PARENT', 'A team cannot have units below it.', {
          parentId: 'a team cannot be a parent',
        });
      }
      this.assertHeadcountAllowed(kind, dto.headcount);
      await this.assertNameFree(manager, parent.id, dto.name, null);
      const now = nowIso();
      const unit: OrgUnitEntity = {
        id: randomUUID(),
        parentId: parent.id,
        kind,
        name: dto.name,
        headcount: kind === 'team' ? (dto.headcount ?? null) : null,
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await manager.getRepository(OrgUnitEntity).insert(unit);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'org_unit.create',
          objectType: 'org_unit',
          objectId: unit.id,
          result: 'success',
          origin,
          detail: { name: unit.name, kind },
        },
        manager,
      );
      return toOrgUnitDto(unit);
    });
  }

  async update(
    id: string,
    dto: UpdateOrgUnitDto,
    actor: AuthUser,
    origin: string,
  ): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.find(manager, id);
      if (unit.archivedAt) {
        throw conflict(
          'ORG_UNIT_ARCHIVED',
          `"${unit.name}" is archived; restore it before changing it.`,
        );
      }
      const changes: Partial<OrgUnitEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.headcount !== undefined) {
        this.assertHeadcountAllowed(unit.kind, dto.headcount);
        changes.headcount = dto.headcount;
      }
      if (dto.parentId !== undefined && dto.parentId !== unit.parentId) {
        const expected = parentKindOf(unit.kind);
        if (!expected) {
          throw badRequest('ORG_UNIT_ROOT_IMMUTABLE', 'The organisation itself cannot be moved.', {
            parentId: 'the root cannot move',
          });
        }
        const parent = await manager.getRepository(OrgUnitEntity).findOneBy({ id: dto.parentId });
        if (!parent || parent.kind !== expected) {
          throw badRequest(
            'ORG_UNIT_INVALID_PARENT',
            `A ${unit.kind} can only be moved under a ${expected}.`,
            {
              parentId: `must be an existing ${expected}`,
            },
          );
        }
        if (parent.archivedAt) {
          throw badRequest(
            'ORG_UNIT_ARCHIVED',
            `"${parent.name}" is archived; choose an active ${expected}.`,
            {
              parentId: 'archived unit',
            },
          );
        }
        changes.parentId = parent.id;
      }
      if ((changes.name !== undefined || changes.parentId !== undefined) && unit.parentId) {
        await this.assertNameFree(
          manager,
          changes.parentId ?? unit.parentId,
          changes.name ?? unit.name,
          unit.id,
        );
      }
      const updated = await this.saveVersioned(manager, unit, dto.version, changes);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'org_unit.update',
          objectType: 'org_unit',
          objectId: id,
          result: 'success',
          origin,
          detail: { ...changes },
        },
        manager,
      );
      return toOrgUnitDto(updated);
    });
  }

  async archive(
    id: string,
    dto: ArchiveOrgUnitDto,
    actor: AuthUser,
    origin: string,
  ): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.find(manager, id);
      if (unit.parentId === null) {
        throw conflict('ORG_UNIT_ROOT_IMMUTABLE', 'The organisation itself cannot be archived.');
      }
      if (unit.archivedAt) return toOrgUnitDto(unit);
      const activeChildren = await manager
        .getRepository(OrgUnitEntity)
        .countBy({ parentId: id, archivedAt: IsNull() });
      if (activeChildren > 0) {
        throw conflict(
          'ORG_UNIT_HAS_ACTIVE_CHILDREN',
          `"${unit.name}" still has ${activeChildren} active unit(s) below it; archive or move those first.`,
        );
      }
      if (!dto.confirmOpenCase) {
        const openCases = await manager
          .getRepository(CaseEntity)
          .countBy({ teamId: id, status: 'open' });
        if (openCases > 0) {
          throw conflict(
            'ORG_UNIT_HAS_OPEN_CASE',
            `"${unit.name}" has an open case. Archive it anyway (confirmOpenCase: true) and the case stays open, marked "team archived" for its ambassadors.`,
          );
        }
      }
      const updated = await this.saveVersioned(manager, unit, dto.version, {
        archivedAt: nowIso(),
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'org_unit.archive',
          objectType: 'org_unit',
          objectId: id,
          result: 'success',
          origin,
        },
        manager,
      );
      return toOrgUnitDto(updated);
    });
  }

  /**
   * Names of active siblings are unique (NFC, without case or extra spaces; common/names.ts): two
   * units that read the same under one parent cannot be told apart on the map, in a list or in the
   * import. An archived unit keeps its name; restoring it beside a namesake is refused.
   */
  private async assertNameFree(
    manager: EntityManager,
    parentId: string,
    name: string,
    self: string | null,
  ): Promise<void> {
    const siblings = await manager
      .getRepository(OrgUnitEntity)
      .find({ select: { id: true, name: true }, where: { parentId, archivedAt: IsNull() } });
    const key = nameKey(name);
    const same = siblings.find((s) => s.id !== self && nameKey(s.name) === key);
    if (same) {
      throw conflict(
        'ORG_UNIT_NAME_TAKEN',
        `A unit under the same parent is already called "${same.name}". Choose another name.`,
      );
    }
  }

  async restore(
    id: string,
    dto: ArchiveOrgUnitDto,
    actor: AuthUser,
    origin: string,
  ): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.find(manager, id);
      if (!unit.archivedAt) return toOrgUnitDto(unit);
      const parent = unit.parentId
        ? await manager.getRepository(OrgUnitEntity).findOneBy({ id: unit.parentId })
        : null;
      if (parent?.archivedAt) {
        throw conflict('ORG_UNIT_ARCHIVED', `"${parent.name}" is archived too; restore it first.`);
      }
      if (unit.parentId) await this.assertNameFree(manager, unit.parentId, unit.name, unit.id);
      const updated = await this.saveVersioned(manager, unit, dto.version, { archivedAt: null });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'org_unit.restore',
          objectType: 'org_unit',
          objectId: id,
          result: 'success',
          origin,
        },
        manager,
      );
      return toOrgUnitDto(updated);
    });
  }

  private async find(manager: EntityManager, id: string): Promise<OrgUnitEntity> {
    const unit = await manager.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!unit) throw notFound('ORG_UNIT_NOT_FOUND', 'This organisation unit does not exist.');
    return unit;
  }

  private assertHeadcountAllowed(kind: string, headcount: number | null | undefined): void {
    if (kind !== 'team' && headcount !== undefined && headcount !== null) {
      throw badRequest('HEADCOUNT_ONLY_ON_TEAMS', 'Only teams have a headcount.', {
        headcount: 'only teams have a headcount',
      });
    }
  }

  /** Compare-and-set on `version`: a stale version changes nothing and gets 409. */
  private async saveVersioned(
    manager: EntityManager,
    unit: OrgUnitEntity,
    expectedVersion: number,
    changes: Partial<OrgUnitEntity>,
  ): Promise<OrgUnitEntity> {
    const stamp = await updateVersioned(
      manager,
      OrgUnitEntity,
      unit.id,
      expectedVersion,
      changes,
      () =>
        conflict(
          'ORG_UNIT_VERSION_CONFLICT',
          `Someone else changed "${unit.name}" in the meantime. Reload to see the latest version, then try again.`,
        ),
    );
    return { ...unit, ...changes, ...stamp };
  }
}
