import { expectApiError, startTestApp, TestApp } from '../../test/test-app';

describe('the application shell over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database state and no pending migrations', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: { type: t.databaseType, status: 'up', migrationsPending: false },
    });
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
