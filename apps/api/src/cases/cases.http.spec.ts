import { CASE_LIST_MAX, CASES_TOTAL_HEADER } from '@olievlek/shared';
import type {
  AgreementDto,
  CaseDetailDto,
  CaseSummaryDto,
  OrgUnitDto,
  PracticeDto,
  UserDto,
} from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

const WEEKLY = { kind: 'weeks', every: 1 };

describe('the ambassador case flow over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let units: OrgUnitDto[];
  let practices: PracticeDto[];
  let users: UserDto[];
  const team = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;
  const practice = (nl: string) => practices.find((p) => p.title.nl.startsWith(nl)) as PracticeDto;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    units = (await admin.get('/api/org-units')).body;
    practices = (await admin.get('/api/practices')).body;
    users = (await admin.get('/api/users')).body;
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  });
  afterAll(() => t.close());

  /** A fresh team (the demo teams already have a history), and a case opened for it. */
  async function newTeam(name: string): Promise<OrgUnitDto> {
    const department = team('Publiekszaken');
    const res = await admin.post('/api/org-units', {
      parentId: department.id,
      name: `${name} (test)`,
      headcount: 8,
    });
    expect(res.status).toBe(201);
    units.push(res.body);
    return res.body;
  }
  async function openCase(client: HttpClient, teamName: string): Promise<CaseDetailDto> {
    const fresh = await newTeam(teamName);
    const res = await client.post('/api/cases', { teamId: fresh.id });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('seeds the catalogue with the eleven practices of docs/design.md in Dutch and English', () => {
    expect(practices).toHaveLength(11);
    const doel = practice('Begin elk overleg');
    expect(doel.title.en).toBe('Start every meeting with its purpose');
    expect(doel.cadence).toEqual(WEEKLY);
    expect(practice('Key-useroverleg').cadence).toEqual({ kind: 'weeks', every: 6 });
    expect(practice('Key-useroverleg').needsPartner).toBe(true);
  });

  it('lists the cases by team name, all or a page of them with the total in a header', async () => {
    const all = await admin.get('/api/cases?status=open');
    expect(all.status).toBe(200);
    const list = all.body as CaseSummaryDto[];
    expect(list.length).toBeGreaterThan(3);
    expect(all.headers.get(CASES_TOTAL_HEADER)).toBe(String(list.length));
    const names = list.map((c) => c.team.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    const page = await admin.get('/api/cases?status=open&limit=2&offset=1');
    expect(page.body).toEqual(list.slice(1, 3));
    expect(page.headers.get(CASES_TOTAL_HEADER)).toBe(String(list.length));
    for (const bad of ['status=nu', 'limit=0', `limit=${CASE_LIST_MAX + 1}`, 'limit=2&offset=-1'])
      expectApiError(await admin.get(`/api/cases?${bad}`), 400, 'VALIDATION_FAILED');
  });

  it('opens a case: one open case per team, not for an archived or unknown team', async () => {
    const opened = await openCase(ambassador, 'Burgerzaken Balie');
    expect(opened).toMatchObject({
      status: 'open',
      stage: 'intake',
      canEdit: true,
      openedOn: today,
    });
    expect(opened.ambassadors.map((a) => a.name)).toEqual(['Sanne Bakker']);
    expectApiError(
      await ambassador.post('/api/cases', { teamId: team('Burgerzaken Balie').id }),
      409,
      'CASE_ALREADY_OPEN',
    );
    expectApiError(
      await ambassador.post('/api/cases', { teamId: team('Publiekszaken').id }),
      400,
      'TEAM_NOT_FOUND',
    );
    expectApiError(await ambassador.post('/api/cases', { teamId: 'nope' }), 400, 'TEAM_NOT_FOUND');
    const archive = await newTeam('Archief');
    await admin.post(`/api/org-units/${archive.id}/archive`, { version: archive.version });
    expectApiError(
      await ambassador.post('/api/cases', { teamId: archive.id }),
      400,
      'TEAM_ARCHIVED',
    );
  });

  it('runs the whole flow: intake, two catalogue steps, a hand-off step, an observation, pause and resume', async () => {
    const c = await openCase(ambassador, 'Klantcontactcentrum');
    const intake = await ambassador.put(`/api/cases/${c.id}/intake`, {
      version: 0,
      heldOn: today,
      participants: 'Teamleider, 6 medewerkers',
      situation: 'Spanning in het MT over de wachttijden.',
      wishes: 'Minder langs elkaar heen werken met Burgerzaken.',
      themes: ['Vertrouwen', 'Overdrachten en processen', 'Telefonie'],
    });
    expect(intake.status).toBe(200);
    expect(intake.body).toMatchObject({
      version: 1,
      situation: 'Spanning in het MT over de wachttijden.',
    });

    const doel = await ambassador.post(`/api/cases/${c.id}/agreements`, {
      practiceId: practice('Begin elk overleg').id,
      cadence: WEEKLY,
      startDate: today,
      status: 'running',
      successCriterion: 'Elk overleg begint met een doel',
    });
    expect(doel.status).toBe(201);
    expect(doel.body).toMatchObject({
      title: 'Begin elk overleg met het doel (doel vooraf)',
      status: 'running',
      allowedTransitions: ['paused', 'adopted', 'dropped'],
    });
    expect(doel.body.rhythm).toHaveLength(12);
    expect(doel.body.rhythm[0].status).toBe('open');
    expect(doel.body.rhythm[1].status).toBe('not-due');

    const halfUur = await ambassador.post(`/api/cases/${c.id}/agreements`, {
      practiceId: practice('Wekelijks een half uur').id,
      cadence: WEEKLY,
      startDate: today,
      status: 'running',
    });
    expect(halfUur.status).toBe(201);
    const handOff = await ambassador.post(`/api/cases/${c.id}/agreements`, {
      practiceId: practice('Gezamenlijke procesanalyse').id,
      cadence: { kind: 'once' },
      startDate: today,
      partnerTeamId: team('Burgerzaken Balie').id,
    });
    expect(handOff.status).toBe(201);
    expect(handOff.body.partnerTeam.name).toBe('Burgerzaken Balie');

    const obs = await ambassador.post(`/api/cases/${c.id}/observations`, {
      observedOn: today,
      text: 'Eerste overleg met doel vooraf liep stroef.',
    });
    expect(obs.status).toBe(201);

    const paused = await ambassador.post(`/api/agreements/${doel.body.id}/status`, {
      version: doel.body.version,
      status: 'paused',
      reason: 'Zomerrooster',
    });
    expect(paused.status).toBe(200);
    const resumed = await ambassador.post(`/api/agreements/${doel.body.id}/status`, {
      version: paused.body.version,
      status: 'running',
      reason: 'Na de zomer weer',
    });
    expect(resumed.body.status).toBe('running');
    expect(resumed.body.history.map((h: { to: string }) => h.to)).toEqual([
      'running',
      'paused',
      'running',
    ]);

    const detail = (await ambassador.get(`/api/cases/${c.id}`)).body as CaseDetailDto;
    expect(detail.stage).toBe('experimenting');
    expect(detail.agreements).toHaveLength(3);
    expect(detail.intake?.situation).toContain('Spanning');
    expect(detail.observations?.map((o) => o.text)).toEqual([
      'Eerste overleg met doel vooraf liep stroef.',
    ]);
    expect(detail.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['case-opened', 'intake', 'agreement-status', 'observation']),
    );

    const caseload = (await ambassador.get('/api/cases/caseload')).body;
    expect(caseload.cases.map((s: { team: { name: string } }) => s.team.name)).toContain(
      'Klantcontactcentrum (test)',
    );
  });

  it('keeps other ambassadors, team members and directors away from the notes', async () => {
    const c = await openCase(ambassador, 'Datateam');
    await ambassador.put(`/api/cases/${c.id}/intake`, {
      version: 0,
      heldOn: today,
      participants: 'team',
      situation: 'GEHEIM-situatie',
      wishes: '',
      themes: [],
    });
    await ambassador.post(`/api/cases/${c.id}/observations`, {
      observedOn: today,
      text: 'GEHEIM-observatie',
    });

    const other = await admin.post('/api/users', {
      email: 'tweede.ambassadeur@voorbeeldstad.example',
      name: 'Tweede Ambassadeur',
      roles: ['ambassador'],
      password: 'een-lang-wachtwoord',
    });
    expect(other.status).toBe(201);
    const otherClient = t.client();
    await otherClient.post('/api/auth/login', {
      email: 'tweede.ambassadeur@voorbeeldstad.example',
      password: 'een-lang-wachtwoord',
    });

    const seen = await otherClient.get(`/api/cases/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect(seen.text).not.toContain('GEHEIM');
    expect(seen.body.observations).toBeUndefined();
    expectApiError(
      await otherClient.get(`/api/cases/${c.id}/intake/revisions`),
      403,
      'CASE_NOT_ASSIGNED',
    );
    expectApiError(
      await otherClient.post(`/api/cases/${c.id}/observations`, { observedOn: today, text: 'x' }),
      403,
      'CASE_NOT_ASSIGNED',
    );
    expectApiError(
      await otherClient.put(`/api/cases/${c.id}/intake`, {
        version: 1,
        heldOn: today,
        participants: '',
        situation: 'overschreven',
        wishes: '',
        themes: [],
      }),
      403,
      'CASE_NOT_ASSIGNED',
    );

    for (const email of [DEMO.team, DEMO.director]) {
      const client = await t.signedIn(email);
      const res = await client.get(`/api/cases/${c.id}`);
      expectApiError(res, 403, 'FORBIDDEN_ROLE');
      expect(res.text).not.toContain('GEHEIM');
      expectApiError(await client.get('/api/cases'), 403, 'FORBIDDEN_ROLE');
    }

    const list = await otherClient.get('/api/cases');
    expect(list.text).not.toContain('GEHEIM');

    // Shared with the second ambassador, the notes open up for them.
    const shared = await ambassador.post(`/api/cases/${c.id}/ambassadors`, {
      userId: other.body.id,
    });
    expect(shared.status).toBe(200);
    expect((await otherClient.get(`/api/cases/${c.id}`)).text).toContain('GEHEIM-observatie');
  });

  it('writes every read of a private note to the audit log', async () => {
    const c = await openCase(ambassador, 'Servicedesk ICT');
    await ambassador.post(`/api/cases/${c.id}/observations`, {
      observedOn: today,
      text: 'Let op de sfeer.',
    });
    const before = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM audit_event WHERE action = 'note.read'`,
    );
    await admin.get(`/api/cases/${c.id}`);
    const rows = await t.dataSource.query(
      `SELECT actor_id, object_type FROM audit_event WHERE action = 'note.read' ORDER BY at DESC`,
    );
    expect(rows.length).toBe(Number(before[0].n) + 1);
    const adminUser = users.find((u) => u.email === DEMO.admin) as UserDto;
    expect(rows[0]).toMatchObject({ actor_id: adminUser.id, object_type: 'observation' });
  });

  it('keeps the earlier intake in the history and refuses a stale save', async () => {
    const c = await openCase(ambassador, 'Applicatiebeheer');
    const first = await ambassador.put(`/api/cases/${c.id}/intake`, {
      version: 0,
      heldOn: today,
      participants: 'A',
      situation: 'eerste',
      wishes: '',
      themes: [],
    });
    const second = await ambassador.put(`/api/cases/${c.id}/intake`, {
      version: first.body.version,
      heldOn: today,
      participants: 'A, B',
      situation: 'tweede',
      wishes: '',
      themes: ['Werkdruk'],
    });
    expect(second.body.version).toBe(2);
    const intakeReads = async () =>
      (
        (await admin.get(`/api/audit?limit=200&action=note.read&objectType=intake`)).body
          .events as unknown[]
      ).length;
    const readsBefore = await intakeReads();
    const stale = await admin.put(`/api/cases/${c.id}/intake`, {
      version: first.body.version,
      heldOn: today,
      participants: 'C',
      situation: 'derde',
      wishes: '',
      themes: [],
    });
    expectApiError(stale, 409, 'INTAKE_VERSION_CONFLICT');
    // What the colleague saved comes along, to show beside the draft; reading it is audited.
    expect(stale.body.current).toMatchObject({
      version: 2,
      participants: 'A, B',
      situation: 'tweede',
      themes: ['Werkdruk'],
      updatedBy: { name: expect.any(String) },
    });
    expect(await intakeReads()).toBe(readsBefore + 1);
    const revisions = (await ambassador.get(`/api/cases/${c.id}/intake/revisions`)).body;
    expect(revisions).toHaveLength(1);
    expect(revisions[0].intake.situation).toBe('eerste');
    expect((await ambassador.get(`/api/cases/${c.id}`)).body.intake.situation).toBe('tweede');
  });

  it('refuses bad agreements with a clear 400 and changes nothing', async () => {
    const c = await openCase(ambassador, 'Bouwtoezicht');
    const base = { cadence: WEEKLY, startDate: today, title: 'Eigen stap' };
    const cases: Array<[object, number, string]> = [
      [{ ...base, reviewDate: '2000-01-01' }, 400, 'AGREEMENT_INVALID_DATES'],
      [{ ...base, endDate: '2000-01-01' }, 400, 'AGREEMENT_INVALID_DATES'],
      [{ ...base, practiceId: 'unknown' }, 400, 'PRACTICE_NOT_FOUND'],
      [{ ...base, partnerTeamId: c.team.id }, 400, 'AGREEMENT_INVALID_PARTNER'],
      [{ ...base, partnerTeamId: team('Publiekszaken').id }, 400, 'AGREEMENT_INVALID_PARTNER'],
      [
        { ...base, ownerId: users.find((u) => u.email === DEMO.team)?.id },
        400,
        'AGREEMENT_INVALID_OWNER',
      ],
      [{ ...base, startDate: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, cadence: { kind: 'weeks', every: 0 } }, 400, 'VALIDATION_FAILED'],
      [{ ...base, cadence: { kind: 'daily' } }, 400, 'VALIDATION_FAILED'],
      [{ cadence: WEEKLY, startDate: today }, 400, 'VALIDATION_FAILED'],
      [{ ...base, status: 'adopted' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      expectApiError(await ambassador.post(`/api/cases/${c.id}/agreements`, body), status, code);
    }
    expect((await ambassador.get(`/api/cases/${c.id}`)).body.agreements).toHaveLength(0);
  });

  it('refuses a note of 100 kB and stores HTML as text', async () => {
    const c = await openCase(ambassador, 'Groenbeheer');
    const huge = await ambassador.post(`/api/cases/${c.id}/observations`, {
      observedOn: today,
      text: 'x'.repeat(100_000),
    });
    expectApiError(huge, 400, 'VALIDATION_FAILED');
    expect(huge.body.fields).toHaveProperty('text');
    const html = '<script>alert("x")</script><b>vet</b>';
    expect(
      (await ambassador.post(`/api/cases/${c.id}/observations`, { observedOn: today, text: html }))
        .status,
    ).toBe(201);
    const detail = (await ambassador.get(`/api/cases/${c.id}`)).body as CaseDetailDto;
    expect(detail.observations?.map((o) => o.text)).toEqual([html]);
  });

  it('allows only legal status transitions, with 409 for the rest and for a stale version', async () => {
    const c = await openCase(ambassador, 'Afvalinzameling');
    const a = (
      await ambassador.post(`/api/cases/${c.id}/agreements`, {
        title: 'Verbeterbord',
        cadence: WEEKLY,
        startDate: today,
      })
    ).body as AgreementDto;
    expect(a.status).toBe('proposed');
    expectApiError(
      await ambassador.post(`/api/agreements/${a.id}/status`, {
        version: a.version,
        status: 'paused',
        reason: 'x',
      }),
      409,
      'AGREEMENT_INVALID_TRANSITION',
    );
    const adopted = (
      await ambassador.post(`/api/agreements/${a.id}/status`, {
        version: a.version,
        status: 'running',
        reason: 'start',
      })
    ).body as AgreementDto;
    const done = await ambassador.post(`/api/agreements/${a.id}/status`, {
      version: adopted.version,
      status: 'adopted',
      reason: 'eigen gemaakt',
    });
    expect(done.body.status).toBe('adopted');
    expectApiError(
      await ambassador.post(`/api/agreements/${a.id}/status`, {
        version: done.body.version,
        status: 'running',
        reason: 'x',
      }),
      409,
      'AGREEMENT_INVALID_TRANSITION',
    );
    expectApiError(
      await ambassador.patch(`/api/agreements/${a.id}`, { version: 1, title: 'oud' }),
      409,
      'AGREEMENT_VERSION_CONFLICT',
    );
    // A status change on a stale version is a conflict, not a refused transition, and it carries
    // the step as it is saved now.
    const stale = await ambassador.post(`/api/agreements/${a.id}/status`, {
      version: adopted.version,
      status: 'paused',
      reason: 'vakantie',
    });
    expectApiError(stale, 409, 'AGREEMENT_VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({
      id: a.id,
      status: 'adopted',
      version: done.body.version,
    });
    expectApiError(
      await ambassador.post(`/api/agreements/${a.id}/status`, {
        version: done.body.version,
        status: 'dropped',
        reason: '',
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('lets only one of two simultaneous edits of an agreement win', async () => {
    const c = await openCase(ambassador, 'Wegen en Riolering');
    const a = (
      await ambassador.post(`/api/cases/${c.id}/agreements`, {
        title: 'Stand-up',
        cadence: WEEKLY,
        startDate: today,
      })
    ).body as AgreementDto;
    const [x, y] = await Promise.all([
      ambassador.patch(`/api/agreements/${a.id}`, { version: a.version, successCriterion: 'A' }),
      admin.patch(`/api/agreements/${a.id}`, { version: a.version, successCriterion: 'B' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
  });

  it('closes a case with a summary; a closed case no longer changes, and a new one can open', async () => {
    const c = await openCase(ambassador, 'Omgevingsvisie');
    const closed = await ambassador.post(`/api/cases/${c.id}/close`, {
      version: c.version,
      closingSummary: 'Team loopt zelfstandig verder.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closingSummary: 'Team loopt zelfstandig verder.',
    });
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/observations`, { observedOn: today, text: 'x' }),
      409,
      'CASE_CLOSED',
    );
    expect(
      (await ambassador.post('/api/cases', { teamId: team('Omgevingsvisie').id })).status,
    ).toBe(201);
  });

  it('answers 404 for unknown cases and agreements', async () => {
    expectApiError(await ambassador.get('/api/cases/unknown'), 404, 'CASE_NOT_FOUND');
    expectApiError(await ambassador.get('/api/agreements/unknown'), 404, 'AGREEMENT_NOT_FOUND');
    expectApiError(
      await ambassador.post('/api/agreements/unknown/status', {
        version: 1,
        status: 'running',
        reason: 'x',
      }),
      404,
      'AGREEMENT_NOT_FOUND',
    );
  });

  it('lets admins manage the catalogue; retired practices stay on agreements but cannot be chosen anew', async () => {
    const created = await admin.post('/api/practices', {
      title: { nl: 'Lunchwandeling met een ander team', en: 'Lunch walk with another team' },
      description: { nl: 'Eens per maand samen wandelen.', en: 'Walk together once a month.' },
      why: { nl: 'Informeel contact.', en: 'Informal contact.' },
      cadence: { kind: 'monthly' },
      category: 'trust',
      needsPartner: true,
    });
    expect(created.status).toBe(201);
    const c = await openCase(ambassador, 'Verkeer en Parkeren');
    const a = await ambassador.post(`/api/cases/${c.id}/agreements`, {
      practiceId: created.body.id,
      cadence: { kind: 'monthly' },
      startDate: today,
    });
    expect(a.status).toBe(201);
    const retired = await admin.post(`/api/practices/${created.body.id}/retire`, {
      version: created.body.version,
    });
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect(
      (await ambassador.get('/api/practices')).body.some(
        (p: PracticeDto) => p.id === created.body.id,
      ),
    ).toBe(false);
    expect((await ambassador.get(`/api/agreements/${a.body.id}`)).body.practiceId).toBe(
      created.body.id,
    );
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/agreements`, {
        practiceId: created.body.id,
        cadence: { kind: 'monthly' },
        startDate: today,
      }),
      400,
      'PRACTICE_RETIRED',
    );
    expectApiError(await ambassador.post('/api/practices', {}), 403, 'FORBIDDEN_ROLE');
    const bad = await admin.post('/api/practices', {
      title: { nl: '', en: 'x' },
      cadence: { kind: 'weeks' },
    });
    expectApiError(bad, 400, 'VALIDATION_FAILED');
  });

  it('shows a believable demo history: a caseload with every stage and a stalled radar, longest silence first', async () => {
    const caseload = (await ambassador.get('/api/cases/caseload')).body;
    expect(caseload.cases.length).toBeGreaterThanOrEqual(8);
    const all = (await ambassador.get('/api/cases')).body as Array<{
      stage: string;
      status: string;
    }>;
    expect(all.length).toBeGreaterThanOrEqual(38);
    expect(new Set(all.map((c) => c.stage))).toEqual(
      new Set(['intake', 'experimenting', 'practising', 'spreading']),
    );
    expect(all.some((c) => c.status === 'closed')).toBe(true);
    const silences = caseload.stalledRadar.map((r: { longestSilence: number }) => r.longestSilence);
    expect(silences.length).toBeGreaterThan(0);
    expect(silences).toEqual([...silences].sort((a: number, b: number) => b - a));
    expect(silences.every((s: number) => s >= 3)).toBe(true);
  });

  it('lists active ambassadors to share with; only admins unassign, and a case keeps one ambassador', async () => {
    const list = (await ambassador.get('/api/cases/ambassadors')).body as Array<{
      id: string;
      name: string;
    }>;
    expect(list.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Sanne Bakker', 'Ruben Vermeulen']),
    );
    expect(JSON.stringify(list)).not.toMatch(/@|roles/);
    expectApiError(
      await (await t.signedIn(DEMO.team)).get('/api/cases/ambassadors'),
      403,
      'FORBIDDEN_ROLE',
    );

    const c = await openCase(ambassador, 'Delen');
    const sanne = c.ambassadors[0];
    const ruben = list.find((p) => p.name === 'Ruben Vermeulen') as { id: string };
    expect(
      (await ambassador.post(`/api/cases/${c.id}/ambassadors`, { userId: ruben.id })).body.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(['Ruben Vermeulen', 'Sanne Bakker']);
    expectApiError(
      await ambassador.post(`/api/cases/${c.id}/ambassadors`, {
        userId: users.find((u) => u.email === DEMO.team)?.id,
      }),
      400,
      'AMBASSADOR_INVALID',
    );
    expectApiError(
      await ambassador.delete(`/api/cases/${c.id}/ambassadors/${ruben.id}`),
      403,
      'FORBIDDEN_ROLE',
    );
    const after = await admin.delete(`/api/cases/${c.id}/ambassadors/${sanne.id}`);
    expect(after.status).toBe(200);
    expect(after.body.map((p: { name: string }) => p.name)).toEqual(['Ruben Vermeulen']);
    expectApiError(
      await admin.delete(`/api/cases/${c.id}/ambassadors/${ruben.id}`),
      409,
      'AMBASSADOR_INVALID',
    );
    // Sanne no longer reads the notes of the case.
    expect((await ambassador.get(`/api/cases/${c.id}`)).body.canEdit).toBe(false);
  });
});
