import { addDays } from '@olievlek/domain';
import type {
  ForumDto,
  ForumSummaryDto,
  HoudVolEntryDto,
  MeetingDto,
  OrgUnitDto,
  UserDto,
} from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { DEMO_TEAM_OF_MEMBER } from '../demo/demo-data';

describe('forums over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let director: HttpClient;
  let teams: OrgUnitDto[];
  let users: UserDto[];
  let today: string;
  const user = (email: string) => users.find((u) => u.email === email) as UserDto;
  const memberTeam = () => teams.find((u) => u.name === DEMO_TEAM_OF_MEMBER) as OrgUnitDto;
  const otherTeams = () => teams.filter((u) => u.name !== DEMO_TEAM_OF_MEMBER);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    member = await t.signedIn(DEMO.team);
    director = await t.signedIn(DEMO.director);
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    teams = units.filter((u) => u.kind === 'team' && !u.archivedAt);
    users = (await admin.get('/api/users')).body;
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  });
  afterAll(() => t.close());

  async function newForum(body: Record<string, unknown> = {}): Promise<ForumDto> {
    const res = await ambassador.post('/api/forums', {
      kind: 'key-user-meeting',
      name: 'Gebruikersoverleg zaaksysteem',
      purpose: 'Tips uitwisselen',
      startDate: addDays(today, -200),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function addMember(forum: ForumDto, teamId: string, extra: Record<string, unknown> = {}) {
    return ambassador.post(`/api/forums/${forum.id}/members`, {
      teamId,
      joinedOn: forum.startDate,
      ...extra,
    });
  }

  it('has the demo forums: a key-user meeting of twelve teams over three years and a sagging improvement team', async () => {
    const list = (await ambassador.get('/api/forums')).body as ForumSummaryDto[];
    const keyUsers = list.find(
      (f) => f.name === 'Gebruikersoverleg zaaksysteem',
    ) as ForumSummaryDto;
    expect(keyUsers).toMatchObject({
      kind: 'key-user-meeting',
      memberCount: 12,
      cadence: { kind: 'weeks', every: 6 },
    });
    const detail = (await ambassador.get(`/api/forums/${keyUsers.id}`)).body as ForumDto;
    expect(detail.meetings.filter((m) => m.date <= today).length).toBeGreaterThanOrEqual(26);
    expect(detail.nextMeeting).not.toBeNull();
    // It sagged in the middle and recovered.
    const rates = detail.meetings.filter((m) => m.members > 0).map((m) => m.present / m.members);
    const third = Math.floor(rates.length / 3);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(rates.slice(third, 2 * third))).toBeLessThan(mean(rates.slice(0, third)) - 0.2);
    expect(mean(rates.slice(-third))).toBeGreaterThan(mean(rates.slice(third, 2 * third)) + 0.2);
    // The demo member is its team's key user and sees the forum.
    expect(detail.members.find((m) => m.team.id === memberTeam().id)?.keyUser?.id).toBe(
      user(DEMO.team).id,
    );
    expect((await member.get('/api/forums')).body.map((f: ForumSummaryDto) => f.id)).toContain(
      keyUsers.id,
    );

    const radar = (await ambassador.get('/api/forums/houd-vol')).body as HoudVolEntryDto[];
    const sagging = radar.find((e) => e.forum.name === 'Verbeterteam vergunningen');
    expect(sagging?.reasons.map((r) => r.kind)).toContain('low-attendance');
    const keyUserEntry = radar.find((e) => e.forum.id === keyUsers.id);
    // Attendance recovered, so only key users dropping off are left to mention.
    expect(keyUserEntry?.reasons.length).toBeGreaterThan(0);
    expect(keyUserEntry?.reasons.every((r) => r.kind === 'key-user-dropping')).toBe(true);
    expect(
      radar.find((e) => e.forum.name === 'Verbeterteam meldingen openbare ruimte'),
    ).toBeUndefined();
  });

  it('creates a key-user meeting every six weeks by default, hosted by its creator', async () => {
    const forum = await newForum();
    expect(forum).toMatchObject({
      kind: 'key-user-meeting',
      cadence: { kind: 'weeks', every: 6 },
      host: { id: user(DEMO.ambassador).id },
      memberCount: 0,
      lastMeeting: null,
      nextDue: forum.startDate,
      canEdit: true,
      version: 1,
    });
    const improvement = await newForum({
      kind: 'improvement-team',
      name: 'Verbeterteam meldingen',
    });
    expect(improvement.cadence).toEqual({ kind: 'weeks', every: 2 });
  });

  it('records members with their key user, meetings and attendance; the summary follows', async () => {
    const forum = await newForum({ name: 'Overleg A' });
    const keyUser = user(DEMO.team);
    expect((await addMember(forum, memberTeam().id, { keyUserId: keyUser.id })).status).toBe(201);
    expect((await addMember(forum, otherTeams()[0].id)).status).toBe(201);

    const meeting = await ambassador.post(`/api/forums/${forum.id}/meetings`, {
      date: addDays(today, -14),
      minutes: 'Nieuwe versie van het zaaksysteem besproken.',
    });
    expect(meeting.status).toBe(201);
    const m = meeting.body as MeetingDto;
    const marked = await ambassador.put(`/api/meetings/${m.id}/attendance/${memberTeam().id}`, {
      mark: 'present',
    });
    expect(marked.status).toBe(200);
    await ambassador.put(`/api/meetings/${m.id}/attendance/${otherTeams()[0].id}`, {
      mark: 'apologised',
    });
    const planned = await ambassador.post(`/api/forums/${forum.id}/meetings`, {
      date: addDays(today, 28),
    });

    const detail = (await ambassador.get(`/api/forums/${forum.id}`)).body as ForumDto;
    expect(detail.memberCount).toBe(2);
    expect(detail.members.find((x) => x.team.id === memberTeam().id)?.keyUser).toEqual({
      id: keyUser.id,
      name: keyUser.name,
    });
    expect(detail.lastMeeting).toBe(addDays(today, -14));
    expect(detail.nextMeeting).toBe(planned.body.date);
    expect(detail.nextDue).toBe(addDays(today, -14 + 42));
    expect(detail.meetings[0]).toMatchObject({ present: 1, members: 2 });
    const list = (await ambassador.get('/api/forums')).body as ForumSummaryDto[];
    expect(list.find((f) => f.id === forum.id)).toMatchObject({
      memberCount: 2,
      lastMeeting: addDays(today, -14),
    });
  });

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const forum = await newForum({ name: 'Overleg B' });
    expect((await addMember(forum, memberTeam().id)).status).toBe(201);
    expectApiError(await addMember(forum, memberTeam().id), 400, 'FORUM_MEMBER_DUPLICATE');
    expectApiError(await addMember(forum, 'no-such-team'), 400, 'TEAM_NOT_FOUND');
    expectApiError(
      await addMember(forum, otherTeams()[1].id, { keyUserId: user(DEMO.team).id }),
      400,
      'FORUM_INVALID_KEY_USER',
    );
    expectApiError(
      await ambassador.post(`/api/forums/${forum.id}/meetings`, {
        date: addDays(forum.startDate, -1),
      }),
      400,
      'MEETING_BEFORE_FORUM',
    );
    const future = (
      await ambassador.post(`/api/forums/${forum.id}/meetings`, { date: addDays(today, 7) })
    ).body;
    expectApiError(
      await ambassador.put(`/api/meetings/${future.id}/attendance/${memberTeam().id}`, {
        mark: 'present',
      }),
      400,
      'MEETING_NOT_HELD',
    );
    const past = (
      await ambassador.post(`/api/forums/${forum.id}/meetings`, { date: addDays(today, -7) })
    ).body;
    expectApiError(
      await ambassador.put(`/api/meetings/${past.id}/attendance/${otherTeams()[2].id}`, {
        mark: 'present',
      }),
      400,
      'FORUM_NOT_MEMBER',
    );
    expectApiError(
      await ambassador.put(`/api/meetings/${past.id}/attendance/${memberTeam().id}`, {
        mark: 'late',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post('/api/forums', { kind: 'party', name: 'x', startDate: today }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post('/api/forums', {
        kind: 'other',
        name: 'x',
        startDate: today,
        hostId: user(DEMO.team).id,
      }),
      400,
      'FORUM_INVALID_HOST',
    );
    const after = (await ambassador.get(`/api/forums/${forum.id}`)).body as ForumDto;
    expect(after.memberCount).toBe(1);
    expect(after.meetings.map((m) => m.date)).toEqual([addDays(today, -7), addDays(today, 7)]);
    expect(after.meetings.every((m) => m.attendance.length === 0)).toBe(true);
  });

  it('answers a stale edit with 409 and keeps the other person’s change', async () => {
    const forum = await newForum({ name: 'Overleg C' });
    const first = await ambassador.patch(`/api/forums/${forum.id}`, {
      version: 1,
      name: 'Overleg C, nieuw',
    });
    expect(first.status).toBe(200);
    expectApiError(
      await admin.patch(`/api/forums/${forum.id}`, { version: 1, name: 'Overleg C, oud' }),
      409,
      'FORUM_VERSION_CONFLICT',
    );
    expect((await admin.get(`/api/forums/${forum.id}`)).body.name).toBe('Overleg C, nieuw');

    const m = (await ambassador.post(`/api/forums/${forum.id}/meetings`, { date: today }))
      .body as MeetingDto;
    expect(
      (await ambassador.patch(`/api/meetings/${m.id}`, { version: 1, minutes: 'Eerste versie' }))
        .status,
    ).toBe(200);
    expectApiError(
      await admin.patch(`/api/meetings/${m.id}`, { version: 1, minutes: 'Tweede versie' }),
      409,
      'MEETING_VERSION_CONFLICT',
    );
  });

  it('keeps a team’s history when it leaves', async () => {
    const forum = await newForum({ name: 'Overleg D' });
    await addMember(forum, otherTeams()[3].id);
    const m = (
      await ambassador.post(`/api/forums/${forum.id}/meetings`, { date: addDays(today, -30) })
    ).body;
    await ambassador.put(`/api/meetings/${m.id}/attendance/${otherTeams()[3].id}`, {
      mark: 'present',
    });
    const left = await ambassador.delete(`/api/forums/${forum.id}/members/${otherTeams()[3].id}`);
    expect(left.status).toBe(200);
    const detail = left.body as ForumDto;
    expect(detail.memberCount).toBe(0);
    expect(detail.members[0].leftOn).toBe(today);
    expect(detail.meetings[0].attendance).toEqual([
      { teamId: otherTeams()[3].id, mark: 'present' },
    ]);
    expectApiError(
      await ambassador.delete(`/api/forums/${forum.id}/members/${otherTeams()[3].id}`),
      404,
      'FORUM_NOT_MEMBER',
    );
  });

  it('lets only the host and admins change a forum; a key user may mark their own team once', async () => {
    const hosted = await admin.post('/api/forums', {
      kind: 'improvement-team',
      name: 'Verbeterteam van de admin',
      startDate: addDays(today, -60),
    });
    const forum = hosted.body as ForumDto;
    expect((await ambassador.get(`/api/forums/${forum.id}`)).body.canEdit).toBe(false);
    expectApiError(
      await ambassador.patch(`/api/forums/${forum.id}`, { version: 1, name: 'Overgenomen' }),
      403,
      'FORUM_NOT_HOST',
    );
    await admin.post(`/api/forums/${forum.id}/members`, {
      teamId: memberTeam().id,
      keyUserId: user(DEMO.team).id,
      joinedOn: forum.startDate,
    });
    await admin.post(`/api/forums/${forum.id}/members`, {
      teamId: otherTeams()[4].id,
      joinedOn: forum.startDate,
    });
    const m = (await admin.post(`/api/forums/${forum.id}/meetings`, { date: addDays(today, -3) }))
      .body;

    // The key user sees the forum of their team, and marks their own team.
    const seen = await member.get(`/api/forums/${forum.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect((await member.get('/api/forums')).body.map((f: ForumSummaryDto) => f.id)).toContain(
      forum.id,
    );
    expect(
      (await member.put(`/api/meetings/${m.id}/attendance/${memberTeam().id}`, { mark: 'present' }))
        .status,
    ).toBe(200);
    expectApiError(
      await member.put(`/api/meetings/${m.id}/attendance/${otherTeams()[4].id}`, {
        mark: 'present',
      }),
      404,
      'MEETING_NOT_FOUND',
    );
    // Once the host has recorded it, it is the host's.
    await admin.put(`/api/meetings/${m.id}/attendance/${memberTeam().id}`, { mark: 'absent' });
    expectApiError(
      await member.put(`/api/meetings/${m.id}/attendance/${memberTeam().id}`, { mark: 'present' }),
      409,
      'ATTENDANCE_SET_BY_HOST',
    );
    // A forum without the member's team is not there for them.
    const other = await newForum({ name: 'Zonder het team' });
    expectApiError(await member.get(`/api/forums/${other.id}`), 404, 'FORUM_NOT_FOUND');
    expect((await member.get('/api/forums')).body.map((f: ForumSummaryDto) => f.id)).not.toContain(
      other.id,
    );
    // Directors see no forum and no attendance by name.
    expectApiError(await director.get('/api/forums'), 403, 'FORBIDDEN_ROLE');
    expectApiError(await director.get('/api/forums/houd-vol'), 403, 'FORBIDDEN_ROLE');
  });

  it('lists forums that need a houd vol, the longest silent first, with the reasons', async () => {
    const silent = await newForum({ name: 'Stil overleg', startDate: addDays(today, -300) });
    await addMember(silent, otherTeams()[5].id);
    const m = (
      await ambassador.post(`/api/forums/${silent.id}/meetings`, { date: addDays(today, -100) })
    ).body;
    await ambassador.put(`/api/meetings/${m.id}/attendance/${otherTeams()[5].id}`, {
      mark: 'present',
    });

    const sagging = await newForum({
      name: 'Teruglopend overleg',
      startDate: addDays(today, -120),
    });
    const members = otherTeams().slice(6, 10);
    for (const team of members) await addMember(sagging, team.id);
    for (const [i, present] of [4, 1, 1].entries()) {
      const meeting = (
        await ambassador.post(`/api/forums/${sagging.id}/meetings`, {
          date: addDays(today, -84 + i * 42),
        })
      ).body as MeetingDto;
      for (const [j, team] of members.entries())
        await ambassador.put(`/api/meetings/${meeting.id}/attendance/${team.id}`, {
          mark: j < present ? 'present' : 'absent',
        });
    }

    const res = await ambassador.get('/api/forums/houd-vol');
    expect(res.status).toBe(200);
    const radar = res.body as HoudVolEntryDto[];
    const names = radar.map((e) => e.forum.name);
    expect(names.indexOf('Stil overleg')).toBeLessThan(names.indexOf('Teruglopend overleg'));
    expect(radar.find((e) => e.forum.id === silent.id)?.reasons).toEqual([
      { kind: 'silent', since: addDays(today, -100), days: 100, dueBy: addDays(today, -100 + 63) },
    ]);
    const sag = radar.find((e) => e.forum.id === sagging.id) as HoudVolEntryDto;
    expect(sag.reasons.map((r) => r.kind)).toEqual([
      'low-attendance',
      'key-user-dropping',
      'key-user-dropping',
      'key-user-dropping',
    ]);
    expect(
      sag.reasons.find((r) => r.kind === 'key-user-dropping' && r.team.id === members[1].id),
    ).toMatchObject({ team: { name: members[1].name }, missed: 2, of: 3 });
    expect(
      sag.reasons.some((r) => r.kind === 'key-user-dropping' && r.team.id === members[0].id),
    ).toBe(false);
    for (let i = 1; i < radar.length; i++)
      expect(radar[i - 1].silentDays).toBeGreaterThanOrEqual(radar[i].silentDays);
    expectApiError(await member.get('/api/forums/houd-vol'), 403, 'FORBIDDEN_ROLE');
  });
});
