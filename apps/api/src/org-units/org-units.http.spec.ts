import type { OrgUnitDto } from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('organisation units over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let units: OrgUnitDto[];
  const byName = (name: string) => {
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`no unit ${name}`);
    return unit;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    units = (await admin.get('/api/org-units')).body;
  });
  afterAll(() => t.close());

  it('lists the demo organisation: 4 directorates, 12 departments, about 60 teams with headcounts', () => {
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    expect(count('organisation')).toBe(1);
    expect(count('directorate')).toBe(4);
    expect(count('department')).toBe(12);
    expect(count('team')).toBeGreaterThanOrEqual(55);
    expect(count('team')).toBeLessThanOrEqual(65);
    expect(units.filter((u) => u.kind === 'team').every((u) => (u.headcount ?? 0) > 0)).toBe(true);
    expect(byName('Gemeente Voorbeeldstad').parentId).toBeNull();
  });

  it('lets every signed-in role read the organisation chart', async () => {
    for (const email of [DEMO.ambassador, DEMO.team, DEMO.director]) {
      const res = await (await t.signedIn(email)).get('/api/org-units');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(units.length);
    }
  });

  it('creates a department under a directorate and a team under it, deriving the kind', async () => {
    const directorate = byName('Directie Dienstverlening');
    const dep = await admin.post('/api/org-units', {
      parentId: directorate.id,
      name: '  Wijkzaken  ',
    });
    expect(dep.status).toBe(201);
    expect(dep.body).toMatchObject({
      kind: 'department',
      name: 'Wijkzaken',
      parentId: directorate.id,
      headcount: null,
      version: 1,
    });

    const team = await admin.post('/api/org-units', {
      parentId: dep.body.id,
      name: 'Wijkteam Oost',
      headcount: 9,
    });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ kind: 'team', headcount: 9 });

    const fetched = await admin.get(`/api/org-units/${team.body.id}`);
    expect(fetched.body).toEqual(team.body);
  });

  it('refuses a headcount on anything but a team, and children under a team', async () => {
    const directorate = byName('Directie Dienstverlening');
    expectApiError(
      await admin.post('/api/org-units', {
        parentId: directorate.id,
        name: 'Met bezetting',
        headcount: 4,
      }),
      400,
      'HEADCOUNT_ONLY_ON_TEAMS',
    );
    const team = byName('Datateam');
    const res = await admin.post('/api/org-units', { parentId: team.id, name: 'Subteam' });
    expectApiError(res, 400, 'ORG_UNIT_INVALID_PARENT');
    expect(res.body.fields).toHaveProperty('parentId');
  });

  it('keeps unit names visible and in one form: NFC, no invisible-only, no direction controls, no half characters', async () => {
    const parentId = byName('Financiën').id;
    for (const name of [
      '\u200b\u200b',
      '\u2060\ufeff\u00ad',
      'Team \u202eNoord',
      '\u2066Team\u2069',
      'Team \ud800',
    ]) {
      const res = await admin.request(
        'POST',
        '/api/org-units',
        `{"parentId":"${parentId}","name":${JSON.stringify(name).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}}`,
      );
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toEqual(['name']);
    }
    // "é" as e + combining accent is stored as the one character.
    const created = await admin.post('/api/org-units', { parentId, name: 'Team Cafe\u0301' });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Team Caf\u00e9');
  });

  it('refuses a sibling whose name reads the same, on creation, rename, move and restore (409)', async () => {
    const parentId = byName('Financiën').id;
    const first = await admin.post('/api/org-units', { parentId, name: 'Team Zuid' });
    expect(first.status).toBe(201);
    for (const name of ['team zuid', 'TEAM  ZUID', ' Team Zuid ']) {
      expectApiError(
        await admin.post('/api/org-units', { parentId, name }),
        409,
        'ORG_UNIT_NAME_TAKEN',
      );
    }
    // The decomposed spelling of a name already there is the same name.
    expectApiError(
      await admin.post('/api/org-units', { parentId, name: 'team cafe\u0301' }),
      409,
      'ORG_UNIT_NAME_TAKEN',
    );
    const second = await admin.post('/api/org-units', { parentId, name: 'Team West' });
    expect(second.status).toBe(201);
    expectApiError(
      await admin.patch(`/api/org-units/${second.body.id}`, {
        version: second.body.version,
        name: 'Team zuid',
      }),
      409,
      'ORG_UNIT_NAME_TAKEN',
    );
    // The same name under another parent is fine, but moving it beside its namesake is not.
    const elsewhere = byName('Publiekszaken').id;
    const other = await admin.post('/api/org-units', { parentId: elsewhere, name: 'Team Zuid' });
    expect(other.status).toBe(201);
    expectApiError(
      await admin.patch(`/api/org-units/${other.body.id}`, {
        version: other.body.version,
        parentId,
      }),
      409,
      'ORG_UNIT_NAME_TAKEN',
    );
    // An archived unit keeps its name; a new one may take it, and then it cannot come back beside it.
    const archived = await admin.post(`/api/org-units/${first.body.id}/archive`, {
      version: first.body.version,
    });
    expect(archived.status).toBe(200);
    const again = await admin.post('/api/org-units', { parentId, name: 'team zuid' });
    expect(again.status).toBe(201);
    expectApiError(
      await admin.post(`/api/org-units/${first.body.id}/restore`, {
        version: archived.body.version,
      }),
      409,
      'ORG_UNIT_NAME_TAKEN',
    );
  });

  it('validates the body and names the fields', async () => {
    const res = await admin.post('/api/org-units', {
      parentId: byName('Financiën').id,
      name: '',
      headcount: -1,
      colour: 'red',
    });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['colour', 'headcount', 'name']);
    // Per field the broken rule and its limit, so the client says it in the person's language.
    expect(res.body.fieldRules).toMatchObject({
      name: { rule: 'required' },
      headcount: { rule: 'tooSmall', limit: 0 },
    });
    const long = await admin.post('/api/org-units', {
      parentId: byName('Financiën').id,
      name: 'x'.repeat(201),
      extra: 1,
    });
    expect(long.body.fieldRules).toEqual({
      name: { rule: 'tooLong', limit: 200 },
      extra: { rule: 'unknownField' },
    });
    expectApiError(
      await admin.post('/api/org-units', { parentId: 'does-not-exist', name: 'X' }),
      400,
      'ORG_UNIT_INVALID_PARENT',
    );
    expectApiError(
      await admin.post('/api/org-units', {
        parentId: byName('Financiën').id,
        name: 'x'.repeat(201),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(await admin.post('/api/org-units', '{"parentId":'), 400, 'INVALID_JSON');
    expectApiError(
      await admin.post('/api/org-units', 'name=x', { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('stores HTML in a name as text', async () => {
    const res = await admin.post('/api/org-units', {
      parentId: byName('Financiën').id,
      name: '<img src=x onerror=alert(1)>',
    });
    expect(res.status).toBe(201);
    expect((await admin.get(`/api/org-units/${res.body.id}`)).body.name).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('renames and sets the headcount with the current version; a stale version gets 409 and changes nothing', async () => {
    const team = byName('Subsidies');
    const renamed = await admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      name: 'Subsidies en Fondsen',
      headcount: 6,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Subsidies en Fondsen',
      headcount: 6,
      version: team.version + 1,
    });

    const stale = await admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      name: 'Overschreven',
    });
    expectApiError(stale, 409, 'ORG_UNIT_VERSION_CONFLICT');
    expect((await admin.get(`/api/org-units/${team.id}`)).body.name).toBe('Subsidies en Fondsen');
  });

  it('lets only one of two simultaneous edits of the same version win', async () => {
    const team = byName('Leerplicht');
    const [a, b] = await Promise.all([
      admin.patch(`/api/org-units/${team.id}`, { version: team.version, name: 'Leerplicht A' }),
      admin.patch(`/api/org-units/${team.id}`, { version: team.version, name: 'Leerplicht B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body.name : b.body.name;
    expect((await admin.get(`/api/org-units/${team.id}`)).body.name).toBe(winner);
  });

  it('moves a team to another department, and only under a department', async () => {
    const team = (await admin.get(`/api/org-units/${byName('Datateam').id}`)).body as OrgUnitDto;
    const target = byName('Publiekszaken');
    const moved = await admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      parentId: target.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(target.id);

    const underDirectorate = await admin.patch(`/api/org-units/${team.id}`, {
      version: moved.body.version,
      parentId: byName('Directie Bedrijfsvoering').id,
    });
    expectApiError(underDirectorate, 400, 'ORG_UNIT_INVALID_PARENT');
    const root = byName('Gemeente Voorbeeldstad');
    expectApiError(
      await admin.patch(`/api/org-units/${root.id}`, {
        version: root.version,
        parentId: target.id,
      }),
      400,
      'ORG_UNIT_ROOT_IMMUTABLE',
    );
  });

  it('archives a team, hides it from the default list, keeps it in history, and restores it', async () => {
    // A team without an open case (that one asks for a confirmation, below).
    const withOpenCase = new Set(
      (
        (await t.dataSource.query(`SELECT team_id FROM case_file WHERE status = 'open'`)) as Array<{
          team_id: string;
        }>
      ).map((r) => r.team_id),
    );
    const team = units.find(
      (u) => u.kind === 'team' && !u.archivedAt && !withOpenCase.has(u.id),
    ) as OrgUnitDto;
    const archived = await admin.post(`/api/org-units/${team.id}/archive`, {
      version: team.version,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));

    const active = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    expect(active.some((u) => u.id === team.id)).toBe(false);
    const all = (await admin.get('/api/org-units?includeArchived=true')).body as OrgUnitDto[];
    expect(all.find((u) => u.id === team.id)?.archivedAt).toEqual(expect.any(String));

    expectApiError(
      await admin.patch(`/api/org-units/${team.id}`, { version: archived.body.version, name: 'X' }),
      409,
      'ORG_UNIT_ARCHIVED',
    );
    expectApiError(
      await admin.post('/api/org-units', { parentId: team.id, name: 'Onder archief' }),
      400,
      'ORG_UNIT_ARCHIVED',
    );

    const restored = await admin.post(`/api/org-units/${team.id}/restore`, {
      version: archived.body.version,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    expectApiError(
      await admin.get('/api/org-units?includeArchived=maybe'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('warns before archiving a team with an open case; its case then shows "team archived"', async () => {
    const [open] = (await t.dataSource.query(
      `SELECT c.id, c.team_id AS "teamId" FROM case_file c WHERE c.status = 'open' ORDER BY c.id`,
    )) as Array<{ id: string; teamId: string }>;
    const all = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const team = all.find((u) => u.id === open.teamId) as OrgUnitDto;
    const refused = await admin.post(`/api/org-units/${team.id}/archive`, {
      version: team.version,
    });
    expectApiError(refused, 409, 'ORG_UNIT_HAS_OPEN_CASE');
    expect(refused.body.message).toMatch(/open case/);
    const still = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    expect(still.some((u) => u.id === team.id)).toBe(true);

    const archived = await admin.post(`/api/org-units/${team.id}/archive`, {
      version: team.version,
      confirmOpenCase: true,
    });
    expect(archived.status).toBe(200);
    // The case lives on, marked for its ambassadors on the case page and in the case list.
    const [ambassador] = (await t.dataSource.query(
      `SELECT u.email FROM case_ambassador a JOIN app_user u ON u.id = a.user_id WHERE a.case_id = '${open.id}'`,
    )) as Array<{ email: string }>;
    const client = await t.signedIn(ambassador.email);
    const detail = await client.get(`/api/cases/${open.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'open', teamArchived: true });
    const list = (await client.get('/api/cases')).body as Array<{
      id: string;
      teamArchived: boolean;
    }>;
    expect(list.find((c) => c.id === open.id)?.teamArchived).toBe(true);
    expect(list.filter((c) => c.id !== open.id).every((c) => c.teamArchived === false)).toBe(true);
    await admin.post(`/api/org-units/${team.id}/restore`, { version: archived.body.version });
  });

  it('refuses to archive a unit with active units below it, or the organisation itself', async () => {
    const dep = byName('Belastingen');
    const res = await admin.post(`/api/org-units/${dep.id}/archive`, { version: dep.version });
    expectApiError(res, 409, 'ORG_UNIT_HAS_ACTIVE_CHILDREN');
    expect(res.body.message).toContain('4 active');
    const root = byName('Gemeente Voorbeeldstad');
    expectApiError(
      await admin.post(`/api/org-units/${root.id}/archive`, { version: root.version }),
      409,
      'ORG_UNIT_ROOT_IMMUTABLE',
    );
  });

  it('answers 404 for an unknown id', async () => {
    expectApiError(
      await admin.get('/api/org-units/00000000-0000-0000-0000-000000000000'),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectApiError(
      await admin.patch('/api/org-units/nope', { version: 1, name: 'x' }),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
  });

  it('lets only admins change the organisation; others get 403 and nothing changes', async () => {
    const dep = byName('HRM');
    for (const email of [DEMO.ambassador, DEMO.team, DEMO.director]) {
      const client = await t.signedIn(email);
      expectApiError(
        await client.post('/api/org-units', { parentId: dep.id, name: 'Sluiproute' }),
        403,
        'FORBIDDEN_ROLE',
      );
      expectApiError(
        await client.patch(`/api/org-units/${dep.id}`, { version: dep.version, name: 'Gekaapt' }),
        403,
        'FORBIDDEN_ROLE',
      );
      expectApiError(
        await client.post(`/api/org-units/${dep.id}/archive`, { version: dep.version }),
        403,
        'FORBIDDEN_ROLE',
      );
    }
    const after = (await admin.get(`/api/org-units/${dep.id}`)).body;
    expect(after).toMatchObject({ name: 'HRM', version: dep.version, archivedAt: null });
    const list = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    expect(list.some((u) => u.name === 'Sluiproute')).toBe(false);
  });

  it('writes every change to the audit log', async () => {
    const rows = await t.dataSource.query(
      `SELECT action, result FROM audit_event WHERE action LIKE 'org_unit.%' ORDER BY at`,
    );
    const actions = new Set(rows.map((r: { action: string }) => r.action));
    expect(actions).toEqual(
      new Set(['org_unit.create', 'org_unit.update', 'org_unit.archive', 'org_unit.restore']),
    );
  });
});
