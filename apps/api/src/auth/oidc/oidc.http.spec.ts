import type { AuditEventDto, AuditPageDto, UserDto } from '@olievlek/shared';
import { SESSION_COOKIE } from '@olievlek/shared';
import {
  closedPort,
  OIDC_TEST_CLIENT,
  ProviderBrowser,
  startOidcProvider,
  TestOidcProvider,
} from '../../../test/oidc-provider';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../../test/test-app';
import { OIDC_TRANSACTION_COOKIE } from './oidc-transaction';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started by this test on
 * loopback): the browser's side is played by fetch with cookies — start, the provider's sign-in
 * form, the callback. The app's public URL is a name behind which the tests play the browser
 * (like an app behind a reverse proxy): the provider redirects there, the test calls the same path
 * on the app.
 */
const PUBLIC_URL = 'https://olievlek.voorbeeldstad.example';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;
const ROLE_MAP =
  'olievlek-beheer=admin,olievlek-ambassadeurs=ambassador,olievlek-teams=team,olievlek-directie=director';

describe('single sign-on with OpenID Connect', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let admin: HttpClient;

  const ssoEnv = (extra: Record<string, string> = {}) => ({
    PUBLIC_URL,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret,
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_ROLES_CLAIM: 'groups',
    OIDC_ROLE_MAP: ROLE_MAP,
    OIDC_BUTTON_LABEL: 'Inloggen met je Voorbeeldstad-account',
    ...extra,
  });

  beforeAll(async () => {
    provider = await startOidcProvider([CALLBACK]);
    t = await startTestApp(ssoEnv());
    admin = await t.signedIn(DEMO.admin);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  /** Start at the app: the provider's sign-in URL; the browser now holds the transaction cookie. */
  async function start(app: TestApp, client: HttpClient, query = ''): Promise<string> {
    const res = await client.get(`/api/auth/oidc/start${query}`);
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    expect(client.cookies.has(OIDC_TRANSACTION_COOKIE)).toBe(true);
    void app;
    return location;
  }

  /** Calls the app's callback with the path and query the provider redirected to. */
  async function callback(client: HttpClient, callbackUrl: string) {
    expect(callbackUrl.startsWith(CALLBACK)).toBe(true);
    const url = new URL(callbackUrl);
    return client.get(url.pathname + url.search);
  }

  /** The whole flow for one account at the provider; returns the browser and the final redirect. */
  async function signInWithSso(login: string, app = t, client = app.client(), query = '') {
    const authorizationUrl = await start(app, client, query);
    const callbackUrl = await new ProviderBrowser(provider.issuer).signIn(authorizationUrl, login);
    const res = await callback(client, callbackUrl);
    expect(res.status).toBe(302);
    return { client, location: res.headers.get('location'), res, callbackUrl };
  }

  async function userCount(): Promise<number> {
    return ((await admin.get('/api/users')).body as UserDto[]).length;
  }

  async function auditEvents(query: string): Promise<AuditEventDto[]> {
    const res = await admin.get(`/api/audit?limit=200&${query}`);
    expect(res.status).toBe(200);
    return (res.body as AuditPageDto).events;
  }

  async function lastSsoFailure(): Promise<AuditEventDto | undefined> {
    return (await auditEvents('action=auth.login')).find(
      (e) => e.result !== 'success' && e.detail?.['method'] === 'sso',
    );
  }

  it('tells the sign-in page that SSO and passwords are available', async () => {
    expect((await t.client().get('/api/auth/methods')).body).toEqual({
      password: true,
      sso: true,
      ssoLabel: 'Inloggen met je Voorbeeldstad-account',
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce in a sealed HttpOnly cookie', async () => {
    const client = t.client();
    const res = await client.get('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const url = new URL(res.headers.get('location') ?? '');
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: OIDC_TEST_CLIENT.id,
      response_type: 'code',
      redirect_uri: CALLBACK,
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
    });
    expect(params['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params['state'].length).toBeGreaterThanOrEqual(32);
    expect(params['nonce'].length).toBeGreaterThanOrEqual(32);

    const cookie =
      res.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_TRANSACTION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    // Sealed: neither the state, the nonce nor the code verifier can be read from it.
    const value = client.cookies.get(OIDC_TRANSACTION_COOKIE) ?? '';
    expect(value).not.toContain(params['state']);
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain(params['nonce']);
  });

  it('creates the account at the first sign-in of someone with a mapped group, and signs them in', async () => {
    const before = await userCount();
    const { client, location, res } = await signInWithSso('beheer');
    expect(location).toBe('/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(client.cookies.has(OIDC_TRANSACTION_COOKIE)).toBe(false);

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'sso.beheerder@voorbeeldstad.example',
      name: 'Saskia Beheer',
      roles: ['admin'],
      locale: 'nl',
      teams: [],
    });
    expect(await userCount()).toBe(before + 1);
    // The session works for writes too: the CSRF cookie came along as with a password sign-in.
    expect((await client.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);

    const created = (await auditEvents('action=user.create')).find(
      (e) => e.objectId === me.body.id,
    );
    expect(created).toMatchObject({ actorId: me.body.id, result: 'success' });
    expect(created?.detail).toEqual({ via: 'sso', roles: ['admin'] });
    const login = (await auditEvents('action=auth.login&result=success')).find(
      (e) => e.actorId === me.body.id,
    );
    expect(login?.detail).toMatchObject({ method: 'sso' });

    // The second time the same identity finds the same account: nothing new is created.
    const again = await signInWithSso('beheer');
    expect(again.location).toBe('/');
    expect((await again.client.get('/api/auth/me')).body.id).toBe(me.body.id);
    expect(await userCount()).toBe(before + 1);
  });

  it('lands on the page the person was going to, and only on a relative path of the app', async () => {
    const going = `?terug=${encodeURIComponent('/bord?stap=12')}`;
    expect((await signInWithSso('beheer', t, t.client(), going)).location).toBe('/bord?stap=12');
    for (const hostile of [
      'https://evil.example/bord',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/inloggen',
    ]) {
      const query = `?terug=${encodeURIComponent(hostile)}`;
      expect([hostile, (await signInWithSso('beheer', t, t.client(), query)).location]).toEqual([
        hostile,
        '/',
      ]);
    }
  });

  it('links an existing account by its verified e-mail address, keeping its teams and cases', async () => {
    const password = await t.signedIn(DEMO.ambassador);
    const existing = (await password.get('/api/auth/me')).body;
    const caseIds = (await password.get('/api/cases/caseload')).body.cases.map(
      (c: { id: string }) => c.id,
    );
    expect(caseIds.length).toBeGreaterThan(0);
    const before = await userCount();

    const { client, location } = await signInWithSso('ambassadeur');
    expect(location).toBe('/');
    const me = (await client.get('/api/auth/me')).body;
    expect(me.id).toBe(existing.id);
    expect(me.roles).toEqual(['ambassador']);
    // The provider's name replaces the one typed in by hand.
    expect(me.name).toBe('Aisha Ambassadeur (SSO)');
    expect(
      (await client.get('/api/cases/caseload')).body.cases.map((c: { id: string }) => c.id),
    ).toEqual(caseIds);
    expect(await userCount()).toBe(before);

    const linked = (await auditEvents('action=user.update')).find((e) => e.objectId === me.id);
    expect(linked?.detail).toMatchObject({ via: 'sso', linked: true });
  });

  it('sets the roles from the claim at every SSO sign-in; team memberships stay as the admin set them', async () => {
    const { client } = await signInWithSso('ambassadeur');
    const id = (await client.get('/api/auth/me')).body.id as string;
    const user = (await admin.get(`/api/users/${id}`)).body as UserDto;
    const teamId = (await admin.get('/api/org-units')).body.find(
      (u: { kind: string }) => u.kind === 'team',
    ).id as string;
    const patched = await admin.patch(`/api/users/${id}`, {
      version: user.version,
      roles: ['ambassador', 'admin', 'team'],
      teamIds: [teamId],
    });
    expect(patched.status).toBe(200);

    const again = await signInWithSso('ambassadeur');
    const me = (await again.client.get('/api/auth/me')).body;
    expect(me.roles).toEqual(['ambassador']);
    const after = (await admin.get(`/api/users/${id}`)).body as UserDto;
    expect(after.roles).toEqual(['ambassador']);
    expect(after.teamIds).toEqual([teamId]);
    const changed = (await auditEvents('action=user.update')).find((e) => e.objectId === id);
    expect(changed?.detail).toMatchObject({
      via: 'sso',
      roles: { from: ['ambassador', 'admin', 'team'], to: ['ambassador'] },
    });
  });

  it('creates no account for someone without a mapped group, and says why', async () => {
    const before = await userCount();
    const { client, location } = await signInWithSso('zonderrol');
    expect(location).toBe('/inloggen?sso=no-role');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expectApiError(await client.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
    expect(await userCount()).toBe(before);
    const users = (await admin.get('/api/users')).body as UserDto[];
    expect(users.some((u) => u.email === 'zonder.rol@voorbeeldstad.example')).toBe(false);
    expect(await lastSsoFailure()).toMatchObject({
      actorId: null,
      result: 'denied',
      detail: { method: 'sso', reason: 'no-role', email: 'zonder.rol@voorbeeldstad.example' },
    });
  });

  it('refuses a callback whose state does not match this browser, or that another browser started', async () => {
    const client = t.client();
    const authorizationUrl = await start(t, client);
    const callbackUrl = await new ProviderBrowser(provider.issuer).signIn(
      authorizationUrl,
      'beheer',
    );
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'state-of-an-attacker');
    const res = await callback(client, tampered.toString());
    expect(res.headers.get('location')).toBe('/inloggen?sso=state');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await lastSsoFailure()).toMatchObject({
      result: 'failure',
      detail: { reason: 'state', error: 'state-mismatch' },
    });

    // A valid callback URL in a browser that did not start the sign-in (login CSRF).
    const other = t.client();
    const victim = await callback(other, callbackUrl);
    expect(victim.headers.get('location')).toBe('/inloggen?sso=state');
    expect(other.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await lastSsoFailure())?.detail).toMatchObject({ error: 'transaction-missing' });
  });

  it('refuses a code that was already used', async () => {
    const client = t.client();
    const authorizationUrl = await start(t, client);
    const transaction = client.cookies.get(OIDC_TRANSACTION_COOKIE) as string;
    const callbackUrl = await new ProviderBrowser(provider.issuer).signIn(
      authorizationUrl,
      'beheer',
    );
    expect((await callback(client, callbackUrl)).headers.get('location')).toBe('/');

    // The same redirect replayed, even with the transaction cookie put back.
    const replay = t.client();
    replay.cookies.set(OIDC_TRANSACTION_COOKIE, transaction);
    const res = await callback(replay, callbackUrl);
    expect(res.headers.get('location')).toBe('/inloggen?sso=code');
    expect(replay.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await lastSsoFailure())?.detail).toMatchObject({
      reason: 'code',
      error: 'invalid_grant',
    });
  });

  it('refuses an expired code', async () => {
    // The test provider gives this account's codes a life of three seconds: used at once, fine.
    expect((await signInWithSso('traag')).location).toBe('/');
    const before = await userCount();

    const client = t.client();
    const authorizationUrl = await start(t, client);
    const callbackUrl = await new ProviderBrowser(provider.issuer).signIn(
      authorizationUrl,
      'traag',
    );
    await new Promise((done) => setTimeout(done, 4000));
    const res = await callback(client, callbackUrl);
    expect(res.headers.get('location')).toBe('/inloggen?sso=code');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await lastSsoFailure())?.detail).toMatchObject({
      reason: 'code',
      error: 'invalid_grant',
    });
    expect(await userCount()).toBe(before);
  });

  it('refuses an e-mail address the provider has not verified', async () => {
    const before = await userCount();
    const { location } = await signInWithSso('onbevestigd');
    expect(location).toBe('/inloggen?sso=email');
    expect(await userCount()).toBe(before);
  });

  it('comes back with a clear reason when the person cancels at the provider', async () => {
    const client = t.client();
    const authorizationUrl = await start(t, client);
    const callbackUrl = await new ProviderBrowser(provider.issuer).cancel(authorizationUrl);
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    const res = await callback(client, callbackUrl);
    expect(res.headers.get('location')).toBe('/inloggen?sso=denied');
    expect((await lastSsoFailure())?.detail).toMatchObject({ error: 'access_denied' });
  });

  it('refuses a deactivated account', async () => {
    const { client } = await signInWithSso('teamlid');
    const me = (await client.get('/api/auth/me')).body;
    expect(me).toMatchObject({ roles: ['team'], locale: 'en' });
    // The provider gave the role; the admin puts the new team member in a team, and later
    // deactivates the account.
    const teamId = (await admin.get('/api/org-units')).body.find(
      (u: { kind: string }) => u.kind === 'team',
    ).id as string;
    const user = (await admin.get(`/api/users/${me.id}`)).body as UserDto;
    const placed = await admin.patch(`/api/users/${me.id}`, {
      version: user.version,
      teamIds: [teamId],
    });
    expect(placed.status).toBe(200);
    expect((await client.get('/api/auth/me')).body.teams.map((u: { id: string }) => u.id)).toEqual([
      teamId,
    ]);
    const deactivated = await admin.patch(`/api/users/${me.id}`, {
      version: placed.body.version,
      active: false,
    });
    expect(deactivated.status).toBe(200);
    expectApiError(await client.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');

    const { location } = await signInWithSso('teamlid');
    expect(location).toBe('/inloggen?sso=inactive');
    expect(await lastSsoFailure()).toMatchObject({ actorId: me.id, result: 'denied' });
  });

  it('gives a new session id and ends the session the browser held', async () => {
    const client = await t.signedIn(DEMO.director);
    const first = client.cookies.get(SESSION_COOKIE) as string;
    const stale = t.client();
    stale.cookies.set(SESSION_COOKIE, first);

    const { location } = await signInWithSso('beheer', t, client);
    expect(location).toBe('/');
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe(first);
    expect((await client.get('/api/auth/me')).body.email).toBe(
      'sso.beheerder@voorbeeldstad.example',
    );
    expectApiError(await stale.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('anonymising a person removes the link to their provider identity', async () => {
    const { client } = await signInWithSso('teamlid');
    void client;
    const teamlid = ((await admin.get('/api/users')).body as UserDto[]).find(
      (u) => u.email === 'sso.teamlid@voorbeeldstad.example',
    ) as UserDto;
    const res = await admin.post(`/api/users/${teamlid.id}/anonymise`, {
      version: teamlid.version,
      confirm: true,
    });
    expect(res.status).toBe(200);
    const links = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM user_identity WHERE user_id = '${teamlid.id}'`,
    );
    expect(Number(links[0].n)).toBe(0);
  });

  describe('with local passwords switched off', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await startTestApp(ssoEnv({ LOCAL_PASSWORDS: 'false' }));
    }, 60_000);
    afterAll(() => strict?.close());

    it('refuses password sign-in with a clear message and offers only SSO', async () => {
      const client = strict.client();
      const res = await client.post('/api/auth/login', {
        email: DEMO.admin,
        password: DEMO_PASSWORD,
      });
      expectApiError(res, 403, 'LOCAL_PASSWORDS_DISABLED');
      expect(res.body.message).toMatch(/single sign-on/);
      expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
      expect((await client.get('/api/auth/methods')).body).toMatchObject({
        password: false,
        sso: true,
      });

      const { location, client: browser } = await signInWithSso('beheer', strict);
      expect(location).toBe('/');
      expect((await browser.get('/api/auth/me')).body.roles).toEqual(['admin']);
    });
  });

  describe('with a provider that cannot be reached', () => {
    let down: TestApp;
    beforeAll(async () => {
      down = await startTestApp({
        ...ssoEnv(),
        OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
      });
    }, 60_000);
    afterAll(() => down?.close());

    it('sends the browser back to the sign-in page with the reason, and audits it', async () => {
      const client = down.client();
      const res = await client.get('/api/auth/oidc/start');
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/inloggen?sso=unreachable');
      expect(client.cookies.has(OIDC_TRANSACTION_COOKIE)).toBe(false);
      const rows = await down.dataSource.query(
        `SELECT detail FROM audit_event WHERE action = 'auth.login' AND result = 'failure'`,
      );
      expect(rows.map((r: { detail: string }) => JSON.parse(r.detail))).toContainEqual(
        expect.objectContaining({ method: 'sso', reason: 'unreachable' }),
      );
      // Password sign-in keeps working while the provider is down.
      expect((await down.signedIn(DEMO.admin)).cookies.has(SESSION_COOKIE)).toBe(true);
    });
  });

  describe('with SSO off (the default)', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await startTestApp();
    }, 60_000);
    afterAll(() => plain?.close());

    it('says so to the sign-in page and answers 404 at the SSO endpoints', async () => {
      const client = plain.client();
      expect((await client.get('/api/auth/methods')).body).toEqual({
        password: true,
        sso: false,
        ssoLabel: null,
      });
      expectApiError(await client.get('/api/auth/oidc/start'), 404, 'SSO_NOT_CONFIGURED');
      expectApiError(
        await client.get('/api/auth/oidc/callback?code=x&state=y'),
        404,
        'SSO_NOT_CONFIGURED',
      );
    });
  });
});
