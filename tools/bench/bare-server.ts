/**
 * The bare counterpart of the HTTP-cost bench (tools/bench/http-cost.ts): plain Fastify, no Nest,
 * no TypeORM, no validation pipe or helmet — the same SQL statements the app sends for
 *   GET    /api/board                                  (the team board)
 *   PUT    /api/agreements/:id/check-offs/:period      (tick)
 *   DELETE /api/agreements/:id/check-offs/:period      (untick)
 * with the same session check (signed cookie → HMAC → session, user, memberships), the same CSRF
 * check, the same pure domain functions and the same JSON out; prepared statements on SQLite, a pg
 * pool of 10 on PostgreSQL (as the app). What it leaves out is listed in tools/bench/README.md.
 *
 *   DATABASE_URL=sqlite:<file>|postgres://… SESSION_SECRET=… PORT=… node -r ts-node/register … bare-server.ts
 */
import fastifyCookie from '@fastify/cookie';
import {
  CATCH_UP_PERIODS,
  Cadence,
  checkTickable,
  duePeriods,
  habitStrength,
  localDateIn,
  withStatuses,
} from '@olievlek/domain';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@olievlek/shared';
import Database from 'better-sqlite3';
import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';

const TIME_ZONE = process.env['ORG_TIMEZONE'] ?? 'Europe/Amsterdam';
const IDLE_MS = 30 * 60_000;
const TOUCH_INTERVAL_MS = 60_000;

type Row = Record<string, unknown>;
interface Sql {
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** BEGIN … COMMIT around `work` (one connection on PostgreSQL). */
  transaction(work: (tx: Sql) => Promise<void>): Promise<void>;
}

function openSql(url: string): Sql {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    const sqlite: Sql = {
      all: async (sql, params = []) => prepare(sql).all(...params) as Row[],
      run: async (sql, params = []) => void prepare(sql).run(...params),
      transaction: async (work) => {
        prepare('BEGIN IMMEDIATE').run();
        try {
          await work(sqlite);
          prepare('COMMIT').run();
        } catch (error) {
          prepare('ROLLBACK').run();
          throw error;
        }
      },
    };
    return sqlite;
  }
  const pool = new Pool({ connectionString: url, max: 10 });
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async (sql, params = []) => (await pool.query(numbered(sql), params)).rows as Row[],
    run: async (sql, params = []) => void (await pool.query(numbered(sql), params)),
    transaction: async (work) => {
      const client = await pool.connect();
      const tx: Sql = {
        all: async (sql, params = []) => (await client.query(numbered(sql), params)).rows as Row[],
        run: async (sql, params = []) => void (await client.query(numbered(sql), params)),
        transaction: () => Promise.reject(new Error('nested')),
      };
      try {
        await client.query('BEGIN');
        await work(tx);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

const url = process.env['DATABASE_URL'] ?? '';
const secret = process.env['SESSION_SECRET'] ?? '';
const sql = openSql(url);
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const today = () => localDateIn(new Date(), TIME_ZONE);
const toCadence = (kind: string, every: unknown): Cadence =>
  kind === 'weeks'
    ? { kind: 'weeks', every: Number(every ?? 1) }
    : { kind: kind as 'once' | 'monthly' };

interface User {
  id: string;
  roles: string[];
  teamIds: string[];
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Same reads as SessionService.lookup: session, user, memberships (and the once-a-minute touch). */
async function authenticate(request: FastifyRequest): Promise<User> {
  if (request.method !== 'GET') {
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    if (
      typeof cookie !== 'string' ||
      typeof header !== 'string' ||
      cookie.length === 0 ||
      cookie.length !== header.length ||
      !timingSafeEqual(Buffer.from(cookie), Buffer.from(header))
    ) {
      throw new HttpError(403, 'CSRF_TOKEN_INVALID', 'No valid security token.');
    }
  }
  const signed = request.cookies[SESSION_COOKIE];
  const unsigned = signed ? request.unsignCookie(signed) : null;
  if (!unsigned?.valid || !unsigned.value)
    throw new HttpError(401, 'NOT_AUTHENTICATED', 'Please sign in first.');
  const tokenHash = createHmac('sha256', secret).update(unsigned.value).digest('hex');
  const [session] = await sql.all(
    'SELECT token_hash, user_id, created_at, last_seen_at, expires_at FROM session WHERE token_hash = ? LIMIT 1',
    [tokenHash],
  );
  if (!session) throw new HttpError(401, 'NOT_AUTHENTICATED', 'Please sign in first.');
  const now = Date.now();
  const lastSeen = Date.parse(String(session['last_seen_at']));
  if (now >= Date.parse(String(session['expires_at'])) || now >= lastSeen + IDLE_MS)
    throw new HttpError(401, 'SESSION_EXPIRED', 'Your session has expired.');
  const [user] = await sql.all(
    'SELECT id, email, name, password_hash, roles, locale, scope_org_unit_id, active, anonymised_at, version, created_at, updated_at FROM app_user WHERE id = ? LIMIT 1',
    [session['user_id']],
  );
  if (!user || !user['active']) throw new HttpError(401, 'NOT_AUTHENTICATED', 'Please sign in.');
  if (now - lastSeen > TOUCH_INTERVAL_MS) {
    await sql.run('UPDATE session SET last_seen_at = ? WHERE token_hash = ?', [
      new Date(now).toISOString(),
      tokenHash,
    ]);
  }
  const memberships = await sql.all(
    'SELECT user_id, org_unit_id FROM team_membership WHERE user_id = ?',
    [user['id']],
  );
  const roles = String(user['roles']).split(',').filter(Boolean);
  if (!roles.includes('team')) throw new HttpError(403, 'FORBIDDEN_ROLE', 'Needs role team.');
  return {
    id: String(user['id']),
    roles,
    teamIds: memberships.map((m) => String(m['org_unit_id'])),
  };
}

const AGREEMENT_COLUMNS =
  'id, case_id, team_id, practice_id, title, cadence_kind, cadence_every, start_date, review_date, end_date, owner_id, partner_team_id, success_criterion, status, version, created_at, updated_at';

async function teamRefs(ids: string[]): Promise<Map<string, Row>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const units = await sql.all(
    `SELECT id, parent_id, kind, name, headcount, archived_at, version, created_at, updated_at FROM org_unit WHERE id IN (${placeholders(unique.length)})`,
    unique,
  );
  return new Map(
    units.map((u) => [String(u['id']), { id: u['id'], name: u['name'], kind: u['kind'] }]),
  );
}

/** BoardService.build: the agreements' cells, habit and reflections. */
async function build(
  agreements: Row[],
  day: string,
  alsoTeams: readonly string[] = [],
  teamsOut = new Map<string, Row>(),
): Promise<Row[]> {
  const teamIds = [
    ...alsoTeams,
    ...agreements.flatMap((a) => [
      String(a['team_id']),
      ...(a['partner_team_id'] ? [String(a['partner_team_id'])] : []),
    ]),
  ];
  if (!agreements.length) {
    for (const [id, ref] of await teamRefs(teamIds)) teamsOut.set(id, ref);
    return [];
  }
  const ids = agreements.map((a) => String(a['id']));
  const list = placeholders(ids.length);
  const [checkOffs, reflections, teams] = await Promise.all([
    sql.all(
      `SELECT id, agreement_id, period_key, state, reason, user_id, on_date, at FROM check_off WHERE agreement_id IN (${list})`,
      ids,
    ),
    sql.all(
      `SELECT id, agreement_id, period_key, author_id, text, at FROM reflection WHERE agreement_id IN (${list}) ORDER BY at DESC`,
      ids,
    ),
    teamRefs(teamIds),
  ]);
  for (const [id, ref] of teams) teamsOut.set(id, ref);
  const authorIds = [...new Set(reflections.map((r) => String(r['author_id'])))];
  const authors = authorIds.length
    ? new Map(
        (
          await sql.all(
            `SELECT id, name FROM app_user WHERE id IN (${placeholders(authorIds.length)})`,
            authorIds,
          )
        ).map((u) => [String(u['id']), u['name']]),
      )
    : new Map<string, unknown>();
  return agreements.map((a) => {
    const cadence = toCadence(String(a['cadence_kind']), a['cadence_every']);
    const own = checkOffs.filter((c) => c['agreement_id'] === a['id']);
    const byKey = new Map(own.map((c) => [String(c['period_key']), c]));
    const periods = withStatuses(
      duePeriods(cadence, String(a['start_date']), (a['end_date'] as string | null) ?? null, day),
      new Map(own.map((c) => [String(c['period_key']), c['state'] as 'done' | 'skipped'])),
      day,
    );
    const cells = periods.slice(-CATCH_UP_PERIODS).map((p) => ({
      key: p.key,
      start: p.start,
      end: p.end,
      status: p.status,
      reason: byKey.get(p.key)?.['reason'] ?? null,
      tickable: true,
    }));
    const keys = new Set(cells.map((c) => c.key));
    const teamId = String(a['team_id']);
    const partnerId = a['partner_team_id'] ? String(a['partner_team_id']) : null;
    const { score, level } = habitStrength(periods.map((p) => p.status));
    return {
      id: a['id'],
      title: a['title'],
      team: teams.get(teamId) ?? { id: teamId, name: '?', kind: 'team' },
      partnerTeam: partnerId ? (teams.get(partnerId) ?? null) : null,
      cadence,
      current: cells[cells.length - 1] ?? {
        key: '',
        start: a['start_date'],
        end: a['start_date'],
        status: 'not-due',
        reason: null,
        tickable: false,
      },
      grid: cells,
      habit: { score: Math.round(score * 1000) / 1000, level },
      reflections: reflections
        .filter((r) => r['agreement_id'] === a['id'] && keys.has(String(r['period_key'])))
        .map((r) => ({
          periodKey: r['period_key'],
          text: r['text'],
          author: { id: r['author_id'], name: authors.get(String(r['author_id'])) ?? '?' },
          at: r['at'],
        })),
    };
  });
}

async function board(user: User): Promise<unknown> {
  const day = today();
  if (!user.teamIds.length) return { today: day, teams: [] };
  const teamList = placeholders(user.teamIds.length);
  const agreements = await sql.all(
    `SELECT ${AGREEMENT_COLUMNS} FROM agreement WHERE status = ? AND (team_id IN (${teamList}) OR partner_team_id IN (${teamList})) ORDER BY created_at ASC`,
    ['running', ...user.teamIds, ...user.teamIds],
  );
  const teams = new Map<string, Row>();
  const [built, rounds] = await Promise.all([
    build(agreements, day, user.teamIds, teams),
    sql.all(
      `SELECT id, team_id, opened_on, closed_on, opened_by, question_ids FROM pulse_round WHERE team_id IN (${teamList}) AND closed_on IS NULL ORDER BY opened_on DESC`,
      user.teamIds,
    ),
  ]);
  const answered = rounds.length
    ? new Set(
        (
          await sql.all(
            `SELECT round_id, user_id FROM pulse_response WHERE round_id IN (${placeholders(rounds.length)}) AND user_id = ?`,
            [...rounds.map((r) => r['id']), user.id],
          )
        ).map((r) => r['round_id']),
      )
    : new Set<unknown>();
  const questionIds = [
    ...new Set(rounds.flatMap((r) => JSON.parse(String(r['question_ids'])) as string[])),
  ];
  const questions = questionIds.length
    ? new Map(
        (
          await sql.all(
            `SELECT id, text_nl, text_en, position, active FROM pulse_question WHERE id IN (${placeholders(questionIds.length)})`,
            questionIds,
          )
        ).map((q) => [q['id'], { id: q['id'], text: { nl: q['text_nl'], en: q['text_en'] } }]),
      )
    : new Map<unknown, unknown>();
  const ref = (teamId: string) => teams.get(teamId) ?? { id: teamId, name: '?', kind: 'team' };
  return {
    today: day,
    teams: user.teamIds
      .map((teamId) => ({
        team: ref(teamId),
        agreements: built.filter(
          (a) =>
            (a['team'] as Row)['id'] === teamId ||
            (a['partnerTeam'] as Row | null)?.['id'] === teamId,
        ),
        pulses: rounds
          .filter((r) => r['team_id'] === teamId)
          .map((r) => ({
            id: r['id'],
            team: ref(teamId),
            openedOn: r['opened_on'],
            questions: (JSON.parse(String(r['question_ids'])) as string[])
              .map((id) => questions.get(id))
              .filter((q) => !!q),
            answered: answered.has(r['id']),
          })),
      }))
      .sort((x, y) => String(x.team['name']).localeCompare(String(y.team['name']), 'nl')),
  };
}

/** BoardService.tickableAgreement: member, running, a period that may be ticked today. */
async function tickable(user: User, agreementId: string, periodKey: string): Promise<Row> {
  const [agreement] = await sql.all(
    `SELECT ${AGREEMENT_COLUMNS} FROM agreement WHERE id = ? LIMIT 1`,
    [agreementId],
  );
  if (!agreement) throw new HttpError(404, 'AGREEMENT_NOT_FOUND', 'No such step.');
  const partner = agreement['partner_team_id'] as string | null;
  if (
    !user.teamIds.includes(String(agreement['team_id'])) &&
    !(partner && user.teamIds.includes(partner))
  )
    throw new HttpError(403, 'CHECKOFF_NOT_MEMBER', 'Not a member.');
  if (agreement['status'] !== 'running')
    throw new HttpError(403, 'CHECKOFF_AGREEMENT_NOT_RUNNING', 'Not running.');
  const check = checkTickable(
    toCadence(String(agreement['cadence_kind']), agreement['cadence_every']),
    String(agreement['start_date']),
    (agreement['end_date'] as string | null) ?? null,
    today(),
    periodKey,
  );
  if (!check.ok) throw new HttpError(400, 'CHECKOFF_REFUSED', check.reason);
  return agreement;
}

async function audit(
  tx: Sql,
  user: User,
  action: string,
  agreementId: string,
  origin: string,
  detail: Row,
) {
  await tx.run(
    'INSERT INTO audit_event (id, at, actor_id, action, object_type, object_id, result, origin, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      new Date().toISOString(),
      user.id,
      action,
      'agreement',
      agreementId,
      'success',
      origin,
      JSON.stringify(detail),
    ],
  );
}

const app = Fastify({ bodyLimit: 1024 * 1024 });
void app.register(fastifyCookie, { secret });
app.setErrorHandler((error: Error, _request: FastifyRequest, reply: FastifyReply) => {
  const status = error instanceof HttpError ? error.statusCode : 500;
  void reply.status(status).send({
    statusCode: status,
    error: status === 500 ? 'Internal Server Error' : 'Error',
    message: error.message,
    code: error instanceof HttpError ? error.code : 'INTERNAL',
  });
});

app.get('/api/board', async (request) => board(await authenticate(request)));

type CheckOffRoute = { Params: { id: string; period: string }; Body: unknown };

app.put<CheckOffRoute>('/api/agreements/:id/check-offs/:period', async (request) => {
  const user = await authenticate(request);
  const { id, period } = request.params;
  const body = (request.body ?? {}) as { state?: unknown; reason?: unknown };
  if (body.state !== 'done' && body.state !== 'skipped')
    throw new HttpError(400, 'VALIDATION_FAILED', 'state must be done or skipped');
  const agreement = await tickable(user, id, period);
  await sql.transaction(async (tx) => {
    await tx.run(
      'INSERT INTO check_off (id, agreement_id, period_key, state, reason, user_id, on_date, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (agreement_id, period_key) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason, user_id = EXCLUDED.user_id, on_date = EXCLUDED.on_date, at = EXCLUDED.at',
      [
        randomUUID(),
        id,
        period,
        body.state,
        body.state === 'skipped' && typeof body.reason === 'string' ? body.reason : null,
        user.id,
        today(),
        new Date().toISOString(),
      ],
    );
    // The olievlek view's timeline: the team is marked in the same transaction, as the app does.
    await tx.run(
      'INSERT INTO team_timeline_change (team_id, token) VALUES (?, ?) ' +
        'ON CONFLICT (team_id) DO UPDATE SET token = EXCLUDED.token',
      [String(agreement['team_id']), randomUUID()],
    );
    await audit(tx, user, 'checkoff.set', id, request.ip, { periodKey: period, state: body.state });
  });
  return (await build([agreement], today()))[0];
});

app.delete<CheckOffRoute>('/api/agreements/:id/check-offs/:period', async (request) => {
  const user = await authenticate(request);
  const { id, period } = request.params;
  const agreement = await tickable(user, id, period);
  await sql.transaction(async (tx) => {
    await tx.run('DELETE FROM check_off WHERE agreement_id = ? AND period_key = ?', [id, period]);
    // The olievlek view's timeline: the team is marked in the same transaction, as the app does.
    await tx.run(
      'INSERT INTO team_timeline_change (team_id, token) VALUES (?, ?) ' +
        'ON CONFLICT (team_id) DO UPDATE SET token = EXCLUDED.token',
      [String(agreement['team_id']), randomUUID()],
    );
    await audit(tx, user, 'checkoff.undo', id, request.ip, { periodKey: period });
  });
  return (await build([agreement], today()))[0];
});

app
  .listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' })
  .then((address) => console.log(`bare server listening on ${address}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
