import { AuditEventEntity } from '../audit/audit-event.entity';
import { expectApiError, startTestApp, TestApp } from '../../test/test-app';

/** The origin the audit log recorded for a failed sign-in with this (unknown) e-mail address. */
async function originsOfFailedSignIns(t: TestApp, forged: string[]): Promise<(string | null)[]> {
  const origins: (string | null)[] = [];
  for (const address of forged) {
    const client = t.client();
    expectApiError(
      await client.post(
        '/api/auth/login',
        { email: `nobody-${address}@voorbeeldstad.example`, password: 'wrong-password' },
        { 'X-Forwarded-For': address },
      ),
      401,
      'INVALID_CREDENTIALS',
    );
  }
  const events = await t.dataSource
    .getRepository(AuditEventEntity)
    .find({ where: { action: 'auth.login', result: 'failure' }, order: { at: 'ASC' } });
  for (const event of events.slice(-forged.length)) origins.push(event.origin);
  return origins;
}

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'p'.repeat(40),
  DEMO_DATA: 'false',
};

describe('client addresses behind proxies: TRUSTED_PROXIES', () => {
  describe('by default, in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(PRODUCTION);
    });
    afterAll(() => t.close());

    it('ignores an X-Forwarded-For the client wrote itself', async () => {
      expect(await originsOfFailedSignIns(t, ['203.0.113.7', '198.51.100.9'])).toEqual([
        '127.0.0.1',
        '127.0.0.1',
      ]);
    });
  });

  describe.each([
    ['an address', '127.0.0.1'],
    ['a CIDR range', '127.0.0.0/8'],
    ['a hop count', '1'],
  ])('with %s of a trusted proxy', (_kind, setting) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ ...PRODUCTION, TRUSTED_PROXIES: setting });
    });
    afterAll(() => t.close());

    it('takes the client address the trusted proxy forwarded', async () => {
      expect(await originsOfFailedSignIns(t, ['203.0.113.7', '198.51.100.9'])).toEqual([
        '203.0.113.7',
        '198.51.100.9',
      ]);
    });
  });
});
