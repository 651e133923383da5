import type { BoardDto, CaseloadDto, OrgUnitDto, UserDto } from '@olievlek/shared';
import { DEMO, HttpClient, startTestApp, TestApp } from '../../test/test-app';

type Who = 'anonymous' | 'admin' | 'ambassador' | 'team' | 'director';
const ALL: Who[] = ['admin', 'ambassador', 'team', 'director'];
const PUBLIC: Who[] = ['anonymous', ...ALL];

/**
 * Who passes the role gate of each endpoint. Every operation in the OpenAPI document needs a row:
 * a new endpoint without one fails this suite. Record-level checks (another team's step, a case
 * one is not assigned to) have their own tests in the modules.
 */
const MATRIX: Record<string, Who[]> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/auth/me': ALL,
  'PATCH /api/auth/me': ALL,
  'GET /api/auth/methods': PUBLIC,
  'GET /api/auth/oidc/start': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,
  'GET /api/org-units': ALL,
  'POST /api/org-units': ['admin'],
  'GET /api/org-units/{id}': ALL,
  'PATCH /api/org-units/{id}': ['admin'],
  'POST /api/org-units/{id}/archive': ['admin'],
  'POST /api/org-units/{id}/restore': ['admin'],
  'GET /api/org-levels': ALL,
  'PUT /api/org-levels': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'GET /api/users/{id}': ['admin'],
  'PATCH /api/users/{id}': ['admin'],
  'GET /api/users/{id}/data-export': ['admin'],
  'POST /api/users/{id}/anonymise': ['admin'],
  'POST /api/admin/retention/run': ['admin'],
  'POST /api/admin/mail/run': ['admin'],
  'GET /api/mail/preferences': ALL,
  'PUT /api/mail/preferences': ALL,
  // The one-click unsubscribe of a mail: a signed token in the query instead of a session.
  'GET /api/mail/unsubscribe': PUBLIC,
  'POST /api/mail/unsubscribe': PUBLIC,
  'GET /api/practices': ALL,
  'POST /api/practices': ['admin'],
  'GET /api/practices/{id}': ALL,
  'PATCH /api/practices/{id}': ['admin'],
  'POST /api/practices/{id}/retire': ['admin'],
  'POST /api/practices/{id}/restore': ['admin'],
  'GET /api/themes': ALL,
  'GET /api/cases': ['admin', 'ambassador'],
  'POST /api/cases': ['admin', 'ambassador'],
  'GET /api/cases/caseload': ['ambassador'],
  'GET /api/cases/open-teams': ['admin', 'ambassador'],
  'GET /api/cases/ambassadors': ['admin', 'ambassador'],
  'GET /api/cases/{id}': ['admin', 'ambassador'],
  'POST /api/cases/{id}/close': ['admin', 'ambassador'],
  'POST /api/cases/{id}/reopen': ['admin', 'ambassador'],
  'POST /api/cases/{id}/ambassadors': ['admin', 'ambassador'],
  'DELETE /api/cases/{id}/ambassadors/{userId}': ['admin'],
  'PUT /api/cases/{id}/intake': ['admin', 'ambassador'],
  'GET /api/cases/{id}/intake/revisions': ['admin', 'ambassador'],
  'POST /api/cases/{id}/observations': ['admin', 'ambassador'],
  'POST /api/cases/{id}/agreements': ['admin', 'ambassador'],
  'GET /api/agreements/{id}': ['admin', 'ambassador'],
  'PATCH /api/agreements/{id}': ['admin', 'ambassador'],
  'POST /api/agreements/{id}/status': ['admin', 'ambassador'],
  'GET /api/agreements/{id}/measures': ALL,
  'POST /api/agreements/{id}/measures': ['admin', 'ambassador'],
  'PATCH /api/measures/{id}': ['admin', 'ambassador'],
  'PUT /api/measures/{id}/values/{date}': ['admin', 'ambassador', 'team'],
  'DELETE /api/measures/{id}/values/{date}': ['admin', 'ambassador', 'team'],
  'GET /api/board': ['team'],
  'PUT /api/agreements/{id}/check-offs/{period}': ['team'],
  'DELETE /api/agreements/{id}/check-offs/{period}': ['team'],
  'PUT /api/agreements/{id}/reflections/{period}': ['team'],
  'DELETE /api/agreements/{id}/reflections/{period}': ['team'],
  'GET /api/pulse-questions': ['admin', 'ambassador'],
  'POST /api/pulse-questions': ['admin'],
  'PATCH /api/pulse-questions/{id}': ['admin'],
  'GET /api/pulse-rounds': ALL,
  'POST /api/pulse-rounds': ['admin', 'ambassador'],
  'POST /api/pulse-rounds/{id}/close': ['admin', 'ambassador'],
  'POST /api/pulse-rounds/{id}/answers': ['team'],
  'GET /api/forums': ['admin', 'ambassador', 'team'],
  'POST /api/forums': ['admin', 'ambassador'],
  'GET /api/forums/houd-vol': ['admin', 'ambassador'],
  'GET /api/forums/{id}': ['admin', 'ambassador', 'team'],
  'GET /api/forums/{id}/ics': ['admin', 'ambassador', 'team'],
  'PATCH /api/forums/{id}': ['admin', 'ambassador'],
  'POST /api/forums/{id}/members': ['admin', 'ambassador'],
  'DELETE /api/forums/{id}/members/{teamId}': ['admin', 'ambassador'],
  'POST /api/forums/{id}/meetings': ['admin', 'ambassador'],
  'PATCH /api/meetings/{id}': ['admin', 'ambassador'],
  'GET /api/meetings/{id}/ics': ['admin', 'ambassador', 'team'],
  'PUT /api/meetings/{id}/attendance/{teamId}': ['admin', 'ambassador', 'team'],
  'GET /api/audit': ['admin'],
  'GET /api/audit/actions': ['admin'],
  'GET /api/audit/export': ['admin'],
  'GET /api/olievlek': ['admin', 'ambassador', 'director'],
  'GET /api/olievlek/adoption': ['admin', 'ambassador', 'director'],
  'GET /api/olievlek/spread': ['admin', 'ambassador', 'director'],
  'GET /api/olievlek/teams/{teamId}': ['admin', 'ambassador', 'director'],
  'GET /api/olievlek/next-best-teams': ['admin', 'ambassador'],
  'GET /api/olievlek/practice-evidence': ALL,
  'POST /api/spread-links': ['admin', 'ambassador', 'team'],
  'DELETE /api/spread-links/{id}': ['admin', 'ambassador', 'team'],
  'POST /api/imports/preview': ['admin'],
  'POST /api/imports/confirm': ['admin'],
  'GET /api/exports/olievlek': ['admin', 'ambassador', 'director'],
  'GET /api/exports/cases': ['admin', 'ambassador'],
  'GET /api/exports/check-offs': ['admin', 'ambassador', 'director'],
  'GET /api/exports/director-report': ['admin', 'ambassador', 'director'],
};

/** Texts that only the case's ambassadors and admins may ever receive. */
const PRIVATE_MARKERS = [
  'Spanning in het MT',
  'Het team ervaart veel werkdruk',
  'wantrouwen richting het MT',
];

describe('authorization matrix: every endpoint, every role', () => {
  let t: TestApp;
  const clients = {} as Record<Who, HttpClient>;
  let operations: Array<{ method: string; path: string }>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    clients.anonymous = t.client();
    clients.admin = await t.signedIn(DEMO.admin);
    clients.ambassador = await t.signedIn(DEMO.ambassador);
    clients.team = await t.signedIn(DEMO.team);
    clients.director = await t.signedIn(DEMO.director);

    const doc = (await clients.anonymous.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })),
    );

    const caseload = (await clients.ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const board = (await clients.team.get('/api/board')).body as BoardDto;
    const units = (await clients.admin.get('/api/org-units')).body as OrgUnitDto[];
    const users = (await clients.admin.get('/api/users')).body as UserDto[];
    const round = board.teams[0].pulses[0];
    const step = board.teams[0].agreements[0];
    ids['cases'] = caseload.cases[0].id;
    ids['agreements'] = step.id;
    ids['period'] = step.current.key;
    ids['org-units'] = units.find((u) => u.kind === 'team')?.id ?? '';
    ids['users'] = users.find((u) => u.email === DEMO.team)?.id ?? '';
    ids['userId'] = 'not-on-this-case';
    ids['practices'] = (
      (await clients.admin.get('/api/practices')).body as Array<{ id: string }>
    )[0].id;
    ids['pulse-questions'] = (
      (await clients.admin.get('/api/pulse-questions')).body as Array<{ id: string }>
    )[0].id;
    ids['pulse-rounds'] = round.id;
    ids['teamId'] = board.teams[0].team.id;
    ids['spread-links'] = 'not-a-spread-link';
    ids['measures'] = 'not-a-measure';
    ids['date'] = new Date().toISOString().slice(0, 10);
  });
  afterAll(() => t.close());

  function concrete(path: string): string {
    let url = path.replace(
      /\/api\/([a-z-]+)\/\{id\}/,
      (_m, resource: string) => `/api/${resource}/${encodeURIComponent(ids[resource])}`,
    );
    url = url
      .replace('{period}', ids['period'])
      .replace('{userId}', ids['userId'])
      .replace('{date}', ids['date']);
    if (url === '/api/pulse-rounds') url += `?teamId=${ids['teamId']}`;
    return url;
  }

  it('has a row for every operation in the OpenAPI document, and no stale rows', () => {
    const documented = operations
      .map((o) => `${o.method} ${o.path}`)
      .filter((key) => !key.startsWith('GET /api/docs'));
    expect(documented.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('lets exactly the listed roles past the gate: anonymous 401, others 403', async () => {
    const failures: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      const allowed = MATRIX[key];
      if (!allowed) continue;
      for (const who of ['anonymous', ...ALL] as Who[]) {
        // An empty body: an allowed role gets past the gate and meets validation (400) or
        // the record check; a refused one is stopped before anything is read or written.
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        // Signing out would end the session the rest of the loop needs: use a fresh client for it.
        const client =
          key === 'POST /api/auth/logout'
            ? who === 'anonymous'
              ? t.client()
              : await t.signedIn(DEMO[who])
            : clients[who];
        const res = await client.request(method, concrete(path), body);
        const passed = res.status !== 401 && res.status !== 403;
        const refusedAsExpected = who === 'anonymous' ? res.status === 401 : res.status === 403;
        if (allowed.includes(who) ? !passed : !refusedAsExpected)
          failures.push(`${key} as ${who}: ${res.status} ${res.body?.code ?? ''}`);
        if (res.status >= 500) failures.push(`${key} as ${who}: ${res.status}`);
        if (
          (who === 'team' || who === 'director' || who === 'anonymous') &&
          PRIVATE_MARKERS.some((m) => res.text.includes(m))
        ) {
          failures.push(`${key} as ${who} leaked a private note`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed and hostile input to every endpoint without a 5xx, a stack trace or SQL', async () => {
    const bodies: Array<[string, string]> = [
      ['{"name":', 'application/json'],
      ['[]', 'application/json'],
      ['null', 'application/json'],
      ['"text"', 'application/json'],
      [
        JSON.stringify({
          name: 'x'.repeat(50_000),
          version: -1,
          teamId: "' OR 1=1 --",
          text: { nl: 5 },
          cadence: { kind: 'weeks', every: 1e9 },
        }),
        'application/json',
      ],
      ['name=x', 'text/plain'],
    ];
    const failures: string[] = [];
    for (const { method, path } of operations) {
      if (method === 'GET' || path.startsWith('/api/docs') || path === '/api/auth/logout') continue;
      for (const [body, type] of bodies) {
        const res = await clients.admin.request(method, concrete(path), body, {
          'content-type': type,
        });
        if (
          res.status >= 500 ||
          /at .*\.(ts|js):\d+|SQLITE|QueryFailedError|syntax error|stack/i.test(res.text)
        ) {
          failures.push(
            `${method} ${path} with ${body.slice(0, 20)}: ${res.status} ${res.text.slice(0, 120)}`,
          );
        }
      }
      const unknown = concrete(path).replace(
        /\/api\/([a-z-]+)\/[^/?]+/,
        '/api/$1/..%2F..%2Funknown',
      );
      const res = await clients.admin.request(
        method,
        unknown,
        method === 'DELETE' ? undefined : {},
      );
      if (res.status >= 500) failures.push(`${method} ${unknown}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
