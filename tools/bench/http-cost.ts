/**
 * The HTTP-cost bench (issue 8), run by `npm run bench` (or `npm run bench -- --only http-cost`):
 * the built API against a bare Fastify server (tools/bench/bare-server.ts) that sends the same SQL,
 * side by side on the demo database, interleaved, with the same HTTP client and concurrency:
 *  - write: a signed-in team member ticks and unticks a step (PUT / DELETE check-off);
 *  - read:  the same member's board (GET /api/board).
 * See tools/bench/README.md.
 */
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@olievlek/shared';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { Client as PgClient } from 'pg';
import { startApi } from '../synth/api-server';

const DEMO_MEMBER = 'team@voorbeeldstad.example';
const DEMO_PASSWORD = 'olievlek-demo';
const SQLITE_FILE = 'data/bench/http-cost-demo.sqlite';
const PG_DATABASE = 'olievlek_bench_http_cost';

export interface HttpCostOptions {
  /** Requests per batch; each round runs one batch of each kind on each server. */
  batch: number;
  rounds: number;
  concurrency: number;
}

export function httpCostOptions(raw: Record<string, string | undefined>): HttpCostOptions {
  return {
    batch: Math.max(50, Number(raw['http-batch'] ?? 400)),
    rounds: Math.max(2, Number(raw['http-rounds'] ?? 6)),
    concurrency: Math.max(1, Number(raw['http-concurrency'] ?? 8)),
  };
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The bare server in a process of its own, like the API: the client never shares its event loop. */
async function startBare(databaseUrl: string, secret: string): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      __dirname + '/bare-server.ts',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tools/tsconfig.json',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: secret,
        PORT: String(port),
        NODE_ENV: 'production',
      },
    },
  );
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!output.includes('listening')) {
    if (exited) throw new Error(`the bare server stopped:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bare server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/** Signs the demo member in on the app; the bare server accepts the same cookies (same secret). */
async function signIn(appUrl: string): Promise<Record<string, string>> {
  const first = await fetch(`${appUrl}/api/health`);
  const csrf = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  if (!csrf) throw new Error('http-cost: no CSRF cookie');
  const token = csrf.slice(CSRF_COOKIE.length + 1);
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, [CSRF_HEADER]: token },
    body: JSON.stringify({ email: DEMO_MEMBER, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`http-cost: sign-in failed (${login.status})`);
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('http-cost: no session cookie');
  // The sign-in answer carries the session's own CSRF token.
  const sessionCsrf = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  if (!sessionCsrf) throw new Error('http-cost: no CSRF cookie after sign-in');
  return {
    cookie: `${session}; ${sessionCsrf}`,
    [CSRF_HEADER]: sessionCsrf.slice(CSRF_COOKIE.length + 1),
    accept: 'application/json',
  };
}

interface Slot {
  agreementId: string;
  periodKey: string;
  /** The state before the bench, put back afterwards. */
  initial: { state: 'done' | 'skipped'; reason: string | null } | null;
}
interface BoardBody {
  teams: Array<{
    agreements: Array<{
      id: string;
      grid: Array<{ key: string; status: string; reason: string | null }>;
    }>;
  }>;
}

async function call(
  base: string,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ ms: number; status: number; json: unknown }> {
  const started = performance.now();
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { ms, status: response.status, json: text ? JSON.parse(text) : null };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Tally {
  ms: number[];
  requests: number;
  wallMs: number;
}

/** One database: demo data, the app and the bare server on it, measured in alternating batches. */
async function measure(db: 'sqlite' | 'postgres', databaseUrl: string, options: HttpCostOptions) {
  console.log(`\nhttp-cost ${db}: loading the demo organisation`);
  const seeder = await startApi(databaseUrl, { env: { DEMO_DATA: 'true' } });
  await seeder.stop();

  const secret = randomBytes(32).toString('hex');
  const app = await startApi(databaseUrl, { production: true, env: { SESSION_SECRET: secret } });
  const bare = await startBare(databaseUrl, secret).catch(async (error) => {
    await app.stop();
    throw error;
  });
  try {
    const headers = await signIn(app.url);
    const servers = { app: app.url, bare: bare.url } as const;

    // The same answers from both, or the comparison means nothing.
    const boards = await Promise.all(
      Object.values(servers).map((base) => call(base, headers, 'GET', '/api/board')),
    );
    if (boards.some((b) => b.status !== 200) || !isDeepStrictEqual(boards[0].json, boards[1].json))
      throw new Error(
        `http-cost: the boards differ:\n app ${JSON.stringify(boards[0].json)}\n bare ${JSON.stringify(boards[1].json)}`,
      );
    const board = boards[0].json as BoardBody;
    const slots: Slot[] = board.teams.flatMap((t) =>
      t.agreements.flatMap((a) =>
        a.grid.map((cell) => ({
          agreementId: a.id,
          periodKey: cell.key,
          initial:
            cell.status === 'done' || cell.status === 'skipped'
              ? { state: cell.status, reason: cell.reason }
              : null,
        })),
      ),
    );
    if (slots.length < options.concurrency)
      throw new Error(`http-cost: ${slots.length} slots for ${options.concurrency} writers`);
    const path = (s: Slot) => `/api/agreements/${s.agreementId}/check-offs/${s.periodKey}`;
    for (const method of ['PUT', 'DELETE']) {
      const answers = [];
      for (const base of Object.values(servers)) {
        const res = await call(
          base,
          headers,
          method,
          path(slots[0]),
          method === 'PUT' ? { state: 'done' } : undefined,
        );
        if (res.status !== 200)
          throw new Error(
            `http-cost: ${method} answered ${res.status}: ${JSON.stringify(res.json)}`,
          );
        answers.push(res.json);
      }
      if (!isDeepStrictEqual(answers[0], answers[1]))
        throw new Error(
          `http-cost: ${method} answers differ:\n app ${JSON.stringify(answers[0])}\n bare ${JSON.stringify(answers[1])}`,
        );
    }
    console.log(
      `  app and bare give equal boards and equal tick/untick answers; ${slots.length} (step, period) slots`,
    );

    const tallies: Record<'app' | 'bare', Record<'write' | 'read', Tally>> = {
      app: { write: { ms: [], requests: 0, wallMs: 0 }, read: { ms: [], requests: 0, wallMs: 0 } },
      bare: { write: { ms: [], requests: 0, wallMs: 0 }, read: { ms: [], requests: 0, wallMs: 0 } },
    };
    // Each writer owns one slot and alternates tick and untick on it: the data stays as it was.
    const ticks = new Map<number, number>();
    const batch = async (target: 'app' | 'bare', kind: 'write' | 'read', timed: boolean) => {
      const base = servers[target];
      let next = 0;
      const started = performance.now();
      const worker = async (w: number) => {
        while (next < options.batch) {
          next++;
          let res;
          if (kind === 'read') res = await call(base, headers, 'GET', '/api/board');
          else {
            const n = ticks.get(w) ?? 0;
            ticks.set(w, n + 1);
            res =
              n % 2 === 0
                ? await call(base, headers, 'PUT', path(slots[w]), { state: 'done' })
                : await call(base, headers, 'DELETE', path(slots[w]));
          }
          if (res.status !== 200)
            throw new Error(
              `http-cost: ${target} ${kind} answered ${res.status}: ${JSON.stringify(res.json)}`,
            );
          if (timed) tallies[target][kind].ms.push(res.ms);
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
      if (timed) {
        tallies[target][kind].requests += options.batch;
        tallies[target][kind].wallMs += performance.now() - started;
      }
    };

    for (const target of ['app', 'bare'] as const) {
      await batch(target, 'read', false);
      await batch(target, 'write', false);
    }
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const kind of ['write', 'read'] as const)
        for (const target of order) await batch(target, kind, true);
    }
    // Put back what the bench changed (untimed): every writer ends on an untick after an even count.
    for (let w = 0; w < options.concurrency; w++) {
      if ((ticks.get(w) ?? 0) % 2 === 1) await call(app.url, headers, 'DELETE', path(slots[w]));
      const initial = slots[w].initial;
      if (initial)
        await call(app.url, headers, 'PUT', path(slots[w]), {
          state: initial.state,
          ...(initial.reason ? { reason: initial.reason } : {}),
        });
    }

    const figures = (t: Tally) => ({
      p50: round2(percentile(t.ms, 50)),
      p95: round2(percentile(t.ms, 95)),
      rps: Math.round((t.requests / t.wallMs) * 1000),
    });
    const result: Record<string, unknown> = { bench: 'http-cost', db };
    console.log(
      `  ${options.rounds} rounds × ${options.batch} requests per kind and server, ${options.concurrency} at once, alternating which goes first`,
    );
    console.log('  kind    server   p50 ms   p95 ms    req/s');
    for (const kind of ['write', 'read'] as const) {
      const a = figures(tallies.app[kind]);
      const b = figures(tallies.bare[kind]);
      for (const [name, f] of [
        ['app', a],
        ['bare', b],
      ] as const)
        console.log(
          `  ${kind.padEnd(7)} ${name.padEnd(6)} ${String(f.p50).padStart(8)} ${String(f.p95).padStart(8)} ${String(f.rps).padStart(8)}`,
        );
      const ratio = round2(a.rps / b.rps);
      console.log(`  ${kind}: app ${ratio}× of bare (target ≥ ${kind === 'write' ? 0.4 : 0.5})`);
      Object.assign(result, {
        [`${kind}_ratio`]: ratio,
        [`${kind}_app_rps`]: a.rps,
        [`${kind}_bare_rps`]: b.rps,
        [`${kind}_app_p50_ms`]: a.p50,
        [`${kind}_app_p95_ms`]: a.p95,
        [`${kind}_bare_p50_ms`]: b.p50,
        [`${kind}_bare_p95_ms`]: b.p95,
      });
    }
    Object.assign(result, {
      concurrency: options.concurrency,
      requests: options.rounds * options.batch,
      slots: slots.length,
    });
    console.log(JSON.stringify(result));
    return result;
  } catch (error) {
    console.error(app.log().split('\n').slice(-20).join('\n'));
    throw error;
  } finally {
    await bare.stop();
    await app.stop();
  }
}

export async function httpCostSqlite(options: HttpCostOptions): Promise<void> {
  mkdirSync('data/bench', { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE_FILE + suffix, { force: true });
  await measure('sqlite', `sqlite:${SQLITE_FILE}`, options);
}

export async function httpCostPostgres(serverUrl: string, options: HttpCostOptions): Promise<void> {
  const admin = new PgClient({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${PG_DATABASE}`;
  await measure('postgres', url.toString(), options);
}
