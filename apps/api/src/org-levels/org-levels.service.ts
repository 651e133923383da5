import { Injectable } from '@nestjs/common';
import { maxOf, OrgLevelErrorCode, orgStructure, validateOrgLevels } from '@olievlek/domain';
import type { OrgLevelsDto } from '@olievlek/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import type { PutOrgLevelsBody } from './dto/org-levels.dto';
import { OrgLevelEntity } from './entities/org-level.entity';

const MESSAGES: Record<OrgLevelErrorCode, string> = {
  ORG_LEVELS_EMPTY: 'Name at least one level below the organisation.',
  ORG_LEVELS_TOO_DEEP: 'The tree can have at most 8 levels below the organisation.',
  ORG_LEVEL_NAME_MISSING: 'Every level needs a name in Dutch and in English.',
  ORG_LEVEL_NAME_TOO_LONG: 'A level name can be at most 60 characters.',
  ORG_LEVEL_NAME_DUPLICATE: 'Two levels cannot have the same name.',
  ORG_DEPARTMENT_LEVEL_INVALID: 'Choose which of the levels is the department level.',
  ORG_LEVELS_BELOW_TREE:
    'Units sit deeper than this list of levels: keep a level for each depth in use.',
};

/** The organisation's level names (ADR 0007), checked whole by libs/domain `validateOrgLevels`. */
@Injectable()
export class OrgLevelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<OrgLevelsDto> {
    const rows = await manager.getRepository(OrgLevelEntity).find({ order: { depth: 'ASC' } });
    return {
      names: rows.map((r) => ({ nl: r.nameNl, en: r.nameEn })),
      departmentLevel: rows.find((r) => r.isDepartmentLevel)?.depth ?? 1,
      treeDepth: await this.treeDepth(manager),
    };
  }

  /** Replaces the list as a whole, or refuses it with every error: nothing is half-applied. */
  async put(user: AuthUser, body: PutOrgLevelsBody, origin: string): Promise<OrgLevelsDto> {
    return this.dataSource.transaction(async (manager) => {
      const result = validateOrgLevels(body, await this.treeDepth(manager));
      if (!result.ok) {
        const fields: Record<string, string> = {};
        for (const e of result.errors) {
          const field =
            e.depth && e.language
              ? `names.${e.depth - 1}.${e.language}`
              : e.code === 'ORG_DEPARTMENT_LEVEL_INVALID'
                ? 'departmentLevel'
                : 'names';
          fields[field] ??= e.code;
        }
        const first = result.errors[0].code;
        throw badRequest(first, MESSAGES[first], fields);
      }
      const repo = manager.getRepository(OrgLevelEntity);
      await repo.createQueryBuilder().delete().execute();
      await repo.insert(
        result.levels.names.map((name, i) => ({
          depth: i + 1,
          nameNl: name.nl,
          nameEn: name.en,
          isDepartmentLevel: i + 1 === result.levels.departmentLevel,
        })),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'org.levels.update',
          objectType: 'org_level',
          result: 'success',
          origin,
          detail: {
            levels: result.levels.names.length,
            departmentLevel: result.levels.departmentLevel,
          },
        },
        manager,
      );
      return this.get(manager);
    });
  }

  /** The deepest any unit sits below the organisation (archived units included: they keep a place). */
  private async treeDepth(manager: EntityManager): Promise<number> {
    const units = await manager
      .getRepository(OrgUnitEntity)
      .find({ select: { id: true, parentId: true } });
    return maxOf(orgStructure(units).depth.values(), 0);
  }
}
