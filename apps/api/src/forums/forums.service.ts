import { Injectable } from '@nestjs/common';
import { DEFAULT_FORUM_CADENCE, houdVolRadar } from '@olievlek/domain';
import type { CadenceDto, ForumDto, ForumSummaryDto, HoudVolEntryDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { splitRoles } from '../auth/session.service';
import { badRequest, conflict, notFound } from '../common/api-exception';
import { cadenceColumns } from '../common/cadence.dto';
import { OrgClock } from '../common/clock';
import { nowIso } from '../common/time';
import { updateVersioned } from '../common/versioned';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';
import type { AddForumMemberBody, CreateForumBody, UpdateForumBody } from './dto/forum.dto';
import { ForumEntity } from './entities/forum.entity';
import { ForumMemberEntity } from './entities/forum-member.entity';
import { forumAccess } from './forum-access';
import { ForumReader } from './forum-reader';

/** Forums and their member teams; meetings and attendance are in `MeetingsService`. */
@Injectable()
export class ForumsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ForumReader,
    private readonly clock: OrgClock,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<ForumSummaryDto[]> {
    const set = await this.reader.load(user);
    return set.forums.map((f) => set.summary(f));
  }

  async get(user: AuthUser, id: string): Promise<ForumDto> {
    const set = await this.reader.load(user, id);
    const [forum] = set.forums;
    if (!forum) throw notFound('FORUM_NOT_FOUND', 'This forum does not exist.');
    forumAccess.assertRead(user, set.activeTeamIds(forum));
    return set.detail(user, forum);
  }

  async create(user: AuthUser, body: CreateForumBody, origin: string): Promise<ForumDto> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const hostId = body.hostId ?? user.id;
      await this.assertHost(manager, hostId);
      const now = nowIso();
      const cadence = (body.cadence as CadenceDto | undefined) ?? DEFAULT_FORUM_CADENCE[body.kind];
      await manager.getRepository(ForumEntity).insert({
        id,
        kind: body.kind,
        name: body.name,
        purpose: body.purpose ?? '',
        ...cadenceColumns(cadence),
        startDate: body.startDate,
        hostId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'forum.create',
          objectType: 'forum',
          objectId: id,
          result: 'success',
          origin,
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  async update(
    user: AuthUser,
    id: string,
    body: UpdateForumBody,
    origin: string,
  ): Promise<ForumDto> {
    await this.dataSource.transaction(async (manager) => {
      const forum = await this.findEditable(manager, user, id);
      if (body.hostId !== undefined) await this.assertHost(manager, body.hostId);
      const changes: Partial<ForumEntity> = {};
      if (body.name !== undefined) changes.name = body.name;
      if (body.purpose !== undefined) changes.purpose = body.purpose;
      if (body.hostId !== undefined) changes.hostId = body.hostId;
      if (body.cadence !== undefined)
        Object.assign(changes, cadenceColumns(body.cadence as CadenceDto));
      await updateVersioned(manager, ForumEntity, forum.id, body.version, changes, () =>
        conflict('FORUM_VERSION_CONFLICT', 'Someone else changed this forum in the meantime.'),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'forum.update',
          objectType: 'forum',
          objectId: id,
          result: 'success',
          origin,
          detail: { fields: Object.keys(changes) },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  async addMember(
    user: AuthUser,
    id: string,
    body: AddForumMemberBody,
    origin: string,
  ): Promise<ForumDto> {
    await this.dataSource.transaction(async (manager) => {
      const forum = await this.findEditable(manager, user, id);
      const team = await manager.getRepository(OrgUnitEntity).findOneBy({ id: body.teamId });
      if (!team || team.kind !== 'team')
        throw badRequest('TEAM_NOT_FOUND', 'There is no team with this id.', {
          teamId: 'unknown team',
        });
      if (team.archivedAt)
        throw badRequest('TEAM_ARCHIVED', `"${team.name}" is archived and cannot join a forum.`, {
          teamId: 'archived team',
        });
      const members = manager.getRepository(ForumMemberEntity);
      if (await members.countBy({ forumId: id, teamId: body.teamId, leftOn: IsNull() }))
        throw badRequest(
          'FORUM_MEMBER_DUPLICATE',
          `"${team.name}" is already a member of this forum.`,
          {
            teamId: 'already a member',
          },
        );
      const joinedOn = body.joinedOn ?? this.clock.today();
      if (joinedOn < forum.startDate)
        throw badRequest('FORUM_INVALID_DATE', 'A team cannot join before the forum started.', {
          joinedOn: 'before the forum’s start date',
        });
      const keyUserId = body.keyUserId ?? null;
      if (
        keyUserId &&
        !(await manager
          .getRepository(TeamMembershipEntity)
          .countBy({ userId: keyUserId, orgUnitId: body.teamId }))
      )
        throw badRequest('FORUM_INVALID_KEY_USER', 'The key user must be a member of the team.', {
          keyUserId: 'not a member of this team',
        });
      await members.insert({
        id: randomUUID(),
        forumId: id,
        teamId: body.teamId,
        keyUserId,
        joinedOn,
        leftOn: null,
        createdAt: nowIso(),
      });
      await this.touch(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'forum.member.add',
          objectType: 'forum',
          objectId: id,
          result: 'success',
          origin,
          detail: { teamId: body.teamId },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The team leaves today; its membership and attendance history stay. */
  async removeMember(
    user: AuthUser,
    id: string,
    teamId: string,
    origin: string,
  ): Promise<ForumDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.findEditable(manager, user, id);
      const result = await manager
        .getRepository(ForumMemberEntity)
        .update({ forumId: id, teamId, leftOn: IsNull() }, { leftOn: this.clock.today() });
      if (!result.affected)
        throw notFound('FORUM_NOT_MEMBER', 'This team is not a member of this forum.');
      await this.touch(manager, id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'forum.member.remove',
          objectType: 'forum',
          objectId: id,
          result: 'success',
          origin,
          detail: { teamId },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The houd vol radar (libs/domain `houdVolRadar`) for hosts and ambassadors. */
  async houdVol(user: AuthUser): Promise<HoudVolEntryDto[]> {
    const set = await this.reader.load(user);
    const byId = new Map(set.forums.map((f) => [f.forum.id, f.forum]));
    const radar = houdVolRadar(
      set.forums.map((f) => set.facts(f)),
      this.clock.today(),
    );
    return radar.flatMap((entry) => {
      const forum = byId.get(entry.forumId);
      if (!forum) return [];
      return {
        forum: { id: forum.id, name: forum.name, kind: forum.kind, host: set.person(forum.hostId) },
        lastMeeting: entry.lastMeeting,
        silentDays: entry.silentDays,
        reasons: entry.reasons.map((r) =>
          r.kind === 'key-user-dropping'
            ? { kind: r.kind, team: set.team(r.teamId), missed: r.missed, of: r.of }
            : r,
        ),
      };
    });
  }

  private async findEditable(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<ForumEntity> {
    const forum = await manager.getRepository(ForumEntity).findOneBy({ id });
    if (!forum) throw notFound('FORUM_NOT_FOUND', 'This forum does not exist.');
    forumAccess.assertEdit(user, forum);
    return forum;
  }

  private async assertHost(manager: EntityManager, hostId: string): Promise<void> {
    const host = await manager.getRepository(UserEntity).findOneBy({ id: hostId });
    const roles = host ? splitRoles(host.roles) : [];
    if (
      !host ||
      !host.active ||
      host.anonymisedAt ||
      !(roles.includes('ambassador') || roles.includes('admin'))
    )
      throw badRequest('FORUM_INVALID_HOST', 'The host must be an active ambassador or admin.', {
        hostId: 'not an ambassador or admin',
      });
  }

  private async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(ForumEntity).update({ id }, { updatedAt: nowIso() });
  }
}
