import type { BoardAgreementDto, BoardDto } from '@olievlek/shared';
import { addDays } from '@olievlek/domain';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { DEMO, HttpClient, TestResponse } from '../../test/test-app';
import {
  freshDatabase,
  FreshDatabase,
  ServerProcess,
  startServerProcess,
} from '../../test/server-process';

/** The demo team member and the colleagues in the same team (demo-data.ts). */
const TEAM_ACCOUNTS = [
  DEMO.team,
  'e.dekker@voorbeeldstad.example',
  't.vanleeuwen@voorbeeldstad.example',
  'n.yilmaz@voorbeeldstad.example',
  'b.smits@voorbeeldstad.example',
  'l.hendriks@voorbeeldstad.example',
  'k.mulder@voorbeeldstad.example',
  's.boukhari@voorbeeldstad.example',
  'j.vos@voorbeeldstad.example',
];

const sqliteOnly = process.env['DATABASE_URL']?.startsWith('postgres') ? it.skip : it;

/** Requests in flight at any moment of the burst. */
const PARALLEL = 12;

interface Write {
  kind: 'tick' | 'reflection';
  client: HttpClient;
  agreementId: string;
  periodKey: string;
  /** Unique text (skip reason or reflection) that proves this very write reached the database. */
  marker: string;
}

async function signIn(baseUrl: string, email: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
  return client;
}

function send(write: Write): Promise<TestResponse> {
  const path = `/api/agreements/${write.agreementId}`;
  return write.kind === 'tick'
    ? write.client.put(`${path}/check-offs/${write.periodKey}`, {
        state: 'skipped',
        reason: write.marker,
      })
    : write.client.put(`${path}/reflections/${write.periodKey}`, { text: write.marker });
}

function present(write: Write, agreements: BoardAgreementDto[]): boolean {
  const agreement = agreements.find((a) => a.id === write.agreementId);
  if (!agreement) return false;
  if (write.kind === 'tick') {
    const cell = agreement.grid.find((c) => c.key === write.periodKey);
    return cell?.status === 'skipped' && cell.reason === write.marker;
  }
  return agreement.reflections.some(
    (r) => r.periodKey === write.periodKey && r.text === write.marker,
  );
}

/**
 * Issue 7, "Trust": the real server, as its own process, is killed with SIGKILL in the middle of a
 * burst of ticks and reflections. Every write it had answered with 2xx must be there after a
 * restart on the same database: the server only acknowledges what has been committed.
 */
describe('crash safety: SIGKILL during a burst of ticks', () => {
  let database: FreshDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.drop();
  });

  it('keeps every acknowledged write after the process is killed mid-burst and restarted', async () => {
    server = await startServerProcess(database.url);
    const clients = await Promise.all(
      TEAM_ACCOUNTS.map((email) => signIn((server as ServerProcess).baseUrl, email)),
    );
    // More running weekly steps on the member's case, so the burst is mostly ticks.
    const ambassador = await signIn(server.baseUrl, DEMO.ambassador);
    const first = (await clients[0].get('/api/board')).body as BoardDto;
    const own = first.teams[0].agreements.find((a) => a.team.id === first.teams[0].team.id);
    const caseId = (await ambassador.get(`/api/agreements/${own?.id}`)).body.caseId;
    for (let i = 0; i < 10; i++) {
      const res = await ambassador.post(`/api/cases/${caseId}/agreements`, {
        title: `Crashbestendig ${i}`,
        cadence: { kind: 'weeks', every: 1 },
        startDate: addDays(first.today, -70),
        status: 'running',
      });
      expect(res.status).toBe(201);
    }
    const before = (await clients[0].get('/api/board')).body as BoardDto;
    const slots = before.teams
      .flatMap((t) => t.agreements)
      .flatMap((a) => a.grid.map((cell) => ({ agreementId: a.id, periodKey: cell.key })));

    // Every (step, period) that may be ticked — up to 8 periods back — is ticked once, and two
    // members reflect on it: each write has a slot of its own and a marker that proves it landed.
    const queue: Write[] = slots.flatMap(({ agreementId, periodKey }, i) => [
      {
        kind: 'tick' as const,
        client: clients[i % clients.length],
        agreementId,
        periodKey,
        marker: `crash tick ${i}`,
      },
      ...[i % clients.length, (i + 4) % clients.length].map((m) => ({
        kind: 'reflection' as const,
        client: clients[m],
        agreementId,
        periodKey,
        marker: `crash reflection ${i} by member ${m}`,
      })),
    ]);
    const total = queue.length;
    expect(total).toBeGreaterThanOrEqual(300);

    const acknowledged: Write[] = [];
    const unanswered: Write[] = [];
    const refused: Array<{ write: Write; status: number; body: unknown }> = [];
    const killAfter = Math.floor(total * 0.4);
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killing: Promise<void> | undefined;
    const running = server;

    const worker = async () => {
      while (!killing && queue.length) {
        const write = queue.shift() as Write;
        inFlight++;
        try {
          const res = await send(write);
          // A 2xx that arrives after the kill was still sent by the server: it counts.
          if (res.status >= 200 && res.status < 300) acknowledged.push(write);
          else refused.push({ write, status: res.status, body: res.body });
          if (!killing && acknowledged.length >= killAfter) {
            inFlightAtKill = inFlight - 1;
            killing = running.kill('SIGKILL');
          }
        } catch {
          unanswered.push(write);
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await killing;
    expect(refused).toEqual([]);
    expect(running.running()).toBe(false);
    expect(inFlightAtKill).toBeGreaterThan(0);
    const walLeftBehind = database.sqlitePath ? existsSync(`${database.sqlitePath}-wal`) : null;

    server = await startServerProcess(database.url);
    const reader = await signIn(server.baseUrl, DEMO.team);
    const after = (await reader.get('/api/board')).body as BoardDto;
    const afterAgreements = after.teams.flatMap((t) => t.agreements);
    const missing = acknowledged.filter((w) => !present(w, afterAgreements));
    const unansweredButKept = unanswered.filter((w) => present(w, afterAgreements));

    console.log(
      `crash safety (${database.type}): writes acknowledged: ${acknowledged.length} ` +
        `(${acknowledged.filter((w) => w.kind === 'tick').length} ticks), ` +
        `found after restart: ${acknowledged.length - missing.length}; ` +
        `${inFlightAtKill} requests in flight at SIGKILL, ${unanswered.length} never answered ` +
        `(${unansweredButKept.length} of those committed anyway), ${queue.length} never sent` +
        (walLeftBehind === null ? '' : `; WAL file left by the crash: ${walLeftBehind}`),
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
    expect(missing.map((w) => `${w.kind} ${w.agreementId} ${w.periodKey}`)).toEqual([]);
    // Two server starts from source: generous on a crowded 2-core machine, ~15 s when it is quiet.
  }, 180_000);

  sqliteOnly(
    'opens SQLite in WAL mode with synchronous=FULL, the settings the server runs with',
    async () => {
      const path = database.sqlitePath as string;
      const file = new Database(path, { readonly: true });
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
      file.close();
      // synchronous is per connection: open one exactly the way the server does.
      const dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path }));
      await dataSource.initialize();
      try {
        expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
        // 2 = FULL: the WAL is synced on every commit, so an acknowledged write survives power loss too.
        expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
      } finally {
        await dataSource.destroy();
      }
    },
  );
});
