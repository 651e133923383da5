import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS } from './login-throttle';

/**
 * The sign-in limits under parallel attempts, and per account *and* address. Loopback is a
 * trusted proxy here, so each test speaks from addresses of its own (X-Forwarded-For).
 */
describe('sign-in limits over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(() => t.close());

  async function from(
    address: string,
  ): Promise<(email: string, password: string) => Promise<number>> {
    const client: HttpClient = t.client();
    await client.get('/api/health'); // the CSRF cookie, once, before the parallel requests
    return async (email, password) =>
      (await client.post('/api/auth/login', { email, password }, { 'X-Forwarded-For': address }))
        .status;
  }

  const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

  it('lets at most the limit of 50 parallel wrong passwords for one account reach the check', async () => {
    const signIn = await from('203.0.113.1');
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(DEMO.ambassador, `wrong-${i}`)),
    );
    expect(count(statuses, 401)).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // The limit holds afterwards, for the right password too.
    expect(await signIn(DEMO.ambassador, DEMO_PASSWORD)).toBe(429);
  });

  it('does not let the right password through with 15 wrong ones sent beside it', async () => {
    const signIn = await from('203.0.113.2');
    const statuses = await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => signIn(DEMO.team, `wrong-${i}`)),
      signIn(DEMO.team, DEMO_PASSWORD),
    ]);
    // Only the first five reserved attempts are checked at all; the right one, sent last, is
    // refused unless it was among them.
    expect(statuses.length - count(statuses, 429)).toBeLessThanOrEqual(
      MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
    );
  });

  it('lets at most the address limit of parallel attempts across accounts reach the check', async () => {
    const signIn = await from('203.0.113.3');
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(`unknown-${i}@voorbeeldstad.example`, 'wrong')),
    );
    expect(count(statuses, 401)).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect(count(statuses, 429)).toBeGreaterThanOrEqual(50 - MAX_FAILURES_PER_ADDRESS);
  });

  describe('a stranger guessing the admin password', () => {
    it("locks out the stranger's address: even the right password is refused there", async () => {
      const stranger = await from('198.51.100.66');
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
        expect(await stranger(DEMO.admin, `guess-${i}`)).toBe(401);
      }
      expect(await stranger(DEMO.admin, 'guess-again')).toBe(429);
      expect(await stranger(DEMO.admin, DEMO_PASSWORD)).toBe(429);
    });

    it('does not lock out the admin signing in from their own address', async () => {
      const admin = t.client();
      const res = await admin.post(
        '/api/auth/login',
        { email: DEMO.admin, password: DEMO_PASSWORD },
        { 'X-Forwarded-For': '192.0.2.10' },
      );
      expect(res.status).toBe(200);
      // And a typo of the admin's own still leaves room to retry.
      const typo = await admin.post(
        '/api/auth/login',
        { email: DEMO.admin, password: 'olievlek-dmeo' },
        { 'X-Forwarded-For': '192.0.2.10' },
      );
      expectApiError(typo, 401, 'INVALID_CREDENTIALS');
    });
  });
});
