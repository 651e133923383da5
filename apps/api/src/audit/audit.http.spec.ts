import type { AuditEventDto, AuditPageDto, CaseDetailDto, CaseloadDto } from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { AUDIT_CSV_COLUMNS } from './audit-csv';

describe('audit log over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let ambassadorId: string;
  const startedAt = new Date(Date.now() - 1000).toISOString();

  const events = async (query: string): Promise<AuditEventDto[]> => {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.status).toBe(200);
    return (res.body as AuditPageDto).events;
  };

  /** The export as bytes: Response.text() would silently drop the byte order mark we test for. */
  const download = async (client: HttpClient, query: string) => {
    const res = await fetch(`${t.baseUrl}/api/audit/export?${query}`, {
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    ambassadorId = (await ambassador.get('/api/auth/me')).body.id;
  });
  afterAll(() => t.close());

  it("records an ambassador's read of a case's private notes, and an admin finds it", async () => {
    const caseload = (await ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const withNotes = [];
    for (const c of caseload.cases) {
      const detail = (await ambassador.get(`/api/cases/${c.id}`)).body as CaseDetailDto;
      if (detail.intake?.situation && detail.observations?.length) withNotes.push(detail);
    }
    expect(withNotes.length).toBeGreaterThan(0);
    const read = withNotes[0];

    const found = await events(`actorId=${ambassadorId}&action=note.read&limit=200`);
    const observationIds = (read.observations ?? []).map((o) => o.id);
    const observationReads = found.filter(
      (e) => e.objectType === 'observation' && observationIds.includes(e.objectId ?? ''),
    );
    expect(observationReads.map((e) => e.objectId).sort()).toEqual([...observationIds].sort());
    expect(found.some((e) => e.objectType === 'intake')).toBe(true);

    // The BIO2 fields: actor, action, object, result, origin, time.
    const event = observationReads[0];
    expect(event).toEqual({
      id: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      actorId: ambassadorId,
      actorName: expect.any(String),
      actorEmail: DEMO.ambassador,
      action: 'note.read',
      objectType: 'observation',
      objectId: observationIds[0],
      objectName: null,
      result: 'success',
      origin: '127.0.0.1',
      detail: null,
    });
    expect(event.at >= startedAt && event.at <= new Date().toISOString()).toBe(true);

    // The same read, found by a piece of the ambassador's e-mail address instead of the id.
    const byText = await events(`actor=AMBASSADEUR@voorbeeld&action=note.read&limit=200`);
    expect(byText.map((e) => e.id)).toEqual(found.map((e) => e.id));
  });

  it('records failed sign-ins: a known account with its actor, an unknown one without', async () => {
    const stranger = t.client();
    expect(
      (
        await stranger.post('/api/auth/login', {
          email: DEMO.team,
          password: 'verkeerd-wachtwoord',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await stranger.post('/api/auth/login', {
          email: 'niemand@voorbeeldstad.example',
          password: 'verkeerd-wachtwoord',
        })
      ).status,
    ).toBe(401);

    const failures = await events('action=auth.login&result=failure');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatchObject({
      actorEmail: DEMO.team,
      action: 'auth.login',
      objectType: 'user',
      result: 'failure',
      origin: '127.0.0.1',
    });
    expect(failures[0]).toMatchObject({ actorId: null, actorName: null, result: 'failure' });
    // Newest first.
    expect(failures[0].at >= failures[1].at).toBe(true);

    const successes = await events('action=auth.login&result=success');
    expect(successes.map((e) => e.actorEmail)).toEqual(
      expect.arrayContaining([DEMO.admin, DEMO.ambassador]),
    );
  });

  it('filters by object and by day, and pages newest first without gaps or repeats', async () => {
    const [first] = await events('action=note.read&objectType=observation&limit=1');
    const byObject = await events(`objectType=observation&objectId=${first.objectId}`);
    expect(byObject.length).toBeGreaterThan(0);
    expect(byObject.every((e) => e.objectId === first.objectId)).toBe(true);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect((await events(`from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    expect(await events(`from=${tomorrow}`)).toEqual([]);
    expect(await events(`to=2000-01-01`)).toEqual([]);

    const all = await events('limit=200');
    const paged: AuditEventDto[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = res.body as AuditPageDto;
      expect(page.events.length).toBeLessThanOrEqual(3);
      paged.push(...page.events);
      cursor = page.nextCursor;
    } while (cursor && paged.length < all.length);
    // Reading pages wrote no events (only note reads and changes do), so the lists match.
    expect(paged.map((e) => e.id)).toEqual(all.slice(0, paged.length).map((e) => e.id));
    const times = paged.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const actions = (await admin.get('/api/audit/actions')).body as string[];
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'note.read']));
    expect([...actions].sort()).toEqual(actions);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['result=maybe', 'result'],
    ['from=2026-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['action=DROP%20TABLE', 'action'],
    ['objectType=1%3D1', 'objectType'],
    ['cursor=not%20a%20cursor', 'cursor'],
    ['cursor=Zm9v', 'cursor'],
    ['from=2026-02-02&to=2026-02-01', 'to'],
    ['colour=red', 'colour'],
    ['action=a&action=b', 'action'],
    ['actor=a%00b', 'actor'],
    ['objectId=%00', 'objectId'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const res = await admin.get(`/api/audit?${query}`);
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields ?? {})).toContain(field);
  });

  it('names the people, units and cases it shows, as they are called now; the export keeps ids', async () => {
    const units = (await admin.get('/api/org-units')).body as Array<{ id: string; kind: string }>;
    const department = units.find((u) => u.kind === 'department');
    const created = await admin.post('/api/org-units', {
      name: 'Team Naamgeving',
      parentId: department?.id,
    });
    expect(created.status).toBe(201);
    const unit = created.body as { id: string };
    const unitEvents = await events(`objectType=org_unit&objectId=${unit.id}`);
    expect(unitEvents.length).toBeGreaterThan(0);
    expect(unitEvents.map((e) => e.objectName)).toEqual(unitEvents.map(() => 'Team Naamgeving'));

    const userEvents = await events(`objectType=user&objectId=${ambassadorId}&limit=1`);
    expect(userEvents[0].objectName).toBe((await ambassador.get('/api/auth/me')).body.name);

    const caseload = (await ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const own = caseload.cases[0];
    expect(
      (await ambassador.post(`/api/cases/${own.id}/ambassadors`, { userId: ambassadorId })).status,
    ).toBe(200);
    const caseEvents = await events(`objectType=case&objectId=${own.id}&action=case.share`);
    expect(caseEvents[0].objectName).toBe(own.team.name);

    const { text } = await download(admin, `objectType=org_unit&objectId=${unit.id}`);
    const [header, row] = text.slice(1).split('\r\n');
    expect(header).not.toContain('object_name');
    expect(row).toContain(`"org_unit","${unit.id}"`);
  });

  it('rejects bad export filters the same way, before anything is recorded', async () => {
    const before = (await events('action=audit.export')).length;
    for (const query of ['format=xlsx', 'delimiter=tab', 'result=maybe']) {
      expectApiError(await admin.get(`/api/audit/export?${query}`), 400, 'VALIDATION_FAILED');
    }
    expect(await events('action=audit.export')).toHaveLength(before);
  });

  it('is for admins only: others get 403 (and that refusal is logged), anonymous 401', async () => {
    for (const email of [DEMO.ambassador, DEMO.team, DEMO.director]) {
      const client = email === DEMO.ambassador ? ambassador : await t.signedIn(email);
      expectApiError(await client.get('/api/audit'), 403, 'FORBIDDEN_ROLE');
      expectApiError(await client.get('/api/audit/actions'), 403, 'FORBIDDEN_ROLE');
      const csv = await client.get('/api/audit/export');
      expectApiError(csv, 403, 'FORBIDDEN_ROLE');
    }
    expectApiError(await t.client().get('/api/audit'), 401, 'NOT_AUTHENTICATED');
    expectApiError(await t.client().get('/api/audit/export'), 401, 'NOT_AUTHENTICATED');

    const denied = await events(`action=access.denied&actorId=${ambassadorId}`);
    expect(denied[0]).toMatchObject({
      result: 'denied',
      objectType: 'route',
      detail: { method: 'GET', route: '/api/audit/export' },
    });
  });

  it('exports CSV with a BOM and a header row, escapes formula cells, and audits the export', async () => {
    // A person whose name is a spreadsheet formula signs in: their name lands in the log.
    const created = await admin.post('/api/users', {
      email: 'formule@voorbeeldstad.example',
      name: '=HYPERLINK("https://evil.example","klik, hier")',
      roles: ['ambassador'],
      password: 'een-lang-wachtwoord',
    });
    expect(created.status).toBe(201);
    const formula = t.client();
    expect(
      (
        await formula.post('/api/auth/login', {
          email: 'formule@voorbeeldstad.example',
          password: 'een-lang-wachtwoord',
        })
      ).status,
    ).toBe(200);

    const { res, bytes, text } = await download(admin, 'action=auth.login&result=success');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="olievlek-auditlog-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const lines = text.slice(1).split('\r\n');
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    const rows = lines.slice(1, -1);
    const successes = await events('action=auth.login&result=success&limit=200');
    expect(rows).toHaveLength(successes.length);
    // Newest first: the formula person signed in last. Quoted (every cell, quotes doubled), defused.
    expect(rows[0]).toContain(
      `,"'=HYPERLINK(""https://evil.example"",""klik, hier"")","formule@voorbeeldstad.example","auth.login","user",`,
    );
    expect(rows[0]).toMatch(
      /^"\d{4}-\d{2}-\d{2}T[\d:.]+Z","\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}","[0-9a-f-]{36}",/,
    );
    expect(
      rows.every((r) => r.includes(',"auth.login","user",') && r.includes(',"success",')),
    ).toBe(true);

    // Dutch spreadsheets expect semicolons; Dutch readers get Dutch column names.
    const semi = await download(admin, 'action=auth.login&result=success&delimiter=semicolon');
    expect(semi.text.split('\r\n')[0]).toBe(
      '\uFEFF' + AUDIT_CSV_COLUMNS.map((c) => `"${c}"`).join(';'),
    );
    const dutch = await download(
      admin,
      'action=auth.login&result=success&delimiter=semicolon&language=nl',
    );
    expect(dutch.text.split('\r\n')[0]).toBe(
      '\uFEFF' +
        'tijdstip_utc;tijdstip_lokaal;wie_id;wie_naam;wie_e-mail;actie;soort_gegeven;kenmerk_gegeven;resultaat;herkomst;details'
          .split(';')
          .map((c) => `"${c}"`)
          .join(';'),
    );
    // The values stay the same: ISO times and action codes.
    expect(dutch.text.split('\r\n')[1]).toContain(';"auth.login";"user";');
    expect(semi.text).toContain(
      `;"'=HYPERLINK(""https://evil.example"",""klik, hier"")";"formule@voorbeeldstad.example";`,
    );

    // The export is itself in the log, with who, when, from where and which filter.
    // (Other tests export too: count this test's three, the ones of the sign-in filter.)
    const exports = (await events('action=audit.export')).filter(
      (e) => (e.detail as { filter?: { action?: string } }).filter?.action === 'auth.login',
    );
    expect(exports).toHaveLength(3);
    expect(exports[0]).toMatchObject({
      actorEmail: DEMO.admin,
      objectType: 'audit_log',
      result: 'success',
      origin: '127.0.0.1',
      detail: { format: 'csv', filter: { action: 'auth.login', result: 'success' } },
    });
  });

  it('offers no way to change or delete an event', async () => {
    const [event] = await events('limit=1');
    for (const method of ['PATCH', 'PUT', 'DELETE', 'POST']) {
      for (const path of ['/api/audit', `/api/audit/${event.id}`]) {
        const res = await admin.request(method, path, method === 'DELETE' ? undefined : {});
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
    }
    const doc = (await t.client().get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const auditOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/audit'))
      .flatMap(([, methods]) => Object.keys(methods));
    expect(new Set(auditOperations)).toEqual(new Set(['get']));
    expect((await events('limit=200')).find((e) => e.id === event.id)).toEqual(event);
  });
});
