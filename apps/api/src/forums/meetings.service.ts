import { Injectable } from '@nestjs/common';
import type { MeetingDto } from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception';
import { OrgClock } from '../common/clock';
import { nowIso } from '../common/time';
import { updateVersioned } from '../common/versioned';
import type { AttendanceBody, CreateMeetingBody, UpdateMeetingBody } from './dto/forum.dto';
import { ForumAttendanceEntity } from './entities/forum-attendance.entity';
import { ForumEntity } from './entities/forum.entity';
import { ForumMeetingEntity } from './entities/forum-meeting.entity';
import { ForumMemberEntity } from './entities/forum-member.entity';
import { forumAccess } from './forum-access';
import { meetingDto } from './forum-reader';

/** A forum's meetings: planned, held, their minutes and tips, and a mark per member team. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: OrgClock,
    private readonly audit: AuditService,
  ) {}

  async create(
    user: AuthUser,
    forumId: string,
    body: CreateMeetingBody,
    origin: string,
  ): Promise<MeetingDto> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const forum = await manager.getRepository(ForumEntity).findOneBy({ id: forumId });
      if (!forum) throw notFound('FORUM_NOT_FOUND', 'This forum does not exist.');
      forumAccess.assertEdit(user, forum);
      this.assertDate(forum, body.date);
      const now = nowIso();
      await manager.getRepository(ForumMeetingEntity).insert({
        id,
        forumId,
        onDate: body.date,
        minutes: body.minutes ?? '',
        tips: body.tips ?? '',
        createdBy: user.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(manager, user, 'meeting.create', id, origin, { forumId, date: body.date });
    });
    return this.get(id);
  }

  async update(
    user: AuthUser,
    id: string,
    body: UpdateMeetingBody,
    origin: string,
  ): Promise<MeetingDto> {
    await this.dataSource.transaction(async (manager) => {
      const { forum, meeting } = await this.findEditable(manager, user, id);
      if (body.date !== undefined) {
        this.assertDate(forum, body.date);
        const marks = await manager.getRepository(ForumAttendanceEntity).countBy({ meetingId: id });
        if (marks && body.date > this.clock.today())
          throw badRequest(
            'MEETING_NOT_HELD',
            'A meeting with recorded attendance cannot move to the future.',
            {
              date: 'in the future while attendance is recorded',
            },
          );
      }
      const changes: Partial<ForumMeetingEntity> = {};
      if (body.date !== undefined) changes.onDate = body.date;
      if (body.minutes !== undefined) changes.minutes = body.minutes;
      if (body.tips !== undefined) changes.tips = body.tips;
      await updateVersioned(manager, ForumMeetingEntity, meeting.id, body.version, changes, () =>
        conflict('MEETING_VERSION_CONFLICT', 'Someone else changed this meeting in the meantime.'),
      );
      await this.record(manager, user, 'meeting.update', id, origin, {
        fields: Object.keys(changes),
      });
    });
    return this.get(id);
  }

  /**
   * A member team's mark at a held meeting. The host and admins set any mark; a key user may mark
   * their own team while the host has not (a mark the host set is theirs to change).
   */
  async setAttendance(
    user: AuthUser,
    id: string,
    teamId: string,
    body: AttendanceBody,
    origin: string,
  ): Promise<MeetingDto> {
    await this.dataSource.transaction(async (manager) => {
      const { forum, meeting } = await this.find(manager, id);
      const memberships = await manager
        .getRepository(ForumMemberEntity)
        .findBy({ forumId: forum.id, teamId });
      const member = memberships.find(
        (m) => m.joinedOn <= meeting.onDate && (m.leftOn === null || m.leftOn > meeting.onDate),
      );
      const existing = await manager
        .getRepository(ForumAttendanceEntity)
        .findOneBy({ meetingId: id, teamId });
      if (!forumAccess.canEdit(user, forum)) {
        const ownTeam = memberships.some((m) => m.leftOn === null && m.keyUserId === user.id);
        if (!ownTeam) {
          if (forumAccess.readsAll(user) || user.teamIds.includes(teamId))
            throw forbidden(
              'FORUM_NOT_HOST',
              "Only this forum's host, admins and the team's key user can mark attendance.",
            );
          throw notFound('MEETING_NOT_FOUND', 'This meeting does not exist.');
        }
        if (existing && existing.recordedBy !== user.id)
          throw conflict(
            'ATTENDANCE_SET_BY_HOST',
            'The host has already recorded this attendance.',
          );
      }
      if (!member)
        throw badRequest(
          'FORUM_NOT_MEMBER',
          'This team was not a member of the forum on the meeting’s date.',
          {
            teamId: 'not a member on this date',
          },
        );
      if (meeting.onDate > this.clock.today())
        throw badRequest(
          'MEETING_NOT_HELD',
          'Attendance can be recorded once the meeting has taken place.',
          {
            mark: 'the meeting is still to come',
          },
        );
      const row = {
        meetingId: id,
        teamId,
        mark: body.mark,
        recordedBy: user.id,
        recordedAt: nowIso(),
      };
      const repo = manager.getRepository(ForumAttendanceEntity);
      if (existing) await repo.update({ meetingId: id, teamId }, row);
      else await repo.insert(row);
      await manager.getRepository(ForumMeetingEntity).update({ id }, { updatedAt: nowIso() });
      await this.record(manager, user, 'meeting.attendance', id, origin, {
        teamId,
        mark: body.mark,
      });
    });
    return this.get(id);
  }

  private async get(id: string): Promise<MeetingDto> {
    const manager = this.dataSource.manager;
    const meeting = await manager.getRepository(ForumMeetingEntity).findOneByOrFail({ id });
    const attendance = await manager.getRepository(ForumAttendanceEntity).findBy({ meetingId: id });
    return meetingDto({ meeting, attendance });
  }

  private async find(manager: EntityManager, id: string) {
    const meeting = await manager.getRepository(ForumMeetingEntity).findOneBy({ id });
    const forum =
      meeting && (await manager.getRepository(ForumEntity).findOneBy({ id: meeting.forumId }));
    if (!meeting || !forum) throw notFound('MEETING_NOT_FOUND', 'This meeting does not exist.');
    return { forum, meeting };
  }

  private async findEditable(manager: EntityManager, user: AuthUser, id: string) {
    const found = await this.find(manager, id);
    forumAccess.assertEdit(user, found.forum);
    return found;
  }

  private assertDate(forum: ForumEntity, date: string): void {
    if (date < forum.startDate)
      throw badRequest('MEETING_BEFORE_FORUM', 'A meeting cannot be before the forum started.', {
        date: 'before the forum’s start date',
      });
  }

  private record(
    manager: EntityManager,
    user: AuthUser,
    action: string,
    id: string,
    origin: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: user.id,
        action,
        objectType: 'forum_meeting',
        objectId: id,
        result: 'success',
        origin,
        detail,
      },
      manager,
    );
  }
}
