/**
 * `npm run bench -- --only screens`: the API calls each screen makes when it opens, as the bench
 * admin, at a size and on a database (issue 19). Per call: p50/p95 over the rounds, the size of
 * the JSON, and — where a plain SQL query gives the same answer — that query's p50, checked
 * equal on every sample. See tools/bench/README.md.
 */
import type { Db } from './db';

/** What the bench signs in with: a browser's cookies and CSRF header. */
export interface ScreenClient {
  get(path: string): Promise<Response>;
}

interface Ids {
  root: string;
  caseId: string;
  today: string;
}

interface Call {
  screen: string;
  path: (ids: Ids) => string;
  /** The plainest SQL giving the same answer, and how to compare it with the response. */
  plain?: {
    sql: string;
    params?: (ids: Ids) => Array<string | number>;
    same: (rows: Array<Record<string, unknown>>, body: unknown, response: Response) => boolean;
  };
}

const count = (rows: Array<Record<string, unknown>>) => Number(rows[0]?.['n']);

/** The screens and their calls on opening (the web client's data services). */
export const SCREEN_CALLS: Call[] = [
  { screen: 'shell', path: () => '/api/auth/me' },
  {
    screen: 'cases',
    path: () => '/api/cases?status=open&limit=100&offset=0',
    plain: {
      sql: `SELECT COUNT(*) AS n FROM case_file WHERE status = 'open'`,
      same: (rows, body, response) =>
        Number(response.headers.get('x-total-count')) === count(rows) &&
        (body as unknown[]).length === Math.min(100, count(rows)),
    },
  },
  {
    screen: 'cases (export: all)',
    path: () => '/api/cases',
    plain: {
      sql: `SELECT COUNT(*) AS n FROM case_file`,
      same: (rows, body) => (body as unknown[]).length === count(rows),
    },
  },
  {
    screen: 'case page',
    path: (ids) => `/api/cases/${ids.caseId}`,
    plain: {
      sql: `SELECT COUNT(*) AS n FROM agreement WHERE case_id = ?`,
      params: (ids) => [ids.caseId],
      same: (rows, body) => (body as { agreements: unknown[] }).agreements.length === count(rows),
    },
  },
  { screen: 'olievlek', path: (ids) => `/api/olievlek?unitId=${ids.root}` },
  { screen: 'olievlek', path: (ids) => `/api/olievlek/adoption?unitId=${ids.root}` },
  {
    screen: 'olievlek',
    path: (ids) => `/api/olievlek/spread?unitId=${ids.root}`,
    plain: {
      sql: `SELECT COUNT(*) AS n FROM spread_link l
              JOIN org_unit s ON s.id = l.source_team_id JOIN org_unit t ON t.id = l.target_team_id
             WHERE l.on_date <= ?`,
      params: (ids) => [ids.today],
      same: (rows, body) => (body as { linkCount: number }).linkCount === count(rows),
    },
  },
  { screen: 'olievlek', path: (ids) => `/api/olievlek/next-best-teams?unitId=${ids.root}` },
  { screen: 'olievlek', path: () => '/api/olievlek/practice-evidence' },
  {
    screen: 'users',
    path: () => '/api/users',
    plain: {
      sql: `SELECT COUNT(*) AS n FROM app_user`,
      same: (rows, body) => (body as unknown[]).length === count(rows),
    },
  },
  {
    screen: 'audit',
    path: () => '/api/audit',
    plain: {
      sql: `SELECT COUNT(*) AS n FROM (SELECT id FROM audit_event LIMIT 50) x`,
      same: (rows, body) => (body as { events: unknown[] }).events.length === count(rows),
    },
  },
  { screen: 'organisation', path: () => '/api/org-units' },
  { screen: 'catalogue', path: () => '/api/practices' },
  {
    screen: 'olievlek export',
    path: (ids) => `/api/exports/olievlek?unitId=${ids.root}&format=xlsx`,
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface ScreensLine {
  bench: 'screens';
  db: string;
  size: string;
  screen: string;
  call: string;
  status: number;
  p50_ms: number;
  p95_ms: number;
  bytes: number;
  raw_p50_ms: number | null;
  checked: boolean | null;
  samples: number;
}

/** Every call of every screen, `rounds` times each after one warm-up, printed as JSON lines. */
export async function measureScreens(
  client: ScreenClient,
  db: Db,
  label: { db: string; size: string },
  rounds: number,
  today: string,
): Promise<ScreensLine[]> {
  const [root] = await db.all<{ id: string }>(`SELECT id FROM org_unit WHERE parent_id IS NULL`);
  const [busiest] = await db.all<{ id: string }>(
    `SELECT case_id AS id FROM agreement GROUP BY case_id ORDER BY COUNT(*) DESC LIMIT 1`,
  );
  const ids: Ids = { root: root.id, caseId: busiest.id, today };
  const lines: ScreensLine[] = [];
  for (const call of SCREEN_CALLS) {
    const path = call.path(ids);
    const times: number[] = [];
    const raws: number[] = [];
    let bytes = 0;
    let status = 0;
    let checked: boolean | null = call.plain ? true : null;
    for (let round = 0; round <= rounds; round++) {
      const started = performance.now();
      const response = await client.get(path);
      const buffer = Buffer.from(await response.arrayBuffer());
      const ms = performance.now() - started;
      status = response.status;
      bytes = buffer.length;
      if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${buffer.toString()}`);
      if (round > 0) times.push(ms); // round 0 warms up
      if (call.plain) {
        const rawStarted = performance.now();
        const rows = await db.all<Record<string, unknown>>(
          call.plain.sql,
          call.plain.params?.(ids),
        );
        if (round > 0) raws.push(performance.now() - rawStarted);
        const isJson = response.headers.get('content-type')?.includes('json');
        const body = isJson ? JSON.parse(buffer.toString()) : null;
        if (!call.plain.same(rows, body, response)) {
          checked = false;
          throw new Error(`GET ${path}: the answer differs from the plain SQL (${call.plain.sql})`);
        }
      }
    }
    times.sort((a, b) => a - b);
    raws.sort((a, b) => a - b);
    const line: ScreensLine = {
      bench: 'screens',
      db: label.db,
      size: label.size,
      screen: call.screen,
      call: path.replace(ids.root, ':root').replace(ids.caseId, ':case'),
      status,
      p50_ms: round1(percentile(times, 50)),
      p95_ms: round1(percentile(times, 95)),
      bytes,
      raw_p50_ms: raws.length ? round1(percentile(raws, 50)) : null,
      checked,
      samples: times.length,
    };
    console.log(JSON.stringify(line));
    lines.push(line);
  }
  return lines;
}
