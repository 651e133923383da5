import { addDays, AttendanceMark, LocalDate } from '@olievlek/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ForumAttendanceEntity } from '../forums/entities/forum-attendance.entity';
import { ForumEntity } from '../forums/entities/forum.entity';
import { ForumMeetingEntity } from '../forums/entities/forum-meeting.entity';
import { ForumMemberEntity } from '../forums/entities/forum-member.entity';
import { insertInChunks } from './demo-history';

export interface DemoForumsInput {
  today: LocalDate;
  /** Active teams, in the demo's order (directorate by directorate). */
  teamIds: string[];
  /** The demo member's team and the member, who is its key user in the key-user meeting. */
  memberTeamId: string;
  memberId: string;
  /** The demo ambassador hosts the key-user meeting; others host the rest. */
  ambassadorIds: string[];
  at: string;
}

export interface DemoForumRows {
  forums: ForumEntity[];
  members: ForumMemberEntity[];
  meetings: ForumMeetingEntity[];
  attendance: ForumAttendanceEntity[];
}

const MINUTES = [
  'Nieuwe versie van het zaaksysteem toegelicht; vragen over het archiveren van dossiers.',
  'Tips uitgewisseld over sjablonen. Informatiebeheer neemt de vraag over bewaartermijnen mee.',
  'Kort overleg van twintig minuten: weinig agendapunten, wel goed om elkaar te blijven zien.',
  'Procesverbetering liet zien hoe het team Vergunningen de doorlooptijd halveerde.',
];

/** A fixed pattern in [0, 1) per (meeting, team), so the demo is the same on every start. */
const chance = (meeting: number, team: number) => ((meeting * 7919 + team * 104_729) % 997) / 997;

/**
 * Forums of Voorbeeldstad: the key-user meeting of a dozen teams, six-weekly for three years, whose
 * attendance sagged in the middle and recovered (one key user is dropping off now); an improvement
 * team that meets every two weeks with everyone there; and one whose attendance fell off lately,
 * so the houd vol radar has something to say.
 */
export function buildDemoForums(input: DemoForumsInput): DemoForumRows {
  const rows: DemoForumRows = { forums: [], members: [], meetings: [], attendance: [] };
  const { today, at } = input;
  const others = input.teamIds.filter((id) => id !== input.memberTeamId);

  const forum = (
    kind: ForumEntity['kind'],
    name: string,
    purpose: string,
    every: number,
    startDate: LocalDate,
    hostId: string,
  ): ForumEntity => {
    const entity: ForumEntity = {
      id: randomUUID(),
      kind,
      name,
      purpose,
      cadenceKind: 'weeks',
      cadenceEvery: every,
      startDate,
      hostId,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    rows.forums.push(entity);
    return entity;
  };

  const meetings = (
    f: ForumEntity,
    teamIds: string[],
    presentShare: (index: number, count: number) => number,
    keyUsers: ReadonlyMap<string, string> = new Map(),
  ) => {
    for (const teamId of teamIds) {
      rows.members.push({
        id: randomUUID(),
        forumId: f.id,
        teamId,
        keyUserId: keyUsers.get(teamId) ?? null,
        joinedOn: f.startDate,
        leftOn: null,
        createdAt: at,
      });
    }
    const step = (f.cadenceEvery ?? 1) * 7;
    const dates: LocalDate[] = [];
    for (let d = f.startDate; d <= today; d = addDays(d, step)) dates.push(d);
    dates.forEach((date, i) => {
      const meeting: ForumMeetingEntity = {
        id: randomUUID(),
        forumId: f.id,
        onDate: date,
        minutes: MINUTES[i % MINUTES.length],
        tips: i % 3 === 0 ? 'Gebruik de snelzoekfunctie in het zaaksysteem.' : '',
        createdBy: f.hostId,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      rows.meetings.push(meeting);
      const share = presentShare(i, dates.length);
      teamIds.forEach((teamId, t) => {
        const roll = chance(i, t);
        // The first team is the host's own and always there.
        const mark: AttendanceMark =
          t === 0 || roll < share ? 'present' : roll < share + 0.1 ? 'apologised' : 'absent';
        rows.attendance.push({
          meetingId: meeting.id,
          teamId,
          mark,
          recordedBy: f.hostId,
          recordedAt: at,
        });
      });
    });
    // The next meeting is planned.
    rows.meetings.push({
      id: randomUUID(),
      forumId: f.id,
      onDate: dates.length ? addDays(dates[dates.length - 1], step) : f.startDate,
      minutes: '',
      tips: '',
      createdBy: f.hostId,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  };

  const [host, second = host, third = host] = input.ambassadorIds;
  const keyUserTeams = [input.memberTeamId, ...others.filter((_, i) => i % 5 === 0).slice(0, 11)];
  const keyUserMeeting = forum(
    'key-user-meeting',
    'Gebruikersoverleg zaaksysteem',
    'Key users van de teams en de ondersteunende functies wisselen tips uit en horen wat er speelt.',
    6,
    addDays(today, -3 * 364),
    host,
  );
  // Attendance sagged in the second year and recovered; the last team's key user drops off now.
  meetings(
    keyUserMeeting,
    keyUserTeams,
    (i, n) => (i > n * 0.35 && i < n * 0.6 ? 0.35 : 0.9),
    new Map([[input.memberTeamId, input.memberId]]),
  );
  const dropping = keyUserTeams[keyUserTeams.length - 1];
  const keyUserMeetings = rows.meetings.filter(
    (m) => m.forumId === keyUserMeeting.id && m.onDate <= today,
  );
  for (const m of keyUserMeetings.slice(-3, -1)) {
    const row = rows.attendance.find((a) => a.meetingId === m.id && a.teamId === dropping);
    if (row) row.mark = 'absent';
  }

  const healthy = forum(
    'improvement-team',
    'Verbeterteam meldingen openbare ruimte',
    'Met cijfers per dienst kijken wat beter kan, het veranderen en meten of het hielp.',
    2,
    addDays(today, -40 * 7),
    second,
  );
  meetings(healthy, others.slice(20, 23), () => 1);

  const sagging = forum(
    'improvement-team',
    'Verbeterteam vergunningen',
    'De aanvraag van een vergunning eenvoudiger maken, van formulier tot besluit.',
    2,
    addDays(today, -30 * 7),
    third,
  );
  meetings(sagging, others.slice(30, 34), (i, n) => (i >= n - 2 ? 0 : 0.95));
  return rows;
}

export async function insertDemoForums(manager: EntityManager, rows: DemoForumRows): Promise<void> {
  const chunks = <T extends object>(target: new () => T, items: T[]) =>
    insertInChunks(manager, target, items);
  await chunks(ForumEntity, rows.forums);
  await chunks(ForumMemberEntity, rows.members);
  await chunks(ForumMeetingEntity, rows.meetings);
  await chunks(ForumAttendanceEntity, rows.attendance);
}
