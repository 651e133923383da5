import { addDays, localDateIn } from '@olievlek/domain';
import type { AgreementDto, BoardDto, RetentionRunDto } from '@olievlek/shared';
import { CSRF_COOKIE, CSRF_HEADER } from '@olievlek/shared';
import Database from 'better-sqlite3';
import { Client as PgClient } from 'pg';
import { DEMO_PASSWORD } from '../demo/demo-data';
import {
  FreshDatabase,
  freshDatabase,
  ServerProcess,
  startServerProcess,
} from '../../test/server-process';
import { DEMO, expectApiError, HttpClient, TestResponse } from '../../test/test-app';

/** Reads the database behind both instances directly, to count what they wrote. */
interface Reader {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function openReader(database: FreshDatabase): Promise<Reader> {
  if (database.sqlitePath) {
    const db = new Database(database.sqlitePath, { readonly: true });
    return {
      all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
      close: async () => {
        db.close();
      },
    };
  }
  const client = new PgClient({ connectionString: database.url });
  await client.connect();
  return {
    all: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, params)).rows as T[];
    },
    close: () => client.end(),
  };
}

/** The same browser (its cookies) talking to the other instance, as a load balancer would send it. */
function sameBrowserOn(baseUrl: string, browser: HttpClient): HttpClient {
  const client = new HttpClient(baseUrl);
  for (const [name, value] of browser.cookies) client.cookies.set(name, value);
  return client;
}

async function signIn(baseUrl: string, email: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
  return client;
}

const count = async (reader: Reader, sql: string, params: unknown[] = []) =>
  Number((await reader.all<{ n: number | string }>(sql, params))[0].n);

/**
 * Issue 8, "several instances": two real server processes on one database — PostgreSQL under
 * tools/scripts/with-postgres.sh, else one SQLite file in WAL mode (several processes on one
 * machine) — behave as one, whichever of them a request reaches.
 */
describe('two API instances on one database', () => {
  let database: FreshDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let reader: Reader;

  beforeAll(async () => {
    database = await freshDatabase();
    // Both start at the same moment on the empty database: migrations and demo data race.
    [a, b] = await Promise.all([
      startServerProcess(database.url, { NOTE_RETENTION_DAYS: '30' }, 150_000),
      startServerProcess(database.url, { NOTE_RETENTION_DAYS: '30' }, 150_000),
    ]);
    reader = await openReader(database);
  }, 180_000);

  afterAll(async () => {
    await reader?.close();
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await database?.drop();
  });

  it('start together on an empty database: every migration runs once, the demo data loads once', async () => {
    for (const server of [a, b]) {
      // The migration detail is for signed-in admins only.
      const health = await (await signIn(server.baseUrl, DEMO.admin)).get('/api/health');
      expect(health.body.database).toEqual(
        expect.objectContaining({ status: 'up', migrationsPending: false }),
      );
    }
    const migrations = await reader.all<{ name: string; n: number | string }>(
      'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name',
    );
    expect(migrations.length).toBeGreaterThanOrEqual(7);
    expect(migrations.filter((m) => Number(m.n) !== 1)).toEqual([]);
    // 1 organisation, 4 directorates, 12 departments, 60 teams; 15 accounts (demo-data.ts).
    expect(await count(reader, 'SELECT COUNT(*) AS n FROM org_unit')).toBe(77);
    expect(await count(reader, 'SELECT COUNT(*) AS n FROM app_user')).toBe(15);
    const loaded = [a, b].filter((s) => s.output().includes('Loaded demo organisation'));
    expect(loaded).toHaveLength(1);
  });

  it('share sessions: signed in on A works on B, and signing out on B ends it on A', async () => {
    const onA = await signIn(a.baseUrl, DEMO.ambassador);
    const onB = sameBrowserOn(b.baseUrl, onA);
    expect((await onB.get('/api/auth/me')).body.email).toBe(DEMO.ambassador);

    expect((await onB.post('/api/auth/logout')).status).toBe(204);
    const after = sameBrowserOn(a.baseUrl, onA);
    expectApiError(await after.get('/api/auth/me'), 401, 'NOT_AUTHENTICATED');
  });

  it('accept on B the CSRF token A handed out, and refuse a request without it', async () => {
    const browser = new HttpClient(a.baseUrl);
    await browser.get('/api/health');
    const token = browser.cookies.get(CSRF_COOKIE);
    expect(token).toBeTruthy();
    const onB = sameBrowserOn(b.baseUrl, browser);
    const login = await onB.post('/api/auth/login', {
      email: DEMO.admin,
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    // A's token was good enough on B; the sign-in gave the session's own, which A accepts.
    expect(onB.cookies.get(CSRF_COOKIE)).not.toBe(token);
    const backOnA = sameBrowserOn(a.baseUrl, onB);
    expect((await backOnA.patch('/api/auth/me', { locale: 'nl' })).status).toBe(200);

    const forged = sameBrowserOn(b.baseUrl, onB);
    forged.csrf = false;
    expectApiError(
      await forged.post('/api/auth/logout', undefined, { [CSRF_HEADER]: 'not-the-token' }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('refuse with 409 an edit on B based on a version A already changed', async () => {
    const onA = await signIn(a.baseUrl, DEMO.ambassador);
    const onB = sameBrowserOn(b.baseUrl, onA);
    const board = (await (await signIn(b.baseUrl, DEMO.team)).get('/api/board')).body as BoardDto;
    const id = board.teams[0].agreements[0].id;
    const seen = (await onB.get(`/api/agreements/${id}`)).body as AgreementDto;

    const first = await onA.patch(`/api/agreements/${id}`, {
      version: seen.version,
      successCriterion: 'Gewijzigd via instantie A',
    });
    expect(first.status).toBe(200);
    const stale = await onB.patch(`/api/agreements/${id}`, {
      version: seen.version,
      successCriterion: 'Gewijzigd via instantie B',
    });
    expectApiError(stale, 409, 'AGREEMENT_VERSION_CONFLICT');
    const now = (await onB.get(`/api/agreements/${id}`)).body as AgreementDto;
    expect(now).toEqual(
      expect.objectContaining({
        version: seen.version + 1,
        successCriterion: 'Gewijzigd via instantie A',
      }),
    );

    // The same, ten at once over both: one edit wins, the others are told, none fails.
    const racing = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? onB : sameBrowserOn(a.baseUrl, onA)).patch(`/api/agreements/${id}`, {
          version: now.version,
          successCriterion: `Tegelijk ${i}`,
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = racing.findIndex((r) => r.status === 200);
    expect(((await onA.get(`/api/agreements/${id}`)).body as AgreementDto).successCriterion).toBe(
      `Tegelijk ${winner}`,
    );
  });

  it('keep one record when the same step is ticked through A and B at the same moment', async () => {
    const members = await Promise.all(
      [DEMO.team, 'e.dekker@voorbeeldstad.example'].map((email) => signIn(a.baseUrl, email)),
    );
    const board = (await members[0].get('/api/board')).body as BoardDto;
    const cells = board.teams[0].agreements.flatMap((agreement) =>
      agreement.grid
        .filter((cell) => cell.status !== 'not-due')
        .map((cell) => ({ agreementId: agreement.id, periodKey: cell.key })),
    );
    expect(cells.length).toBeGreaterThanOrEqual(4);
    const slots = cells.slice(0, 4);
    for (const slot of slots) {
      await members[0].delete(`/api/agreements/${slot.agreementId}/check-offs/${slot.periodKey}`);
    }

    // Each slot: five ticks through A and five through B by two members, all at once.
    const requests: Array<Promise<TestResponse>> = [];
    for (const slot of slots) {
      for (let i = 0; i < 10; i++) {
        const member = members[i % 2];
        const client = i % 2 === 0 ? member : sameBrowserOn(b.baseUrl, member);
        requests.push(
          client.put(`/api/agreements/${slot.agreementId}/check-offs/${slot.periodKey}`, {
            state: 'done',
          }),
        );
      }
    }
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

    for (const slot of slots) {
      expect(
        await count(
          reader,
          'SELECT COUNT(*) AS n FROM check_off WHERE agreement_id = ? AND period_key = ?',
          [slot.agreementId, slot.periodKey],
        ),
      ).toBe(1);
    }
    const seenOnB = (await sameBrowserOn(b.baseUrl, members[1]).get('/api/board')).body as BoardDto;
    for (const slot of slots) {
      const agreement = seenOnB.teams[0].agreements.find((x) => x.id === slot.agreementId);
      expect(agreement?.grid.find((cell) => cell.key === slot.periodKey)?.status).toBe('done');
    }
  });

  it('purge notes correctly when the retention job runs on both at the same moment', async () => {
    // NOTE_RETENTION_DAYS=30 on both: the demo's closed cases are due (the schedule runs at 03:15).
    const closedBefore = addDays(localDateIn(new Date(), 'Europe/Amsterdam'), -30);
    const due = `SELECT id FROM case_file WHERE status = 'closed' AND closed_on < ?`;
    const observations = () =>
      count(reader, `SELECT COUNT(*) AS n FROM observation WHERE case_id IN (${due})`, [
        closedBefore,
      ]);
    const situations = () =>
      count(
        reader,
        `SELECT COUNT(*) AS n FROM intake WHERE situation <> '' AND case_id IN (${due})`,
        [closedBefore],
      );
    const observationsBefore = await observations();
    const situationsBefore = await situations();
    expect(observationsBefore).toBeGreaterThan(0);
    expect(situationsBefore).toBeGreaterThan(0);

    const admins = [await signIn(a.baseUrl, DEMO.admin), await signIn(b.baseUrl, DEMO.admin)];
    const runs = await Promise.all(admins.map((admin) => admin.post('/api/admin/retention/run')));
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    const results = runs.map((r) => r.body as RetentionRunDto);
    expect(results.map((r) => r.closedBefore)).toEqual([closedBefore, closedBefore]);
    // Every note removed exactly once between them, whichever got there first.
    const total = (field: keyof RetentionRunDto) =>
      results.reduce((sum, r) => sum + Number(r[field]), 0);
    expect(total('observationsDeleted')).toBe(observationsBefore);
    expect(total('intakeSituationsCleared')).toBe(situationsBefore);
    expect(await observations()).toBe(0);
    expect(await situations()).toBe(0);

    const again = (await admins[1].post('/api/admin/retention/run')).body as RetentionRunDto;
    expect(again).toEqual(
      expect.objectContaining({
        observationsDeleted: 0,
        intakeSituationsCleared: 0,
        intakeRevisionsCleared: 0,
      }),
    );
  });

  it('count failed sign-ins from one address together, whichever instance they reach', async () => {
    const email = 'j.vos@voorbeeldstad.example';
    // Per account: five failures spread over A and B, then the sixth is refused on either.
    for (let i = 0; i < 5; i++) {
      const res = await new HttpClient(i % 2 ? b.baseUrl : a.baseUrl).post('/api/auth/login', {
        email,
        password: `fout-${i}`,
      });
      expectApiError(res, 401, 'INVALID_CREDENTIALS');
    }
    for (const server of [a, b]) {
      expectApiError(
        await new HttpClient(server.baseUrl).post('/api/auth/login', {
          email,
          password: DEMO_PASSWORD,
        }),
        429,
        'LOGIN_RATE_LIMITED',
      );
    }

    // Per address: 30 failures (5 above + 25 for unknown accounts) from 127.0.0.1 across both.
    for (let i = 0; i < 25; i++) {
      const res = await new HttpClient(i % 2 ? a.baseUrl : b.baseUrl).post('/api/auth/login', {
        email: `onbekend-${i}@voorbeeldstad.example`,
        password: 'fout',
      });
      expectApiError(res, 401, 'INVALID_CREDENTIALS');
    }
    for (const server of [a, b]) {
      expectApiError(
        await new HttpClient(server.baseUrl).post('/api/auth/login', {
          email: DEMO.director,
          password: DEMO_PASSWORD,
        }),
        429,
        'LOGIN_RATE_LIMITED',
      );
    }
    // 35 argon2 verifications: slow on a crowded 2-core machine.
  }, 150_000);
});
