import type { AgreementDto, CaseDetailDto, OrgUnitDto, PracticeDto } from '@olievlek/shared';
import { addDays, isoWeekKey, mondayOf } from '@olievlek/domain';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

const WEEKLY = { kind: 'weeks', every: 1 };

/** The 1st of the month after `date`, or `date` itself when it is a 1st. */
function firstOfMonthFrom(date: string): string {
  if (date.endsWith('-01')) return date;
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

describe('editing an agreed step over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let today: string;
  let teamId: string;
  let partnerId: string;
  let caseId: string;
  let practices: PracticeDto[];

  async function step(body: object = {}): Promise<AgreementDto> {
    const res = await ambassador.post(`/api/cases/${caseId}/agreements`, {
      title: 'Stand-up',
      cadence: WEEKLY,
      startDate: addDays(today, -35),
      status: 'running',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const department = units.find((u) => u.name === 'Belastingen') as OrgUnitDto;
    const unit = async (name: string) =>
      (await admin.post('/api/org-units', { parentId: department.id, name, headcount: 8 })).body
        .id as string;
    teamId = await unit('Stappenteam');
    partnerId = await unit('Partnerteam');
    caseId = (await ambassador.post('/api/cases', { teamId })).body.id;
    practices = (await admin.get('/api/practices')).body;
    const email = 'stappenlid@voorbeeldstad.example';
    const created = await admin.post('/api/users', {
      email,
      name: 'Sanne Stap',
      roles: ['team'],
      password: 'een-lang-wachtwoord',
      teamIds: [teamId],
    });
    expect(created.status).toBe(201);
    member = t.client();
    await member.post('/api/auth/login', { email, password: 'een-lang-wachtwoord' });
  });
  afterAll(() => t.close());

  it('changes every field of a custom step and names who changed what on the timeline', async () => {
    const a = await step();
    const owner = (await admin.get('/api/users')).body.find(
      (u: { email: string }) => u.email === 'stappenlid@voorbeeldstad.example',
    );
    const res = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      title: 'Staande start',
      startDate: addDays(today, -28),
      reviewDate: addDays(today, 30),
      endDate: addDays(today, 90),
      ownerId: owner.id,
      successCriterion: 'Elke week om 9 uur',
      partnerTeamId: partnerId,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Staande start',
      startDate: addDays(today, -28),
      reviewDate: addDays(today, 30),
      endDate: addDays(today, 90),
      owner: { id: owner.id, name: 'Sanne Stap' },
      successCriterion: 'Elke week om 9 uur',
      partnerTeam: { id: partnerId },
      version: a.version + 1,
    });
    const detail = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
    const entry = detail.timeline.find(
      (e) => e.kind === 'agreement-edit' && e.agreementId === a.id,
    );
    expect(entry).toMatchObject({
      kind: 'agreement-edit',
      on: today,
      title: 'Staande start',
      fields: [
        'title',
        'startDate',
        'reviewDate',
        'endDate',
        'owner',
        'successCriterion',
        'partnerTeam',
      ],
      by: { name: expect.any(String) },
    });
  });

  it('answers a stale edit with 409 and the step as it is saved now', async () => {
    const a = await step();
    const first = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      successCriterion: 'eerst',
    });
    expect(first.status).toBe(200);
    const stale = await admin.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      successCriterion: 'overschreven',
    });
    expectApiError(stale, 409, 'AGREEMENT_VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({
      id: a.id,
      successCriterion: 'eerst',
      version: first.body.version,
    });
    expect((await ambassador.get(`/api/agreements/${a.id}`)).body.successCriterion).toBe('eerst');
  });

  it('keeps the catalogue title of a practice step', async () => {
    const a = await step({ title: undefined, practiceId: practices[0].id });
    expectApiError(
      await ambassador.patch(`/api/agreements/${a.id}`, { version: a.version, title: 'Anders' }),
      400,
      'AGREEMENT_TITLE_FROM_CATALOGUE',
    );
    // Sending the title it has is no rename.
    const same = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      title: a.title,
      successCriterion: 'ok',
    });
    expect(same.status).toBe(200);
  });

  it('starts the new cadence at its first period from today; the weeks before keep their ticks', async () => {
    const a = await step();
    const thisWeek = isoWeekKey(today);
    const lastWeek = isoWeekKey(addDays(today, -7));
    for (const key of [lastWeek, thisWeek]) {
      const tick = await member.put(`/api/agreements/${a.id}/check-offs/${key}`, { state: 'done' });
      expect(tick.status).toBe(200);
    }
    const res = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      cadence: { kind: 'monthly' },
    });
    expect(res.status).toBe(200);
    const changed = res.body as AgreementDto;
    expect(changed.cadence).toEqual({ kind: 'monthly' });
    const from = firstOfMonthFrom(today);
    const cells = changed.rhythm.map((c) => [c.key, c.start, c.status]);
    // The weekly periods up to the change stay as they were, ticks and misses included.
    expect(cells).toContainEqual([lastWeek, mondayOf(addDays(today, -7)), 'done']);
    expect(cells).toContainEqual([thisWeek, mondayOf(today), 'done']);
    expect(cells).toContainEqual([
      isoWeekKey(addDays(today, -14)),
      mondayOf(addDays(today, -14)),
      'missed',
    ]);
    // The first monthly period starts on the first 1st from today on, and is not due yet
    // (unless today is that 1st).
    const firstMonth = changed.rhythm.find((c) => c.key === from.slice(0, 7));
    expect(firstMonth).toMatchObject({ start: from, status: from === today ? 'open' : 'not-due' });
    // The periods never overlap.
    for (let i = 1; i < changed.rhythm.length; i++) {
      expect(changed.rhythm[i].start > changed.rhythm[i - 1].end).toBe(true);
    }
    // The team's board reads the same periods: the weekly ones stay tickable up to the change.
    const undo = await member.delete(`/api/agreements/${a.id}/check-offs/${thisWeek}`);
    expect(undo.status).toBe(200);
    const detail = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
    expect(
      detail.timeline.find((e) => e.kind === 'agreement-edit' && e.agreementId === a.id),
    ).toMatchObject({ fields: ['cadence'] });
  });

  it('refuses a start date on or after a cadence change, and bad dates with a field', async () => {
    const a = await step();
    const changed = (
      await ambassador.patch(`/api/agreements/${a.id}`, {
        version: a.version,
        cadence: { kind: 'weeks', every: 2 },
      })
    ).body as AgreementDto;
    const res = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: changed.version,
      startDate: addDays(today, 60),
    });
    expectApiError(res, 400, 'AGREEMENT_INVALID_DATES');
    expect(res.body.fields).toHaveProperty('startDate');
    const ended = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: changed.version,
      endDate: addDays(today, -60),
    });
    expectApiError(ended, 400, 'AGREEMENT_INVALID_DATES');
    expect(ended.body.fields).toHaveProperty('endDate');
  });

  it('leaves the timeline alone when nothing changed', async () => {
    const a = await step();
    const res = await ambassador.patch(`/api/agreements/${a.id}`, {
      version: a.version,
      title: a.title,
      cadence: WEEKLY,
    });
    expect(res.status).toBe(200);
    const detail = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
    expect(detail.timeline.some((e) => e.kind === 'agreement-edit' && e.agreementId === a.id)).toBe(
      false,
    );
  });

  it('is for the case ambassadors and admins: a team member and an unknown step are refused', async () => {
    const a = await step();
    expect(
      (await member.patch(`/api/agreements/${a.id}`, { version: a.version, title: 'x' })).status,
    ).toBe(403);
    expectApiError(
      await ambassador.patch('/api/agreements/00000000-0000-4000-8000-000000000000', {
        version: 1,
        title: 'x',
      }),
      404,
      'AGREEMENT_NOT_FOUND',
    );
  });
});
