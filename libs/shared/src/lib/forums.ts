import type { OrgUnitRef } from './auth';
import type { CadenceDto, PersonRef } from './cases';

/** Forums between teams (docs/design.md §Between teams); the rules are in libs/domain `forums`. */
export const FORUM_KIND_VALUES = [
  'key-user-meeting',
  'improvement-team',
  'work-conference',
  'other',
] as const;
export type ForumKindDto = (typeof FORUM_KIND_VALUES)[number];

export const ATTENDANCE_MARK_VALUES = ['present', 'apologised', 'absent'] as const;
export type AttendanceMarkDto = (typeof ATTENDANCE_MARK_VALUES)[number];

export interface ForumMemberDto {
  team: OrgUnitRef;
  keyUser: PersonRef | null;
  joinedOn: string;
  /** Set when the team left the forum; its attendance history stays. */
  leftOn: string | null;
}

export interface MeetingAttendanceDto {
  teamId: string;
  mark: AttendanceMarkDto;
}

export interface MeetingDto {
  id: string;
  forumId: string;
  date: string;
  minutes: string;
  tips: string;
  attendance: MeetingAttendanceDto[];
  present: number;
  members: number;
  version: number;
}

export interface ForumSummaryDto {
  id: string;
  kind: ForumKindDto;
  name: string;
  cadence: CadenceDto;
  host: PersonRef;
  startDate: string;
  memberCount: number;
  lastMeeting: string | null;
  /** The next planned meeting on or after today, if one is planned. */
  nextMeeting: string | null;
  /** When the next meeting is due by the cadence (libs/domain `nextMeetingDue`). */
  nextDue: string | null;
}

export interface ForumDto extends ForumSummaryDto {
  purpose: string;
  members: ForumMemberDto[];
  meetings: MeetingDto[];
  /** Whether the signed-in person may change the forum and record its meetings. */
  canEdit: boolean;
  version: number;
}

export type HoudVolReasonDto =
  | { kind: 'low-attendance'; meetings: string[]; rates: number[] }
  | { kind: 'falling-attendance'; meetings: string[]; rates: number[] }
  | { kind: 'silent'; since: string; days: number; dueBy: string }
  | { kind: 'key-user-dropping'; team: OrgUnitRef; missed: number; of: number };

export interface HoudVolEntryDto {
  forum: { id: string; name: string; kind: ForumKindDto; host: PersonRef };
  lastMeeting: string | null;
  silentDays: number;
  reasons: HoudVolReasonDto[];
}
