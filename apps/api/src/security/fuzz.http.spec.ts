import type { BoardDto, CaseloadDto, OrgUnitDto, UserDto } from '@olievlek/shared';
import { createHash, randomUUID } from 'node:crypto';
import { DEMO, HttpClient, startTestApp, TestApp, TestResponse } from '../../test/test-app';

/**
 * Bad input, generated from the OpenAPI document: for every operation, malformed bodies built from
 * its request schema (wrong types, missing and extra fields, huge strings, unicode, negative and
 * huge numbers), malformed JSON, bodies too deep or with too many keys, wrong content types,
 * malformed and repeated query values and unknown ids — all sent as a signed-in admin, who passes
 * every role gate and so reaches validation and the database.
 *
 * Asserted for every request: no 5xx, no stack trace or SQL in the body, the error shape on every
 * 4xx, and the database unchanged by every rejected request (a fingerprint of every table that
 * holds programme data, taken again only after a request that was accepted).
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface FuzzCase {
  label: string;
  url: string;
  body?: string;
  contentType?: string;
  /** The one answer this case must get (status and code), where there is only one right one. */
  expect?: { status: number[]; code: string[] };
}

/** Tables whose rows a rejected request may legitimately add to: the trail of the refusal itself. */
const BOOKKEEPING_TABLES = new Set(['audit_event', 'session', 'login_failure', 'migrations']);

const WRONG_VALUES: Array<[string, unknown]> = [
  ['a number', 123],
  ['a string', 'text'],
  ['a boolean', true],
  ['null', null],
  ['an array', [1, 'two']],
  ['an object', { nested: { deep: 1 } }],
  ['a huge string', 'x'.repeat(100_000)],
  ['unicode', '\u202e𝕏 ünïcødé \u0000 <script>alert(1)</script> 🤷'],
  ['a negative number', -1],
  ['a huge number', 1e308],
  ['an unsafe integer', 2 ** 53 + 1],
  ['an empty string', ''],
  ['SQL', "'; DROP TABLE app_user; --"],
];

const MALFORMED_JSON = [
  '{',
  '{"a":}',
  '[1, 2',
  '{"a": 1}}',
  'nul',
  '\u0000',
  '{"__proto__": {"x": 1}}',
];
const HOSTILE_BODIES: Array<[string, string]> = [
  ['10,000 nested arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
  ['a field of 200 nested objects', `{"a":${'{"b":'.repeat(200)}1${'}'.repeat(201)}`],
  [
    '20,000 unknown keys',
    JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 0]))),
  ],
];
const WRONG_CONTENT_TYPES: Array<[string, string]> = [
  ['text/plain', 'just text'],
  ['application/x-www-form-urlencoded', 'a=1&b=2'],
  ['application/xml', '<a>1</a>'],
  [
    'multipart/form-data; boundary=x',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  ],
];
const UNKNOWN_IDS = [
  randomUUID(),
  'x'.repeat(300),
  '-1',
  '0',
  '%00',
  '..%2F..%2Fetc',
  '%F0%9F%A4%B7',
  "1'%20OR%20'1'='1",
];
const WRONG_QUERY_VALUES = [
  '',
  'x'.repeat(5000),
  '-1',
  '99999999999999999999',
  '%00',
  'true',
  '[]',
];

describe('fuzzing every endpoint from the OpenAPI document', () => {
  let t: TestApp;
  let admin: HttpClient;
  let doc: OpenApiDoc;
  let others: Record<string, HttpClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    const team = await t.signedIn(DEMO.team);
    const ambassador = await t.signedIn(DEMO.ambassador);
    others = { team, ambassador, director: await t.signedIn(DEMO.director) };
    doc = (await admin.get('/api/docs-json')).body as OpenApiDoc;

    const caseload = (await ambassador.get('/api/cases/caseload')).body as CaseloadDto;
    const board = (await team.get('/api/board')).body as BoardDto;
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const users = (await admin.get('/api/users')).body as UserDto[];
    const step = board.teams[0].agreements[0];
    ids['cases'] = caseload.cases[0].id;
    ids['agreements'] = step.id;
    ids['period'] = step.current.key;
    ids['org-units'] = units.find((u) => u.kind === 'team')?.id ?? '';
    ids['teamId'] = ids['org-units'];
    ids['users'] = users.find((u) => u.email === DEMO.team)?.id ?? '';
    ids['userId'] = users.find((u) => u.email === DEMO.ambassador)?.id ?? '';
    ids['practices'] = ((await admin.get('/api/practices')).body as Array<{ id: string }>)[0].id;
    ids['pulse-questions'] = (
      (await admin.get('/api/pulse-questions')).body as Array<{ id: string }>
    )[0].id;
    ids['pulse-rounds'] = board.teams[0].pulses[0].id;
    const measure = await admin.post(`/api/agreements/${step.id}/measures`, {
      name: 'Fuzzmeting',
      better: 'higher',
      cadence: { kind: 'monthly' },
    });
    expect(measure.status).toBe(201);
    ids['measures'] = measure.body.id;
    ids['date'] = `${step.current.start.slice(0, 7)}-01`;
  });
  afterAll(() => t.close());

  function resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
    if (schema.allOf?.length) return resolve(schema.allOf[0]);
    return schema;
  }

  /** A plausible value of the schema's type: the base that one field at a time is spoiled in. */
  function sample(schema: Schema | undefined, depth = 0): unknown {
    const s = resolve(schema);
    if (!s || depth > 4) return 'x';
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return [sample(s.items, depth + 1)];
      case 'object':
      case undefined:
        if (!s.properties) return s.type === 'object' ? {} : 'x';
        return Object.fromEntries(
          Object.entries(s.properties).map(([k, v]) => [k, sample(v, depth + 1)]),
        );
      default:
        return 'x';
    }
  }

  function concrete(path: string, unknownId?: string): string {
    return path
      .replace(/\/api\/([a-z-]+)\/\{id\}/, (_m, resource: string) => {
        const id = unknownId ?? ids[resource] ?? randomUUID();
        return `/api/${resource}/${unknownId ? id : encodeURIComponent(id)}`;
      })
      .replace('{period}', unknownId ?? ids['period'])
      .replace('{userId}', unknownId ?? ids['userId'])
      .replace('{teamId}', unknownId ?? ids['teamId'])
      .replace('{date}', unknownId ?? ids['date']);
  }

  /** Each query parameter twice, with a value that would be accepted alone (a real id for an id). */
  function repeatedQueryCases(path: string, op: Operation): FuzzCase[] {
    const url = concrete(path);
    return (op.parameters ?? [])
      .filter((param) => param.in === 'query')
      .map((param) => {
        const alone = /Id$/.test(param.name)
          ? (ids[param.name] ?? ids['org-units'])
          : sample(resolve(param.schema));
        const one = `${param.name}=${encodeURIComponent(String(alone ?? 'x'))}`;
        return {
          label: `query ${param.name} repeated`,
          url: `${url}${url.includes('?') ? '&' : '?'}${one}&${one}`,
          expect: { status: [400], code: ['VALIDATION_FAILED'] },
        };
      });
  }

  function casesFor(method: string, path: string, op: Operation): FuzzCase[] {
    const url = concrete(path);
    const cases: FuzzCase[] = [];
    const json = (label: string, body: unknown): FuzzCase => ({
      label,
      url,
      body: JSON.stringify(body),
      contentType: 'application/json',
    });

    const bodySchema = resolve(op.requestBody?.content?.['application/json']?.schema);
    if (method !== 'GET' && method !== 'DELETE') {
      const base = (sample(bodySchema) ?? {}) as Record<string, unknown>;
      for (const field of Object.keys(bodySchema?.properties ?? {})) {
        for (const [what, value] of WRONG_VALUES) {
          cases.push(json(`${field} as ${what}`, { ...base, [field]: value }));
        }
        const rest = { ...base };
        delete rest[field];
        cases.push(json(`without ${field}`, rest));
      }
      cases.push(json('an extra field', { ...base, isAdmin: true }));
      cases.push(json('an empty object', {}));
      cases.push(json('an array body', [base]));
      for (const raw of MALFORMED_JSON) {
        cases.push({
          label: `malformed JSON ${raw}`,
          url,
          body: raw,
          contentType: 'application/json',
        });
      }
      // Refused when parsed, before validation (10,000 nested arrays overflowed its stack).
      for (const [what, raw] of HOSTILE_BODIES) {
        cases.push({
          label: what,
          url,
          body: raw,
          contentType: 'application/json',
          expect: { status: [400, 413], code: ['BODY_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE'] },
        });
      }
      for (const [type, raw] of WRONG_CONTENT_TYPES) {
        cases.push({ label: `content type ${type}`, url, body: raw, contentType: type });
      }
    }
    for (const param of op.parameters ?? []) {
      if (param.in !== 'query') continue;
      for (const value of WRONG_QUERY_VALUES) {
        const sep = url.includes('?') ? '&' : '?';
        cases.push({
          label: `query ${param.name}=${value.slice(0, 12)}`,
          url: `${url}${sep}${param.name}=${encodeURIComponent(value)}`,
        });
      }
    }
    cases.push(...repeatedQueryCases(path, op));
    if (path.includes('{')) {
      for (const id of UNKNOWN_IDS) {
        const body =
          method === 'GET' || method === 'DELETE'
            ? undefined
            : JSON.stringify(sample(bodySchema) ?? {});
        cases.push({
          label: `unknown id ${id.slice(0, 12)}`,
          url: concrete(path, id),
          body,
          contentType: body ? 'application/json' : undefined,
        });
      }
    }
    return cases;
  }

  /** A hash of every row of every table that holds programme data. */
  async function fingerprint(): Promise<string> {
    const hash = createHash('sha256');
    for (const meta of t.dataSource.entityMetadatas) {
      if (BOOKKEEPING_TABLES.has(meta.tableName)) continue;
      const table = `"${meta.tableName}"`;
      if (t.databaseType === 'postgres') {
        // Hashed by the server: shipping every row to the test for each of ~2,000 requests is slow.
        const [row] = await t.dataSource.query(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
        );
        hash.update(meta.tableName).update(row.h);
      } else {
        const keys = meta.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ');
        const rows = await t.dataSource.query(`SELECT * FROM ${table} ORDER BY ${keys}`);
        hash.update(meta.tableName).update(JSON.stringify(rows));
      }
    }
    return hash.digest('hex');
  }

  it('sends at least 1,000 malformed requests: no 5xx, no internals, nothing changed on refusal', async () => {
    const failures: string[] = [];
    let sent = 0;
    let accepted = 0;
    let before = await fingerprint();
    const started = Date.now();

    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/docs')) continue;
      for (const [m, op] of Object.entries(methods)) {
        const method = m.toUpperCase();
        // Signing out would end the admin's session for the rest of the run.
        if (path === '/api/auth/logout') continue;
        for (const c of casesFor(method, path, op)) {
          const headers: Record<string, string> = c.contentType
            ? { 'content-type': c.contentType }
            : {};
          const res: TestResponse = await admin.request(method, c.url, c.body, headers);
          sent++;
          const where = `${method} ${path} with ${c.label}: ${res.status}`;
          if (res.status >= 500) failures.push(`${where} ${res.text.slice(0, 160)}`);
          if (/at .*\.(ts|js):\d+|SQLITE|QueryFailedError|syntax error at|stack/i.test(res.text))
            failures.push(`${where} leaks internals: ${res.text.slice(0, 160)}`);
          if (
            c.expect &&
            !(c.expect.status.includes(res.status) && c.expect.code.includes(res.body?.code))
          )
            failures.push(`${where} ${res.body?.code}, expected ${c.expect.code.join(' or ')}`);
          if (res.status >= 400 && res.status < 500 && typeof res.body?.code !== 'string')
            failures.push(`${where} without the error shape: ${res.text.slice(0, 160)}`);
          // A refused sign-in is 401 by design; anywhere else a 401 means the session was lost.
          if (res.status === 401 && path !== '/api/auth/login')
            failures.push(`${where}: the admin's session was lost`);

          const after = await fingerprint();
          if (res.status < 300) {
            accepted++;
            if (process.env.FUZZ_VERBOSE) console.log(`accepted ${where}`);
          } else if (after !== before)
            failures.push(`${where}: rejected, yet the database changed`);
          before = after;
        }
      }
    }

    console.log(
      `fuzz (${t.databaseType}): ${sent} requests sent, ${accepted} accepted, ${Date.now() - started} ms`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
  }, 600_000); // about 2,700 requests with a fingerprint after each, on a shared 2-core machine

  // Roles reach other code paths with the same parameter (an ambassador's scope check sent
  // `?teamId=A&teamId=B` to the database as a list: 500). The refusal comes before any of them.
  it.each(['team', 'ambassador', 'director'])(
    'refuses every repeated query parameter for the %s role with a 400',
    async (role) => {
      const failures: string[] = [];
      let sent = 0;
      for (const [path, methods] of Object.entries(doc.paths)) {
        if (!methods['get'] || path.startsWith('/api/docs')) continue;
        for (const c of repeatedQueryCases(path, methods['get'])) {
          const res = await others[role].get(c.url);
          sent++;
          if (res.status !== 400 || res.body?.code !== 'VALIDATION_FAILED')
            failures.push(`GET ${c.url}: ${res.status} ${res.body?.code}`);
        }
      }
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(10);
    },
  );
});
