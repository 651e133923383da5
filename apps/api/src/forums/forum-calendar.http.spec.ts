import type { ForumDto, ForumSummaryDto } from '@olievlek/shared';
import ICAL from 'ical.js';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

const PUBLIC_URL = 'https://olievlek.voorbeeldstad.example';

/** The iCalendar text parsed by ical.js, with the RFC 5545 fields every calendar must carry. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toEqual(expect.stringMatching(/Olievlek/));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    // RFC 5545 §3.6.1: UID and DTSTAMP are required in every VEVENT.
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeInstanceOf(ICAL.Time);
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      url: String(vevent.getFirstPropertyValue('url')),
      allDay: start.isDate,
      date: start.toString(),
    };
  });
}

describe('forum calendars over HTTP', () => {
  let t: TestApp;
  let ambassador: HttpClient;
  let member: HttpClient;
  let keyUserForum: ForumDto;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    ambassador = await t.signedIn(DEMO.ambassador);
    member = await t.signedIn(DEMO.team);
    const list = (await member.get('/api/forums')).body as ForumSummaryDto[];
    const id = list.find((f) => f.name === 'Gebruikersoverleg zaaksysteem')?.id;
    keyUserForum = (await member.get(`/api/forums/${id}`)).body;
  });
  afterAll(() => t.close());

  it('gives a member team the forum’s meetings as all-day events that link back to the forum', async () => {
    const res = await member.get(`/api/forums/${keyUserForum.id}/ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/);
    const events = parse(res.text);
    expect(events.map((e) => e.date)).toEqual(keyUserForum.meetings.map((m) => m.date));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const [i, event] of events.entries()) {
      expect(event).toMatchObject({ allDay: true, summary: 'Gebruikersoverleg zaaksysteem' });
      expect(event.url).toBe(
        `${PUBLIC_URL}/overleggen/${keyUserForum.id}#bijeenkomst-${keyUserForum.meetings[i].id}`,
      );
    }
  });

  it('gives one meeting as a file of one event on its local date', async () => {
    const next = keyUserForum.meetings.find((m) => m.date === keyUserForum.nextMeeting);
    const res = await member.get(`/api/meetings/${next?.id}/ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bijeenkomst-${next?.date}.ics"`,
    );
    const [event, ...rest] = parse(res.text);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ allDay: true, date: next?.date });
    // The same meeting keeps its UID in the forum's file, so a calendar updates, not duplicates.
    const all = parse((await member.get(`/api/forums/${keyUserForum.id}/ics`)).text);
    expect(all.map((e) => e.uid)).toContain(event.uid);
  });

  it('keeps the calendars of a forum to those who may read it', async () => {
    const created = await ambassador.post('/api/forums', {
      kind: 'work-conference',
      name: 'Werkconferentie zonder het team',
      startDate: '2026-01-05',
    });
    const forum = created.body as ForumDto;
    const meeting = await ambassador.post(`/api/forums/${forum.id}/meetings`, {
      date: '2026-02-02',
    });
    expect(meeting.status).toBe(201);
    expect((await ambassador.get(`/api/forums/${forum.id}/ics`)).status).toBe(200);
    // A team member outside the forum is told neither the forum nor the meeting exists.
    expectApiError(await member.get(`/api/forums/${forum.id}/ics`), 404, 'FORUM_NOT_FOUND');
    expectApiError(
      await member.get(`/api/meetings/${meeting.body.id}/ics`),
      404,
      'MEETING_NOT_FOUND',
    );
    expectApiError(await member.get('/api/meetings/unknown/ics'), 404, 'MEETING_NOT_FOUND');
    const director = await t.signedIn(DEMO.director);
    expect((await director.get(`/api/forums/${keyUserForum.id}/ics`)).status).toBe(403);
  });
});
