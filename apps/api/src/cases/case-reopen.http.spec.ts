import type {
  AuditEventDto,
  AuditPageDto,
  CaseDetailDto,
  CaseSummaryDto,
  OrgUnitDto,
} from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('closed cases over HTTP: the list, reopening, a new case linked to the old one', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let department: OrgUnitDto;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    department = units.find((u) => u.name === 'Publiekszaken') as OrgUnitDto;
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  });
  afterAll(() => t.close());

  async function closedCase(name: string): Promise<CaseDetailDto> {
    const team = (
      await admin.post('/api/org-units', { parentId: department.id, name, headcount: 7 })
    ).body as OrgUnitDto;
    const opened = (await ambassador.post('/api/cases', { teamId: team.id })).body as CaseDetailDto;
    const closed = await ambassador.post(`/api/cases/${opened.id}/close`, {
      version: opened.version,
      closingSummary: 'Het team loopt zelf verder.',
    });
    expect(closed.status).toBe(200);
    return closed.body;
  }

  it('lists closed cases with their closing date and summary', async () => {
    const c = await closedCase('Afgesloten lijstteam');
    const res = await ambassador.get('/api/cases?status=closed');
    expect(res.status).toBe(200);
    const row = (res.body as CaseSummaryDto[]).find((s) => s.id === c.id);
    expect(row).toMatchObject({
      status: 'closed',
      closedOn: today,
      closingSummary: 'Het team loopt zelf verder.',
    });
    const open = (await ambassador.get('/api/cases?status=open')).body as CaseSummaryDto[];
    expect(open.every((s) => s.closingSummary === null)).toBe(true);
  });

  it('reopens a closed case with a reason: the closing stays on the timeline, the audit says why', async () => {
    const c = await closedCase('Heropenteam');
    const res = await ambassador.post(`/api/cases/${c.id}/reopen`, {
      version: c.version,
      reason: 'Het team vroeg om een vervolg',
    });
    expect(res.status).toBe(200);
    const reopened = res.body as CaseDetailDto;
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, closingSummary: null });
    expect(reopened.timeline).toEqual(
      expect.arrayContaining([
        { kind: 'case-closed', on: today, summary: 'Het team loopt zelf verder.' },
        {
          kind: 'case-reopened',
          on: today,
          reason: 'Het team vroeg om een vervolg',
          by: expect.objectContaining({ name: expect.any(String) }),
        },
      ]),
    );
    const audit = (await admin.get(`/api/audit?objectId=${c.id}`)).body as AuditPageDto;
    expect(audit.events.map((e: AuditEventDto) => e.action)).toContain('case.reopen');
    // Open again, it can be changed again.
    const step = await ambassador.post(`/api/cases/${c.id}/agreements`, {
      title: 'Vervolgstap',
      cadence: { kind: 'weeks', every: 1 },
      startDate: today,
    });
    expect(step.status).toBe(201);
  });

  it('refuses to reopen an open case, a stale version, an empty reason, and with another case open', async () => {
    const c = await closedCase('Weigerteam');
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/reopen`, { version: c.version, reason: '' }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/reopen`, { version: c.version - 1, reason: 'x' }),
      409,
      'CASE_VERSION_CONFLICT',
    );
    const next = (await ambassador.post('/api/cases', { teamId: c.team.id })).body as CaseDetailDto;
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/reopen`, { version: c.version, reason: 'x' }),
      409,
      'CASE_ALREADY_OPEN',
    );
    expectApiError(
      await ambassador.post(`/api/cases/${next.id}/reopen`, { version: next.version, reason: 'x' }),
      409,
      'CASE_NOT_CLOSED',
    );
    expectApiError(
      await ambassador.post('/api/cases/00000000-0000-4000-8000-000000000000/reopen', {
        version: 1,
        reason: 'x',
      }),
      404,
      'CASE_NOT_FOUND',
    );
  });

  it('links a new case of the team to the case closed before it, both ways', async () => {
    const c = await closedCase('Vervolgteam');
    const next = await ambassador.post('/api/cases', { teamId: c.team.id });
    expect(next.status).toBe(201);
    expect(next.body.previousCase).toEqual({ id: c.id, openedOn: c.openedOn, closedOn: today });
    const old = (await ambassador.get(`/api/cases/${c.id}`)).body as CaseDetailDto;
    expect(old.nextCase).toEqual({ id: next.body.id, openedOn: today });
  });

  it('lets only the case ambassadors and admins reopen it', async () => {
    const c = await closedCase('Scopeteam');
    const other = await admin.post('/api/users', {
      email: 'andere-ambassadeur@voorbeeldstad.example',
      name: 'Andere Ambassadeur',
      roles: ['ambassador'],
      password: 'een-lang-wachtwoord',
      teamIds: [],
    });
    expect(other.status).toBe(201);
    const client = t.client();
    await client.post('/api/auth/login', {
      email: 'andere-ambassadeur@voorbeeldstad.example',
      password: 'een-lang-wachtwoord',
    });
    expectApiError(
      await client.post(`/api/cases/${c.id}/reopen`, { version: c.version, reason: 'x' }),
      403,
      'CASE_NOT_ASSIGNED',
    );
    const byAdmin = await admin.post(`/api/cases/${c.id}/reopen`, {
      version: c.version,
      reason: 'Op verzoek van de directie',
    });
    expect(byAdmin.status).toBe(200);
  });
});
