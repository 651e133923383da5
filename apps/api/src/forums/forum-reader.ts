import { Injectable } from '@nestjs/common';
import { attendanceRate, ForumFacts, LocalDate, nextMeetingDue } from '@olievlek/domain';
import type {
  ForumDto,
  ForumSummaryDto,
  MeetingDto,
  OrgUnitRef,
  PersonRef,
} from '@olievlek/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { toCadence } from '../common/cadence.dto';
import { OrgClock } from '../common/clock';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { UserEntity } from '../users/entities/user.entity';
import { ForumAttendanceEntity } from './entities/forum-attendance.entity';
import { ForumEntity } from './entities/forum.entity';
import { ForumMeetingEntity } from './entities/forum-meeting.entity';
import { ForumMemberEntity } from './entities/forum-member.entity';
import { forumAccess } from './forum-access';

export interface LoadedMeeting {
  meeting: ForumMeetingEntity;
  attendance: ForumAttendanceEntity[];
}

export interface LoadedForum {
  forum: ForumEntity;
  members: ForumMemberEntity[];
  /** Oldest first. */
  meetings: LoadedMeeting[];
}

/**
 * Forums as one read: the forums, then their members, meetings, attendance and the names they
 * refer to, one query per table whatever the number of forums.
 */
export class ForumSet {
  constructor(
    readonly forums: LoadedForum[],
    private readonly people: Map<string, string>,
    private readonly units: Map<string, OrgUnitEntity>,
    private readonly today: LocalDate,
  ) {}

  person(id: string): PersonRef {
    return { id, name: this.people.get(id) ?? '' };
  }

  team(id: string): OrgUnitRef {
    const unit = this.units.get(id);
    return { id, name: unit?.name ?? '', kind: unit?.kind ?? 'team' };
  }

  activeTeamIds(loaded: LoadedForum): string[] {
    return loaded.members.filter((m) => m.leftOn === null).map((m) => m.teamId);
  }

  /** The forum's facts for the rules of libs/domain `forums`. */
  facts(loaded: LoadedForum): ForumFacts {
    const { forum } = loaded;
    return {
      id: forum.id,
      cadence: toCadence(forum.cadenceKind, forum.cadenceEvery),
      startDate: forum.startDate,
      memberTeamIds: this.activeTeamIds(loaded),
      meetings: loaded.meetings.map(({ meeting, attendance }) => ({
        date: meeting.onDate,
        attendance: Object.fromEntries(attendance.map((a) => [a.teamId, a.mark])),
      })),
    };
  }

  summary(loaded: LoadedForum): ForumSummaryDto {
    const { forum } = loaded;
    const cadence = toCadence(forum.cadenceKind, forum.cadenceEvery);
    const held = loaded.meetings.filter((m) => m.meeting.onDate <= this.today);
    const lastMeeting = held.length ? held[held.length - 1].meeting.onDate : null;
    const planned = loaded.meetings.find((m) => m.meeting.onDate > this.today);
    return {
      id: forum.id,
      kind: forum.kind,
      name: forum.name,
      cadence,
      host: this.person(forum.hostId),
      startDate: forum.startDate,
      memberCount: this.activeTeamIds(loaded).length,
      lastMeeting,
      nextMeeting: planned?.meeting.onDate ?? null,
      nextDue: nextMeetingDue(cadence, forum.startDate, lastMeeting),
    };
  }

  detail(user: AuthUser, loaded: LoadedForum): ForumDto {
    return {
      ...this.summary(loaded),
      purpose: loaded.forum.purpose,
      members: loaded.members.map((m) => ({
        team: this.team(m.teamId),
        keyUser: m.keyUserId ? this.person(m.keyUserId) : null,
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
      })),
      meetings: loaded.meetings.map((m) => meetingDto(m)),
      canEdit: forumAccess.canEdit(user, loaded.forum),
      version: loaded.forum.version,
    };
  }
}

export function meetingDto({ meeting, attendance }: LoadedMeeting): MeetingDto {
  const marks = Object.fromEntries(attendance.map((a) => [a.teamId, a.mark]));
  const rate = attendanceRate({ date: meeting.onDate, attendance: marks });
  return {
    id: meeting.id,
    forumId: meeting.forumId,
    date: meeting.onDate,
    minutes: meeting.minutes,
    tips: meeting.tips,
    attendance: attendance
      .map((a) => ({ teamId: a.teamId, mark: a.mark }))
      .sort((a, b) => (a.teamId < b.teamId ? -1 : 1)),
    present: rate.present,
    members: rate.members,
    version: meeting.version,
  };
}

@Injectable()
export class ForumReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: OrgClock,
  ) {}

  /**
   * The forums the person may see (all for admins and ambassadors; their teams' for team
   * members), or the one forum `id` whoever asks — the caller checks access on it.
   */
  async load(user: AuthUser, id?: string): Promise<ForumSet> {
    const manager = this.dataSource.manager;
    let forums: ForumEntity[];
    if (id !== undefined) {
      forums = await manager.getRepository(ForumEntity).findBy({ id });
    } else if (forumAccess.readsAll(user)) {
      forums = await manager.getRepository(ForumEntity).find({ order: { name: 'ASC' } });
    } else {
      const ids = user.teamIds.length
        ? (
            await manager
              .getRepository(ForumMemberEntity)
              .createQueryBuilder('m')
              .select('DISTINCT m.forum_id', 'forumId')
              .where('m.team_id IN (:...teams) AND m.left_on IS NULL', { teams: user.teamIds })
              .getRawMany<{ forumId: string }>()
          ).map((r) => r.forumId)
        : [];
      forums = ids.length
        ? await manager
            .getRepository(ForumEntity)
            .find({ where: { id: In(ids) }, order: { name: 'ASC' } })
        : [];
    }
    const forumIds = forums.map((f) => f.id);
    const none = forumIds.length === 0;
    const [members, meetings] = none
      ? [[], []]
      : await Promise.all([
          manager.getRepository(ForumMemberEntity).find({
            where: { forumId: In(forumIds) },
            order: { joinedOn: 'ASC', createdAt: 'ASC' },
          }),
          manager
            .getRepository(ForumMeetingEntity)
            .find({ where: { forumId: In(forumIds) }, order: { onDate: 'ASC', createdAt: 'ASC' } }),
        ]);
    const attendance = meetings.length
      ? await manager
          .getRepository(ForumAttendanceEntity)
          .findBy({ meetingId: In(meetings.map((m) => m.id)) })
      : [];

    const personIds = new Set<string>();
    const unitIds = new Set<string>();
    for (const f of forums) personIds.add(f.hostId);
    for (const m of members) {
      unitIds.add(m.teamId);
      if (m.keyUserId) personIds.add(m.keyUserId);
    }
    const [people, units] = await Promise.all([
      personIds.size
        ? manager
            .getRepository(UserEntity)
            .find({ where: { id: In([...personIds]) }, select: { id: true, name: true } })
        : [],
      unitIds.size ? manager.getRepository(OrgUnitEntity).findBy({ id: In([...unitIds]) }) : [],
    ]);

    const attendanceOf = groupBy(attendance, (a) => a.meetingId);
    const membersOf = groupBy(members, (m) => m.forumId);
    const meetingsOf = groupBy(meetings, (m) => m.forumId);
    const loaded = forums.map((forum) => ({
      forum,
      members: membersOf.get(forum.id) ?? [],
      meetings: (meetingsOf.get(forum.id) ?? []).map((meeting) => ({
        meeting,
        attendance: attendanceOf.get(meeting.id) ?? [],
      })),
    }));
    return new ForumSet(
      loaded,
      new Map(people.map((p) => [p.id, p.name])),
      new Map(units.map((u) => [u.id, u])),
      this.clock.today(),
    );
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
