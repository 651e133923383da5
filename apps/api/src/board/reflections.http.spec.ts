import type { BoardAgreementDto, OrgUnitDto } from '@olievlek/shared';
import { addDays, isoWeekKey } from '@olievlek/domain';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('a member edits or removes their own reflection while its period lasts', () => {
  let t: TestApp;
  let admin: HttpClient;
  let stepId: string;
  let today: string;
  const members: HttpClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    const ambassador = await t.signedIn(DEMO.ambassador);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const department = units.find((u) => u.name === 'Belastingen') as OrgUnitDto;
    const teamId = (
      await admin.post('/api/org-units', {
        parentId: department.id,
        name: 'Reflectieteam',
        headcount: 9,
      })
    ).body.id;
    const caseId = (await ambassador.post('/api/cases', { teamId })).body.id;
    stepId = (
      await ambassador.post(`/api/cases/${caseId}/agreements`, {
        title: 'Terugblik',
        cadence: { kind: 'weeks', every: 1 },
        startDate: addDays(today, -21),
        status: 'running',
      })
    ).body.id;
    for (const name of ['reflectie-a', 'reflectie-b']) {
      const email = `${name}@voorbeeldstad.example`;
      await admin.post('/api/users', {
        email,
        name,
        roles: ['team'],
        password: 'een-lang-wachtwoord',
        teamIds: [teamId],
      });
      const client = t.client();
      await client.post('/api/auth/login', { email, password: 'een-lang-wachtwoord' });
      members.push(client);
    }
  });
  afterAll(() => t.close());

  const path = (key: string) => `/api/agreements/${stepId}/reflections/${key}`;

  it('changes and removes it in the current period; then it is gone', async () => {
    const key = isoWeekKey(today);
    const [a] = members;
    expect((await a.put(path(key), { text: 'Eerste gedachte' })).status).toBe(200);
    const edited = await a.put(path(key), { text: 'Beter verwoord' });
    expect((edited.body as BoardAgreementDto).reflections.map((r) => r.text)).toEqual([
      'Beter verwoord',
    ]);
    const removed = await a.delete(path(key));
    expect(removed.status).toBe(200);
    expect((removed.body as BoardAgreementDto).reflections).toEqual([]);
    expectApiError(await a.delete(path(key)), 404, 'REFLECTION_NOT_FOUND');
  });

  it("never removes a colleague's reflection", async () => {
    const key = isoWeekKey(today);
    const [a, b] = members;
    await a.put(path(key), { text: 'Van mij' });
    expectApiError(await b.delete(path(key)), 404, 'REFLECTION_NOT_FOUND');
    const board = (await b.get('/api/board')).body;
    const step = board.teams[0].agreements.find((s: BoardAgreementDto) => s.id === stepId);
    expect(step.reflections.map((r: { text: string }) => r.text)).toContain('Van mij');
  });

  it('keeps a reflection of a period that is over as it was written (409)', async () => {
    const lastWeek = isoWeekKey(addDays(today, -7));
    const [, b] = members;
    expect((await b.put(path(lastWeek), { text: 'Achteraf' })).status).toBe(200);
    expectApiError(
      await b.put(path(lastWeek), { text: 'Toch anders' }),
      409,
      'REFLECTION_PERIOD_OVER',
    );
    expectApiError(await b.delete(path(lastWeek)), 409, 'REFLECTION_PERIOD_OVER');
  });

  it('refuses a period not yet started, and anyone outside the team', async () => {
    const [a] = members;
    expectApiError(
      await a.delete(path(isoWeekKey(addDays(today, 14)))),
      400,
      'CHECKOFF_UNKNOWN_PERIOD',
    );
    const outsider = await t.signedIn(DEMO.team);
    expect((await outsider.delete(path(isoWeekKey(today)))).status).toBe(403);
  });
});
