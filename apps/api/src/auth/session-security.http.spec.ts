import { CSRF_COOKIE, SESSION_COOKIE } from '@olievlek/shared';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { DEMO, expectApiError, startTestApp, TestApp } from '../../test/test-app';

/** Sessions and headers (issue "Trust"): fixation, rotation, rate limits, the response headers. */
describe('sessions and security headers over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('issues a new session id at every sign-in and ends the one the browser held', async () => {
    const client = await t.signedIn(DEMO.team);
    const first = client.cookies.get(SESSION_COOKIE) as string;
    const stale = t.client();
    stale.cookies.set(SESSION_COOKIE, first);
    expect((await stale.get('/api/auth/me')).status).toBe(200);

    const res = await client.post('/api/auth/login', {
      email: DEMO.admin,
      password: DEMO_PASSWORD,
    });
    expect(res.status).toBe(200);
    const second = client.cookies.get(SESSION_COOKIE) as string;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect((await client.get('/api/auth/me')).body.email).toBe(DEMO.admin);
    // The earlier session is gone on the server, not merely replaced in this browser.
    expectApiError(await stale.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('never adopts a session id planted before sign-in (fixation)', async () => {
    const client = t.client();
    client.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker');
    expect(
      (await client.post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD })).status,
    ).toBe(200);
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe('planted-by-an-attacker');
    const attacker = t.client();
    attacker.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker');
    expect((await attacker.get('/api/auth/me')).status).toBe(401);
  });

  it('marks the session cookie HttpOnly and SameSite=Lax, and not Secure over plain http', async () => {
    const client = t.client();
    await client.get('/api/health');
    const res = await client.post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    // The CSRF cookie must be readable by the client's script: not HttpOnly.
    const csrf = (await t.client().get('/api/health')).headers
      .getSetCookie()
      .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
    expect(csrf).toBeDefined();
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refuses a state-changing request with a session but without the CSRF token', async () => {
    const client = await t.signedIn(DEMO.director);
    client.csrf = false;
    expectApiError(await client.patch('/api/auth/me', { locale: 'en' }), 403, 'CSRF_TOKEN_INVALID');
    expect((await client.get('/api/auth/me')).body.locale).not.toBe('en');
  });

  it('sends a CSP without inline scripts, frame-ancestors none, and no HSTS over http', async () => {
    const res = await t.client().get('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('limits failed sign-ins per address across accounts', async () => {
    const client = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await client.post('/api/auth/login', {
        email: `unknown-${i}@voorbeeldstad.example`,
        password: 'wrong',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Now even the right password for an account that never failed is refused from this address.
    expectApiError(
      await client.post('/api/auth/login', { email: DEMO.director, password: DEMO_PASSWORD }),
      429,
      'LOGIN_RATE_LIMITED',
    );
  });
});

describe('security headers over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SECURE_COOKIES: 'true' });
  });
  afterAll(() => t.close());

  it('sends HSTS and marks the session cookie Secure when served over https', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const login = await t
      .client()
      .post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/; *Secure/i);
  });
});
