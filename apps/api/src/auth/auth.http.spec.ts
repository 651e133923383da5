import { SESSION_COOKIE } from '@olievlek/shared';
import { DEMO, expectApiError, startTestApp, TestApp } from '../../test/test-app';
import { SessionEntity } from './entities/session.entity';

describe('auth over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the demo password and returns the user, roles, teams and scope', async () => {
    const client = t.client();
    const res = await client.post('/api/auth/login', {
      email: DEMO.director,
      password: 'olievlek-demo',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: DEMO.director, roles: ['director'], teams: [] });
    expect(res.body.scope).toMatchObject({ name: 'Directie Sociaal Domein', kind: 'directorate' });

    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http in tests; Secure is on in production

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(DEMO.director);
  });

  it('returns the team member their team', async () => {
    const client = await t.signedIn(DEMO.team);
    const me = await client.get('/api/auth/me');
    expect(me.body.roles).toEqual(['team']);
    expect(me.body.teams.map((u: { name: string }) => u.name)).toEqual(['Klantmanagement Werk']);
    expect(me.body.scope).toBeNull();
  });

  it('treats the e-mail address case-insensitively', async () => {
    const res = await t.client().post('/api/auth/login', {
      email: '  Admin@VoorbeeldStad.example ',
      password: 'olievlek-demo',
    });
    expect(res.status).toBe(200);
  });

  it('gives one generic message for a wrong password and for an unknown account', async () => {
    const wrongPassword = await t
      .client()
      .post('/api/auth/login', { email: DEMO.ambassador, password: 'nope' });
    const unknown = await t
      .client()
      .post('/api/auth/login', { email: 'nobody@voorbeeldstad.example', password: 'nope' });
    expectApiError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expectApiError(unknown, 401, 'INVALID_CREDENTIALS');
    expect(wrongPassword.body.message).toBe(unknown.body.message);
    expect(wrongPassword.headers.getSetCookie().some((c) => c.startsWith(SESSION_COOKIE))).toBe(
      false,
    );
  });

  it('rejects a login without the CSRF token, or with a wrong one', async () => {
    const client = t.client();
    client.csrf = false;
    await client.get('/api/health');
    const missing = await client.post('/api/auth/login', {
      email: DEMO.admin,
      password: 'olievlek-demo',
    });
    expectApiError(missing, 403, 'CSRF_TOKEN_INVALID');
    const wrong = await client.post(
      '/api/auth/login',
      { email: DEMO.admin, password: 'olievlek-demo' },
      { 'X-XSRF-TOKEN': 'not-the-cookie' },
    );
    expectApiError(wrong, 403, 'CSRF_TOKEN_INVALID');
  });

  it('sets a readable XSRF-TOKEN cookie on a response that lacks one', async () => {
    const res = await t.client().get('/api/health');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN=')) ?? '';
    expect(cookie).toMatch(/^XSRF-TOKEN=[\w-]{20,};/);
    expect(cookie).not.toMatch(/HttpOnly/i);
  });

  it('validates the login body and names the field', async () => {
    const res = await t.client().post('/api/auth/login', { email: DEMO.admin });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.fields)).toEqual(['password']);
    const extra = await t
      .client()
      .post('/api/auth/login', { email: DEMO.admin, password: 'x', admin: true });
    expectApiError(extra, 400, 'VALIDATION_FAILED');
    expect(extra.body.fields).toHaveProperty('admin');
  });

  it('limits failed sign-ins per account, even when the right password follows', async () => {
    const email = DEMO.ambassador.replace('ambassadeur', 'ambassadeur'); // the demo ambassador
    const client = t.client();
    // One failure was already recorded above; four more reach the limit of five.
    for (let i = 0; i < 4; i++) {
      expectApiError(
        await client.post('/api/auth/login', { email, password: `wrong-${i}` }),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    const limited = await client.post('/api/auth/login', { email, password: 'olievlek-demo' });
    expectApiError(limited, 429, 'LOGIN_RATE_LIMITED');
    // Another account from the same IP is not locked out by this one.
    expect(
      (await t.client().post('/api/auth/login', { email: DEMO.admin, password: 'olievlek-demo' }))
        .status,
    ).toBe(200);
  });

  it('answers 401 without a session', async () => {
    expectApiError(await t.client().get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
    expectApiError(await t.client().get('/api/org-units'), 401, 'NOT_AUTHENTICATED');
  });

  it('ignores a forged session cookie', async () => {
    const client = t.client();
    client.cookies.set(SESSION_COOKIE, 'forged.value');
    expectApiError(await client.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = await t.signedIn(DEMO.admin);
    const stolen = client.cookies.get(SESSION_COOKIE) as string;
    const out = await client.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, stolen);
    expectApiError(await replay.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('expires a session after 30 idle minutes', async () => {
    const client = await t.signedIn(DEMO.team);
    const idle = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: idle })
      .execute();
    expectApiError(await client.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    expectApiError(await client.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('expires a session after 8 hours even when it is used', async () => {
    const client = await t.signedIn(DEMO.team);
    await t.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({
        expiresAt: new Date(Date.now() - 1000).toISOString(),
        lastSeenAt: new Date().toISOString(),
      })
      .execute();
    expectApiError(await client.get('/api/auth/me'), 401, 'SESSION_EXPIRED');
  });

  it('remembers the chosen language', async () => {
    const client = await t.signedIn(DEMO.director);
    const res = await client.patch('/api/auth/me', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('en');
    expect((await client.get('/api/auth/me')).body.locale).toBe('en');
    expectApiError(await client.patch('/api/auth/me', { locale: 'fr' }), 400, 'VALIDATION_FAILED');
  });
});
