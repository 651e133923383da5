import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { MAX_BODY_DEPTH, MAX_BODY_ENTRIES } from '../common/body-parsers';
import { MAX_FIELD_ERRORS } from '../common/validation';

/** `{ "k0": 0, "k1": 0, … }` with this many keys. */
const manyKeys = (n: number) =>
  JSON.stringify(
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i.toString(36)}`, 0])),
  );
/** `[[[…]]]` nested this deep. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/**
 * Bodies built to cost the server: many keys, deep nesting, large anonymous bodies. Each is
 * refused when the body is parsed, before validation, with a code, quickly, with a small answer,
 * and the server keeps answering others meanwhile.
 */
describe('hostile request bodies over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
  });
  afterAll(() => t.close());

  it('refuses an anonymous sign-in body of 90,000 keys (about 900 KB) by its size, at once', async () => {
    const body = manyKeys(90_000);
    expect(body.length).toBeGreaterThan(800_000);
    const [login, health] = await Promise.all([
      timed(() => t.client().post('/api/auth/login', body)),
      timed(() => t.client().get('/api/health')),
    ]);
    expectApiError(login.result, 413, 'PAYLOAD_TOO_LARGE');
    expect(login.ms).toBeLessThan(1000);
    expect(health.result.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
  });

  it('refuses a signed-in body of 90,000 keys before validation, with a small answer', async () => {
    const body = manyKeys(90_000);
    expect(body.length).toBeLessThan(1024 * 1024);
    const [patch, health] = await Promise.all([
      timed(() => admin.patch('/api/auth/me', body)),
      timed(() => t.client().get('/api/health')),
    ]);
    expectApiError(patch.result, 400, 'BODY_TOO_COMPLEX');
    expect(patch.result.text.length).toBeLessThan(1000);
    expect(patch.ms).toBeLessThan(1000);
    expect(health.ms).toBeLessThan(1000);
  });

  it('names at most a few fields of a body with many unknown keys', async () => {
    const res = await admin.patch('/api/auth/me', manyKeys(MAX_BODY_ENTRIES - 1));
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).length).toBeLessThanOrEqual(MAX_FIELD_ERRORS);
    expect(res.body.message).toMatch(/And \d+ more\./);
    expect(res.text.length).toBeLessThan(2000);
  });

  it('refuses an anonymous body larger than a few KB', async () => {
    const res = await t
      .client()
      .post('/api/auth/login', { email: DEMO.admin, password: 'x'.repeat(5000) });
    expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['POST', '/api/auth/login', false],
    ['PATCH', '/api/auth/me', true],
    ['PUT', '/api/mail/preferences', true],
  ])(
    'answers %s %s with 10,000 nested arrays with a 4xx and a code, not 500',
    async (method, path, signedIn) => {
      const client = signedIn ? admin : t.client();
      const deep = await client.request(method, path, `{"locale":${nested(10_000)}}`);
      // The anonymous sign-in refuses the 20 KB by its size; the others by the nesting.
      if (signedIn) expectApiError(deep, 400, 'BODY_TOO_COMPLEX');
      else expectApiError(deep, 413, 'PAYLOAD_TOO_LARGE');
      // Small enough for the sign-in's limit, too deep all the same.
      const shallow = await client.request(method, path, `{"email":${nested(MAX_BODY_DEPTH + 1)}}`);
      expectApiError(shallow, 400, 'BODY_TOO_COMPLEX');
    },
  );
});
