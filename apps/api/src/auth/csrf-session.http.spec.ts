import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@olievlek/shared';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

/** The CSRF token is the session's own (issue 20, finding 13). */
describe('CSRF token tied to the session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Sends the given token as both cookie and header, the way a planted pair would arrive. */
  const withPair = (client: HttpClient, token: string) => {
    client.csrf = false;
    client.cookies.set(CSRF_COOKIE, token);
    return { [CSRF_HEADER]: token };
  };

  it("refuses a cookie and header of the attacker's choosing, signed in and before sign-in", async () => {
    const director = await t.signedIn(DEMO.director);
    for (const chosen of ['x', 'A'.repeat(65), director.cookies.get(CSRF_COOKIE) + 'x']) {
      const res = await director.patch(
        '/api/auth/me',
        { locale: 'en' },
        withPair(director, chosen),
      );
      expectApiError(res, 403, 'CSRF_TOKEN_INVALID');
    }
    expect((await director.get('/api/auth/me')).body.locale).toBe('nl');

    const anonymous = t.client();
    const login = await anonymous.post(
      '/api/auth/login',
      { email: DEMO.team, password: DEMO_PASSWORD },
      withPair(anonymous, 'B'.repeat(65)),
    );
    expectApiError(login, 403, 'CSRF_TOKEN_INVALID');
  });

  it("refuses another session's token, and one from before sign-in", async () => {
    const attacker = await t.signedIn(DEMO.team);
    const director = await t.signedIn(DEMO.director);
    const attackersToken = attacker.cookies.get(CSRF_COOKIE) as string;
    const res = await director.patch(
      '/api/auth/me',
      { locale: 'en' },
      withPair(director, attackersToken),
    );
    expectApiError(res, 403, 'CSRF_TOKEN_INVALID');

    const anonymousToken = t.client();
    await anonymousToken.get('/api/health');
    const before = anonymousToken.cookies.get(CSRF_COOKIE) as string;
    const other = await t.signedIn(DEMO.director);
    expectApiError(
      await other.patch('/api/auth/me', { locale: 'en' }, withPair(other, before)),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('answers a signed-in route without a session with 401, whatever the token (issue 13)', async () => {
    // The browser dropped the session cookie (it ran out): "sign in again", not a CSRF 403.
    const browser = await t.signedIn(DEMO.ambassador);
    browser.cookies.delete(SESSION_COOKIE);
    for (const token of [browser.cookies.get(CSRF_COOKIE) as string, 'x']) {
      const res = await browser.patch('/api/auth/me', { locale: 'en' }, withPair(browser, token));
      expectApiError(res, 401, 'NOT_AUTHENTICATED');
    }
    // A public route still needs the token of no session.
    const login = await browser.post(
      '/api/auth/login',
      { email: DEMO.team, password: DEMO_PASSWORD },
      withPair(browser, 'C'.repeat(65)),
    );
    expectApiError(login, 403, 'CSRF_TOKEN_INVALID');
  });

  it('renews the token at sign-in and at sign-out, and the new one works', async () => {
    const browser = t.client();
    await browser.get('/api/health');
    const beforeSignIn = browser.cookies.get(CSRF_COOKIE) as string;
    expect(
      (await browser.post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD })).status,
    ).toBe(200);
    const signedIn = browser.cookies.get(CSRF_COOKIE) as string;
    expect(signedIn).not.toBe(beforeSignIn);
    // The sign-in answer carried the new token: the next change goes through with it.
    expect((await browser.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    expect((await browser.patch('/api/auth/me', { locale: 'nl' })).status).toBe(200);

    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const signedOut = browser.cookies.get(CSRF_COOKIE) as string;
    expect(signedOut).not.toBe(signedIn);
    // Signing in again works straight away with the token the sign-out gave.
    expect(
      (await browser.post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD })).status,
    ).toBe(200);
  });

  it('hands out a token of no session with the answer that drops a stale session cookie', async () => {
    const browser = await t.signedIn(DEMO.team);
    const stale = browser.cookies.get(SESSION_COOKIE) as string;
    await t.dataSource.query('DELETE FROM session');
    expectApiError(await browser.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
    expect(browser.cookies.get(SESSION_COOKIE)).toBeUndefined();
    expect(stale).toBeTruthy();
    expect(
      (await browser.post('/api/auth/login', { email: DEMO.team, password: DEMO_PASSWORD })).status,
    ).toBe(200);
  });
});
