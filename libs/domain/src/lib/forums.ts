import { addDays, daysBetween, LocalDate } from './dates';
import { Cadence } from './periods';

/**
 * Forums: the meetings *between* teams through which the programme spreads (docs/design.md
 * §Between teams): the key-user meeting, the improvement team, the work conference, and others.
 * This file holds their rules — when the next meeting is due, a meeting's attendance, and the
 * "houd vol" radar — as pure functions of the meetings held so far.
 */
export const FORUM_KINDS = [
  'key-user-meeting',
  'improvement-team',
  'work-conference',
  'other',
] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];

/** The cadence each kind starts with in the programme's own material; a host may change it. */
export const DEFAULT_FORUM_CADENCE: Readonly<Record<ForumKind, Cadence>> = {
  'key-user-meeting': { kind: 'weeks', every: 6 },
  'improvement-team': { kind: 'weeks', every: 2 },
  'work-conference': { kind: 'once' },
  other: { kind: 'monthly' },
};

/** Attendance is recorded per member team (its key user), never as a score of a person. */
export const ATTENDANCE_MARKS = ['present', 'apologised', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** One meeting of a forum: its date and a mark for each team that was a member on that date. */
export interface MeetingFacts {
  date: LocalDate;
  /** Team id → mark. Empty while nobody has recorded attendance. */
  attendance: Readonly<Record<string, AttendanceMark>>;
}

export interface ForumFacts {
  id: string;
  cadence: Cadence;
  /** The day the forum was set up: a forum without meetings is silent from here. */
  startDate: LocalDate;
  /** The teams that are members today: only their key users can be dropping off. */
  memberTeamIds: readonly string[];
  /** Every meeting, in any order; those after `today` are planned and count for nothing here. */
  meetings: readonly MeetingFacts[];
}

/**
 * The length of one cadence period in days, for "due" and "silent": N weeks are N × 7 days, a
 * month counts as 31 days; a one-off forum has none.
 */
export function cadenceDays(cadence: Cadence): number | null {
  switch (cadence.kind) {
    case 'weeks':
      return cadence.every * 7;
    case 'monthly':
      return 31;
    case 'once':
      return null;
  }
}

/**
 * The day the next meeting is due: one cadence period after the last meeting held, or the start
 * date while none was held. A one-off forum is due on its start date until it has met, then never.
 */
export function nextMeetingDue(
  cadence: Cadence,
  startDate: LocalDate,
  lastMeeting: LocalDate | null,
): LocalDate | null {
  if (lastMeeting === null) return startDate;
  const days = cadenceDays(cadence);
  return days === null ? null : addDays(lastMeeting, days);
}

export interface AttendanceRate {
  present: number;
  apologised: number;
  absent: number;
  /** Member teams with a mark. */
  members: number;
  /** present / members; null when no attendance was recorded. */
  rate: number | null;
}

/** The attendance of one meeting, counted per member team. */
export function attendanceRate(meeting: MeetingFacts): AttendanceRate {
  const counts = { present: 0, apologised: 0, absent: 0 };
  for (const mark of Object.values(meeting.attendance)) counts[mark]++;
  const members = counts.present + counts.apologised + counts.absent;
  return { ...counts, members, rate: members === 0 ? null : counts.present / members };
}

/** The thresholds of the houd vol radar (docs/design.md §Between teams). */
export const HOUD_VOL = {
  /** Attendance is low when fewer than this share of the member teams were present... */
  lowShare: 0.5,
  /** ...at this many recorded meetings in a row (the latest ones). */
  lowInARow: 2,
  /** Falling: the attendance rate went down at every one of the latest meetings in a row, this many. */
  fallingMeetings: 4,
  /** A key user drops off when their team was not present at `keyUserMissed` of its latest `keyUserWindow`. */
  keyUserWindow: 3,
  keyUserMissed: 2,
  /** Silent: no meeting within this many cadence periods since the last one (or the start). */
  silenceFactor: 1.5,
} as const;

export type HoudVolReason =
  | { kind: 'low-attendance'; meetings: LocalDate[]; rates: number[] }
  | { kind: 'falling-attendance'; meetings: LocalDate[]; rates: number[] }
  | { kind: 'silent'; since: LocalDate; days: number; dueBy: LocalDate }
  | { kind: 'key-user-dropping'; teamId: string; missed: number; of: number };

export interface HoudVolEntry {
  forumId: string;
  /** The last meeting held on or before today, or null when the forum never met. */
  lastMeeting: LocalDate | null;
  /** Days since the last meeting (or the start date): the radar lists the longest first. */
  silentDays: number;
  reasons: HoudVolReason[];
}

/**
 * Why a forum needs someone to say "houd vol" (keep going), at `today`:
 *
 * - *low attendance*: fewer than half of the member teams present at each of the latest two
 *   meetings with recorded attendance;
 * - *falling attendance*: the attendance rate fell at each of the latest three meetings with
 *   recorded attendance (four rates, each below the one before);
 * - *silent*: no meeting for more than 1.5 cadence periods since the last one, or since the start
 *   when there was none (a one-off forum is never silent once it has met);
 * - *a key user dropping off*: a member team not present (absent or apologised) at two of its
 *   latest three meetings — a meeting counts for a team when the team has a mark there; only
 *   today's member teams are listed (a team that left keeps its history, not a warning).
 *
 * Meetings after `today` are planned and ignored; a held meeting without marks counts for
 * silence only. Returns null when there is no reason.
 */
export function houdVol(forum: ForumFacts, today: LocalDate): HoudVolEntry | null {
  const held = forum.meetings.filter((m) => m.date <= today).sort(byDate);
  const lastMeeting = held.length ? held[held.length - 1].date : null;
  const since = lastMeeting ?? forum.startDate;
  const silentDays = Math.max(0, daysBetween(since, today));
  const reasons: HoudVolReason[] = [];

  const recorded = held
    .map((m) => ({ date: m.date, rate: attendanceRate(m).rate, attendance: m.attendance }))
    .filter((m): m is typeof m & { rate: number } => m.rate !== null);

  const lastLow = recorded.slice(-HOUD_VOL.lowInARow);
  if (lastLow.length === HOUD_VOL.lowInARow && lastLow.every((m) => m.rate < HOUD_VOL.lowShare)) {
    reasons.push({
      kind: 'low-attendance',
      meetings: lastLow.map((m) => m.date),
      rates: lastLow.map((m) => m.rate),
    });
  }

  const lastFalling = recorded.slice(-HOUD_VOL.fallingMeetings);
  if (
    lastFalling.length === HOUD_VOL.fallingMeetings &&
    lastFalling.every((m, i) => i === 0 || m.rate < lastFalling[i - 1].rate)
  ) {
    reasons.push({
      kind: 'falling-attendance',
      meetings: lastFalling.map((m) => m.date),
      rates: lastFalling.map((m) => m.rate),
    });
  }

  const period = cadenceDays(forum.cadence);
  const allowance =
    period === null
      ? lastMeeting === null
        ? 0
        : null
      : Math.floor(period * HOUD_VOL.silenceFactor);
  if (allowance !== null && silentDays > allowance) {
    reasons.push({ kind: 'silent', since, days: silentDays, dueBy: addDays(since, allowance) });
  }

  const members = new Set(forum.memberTeamIds);
  for (const [teamId, marks] of latestMarksPerTeam(recorded, HOUD_VOL.keyUserWindow)) {
    if (!members.has(teamId)) continue;
    const missed = marks.filter((mark) => mark !== 'present').length;
    if (missed >= HOUD_VOL.keyUserMissed) {
      reasons.push({ kind: 'key-user-dropping', teamId, missed, of: marks.length });
    }
  }

  return reasons.length ? { forumId: forum.id, lastMeeting, silentDays, reasons } : null;
}

/** Every forum with a reason, the longest silent first (then by id, so the order is stable). */
export function houdVolRadar(forums: readonly ForumFacts[], today: LocalDate): HoudVolEntry[] {
  const entries: HoudVolEntry[] = [];
  for (const forum of forums) {
    const entry = houdVol(forum, today);
    if (entry) entries.push(entry);
  }
  return entries.sort(
    (a, b) =>
      b.silentDays - a.silentDays || (a.forumId < b.forumId ? -1 : a.forumId > b.forumId ? 1 : 0),
  );
}

function byDate(a: MeetingFacts, b: MeetingFacts): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Each team's marks at its latest `window` recorded meetings, newest last, teams sorted by id. */
function latestMarksPerTeam(
  recorded: readonly { attendance: Readonly<Record<string, AttendanceMark>> }[],
  window: number,
): [string, AttendanceMark[]][] {
  const marks = new Map<string, AttendanceMark[]>();
  for (let i = recorded.length - 1; i >= 0; i--) {
    for (const [teamId, mark] of Object.entries(recorded[i].attendance)) {
      const list = marks.get(teamId) ?? [];
      if (list.length < window) list.unshift(mark);
      marks.set(teamId, list);
    }
  }
  return [...marks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
