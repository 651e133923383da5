import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac } from 'node:crypto';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/config';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

/** The constant that signed every token while SESSION_SECRET was unset, until issue 20. */
const PUBLIC_CONSTANT = 'olievlek-development-secret-do-not-use-in-production';

/** An unsubscribe token as an attacker would make it, with a key of their choosing. */
const forgedToken = (key: string, userId: string) =>
  `${userId}.director-summary.${createHmac('sha256', key)
    .update(`olievlek:mail-unsubscribe:v1\n${userId}\ndirector-summary`)
    .digest('base64url')}`;

describe('server secret without SESSION_SECRET (issue 20, finding 11)', () => {
  let t: TestApp;
  let secondInstance: NestFastifyApplication | null = null;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await secondInstance?.close();
    await t.close();
  });

  it('refuses a token signed with the public constant and leaves the preference as it was', async () => {
    const director = await t.signedIn(DEMO.director);
    const { id } = (await director.get('/api/auth/me')).body;
    const anonymous = t.client();
    anonymous.csrf = false;

    const res = await anonymous.post(
      `/api/mail/unsubscribe?token=${encodeURIComponent(forgedToken(PUBLIC_CONSTANT, id))}`,
    );
    expectApiError(res, 400, 'MAIL_TOKEN_INVALID');
    expect((await director.get('/api/mail/preferences')).body.kinds).toEqual([
      { kind: 'director-summary', enabled: true },
    ]);
  });

  it('signs with a random key of this database, the same for a second instance on it', async () => {
    const rows = await t.dataSource.query('SELECT name, value FROM server_secret');
    expect(rows).toEqual([{ name: 'session', value: expect.stringMatching(/^[\w-]{64}$/) }]);

    // The stored key is the one in use: a token under it works (and only this database knows it).
    const director = await t.signedIn(DEMO.director);
    const { id } = (await director.get('/api/auth/me')).body;
    const anonymous = t.client();
    anonymous.csrf = false;
    const good = await anonymous.post(
      `/api/mail/unsubscribe?token=${encodeURIComponent(forgedToken(rows[0].value, id))}`,
    );
    expect(good.body).toEqual({ kind: 'director-summary', subscribed: false });

    // A restart (or a second instance) reads the same key back: the session still holds.
    secondInstance = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: t.databaseUrl,
        DEMO_DATA: 'true',
        WEB_ROOT: '',
      }),
      { logger: ['error'] },
    );
    await secondInstance.listen(0, '127.0.0.1');
    const address = secondInstance.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('No port');
    const sameBrowser = new HttpClient(`http://127.0.0.1:${address.port}`);
    for (const [name, value] of director.cookies) sameBrowser.cookies.set(name, value);
    expect((await sameBrowser.get('/api/auth/me')).body.email).toBe(DEMO.director);
    expect(await t.dataSource.query('SELECT value FROM server_secret')).toEqual([
      { value: rows[0].value },
    ]);
  });
});
