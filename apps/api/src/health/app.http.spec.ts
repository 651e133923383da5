import { DEMO, expectApiError, startTestApp, TestApp } from '../../test/test-app';

describe('the application shell over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('tells anonymous callers only up or down, and admins the database state', async () => {
    const anonymous = await t.client().get('/api/health');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const ambassador = await (await t.signedIn(DEMO.ambassador)).get('/api/health');
    expect(ambassador.body).toEqual({ status: 'ok' });
    const admin = await (await t.signedIn(DEMO.admin)).get('/api/health');
    expect(admin.body).toEqual({
      status: 'ok',
      database: { type: t.databaseType, status: 'up', migrationsPending: false },
    });
  });

  it('marks every API answer no-store: case details with private notes, the profile, health', async () => {
    const ambassador = await t.signedIn(DEMO.ambassador);
    const caseload = (await ambassador.get('/api/cases/caseload')).body;
    for (const path of [`/api/cases/${caseload.cases[0].id}`, '/api/auth/me', '/api/org-units']) {
      const res = await ambassador.get(path);
      expect({ path, status: res.status, cache: res.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cache: 'no-store',
      });
    }
    expect((await t.client().get('/api/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const doc = await t.client().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.info.title).toBe('Olievlek API');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/org-units',
        '/api/users/{id}',
      ]),
    );
    const ui = await t.client().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('sends security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers an unknown API path with a 404 in the error shape', async () => {
    expectApiError(await t.client().get('/api/does-not-exist'), 404, 'ROUTE_NOT_FOUND');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const client = t.client();
    const res = await client.post('/api/auth/login', {
      email: 'a@b.c',
      password: 'x'.repeat(1_100_000),
    });
    expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});
