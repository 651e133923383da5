import { Inject, Injectable } from '@nestjs/common';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ForumMeetingEntity } from './entities/forum-meeting.entity';
import { forumAccess } from './forum-access';
import { ForumReader, ForumSet, LoadedForum } from './forum-reader';

/** An iCalendar file: its text and the file name to offer it under. */
export interface CalendarFile {
  text: string;
  fileName: string;
}

/**
 * Meetings as iCalendar (RFC 5545) for Outlook and Google Calendar. A meeting is an all-day event
 * on its local date (the product keeps dates, not times, in ORG_TIMEZONE), so no time zone is
 * needed and no import shifts it a day. Each event links back to the forum page, with the
 * meeting as its anchor. Who may download it is who may read the forum (`forumAccess`).
 */
@Injectable()
export class ForumCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ForumReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forum(user: AuthUser, id: string): Promise<CalendarFile> {
    const { set, loaded } = await this.readable(user, id);
    return { text: this.calendar(set, loaded, loaded.meetings), fileName: `overleg-${id}.ics` };
  }

  async meeting(user: AuthUser, id: string): Promise<CalendarFile> {
    const meeting = await this.dataSource.getRepository(ForumMeetingEntity).findOneBy({ id });
    if (!meeting) throw notFound('MEETING_NOT_FOUND', 'This meeting does not exist.');
    const { set, loaded } = await this.readable(user, meeting.forumId, () =>
      notFound('MEETING_NOT_FOUND', 'This meeting does not exist.'),
    );
    const one = loaded.meetings.filter((m) => m.meeting.id === id);
    return { text: this.calendar(set, loaded, one), fileName: `bijeenkomst-${meeting.onDate}.ics` };
  }

  private async readable(user: AuthUser, forumId: string, missing?: () => Error) {
    const set = await this.reader.load(user, forumId);
    const [loaded] = set.forums;
    if (!loaded) throw notFound('FORUM_NOT_FOUND', 'This forum does not exist.');
    try {
      forumAccess.assertRead(user, set.activeTeamIds(loaded));
    } catch (error) {
      throw missing ? missing() : error;
    }
    return { set, loaded };
  }

  private calendar(set: ForumSet, loaded: LoadedForum, meetings: LoadedForum['meetings']): string {
    const { forum } = loaded;
    const url = `${this.config.publicUrl}/overleggen/${encodeURIComponent(forum.id)}`;
    const host = new URL(this.config.publicUrl).hostname;
    const organiser = set.person(forum.hostId).name;
    const calendar = ical({
      name: forum.name,
      prodId: { company: 'Olievlek', product: 'overleggen', language: 'NL' },
      method: ICalCalendarMethod.PUBLISH,
      url,
    });
    for (const { meeting } of meetings) {
      calendar.createEvent({
        id: `meeting-${meeting.id}@${host}`,
        start: dateOnly(meeting.onDate),
        allDay: true,
        stamp: new Date(meeting.updatedAt),
        sequence: meeting.version - 1,
        summary: forum.name,
        description: [forum.purpose, organiser ? `Organisator: ${organiser}` : '', url]
          .filter(Boolean)
          .join('\n\n'),
        url: `${url}#bijeenkomst-${meeting.id}`,
      });
    }
    return calendar.toString();
  }
}

/** Midnight UTC of a local date: ical-generator writes an all-day date from the UTC fields. */
function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
