/**
 * `npm run bench`: the olievlek view endpoint against the lowest-cost plain baseline, side by
 * side, on synthetic data (issue 6); the HTTP cost against bare Fastify (issue 8); every
 * screen's calls (issue 19, screens.ts). See tools/bench/README.md.
 *
 *   npm run bench -- [--sizes city,national] [--dbs sqlite,postgres] [--rounds 10]
 *                    [--seed N] [--until YYYY-MM-DD] [--max-seconds 300] [--no-build]
 *                    [--only olievlek,http-cost,screens]
 */
import {
  addDays,
  daysBetween,
  isLocalDate,
  LocalDate,
  StageCounts,
  STAGES,
} from '@olievlek/domain';
import { CSRF_COOKIE, CSRF_HEADER, OlievlekViewDto, SESSION_COOKIE } from '@olievlek/shared';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { API_MAIN, childEnv, RunningApi, startApi } from '../synth/api-server';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, benchAdminName } from '../synth/dataset';
import { SizeName, sizeSpec } from '../synth/sizes';
import {
  CACHE_DIR,
  datasetKey,
  DEFAULT_SEED,
  defaultUntil,
  printReport,
  synthesize,
  synthesizeSqliteFile,
  SynthOptions,
} from '../synth/synth';
import { baselineStages, BASELINE_DESCRIPTION } from './baseline';
import { Db, openPostgres, openSqlite } from './db';
import { httpCostOptions, HttpCostOptions, httpCostPostgres, httpCostSqlite } from './http-cost';
import { measureScreens } from './screens';

const TIME_ZONE = 'Europe/Amsterdam';

interface Args {
  sizes: SizeName[];
  dbs: Array<'sqlite' | 'postgres'>;
  seed: number;
  until: LocalDate;
  rounds: number;
  maxSeconds: number;
  build: boolean;
  /** `olievlek`, `http-cost`, `screens` (default: all three). */
  only: Array<'olievlek' | 'http-cost' | 'screens'>;
  httpCost: HttpCostOptions;
}

function parseArgs(argv: string[]): Args {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=', 2);
    const flag =
      inline === undefined && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'));
    raw[name] = inline ?? (flag ? 'true' : argv[++i]);
  }
  const list = (value: string | undefined, fallback: string) =>
    (value ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const sizes = list(raw['sizes'] ?? process.env['BENCH_SIZES'], 'city');
  for (const size of sizes) sizeSpec(size);
  const dbs = list(raw['dbs'] ?? process.env['BENCH_DBS'], 'sqlite,postgres');
  for (const db of dbs) {
    if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--dbs: unknown database ${db}`);
  }
  const until = raw['until'] ?? defaultUntil();
  if (!isLocalDate(until)) throw new Error('--until must be a date YYYY-MM-DD');
  return {
    sizes: sizes as SizeName[],
    dbs: dbs as Args['dbs'],
    seed: Number(raw['seed'] ?? DEFAULT_SEED),
    until,
    rounds: Math.max(1, Number(raw['rounds'] ?? 10)),
    maxSeconds: Number(raw['max-seconds'] ?? 300),
    build: raw['no-build'] === undefined,
    only: list(raw['only'] ?? process.env['BENCH_ONLY'], 'olievlek,http-cost,screens').map(
      (name) => {
        if (name !== 'olievlek' && name !== 'http-cost' && name !== 'screens')
          throw new Error(`--only: unknown bench ${name}`);
        return name;
      },
    ),
    httpCost: httpCostOptions(raw),
  };
}

/** The newest modification time under a directory (files only). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/** Builds the API when dist/apps/api/main.js is missing or older than its sources. */
function ensureBuild(build: boolean): void {
  const built = existsSync(API_MAIN) ? statSync(API_MAIN).mtimeMs : 0;
  const sources = Math.max(
    newest('apps/api/src'),
    newest('libs/domain/src'),
    newest('libs/shared/src'),
  );
  if (built >= sources) return;
  if (!build) {
    if (built === 0) throw new Error(`${API_MAIN} is missing and --no-build was given.`);
    console.log(
      'bench: the API sources are newer than its build; --no-build, so measuring the old build',
    );
    return;
  }
  console.log(
    `bench: ${built ? 'the API build is older than its sources' : 'no API build'}: npx nx build api`,
  );
  const result = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
    stdio: 'inherit',
    env: childEnv({ NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' }),
  });
  if (result.status !== 0) throw new Error('the API build failed; see above.');
}

/** An HTTP client with the bench admin's session, as a browser would hold it. */
interface Client {
  get(path: string): Promise<Response>;
  patch(path: string, body: unknown): Promise<Response>;
}

async function signIn(api: RunningApi): Promise<Client> {
  const first = await fetch(`${api.url}/api/health`);
  const csrf = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  if (!csrf) throw new Error('bench: the API set no CSRF cookie');
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: csrf,
      [CSRF_HEADER]: csrf.slice(CSRF_COOKIE.length + 1),
    },
    body: JSON.stringify({ email: BENCH_ADMIN_EMAIL, password: BENCH_ADMIN_PASSWORD }),
  });
  if (login.status !== 200) {
    throw new Error(
      `bench: sign-in as ${BENCH_ADMIN_EMAIL} failed (${login.status}): ${await login.text()}`,
    );
  }
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('bench: sign-in set no session cookie');
  // The sign-in answer carries the session's own CSRF token.
  const sessionCsrf = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  if (!sessionCsrf) throw new Error('bench: sign-in set no CSRF cookie');
  const headers = {
    cookie: `${session}; ${sessionCsrf}`,
    accept: 'application/json',
    [CSRF_HEADER]: sessionCsrf.slice(CSRF_COOKIE.length + 1),
  };
  return {
    get: (path) => fetch(`${api.url}${path}`, { headers }),
    patch: (path, body) =>
      fetch(`${api.url}${path}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (x: number) => Math.round(x * 10) / 10;
const sameCounts = (a: StageCounts, b: StageCounts) => STAGES.every((s) => a[s] === b[s]);

interface Measurement {
  db: 'sqlite' | 'postgres';
  size: SizeName;
  key: string;
  checkOffs: number;
}

/**
 * One database and size: start the API, sign in, warm up, then measure, interleaved.
 *
 * The API keeps the figures of a date in memory until anything they are computed from is
 * written (or for 5 minutes), so the endpoint is timed three ways per date and round:
 *  - cold:   right after a write that changes no figure (the organisation renamed to its own
 *            name, through the API, untimed): the whole computation, as after any check-off;
 *  - cached: the same request again: the answer from memory;
 *  - date:   a date not asked before (a day earlier each round) with the rest still in memory:
 *            what moving the slider costs.
 * The baseline has no memory: it runs for the cold date and for the new date, and both its
 * answers are checked against the endpoint's.
 */
async function measure(
  m: Measurement,
  databaseUrl: string,
  db: Db,
  args: Args,
): Promise<Record<string, unknown>> {
  const spec = sizeSpec(m.size);
  const from = addDays(args.until, -Math.round(spec.years * 365.25));
  const span = daysBetween(from, args.until);
  const dates = [0.2, 0.4, 0.6, 0.8, 1].map((f) => addDays(from, Math.round(span * f)));
  const [root] = await db.all<{ id: string; name: string; version: number | string }>(
    `SELECT id, name, version FROM org_unit WHERE parent_id IS NULL`,
  );
  let rootVersion = Number(root.version);

  console.log(`\nbench ${m.db} ${m.size}: starting the API on ${m.key}`);
  const api = await startApi(databaseUrl, { production: true });
  try {
    const client = await signIn(api);
    let responseBytes = 0;
    const endpoint = async (t: LocalDate) => {
      const started = performance.now();
      const response = await client.get(`/api/olievlek?unitId=${root.id}&date=${t}`);
      const text = await response.text();
      const body = JSON.parse(text) as OlievlekViewDto;
      const ms = performance.now() - started;
      responseBytes = text.length;
      if (response.status !== 200) {
        throw new Error(
          `GET /api/olievlek (${t}) answered ${response.status}: ${JSON.stringify(body)}`,
        );
      }
      return { ms, stages: body.figures.stages };
    };
    const raw = async (t: LocalDate) => {
      const started = performance.now();
      const stages = await baselineStages(db, t, TIME_ZONE);
      return { ms: performance.now() - started, stages };
    };
    const invalidate = async () => {
      const response = await client.patch(`/api/org-units/${root.id}`, {
        version: rootVersion,
        name: root.name,
      });
      const body = (await response.json()) as { version?: number };
      if (response.status !== 200 || typeof body.version !== 'number') {
        throw new Error(
          `PATCH of the organisation answered ${response.status}: ${JSON.stringify(body)}`,
        );
      }
      rootVersion = body.version;
    };
    const check = (t: LocalDate, fromApi: StageCounts, base: StageCounts) => {
      if (!sameCounts(fromApi, base)) {
        throw new Error(
          `STAGE COUNTS DIFFER at ${t} (${m.db}, ${m.size}):\n  endpoint figures.stages ${JSON.stringify(fromApi)}\n  baseline                ${JSON.stringify(base)}`,
        );
      }
    };

    // Warm-up: every date once each way, cold (JIT, the database's pages); checked too.
    for (const t of dates) {
      await invalidate();
      const a = await endpoint(t);
      const b = await raw(t);
      check(t, a.stages, b.stages);
      console.log(
        `  warm-up ${t}: endpoint ${Math.round(a.ms)} ms, baseline ${Math.round(b.ms)} ms, stages ${JSON.stringify(b.stages)}`,
      );
    }

    type Mode = 'cold' | 'cached' | 'date' | 'raw';
    const samples: Record<Mode, number[]> = { cold: [], cached: [], date: [], raw: [] };
    const perDate = new Map<string, Record<Mode, number[]>>(
      dates.map((t) => [t, { cold: [], cached: [], date: [], raw: [] }]),
    );
    const record = (t: LocalDate, mode: Mode, ms: number) => {
      samples[mode].push(ms);
      perDate.get(t)?.[mode].push(ms);
    };
    const started = Date.now();
    let rounds = 0;
    while (rounds < args.rounds && (rounds < 2 || Date.now() - started < args.maxSeconds * 1000)) {
      for (const t of dates) {
        // Alternate which goes first, so neither always runs on the other's warm caches.
        await invalidate();
        let cold;
        let base;
        if (rounds % 2 === 0) {
          cold = await endpoint(t);
          base = await raw(t);
        } else {
          base = await raw(t);
          cold = await endpoint(t);
        }
        check(t, cold.stages, base.stages);
        const cached = await endpoint(t);
        check(t, cached.stages, base.stages);
        record(t, 'cold', cold.ms);
        record(t, 'raw', base.ms);
        record(t, 'cached', cached.ms);
        const other = addDays(t, -(rounds + 1));
        const moved = await endpoint(other);
        const movedBase = await raw(other);
        check(other, moved.stages, movedBase.stages);
        record(t, 'date', moved.ms);
        record(t, 'raw', movedBase.ms);
      }
      rounds++;
    }

    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const p = (xs: number[], q: number) => round1(percentile(sorted(xs), q));
    console.log(
      `  ${rounds} rounds × ${dates.length} dates (and a day earlier each); stage counts equal in every sample`,
    );
    console.log('  p50 per date   endpoint cold   cached   new date   baseline');
    for (const [t, s] of perDate) {
      const cell = (xs: number[], w: number) => `${Math.round(p(xs, 50))} ms`.padStart(w);
      console.log(
        `  ${t}    ${cell(s.cold, 13)} ${cell(s.cached, 8)} ${cell(s.date, 10)} ${cell(s.raw, 10)}`,
      );
    }
    const result = {
      bench: 'olievlek',
      db: m.db,
      teams: spec.teams,
      p50_ms: p(samples.cold, 50),
      p95_ms: p(samples.cold, 95),
      raw_p50_ms: p(samples.raw, 50),
      raw_p95_ms: p(samples.raw, 95),
      ratio: round1(percentile(sorted(samples.cold), 50) / percentile(sorted(samples.raw), 50)),
      cached_p50_ms: p(samples.cached, 50),
      cached_p95_ms: p(samples.cached, 95),
      new_date_p50_ms: p(samples.date, 50),
      new_date_p95_ms: p(samples.date, 95),
      size: m.size,
      check_offs: m.checkOffs,
      response_kb: Math.round(responseBytes / 1024),
      samples: samples.cold.length,
      dates,
      dataset: m.key,
    };
    console.log(
      `  endpoint cold p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (cached p50 ${result.cached_p50_ms} ms, new date p50 ${result.new_date_p50_ms} ms); ` +
        `baseline p50 ${result.raw_p50_ms} ms, p95 ${result.raw_p95_ms} ms; ratio ${result.ratio}`,
    );
    console.log(JSON.stringify(result));
    return result;
  } catch (error) {
    console.error(api.log().split('\n').slice(-20).join('\n'));
    throw error;
  } finally {
    await api.stop();
  }
}

type Run = (m: Measurement, databaseUrl: string, db: Db, args: Args) => Promise<unknown>;

async function benchSqlite(args: Args, run: Run = measure): Promise<void> {
  for (const size of args.sizes) {
    const options: SynthOptions = { size, seed: args.seed, until: args.until };
    const key = datasetKey(options);
    const file = `${CACHE_DIR}/${key}.sqlite`;
    if (existsSync(file)) {
      console.log(`bench: reusing ${file}`);
    } else {
      console.log(`bench: generating ${file}`);
      printReport(await synthesizeSqliteFile(options, file), sizeSpec(size).targetCheckOffs);
    }
    const db = openSqlite(file);
    try {
      const [{ n }] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM check_off');
      await run({ db: 'sqlite', size, key, checkOffs: Number(n) }, `sqlite:${file}`, db, args);
    } finally {
      await db.close();
      // The API and the bench's reader have both closed: fold the WAL back into the file.
      const writer = new Database(file);
      writer.pragma('wal_checkpoint(TRUNCATE)');
      writer.close();
    }
  }
}

/** One database per size on the server, reused while its bench admin carries the same key. */
async function benchPostgres(args: Args, serverUrl: string, run: Run = measure): Promise<void> {
  for (const size of args.sizes) {
    const options: SynthOptions = { size, seed: args.seed, until: args.until };
    const key = datasetKey(options);
    const name = `olievlek_bench_${size}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const admin = new PgClient({ connectionString: serverUrl });
    await admin.connect();
    let reuse = false;
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) {
        const probe = new PgClient({ connectionString: url.toString() });
        await probe.connect();
        try {
          const found = await probe
            .query('SELECT name FROM app_user WHERE email = $1', [BENCH_ADMIN_EMAIL])
            .catch(() => ({ rows: [] as Array<{ name: string }> }));
          reuse = found.rows[0]?.name === benchAdminName(key);
        } finally {
          await probe.end();
        }
      }
      if (!reuse) {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
    } finally {
      await admin.end();
    }
    if (reuse) console.log(`bench: reusing database ${name} (${key})`);
    else printReport(await synthesize(options, url.toString()), sizeSpec(size).targetCheckOffs);
    const db = await openPostgres(url.toString());
    try {
      const [{ n }] = await db.all<{ n: string }>('SELECT COUNT(*) AS n FROM check_off');
      await run({ db: 'postgres', size, key, checkOffs: Number(n) }, url.toString(), db, args);
    } finally {
      await db.close();
    }
  }
}

/** Every screen's calls on one database and size (screens.ts). */
async function screens(m: Measurement, databaseUrl: string, db: Db, args: Args): Promise<void> {
  console.log(`\nbench screens ${m.db} ${m.size}: starting the API on ${m.key}`);
  const api = await startApi(databaseUrl, { production: true });
  try {
    const client = await signIn(api);
    await measureScreens(client, db, { db: m.db, size: m.size }, args.rounds, args.until);
  } catch (error) {
    console.error(api.log());
    throw error;
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.only.includes('olievlek')) console.log(`bench: baseline = ${BASELINE_DESCRIPTION}`);
  const child = process.env['BENCH_CHILD'] === '1';
  if (!child) ensureBuild(args.build);
  if (args.dbs.includes('sqlite') && !child) {
    if (args.only.includes('olievlek')) await benchSqlite(args);
    if (args.only.includes('http-cost')) await httpCostSqlite(args.httpCost);
    if (args.only.includes('screens')) await benchSqlite(args, screens);
  }
  if (!args.dbs.includes('postgres')) return;
  const url = process.env['DATABASE_URL'] ?? '';
  if (/^postgres(ql)?:\/\//.test(url)) {
    if (args.only.includes('olievlek')) await benchPostgres(args, url);
    if (args.only.includes('http-cost')) await httpCostPostgres(url, args.httpCost);
    if (args.only.includes('screens')) await benchPostgres(args, url, screens);
    return;
  }
  // No PostgreSQL given: run this bench again inside a private, throw-away server.
  const port = process.env['BENCH_PG_PORT'] ?? '54491';
  console.log(
    `\nbench: starting a private PostgreSQL on 127.0.0.1:${port} (tools/scripts/with-postgres.sh)`,
  );
  const forwarded = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--dbs' && all[i - 1] !== '--dbs' && !a.startsWith('--dbs='));
  const result = spawnSync(
    'tools/scripts/with-postgres.sh',
    [
      'npx',
      'ts-node',
      'tools/bench/bench.ts',
      ...forwarded,
      '--dbs',
      'postgres',
      '--until',
      args.until,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        PG_TEST_PORT: port,
        BENCH_CHILD: '1',
        TS_NODE_PROJECT: process.env['TS_NODE_PROJECT'] ?? 'tools/tsconfig.json',
      },
    },
  );
  if (result.status !== 0) throw new Error('the PostgreSQL bench failed; see above.');
}

main().catch((error: Error) => {
  console.error(`\nbench failed: ${error.message}`);
  process.exit(1);
});
