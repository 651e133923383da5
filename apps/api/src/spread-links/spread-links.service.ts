import { Injectable } from '@nestjs/common';
import { buildOrgIndex, departmentKey, directorateKey, OrgIndex } from '@olievlek/domain';
import type { SpreadLinkDto, UnitRefDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TeamTimelineService } from '../olievlek/team-timeline.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseViewService } from '../cases/case-view.service';
import { CaseAmbassadorEntity, CaseEntity } from '../cases/entities/case.entity';
import { PracticeEntity } from '../catalogue/entities/practice.entity';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception';
import { nowIso } from '../common/time';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import type { CreateSpreadLinkDto } from './dto/spread-link.dto';
import { SpreadLinkEntity } from './entities/spread-link.entity';

/** A spread link lies in this century: an earlier date is a typing error. */
const EARLIEST = '2000-01-01';

/**
 * Recording how practices spread (docs/design.md SpreadLink). Who may record one: admins any;
 * ambassadors when they are (or were) an ambassador of a case of the source or the target team;
 * team members for their own team as the target ("we got this from …"). Who may remove one: the
 * person who recorded it, or an admin. Every change is audited.
 */
@Injectable()
export class SpreadLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: CaseViewService,
    private readonly audit: AuditService,
    private readonly timelines: TeamTimelineService,
  ) {}

  async create(user: AuthUser, dto: CreateSpreadLinkDto, origin: string): Promise<SpreadLinkDto> {
    const practiceId = dto.practiceId ?? null;
    if (dto.sourceTeamId === dto.targetTeamId) {
      throw badRequest('SPREAD_LINK_SAME_TEAM', 'A team cannot take a practice up from itself.', {
        targetTeamId: 'must differ from the source team',
      });
    }
    const today = this.view.today();
    if (dto.on > today || dto.on < EARLIEST) {
      throw badRequest(
        'SPREAD_LINK_INVALID_DATE',
        `The date it was taken up lies between ${EARLIEST} and today.`,
        { on: 'not in the future' },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const teams = await manager
        .getRepository(OrgUnitEntity)
        .findBy({ id: In([dto.sourceTeamId, dto.targetTeamId]) });
      for (const field of ['sourceTeamId', 'targetTeamId'] as const) {
        const team = teams.find((t) => t.id === dto[field]);
        if (!team || team.kind !== 'team') {
          throw badRequest('TEAM_NOT_FOUND', 'Choose an existing team.', {
            [field]: 'unknown team',
          });
        }
        if (team.archivedAt) {
          throw badRequest('TEAM_ARCHIVED', `"${team.name}" is archived.`, {
            [field]: 'archived team',
          });
        }
      }
      if (practiceId !== null) {
        const found = await manager.getRepository(PracticeEntity).countBy({ id: practiceId });
        if (!found) {
          throw badRequest('PRACTICE_NOT_FOUND', 'Choose a practice from the catalogue.', {
            practiceId: 'unknown practice',
          });
        }
      }
      if (!(await this.mayRecord(manager, user, dto.sourceTeamId, dto.targetTeamId))) {
        throw forbidden(
          'FORBIDDEN_SCOPE',
          user.roles.includes('ambassador')
            ? 'Ambassadors record spread links for the teams of their own cases.'
            : 'Team members record what their own team took up from another team.',
        );
      }
      const duplicate = await manager.getRepository(SpreadLinkEntity).countBy({
        sourceTeamId: dto.sourceTeamId,
        targetTeamId: dto.targetTeamId,
        practiceId: practiceId ?? IsNull(),
      });
      if (duplicate) throw this.duplicate();

      const link: SpreadLinkEntity = {
        id: randomUUID(),
        sourceTeamId: dto.sourceTeamId,
        targetTeamId: dto.targetTeamId,
        practiceId,
        onDate: dto.on,
        note: dto.note ?? null,
        recordedBy: user.id,
        createdAt: nowIso(),
      };
      try {
        await manager.getRepository(SpreadLinkEntity).insert({ ...link });
      } catch {
        // The unique index: someone recorded the same link at the same moment.
        throw this.duplicate();
      }
      await this.timelines.markChanged(manager, [link.sourceTeamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'spread_link.create',
          objectType: 'spread_link',
          objectId: link.id,
          result: 'success',
          origin,
          detail: { sourceTeamId: link.sourceTeamId, targetTeamId: link.targetTeamId, practiceId },
        },
        manager,
      );
      return this.toDto(manager, link);
    });
  }

  async remove(user: AuthUser, id: string, origin: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const link = await manager.getRepository(SpreadLinkEntity).findOneBy({ id });
      if (!link) throw notFound('SPREAD_LINK_NOT_FOUND', 'This spread link does not exist.');
      if (!user.roles.includes('admin') && link.recordedBy !== user.id) {
        throw forbidden(
          'SPREAD_LINK_NOT_RECORDER',
          'Only the person who recorded this spread link, or an admin, can remove it.',
        );
      }
      await manager.getRepository(SpreadLinkEntity).delete({ id });
      await this.timelines.markChanged(manager, [link.sourceTeamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'spread_link.delete',
          objectType: 'spread_link',
          objectId: id,
          result: 'success',
          origin,
          detail: { sourceTeamId: link.sourceTeamId, targetTeamId: link.targetTeamId },
        },
        manager,
      );
    });
  }

  private duplicate() {
    return conflict(
      'SPREAD_LINK_DUPLICATE',
      'This spread link has already been recorded: the same teams and practice.',
    );
  }

  private async mayRecord(
    manager: EntityManager,
    user: AuthUser,
    sourceTeamId: string,
    targetTeamId: string,
  ): Promise<boolean> {
    if (user.roles.includes('admin')) return true;
    if (user.roles.includes('team') && user.teamIds.includes(targetTeamId)) return true;
    if (!user.roles.includes('ambassador')) return false;
    const assigned = await manager
      .getRepository(CaseAmbassadorEntity)
      .createQueryBuilder('ca')
      .innerJoin(CaseEntity, 'c', 'c.id = ca.case_id')
      .where('ca.user_id = :user', { user: user.id })
      .andWhere('c.team_id IN (:...teams)', { teams: [sourceTeamId, targetTeamId] })
      .getCount();
    return assigned > 0;
  }

  /** The link as the olievlek view shows it; the one who recorded it reads their own note. */
  private async toDto(manager: EntityManager, link: SpreadLinkEntity): Promise<SpreadLinkDto> {
    const units = await this.chainsOf(manager, [link.sourceTeamId, link.targetTeamId]);
    const index: OrgIndex = buildOrgIndex(
      [...units.values()].map((u) => ({ ...u, headcount: u.headcount })),
    );
    const ref = (id: string): UnitRefDto => {
      const unit = units.get(id);
      return { id, name: unit?.name ?? '?', kind: unit?.kind ?? 'team' };
    };
    const practice = link.practiceId
      ? await manager.getRepository(PracticeEntity).findOne({
          where: { id: link.practiceId },
          select: { id: true, titleNl: true, titleEn: true },
        })
      : null;
    return {
      id: link.id,
      source: ref(link.sourceTeamId),
      target: ref(link.targetTeamId),
      practice: practice
        ? { id: practice.id, title: { nl: practice.titleNl, en: practice.titleEn } }
        : null,
      on: link.onDate,
      note: link.note,
      crossDepartment:
        departmentKey(index, link.sourceTeamId) !== departmentKey(index, link.targetTeamId),
      crossDirectorate:
        directorateKey(index, link.sourceTeamId) !== directorateKey(index, link.targetTeamId),
    };
  }

  /** The units from these teams up to the root: one query per level of the tree. */
  private async chainsOf(
    manager: EntityManager,
    teamIds: string[],
  ): Promise<Map<string, OrgUnitEntity>> {
    const units = new Map<string, OrgUnitEntity>();
    let wanted = teamIds;
    for (let depth = 0; wanted.length > 0 && depth < 10; depth++) {
      const found = await manager.getRepository(OrgUnitEntity).findBy({ id: In(wanted) });
      for (const unit of found) units.set(unit.id, unit);
      wanted = [
        ...new Set(
          found.flatMap((u) => (u.parentId && !units.has(u.parentId) ? [u.parentId] : [])),
        ),
      ];
    }
    return units;
  }
}
