import { mondayOf } from '@olievlek/domain';
import type { BoardDto, CaseloadDto, MeasureDto, OrgUnitDto } from '@olievlek/shared';
import { DEMO, HttpClient, startTestApp, TestApp } from '../../test/test-app';

type Role = 'admin' | 'ambassador' | 'team' | 'director';

/**
 * The second half of the authorization matrix: each role that passes an endpoint's role gate,
 * aimed at a record outside its scope — another team's step or pulse round, a case the ambassador
 * is not assigned to, a team outside the director's directorate. Every operation in the OpenAPI
 * document with a path or team parameter needs a row: a new one without a row fails this suite.
 *
 * 'seen' means the role may read the record (ambassadors learn from every case's stage and
 * steps) — and then the body is checked for what it must never hold.
 */
type Expectation = number | 'seen';
const SCOPE: Record<string, Partial<Record<Role, Expectation>> | 'admin only'> = {
  'GET /api/org-units/{id}': { ambassador: 'seen', team: 'seen', director: 'seen' },
  'PATCH /api/org-units/{id}': 'admin only',
  'POST /api/org-units/{id}/archive': 'admin only',
  'POST /api/org-units/{id}/restore': 'admin only',
  'GET /api/users/{id}': 'admin only',
  'PATCH /api/users/{id}': 'admin only',
  'GET /api/users/{id}/data-export': 'admin only',
  'POST /api/users/{id}/anonymise': 'admin only',
  'GET /api/practices/{id}': { ambassador: 'seen', team: 'seen', director: 'seen' },
  'PATCH /api/practices/{id}': 'admin only',
  'POST /api/practices/{id}/retire': 'admin only',
  'POST /api/practices/{id}/restore': 'admin only',
  'GET /api/cases/{id}': { ambassador: 'seen' },
  'POST /api/cases/{id}/close': { ambassador: 403 },
  'POST /api/cases/{id}/reopen': { ambassador: 403 },
  'POST /api/cases/{id}/ambassadors': { ambassador: 403 },
  'DELETE /api/cases/{id}/ambassadors/{userId}': 'admin only',
  'PUT /api/cases/{id}/intake': { ambassador: 403 },
  'GET /api/cases/{id}/intake/revisions': { ambassador: 403 },
  'POST /api/cases/{id}/observations': { ambassador: 403 },
  'POST /api/cases/{id}/agreements': { ambassador: 403 },
  'GET /api/agreements/{id}': { ambassador: 'seen' },
  'PATCH /api/agreements/{id}': { ambassador: 403 },
  'POST /api/agreements/{id}/status': { ambassador: 403 },
  'PUT /api/agreements/{id}/check-offs/{period}': { team: 403 },
  'DELETE /api/agreements/{id}/check-offs/{period}': { team: 403 },
  'PUT /api/agreements/{id}/reflections/{period}': { team: 403 },
  'DELETE /api/agreements/{id}/reflections/{period}': { team: 403 },
  // A measure on that step, with a value this week: only the case's people and the team change it.
  'GET /api/agreements/{id}/measures': { ambassador: 'seen', team: 403, director: 403 },
  'POST /api/agreements/{id}/measures': { ambassador: 403 },
  'PATCH /api/measures/{id}': { ambassador: 403 },
  'PUT /api/measures/{id}/values/{date}': { ambassador: 403, team: 403 },
  'DELETE /api/measures/{id}/values/{date}': { ambassador: 403, team: 403 },
  'PATCH /api/pulse-questions/{id}': 'admin only',
  'GET /api/pulse-rounds': { ambassador: 'seen', team: 403, director: 403 },
  'POST /api/pulse-rounds': { ambassador: 403 },
  'POST /api/pulse-rounds/{id}/close': { ambassador: 403 },
  'POST /api/pulse-rounds/{id}/answers': { team: 403 },
  // A unit outside the director's scope (ambassadors see the whole organisation).
  'GET /api/olievlek': { ambassador: 'seen', director: 403 },
  'GET /api/olievlek/adoption': { ambassador: 'seen', director: 403 },
  'GET /api/olievlek/spread': { ambassador: 'seen', director: 403 },
  'GET /api/olievlek/next-best-teams': { ambassador: 'seen' },
  // A team outside the director's directorate, whose case holds a private note.
  'GET /api/olievlek/teams/{teamId}': { ambassador: 'seen', director: 403 },
  // Two teams of which neither is the ambassador's nor the member's.
  'POST /api/spread-links': { ambassador: 403, team: 403 },
  // A link someone else recorded.
  'DELETE /api/spread-links/{id}': { ambassador: 403, team: 403 },
  // Downloads: the same scope as the view (a unit outside the director's directorate).
  'GET /api/exports/olievlek': { ambassador: 'seen', director: 403 },
  'GET /api/exports/check-offs': { ambassador: 'seen', director: 403 },
  'GET /api/exports/director-report': { ambassador: 'seen', director: 403 },
  // A forum the admin hosts, without the member's team: ambassadors read it but only its host
  // changes it; for the member it does not exist.
  'GET /api/forums/{id}': { ambassador: 'seen', team: 404 },
  'GET /api/forums/{id}/ics': { ambassador: 'seen', team: 404 },
  'GET /api/meetings/{id}/ics': { ambassador: 'seen', team: 404 },
  'PATCH /api/forums/{id}': { ambassador: 403 },
  'POST /api/forums/{id}/members': { ambassador: 403 },
  'DELETE /api/forums/{id}/members/{teamId}': { ambassador: 403 },
  'POST /api/forums/{id}/meetings': { ambassador: 403 },
  'PATCH /api/meetings/{id}': { ambassador: 403 },
  'PUT /api/meetings/{id}/attendance/{teamId}': { ambassador: 403, team: 404 },
};

/** Endpoints that name a unit or team in the query or body rather than in the path. */
const SCOPED_BY_QUERY_OR_BODY = [
  'GET /api/pulse-rounds',
  'POST /api/pulse-rounds',
  'GET /api/olievlek',
  'GET /api/olievlek/adoption',
  'GET /api/olievlek/spread',
  'GET /api/olievlek/next-best-teams',
  'POST /api/spread-links',
  'GET /api/exports/olievlek',
  'GET /api/exports/check-offs',
  'GET /api/exports/director-report',
];
const UNIT_QUERY = new Set(
  SCOPED_BY_QUERY_OR_BODY.filter(
    (k) => k.startsWith('GET /api/olievlek') || k.startsWith('GET /api/exports'),
  ),
);

/** A body that would be valid for the record: the refusal must come from the scope check. */
function validBody(key: string, version: number, today: string): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/cases/{id}/close': { version, closingSummary: 'Afgerond' },
    'POST /api/cases/{id}/reopen': { version, reason: 'Toch verder' },
    'POST /api/cases/{id}/ambassadors': { userId: '' },
    'PUT /api/cases/{id}/intake': {
      version,
      heldOn: today,
      participants: 'x',
      situation: 'overschreven',
      wishes: '',
      themes: [],
    },
    'POST /api/cases/{id}/observations': { observedOn: today, text: 'ingebroken' },
    'POST /api/cases/{id}/agreements': {
      title: 'Ingebroken stap',
      cadence: { kind: 'weeks', every: 1 },
      startDate: today,
    },
    'PATCH /api/agreements/{id}': { version, successCriterion: 'overschreven' },
    'POST /api/agreements/{id}/status': { version, status: 'paused', reason: 'x', on: today },
    'PUT /api/agreements/{id}/check-offs/{period}': { state: 'done' },
    'PUT /api/agreements/{id}/reflections/{period}': { text: 'ingebroken' },
    'POST /api/agreements/{id}/measures': {
      name: 'ingebroken',
      better: 'lower',
      cadence: { kind: 'weeks', every: 1 },
    },
    'PATCH /api/measures/{id}': { version, name: 'overschreven' },
    'PUT /api/measures/{id}/values/{date}': { value: 99, version },
    'POST /api/pulse-rounds': { teamId: '' },
    'POST /api/pulse-rounds/{id}/close': {},
    'POST /api/pulse-rounds/{id}/answers': { answers: [] as unknown[] },
    'PATCH /api/forums/{id}': { version, name: 'overschreven' },
    'POST /api/forums/{id}/members': { teamId: '' },
    'POST /api/forums/{id}/meetings': { date: today, minutes: 'ingebroken' },
    'PATCH /api/meetings/{id}': { version, minutes: 'ingebroken' },
    'PUT /api/meetings/{id}/attendance/{teamId}': { mark: 'absent' },
  };
  return bodies[key];
}

describe('authorization matrix: each role on a record outside its scope', () => {
  let t: TestApp;
  const clients = {} as Record<Role, HttpClient>;
  let operations: string[];
  const foreign: Record<string, string> = {};
  const versions: Record<string, number> = {};
  const secret = 'GEHEIM-BUITEN-BEREIK';
  let memberNames: string[] = [];
  let today = '';
  let questionIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ['admin', 'ambassador', 'team', 'director'] as Role[])
      clients[role] = await t.signedIn(DEMO[role]);
    const doc = (await clients.admin.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );

    // The member's own team, the ambassador's own cases, the director's own directorate.
    const board = (await clients.team.get('/api/board')).body as BoardDto;
    const ownTeams = new Set(board.teams.map((b) => b.team.id));
    const caseload = (await clients.ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const ownCases = new Set(caseload.cases.map((c) => c.id));
    const me = (await clients.director.get('/api/auth/me')).body as {
      scope: { id: string } | null;
    };
    const units = (await clients.admin.get('/api/org-units')).body as OrgUnitDto[];
    const byId = new Map(units.map((u) => [u.id, u]));
    const inDirectorScope = (id: string): boolean => {
      for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined)
        if (u.id === me.scope?.id) return true;
      return false;
    };

    // A case of another ambassador, on a team outside the member's team and the director's scope,
    // with a running step.
    const all = (await clients.admin.get('/api/cases')).body as Array<{
      id: string;
      team: { id: string };
      status?: string;
      closedAt?: string | null;
    }>;
    for (const c of all) {
      if (ownCases.has(c.id) || ownTeams.has(c.team.id) || inDirectorScope(c.team.id)) continue;
      if (c.closedAt) continue;
      const detail = (await clients.admin.get(`/api/cases/${c.id}`)).body;
      const running = detail.agreements?.find(
        (a: { status: string; partnerTeam?: unknown }) => a.status === 'running' && !a.partnerTeam,
      );
      if (!running) continue;
      foreign['cases'] = c.id;
      foreign['teamId'] = c.team.id;
      foreign['org-units'] = c.team.id;
      foreign['agreements'] = running.id;
      foreign['period'] = running.rhythm?.at(-1)?.key ?? running.current?.key;
      versions['cases'] = detail.version;
      versions['intake'] = detail.intake?.version ?? 0;
      versions['agreements'] = running.version;
      break;
    }
    today = new Date().toISOString().slice(0, 10);
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    // A private note on that case, so a leak would be visible.
    const note = await clients.admin.post(`/api/cases/${foreign['cases']}/observations`, {
      observedOn: today,
      text: secret,
    });
    expect(note.status).toBe(201);
    const round = await clients.admin.post('/api/pulse-rounds', { teamId: foreign['teamId'] });
    expect(round.status).toBe(201);
    foreign['pulse-rounds'] = round.body.id;
    questionIds = (round.body.questions as Array<{ question: { id: string } }>).map(
      (q) => q.question.id,
    );
    foreign['users'] = (await clients.admin.get('/api/users')).body[0].id;
    foreign['userId'] = foreign['users'];
    foreign['practices'] = (await clients.admin.get('/api/practices')).body[0].id;
    foreign['pulse-questions'] = (await clients.admin.get('/api/pulse-questions')).body[0].id;
    // A team without any case, nor the member's: nobody but admins may record a link for it.
    const caseTeams = new Set(all.map((c) => c.team.id));
    foreign['otherTeam'] =
      units.find((u) => u.kind === 'team' && !caseTeams.has(u.id) && !ownTeams.has(u.id))?.id ?? '';
    const link = await clients.admin.post('/api/spread-links', {
      sourceTeamId: foreign['teamId'],
      targetTeamId: foreign['otherTeam'],
      on: today,
    });
    expect(link.status).toBe(201);
    foreign['spread-links'] = link.body.id;
    const forum = await clients.admin.post('/api/forums', {
      kind: 'improvement-team',
      name: 'Verbeterteam buiten bereik',
      startDate: today,
    });
    expect(forum.status).toBe(201);
    foreign['forums'] = forum.body.id;
    await clients.admin.post(`/api/forums/${forum.body.id}/members`, { teamId: foreign['teamId'] });
    const meeting = await clients.admin.post(`/api/forums/${forum.body.id}/meetings`, {
      date: today,
    });
    expect(meeting.status).toBe(201);
    foreign['meetings'] = meeting.body.id;
    const measure = await clients.admin.post(`/api/agreements/${foreign['agreements']}/measures`, {
      name: 'Meting buiten bereik',
      better: 'higher',
      cadence: { kind: 'weeks', every: 1 },
    });
    expect(measure.status).toBe(201);
    foreign['measures'] = measure.body.id;
    versions['measures'] = 1;
    foreign['date'] = mondayOf(localToday);
    const measured = await clients.admin.put(
      `/api/measures/${measure.body.id}/values/${foreign['date']}`,
      { value: 7 },
    );
    expect(measured.status).toBe(200);

    const users = (await clients.admin.get('/api/users')).body as Array<{
      name: string;
      roles: string[];
    }>;
    memberNames = users.filter((u) => u.roles.includes('team')).map((u) => u.name);
  });
  afterAll(() => t.close());

  function url(key: string): string {
    const path = key.split(' ')[1];
    let out = path
      .replace(
        /\/api\/([a-z-]+)\/\{id\}/,
        (_m, resource: string) => `/api/${resource}/${foreign[resource]}`,
      )
      .replace('{period}', foreign['period'])
      .replace('{userId}', foreign['userId'])
      .replace('{teamId}', foreign['teamId'])
      .replace('{date}', foreign['date']);
    if (key === 'DELETE /api/measures/{id}/values/{date}') out += '?version=1';
    if (key === 'GET /api/pulse-rounds') out += `?teamId=${foreign['teamId']}`;
    if (UNIT_QUERY.has(key)) out += `?unitId=${foreign['teamId']}`;
    return out;
  }

  it('has a row for every operation that names a record or a team', () => {
    const scoped = operations.filter(
      (key) => key.includes('{') || SCOPED_BY_QUERY_OR_BODY.includes(key),
    );
    expect(scoped.filter((key) => !(key in SCOPE))).toEqual([]);
    expect(Object.keys(SCOPE).filter((key) => !operations.includes(key))).toEqual([]);
  });

  it('refuses every write and every private read outside the scope, and leaks nothing', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const [key, row] of Object.entries(SCOPE)) {
      if (row === 'admin only') continue;
      for (const [role, expected] of Object.entries(row) as Array<[Role, Expectation]>) {
        const method = key.split(' ')[0];
        let body = validBody(
          key,
          key.includes('intake') ? versions['intake'] : (versions[key.split('/')[2]] ?? 1),
          today,
        );
        if (key === 'POST /api/pulse-rounds') body = { teamId: foreign['teamId'] };
        if (key === 'POST /api/cases/{id}/ambassadors') body = { userId: foreign['userId'] };
        if (key === 'POST /api/spread-links')
          body = {
            sourceTeamId: foreign['otherTeam'],
            targetTeamId: foreign['teamId'],
            on: today,
            note: 'ingebroken',
          };
        if (key === 'POST /api/pulse-rounds/{id}/answers')
          body = { answers: questionIds.map((questionId) => ({ questionId, score: 3 })) };
        const res = await clients[role].request(method, url(key), body);
        calls++;
        const ok = expected === 'seen' ? res.status === 200 : res.status === expected;
        if (!ok)
          failures.push(
            `${key} as ${role}: ${res.status} ${res.body?.code ?? ''}, expected ${expected}`,
          );
        if (res.text.includes(secret)) failures.push(`${key} as ${role} leaked a private note`);
        if (role === 'director' && memberNames.some((n) => res.text.includes(n)))
          failures.push(`${key} as director named a team member`);
      }
    }
    console.log(`scope matrix: ${calls} out-of-scope calls`);
    expect(failures).toEqual([]);

    // Nothing the refused calls tried reached the record.
    const detail = await clients.admin.get(`/api/cases/${foreign['cases']}`);
    expect(detail.text).not.toContain('ingebroken');
    expect(detail.text).not.toContain('overschreven');
    expect(detail.body.closedAt ?? null).toBeNull();
    const forum = await clients.admin.get(`/api/forums/${foreign['forums']}`);
    expect(forum.text).not.toMatch(/ingebroken|overschreven/);
    expect(forum.body).toMatchObject({ memberCount: 1, version: 1 });
    expect(forum.body.meetings).toHaveLength(1);
    expect(forum.body.meetings[0].attendance).toEqual([]);
    const measures = await clients.admin.get(`/api/agreements/${foreign['agreements']}/measures`);
    expect(measures.text).not.toMatch(/ingebroken|overschreven/);
    expect(measures.body.map((m: MeasureDto) => m.values.map((v) => v.value))).toEqual([[7]]);
    const rounds = await clients.admin.get(`/api/pulse-rounds?teamId=${foreign['teamId']}`);
    const round = rounds.body.find((r: { id: string }) => r.id === foreign['pulse-rounds']);
    expect({ closedOn: round.closedOn, respondents: round.respondents }).toEqual({
      closedOn: null,
      respondents: 0,
    });
  });

  it('keeps private notes, pulse answers and who ticked out of every response to those not allowed', async () => {
    const failures: string[] = [];
    const reads = operations.filter((k) => k.startsWith('GET ') && !k.startsWith('GET /api/docs'));
    for (const role of ['ambassador', 'team', 'director'] as Role[]) {
      for (const key of reads) {
        const res = await clients[role].get(url(key));
        if (res.text.includes(secret)) failures.push(`${key} as ${role} leaked a private note`);
        if (role === 'director' && memberNames.some((n) => res.text.includes(n)))
          failures.push(`${key} as director named a team member`);
        if (
          /"(answers|answer|value|score)"\s*:\s*\[?\s*[1-5]\b/.test(res.text) &&
          key.includes('pulse')
        )
          failures.push(`${key} as ${role} returned a single pulse answer`);
      }
    }
    expect(failures).toEqual([]);
  });
  it("withholds a one-member team's check-off history from the director, not from the admin (issue 20, finding 7)", async () => {
    const me = (await clients.director.get('/api/auth/me')).body as { scope: { id: string } };
    const cells = (line: string) => line.slice(1, -1).split('";"');
    const rowsOf = async (client: HttpClient) => {
      const res = await client.get(`/api/exports/check-offs?unitId=${me.scope.id}`);
      expect(res.status).toBe(200);
      return res.text.trim().split('\r\n').slice(1).map(cells);
    };
    const teamName = (await rowsOf(clients.admin))[0][2];
    const units = (await clients.admin.get('/api/org-units')).body as OrgUnitDto[];
    const team = units.find((u) => u.name === teamName) as OrgUnitDto;
    const before = (await rowsOf(clients.director)).filter((r) => r[2] === teamName);
    expect(before.length).toBeGreaterThan(1);

    const alone = await clients.admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      headcount: 1,
    });
    expect(alone.status).toBe(200);
    const withheld = (await rowsOf(clients.director)).filter((r) => r[2] === teamName);
    expect(withheld).toHaveLength(1);
    expect(withheld[0].slice(3)).toEqual([
      '',
      '',
      'niet getoond: team van minder dan 5 mensen (het zou laten zien wat één persoon deed)',
      '',
    ]);
    // Admins and ambassadors keep the history (they may see who ticked anyway).
    expect((await rowsOf(clients.admin)).filter((r) => r[2] === teamName).length).toBe(
      before.length,
    );
    await clients.admin.patch(`/api/org-units/${team.id}`, {
      version: alone.body.version,
      headcount: team.headcount,
    });
  });
});
