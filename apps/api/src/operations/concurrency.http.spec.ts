import type { AgreementDto, BoardAgreementDto, BoardDto, CaseDetailDto } from '@olievlek/shared';
import { addDays } from '@olievlek/domain';
import { DEMO_PASSWORD } from '../demo/demo-data';
import { DEMO, HttpClient, startTestApp, TestApp, TestResponse } from '../../test/test-app';

/** How long the clients keep at it; 10 s in the suite, longer by hand for a soak test. */
const SECONDS = Number(process.env['OLIEVLEK_CONCURRENCY_SECONDS'] || 10);

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

const TICKERS = 20;
const EDITORS_PER_RECORD = 3;
const BOARD_READERS = 10;
const CASE_READERS = 5;

interface Slot {
  agreementId: string;
  periodKey: string;
}
type TickState = { status: 'done' } | { status: 'skipped'; reason: string } | { status: 'none' };
interface Edit {
  version: number;
  marker: string;
}

/** Shares one signed-in session between several clients, the way several tabs would. */
function sharing(baseUrl: string, session: HttpClient): HttpClient {
  const client = new HttpClient(baseUrl);
  for (const [name, value] of session.cookies) client.cookies.set(name, value);
  return client;
}

const slotKey = (s: Slot) => `${s.agreementId} ${s.periodKey}`;

/**
 * Issue 7, "Trust": 50 clients at once — team members ticking and reflecting, ambassadors and the
 * admin editing the same agreement and intake, others reading the board and the case page — for
 * 10 seconds. Afterwards every acknowledged write is there, nothing answered 5xx, and competing
 * edits were refused with a 409 instead of overwriting each other.
 */
describe('50 clients at once', () => {
  let t: TestApp;
  const accounts: Array<{ client: HttpClient; id: string; email: string }> = [];
  let ambassador: HttpClient;
  let admin: HttpClient;
  let caseId: string;
  let slots: Slot[];

  async function signIn(email: string): Promise<{ client: HttpClient; id: string; email: string }> {
    const client = t.client();
    const res = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
    return { client, id: res.body.id, email };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const email of TEAM_ACCOUNTS) accounts.push(await signIn(email));
    ambassador = (await signIn(DEMO.ambassador)).client;
    admin = (await signIn(DEMO.admin)).client;

    const board = (await accounts[0].client.get('/api/board')).body as BoardDto;
    const own = board.teams[0].agreements.find((a) => a.team.id === board.teams[0].team.id);
    caseId = ((await ambassador.get(`/api/agreements/${own?.id}`)).body as AgreementDto).caseId;
    // More running weekly steps on the member's case, so tickers have (step, week) slots of their own.
    const today = board.today;
    for (let i = 0; i < 10; i++) {
      const res = await ambassador.post(`/api/cases/${caseId}/agreements`, {
        title: `Tegelijk ${i}`,
        cadence: { kind: 'weeks', every: 1 },
        startDate: addDays(today, -70),
        status: 'running',
      });
      expect(res.status).toBe(201);
    }
    const full = (await accounts[0].client.get('/api/board')).body as BoardDto;
    slots = full.teams
      .flatMap((team) => team.agreements)
      .flatMap((a) => a.grid.map((cell) => ({ agreementId: a.id, periodKey: cell.key })));
  }, 120_000);
  afterAll(() => t.close());

  it(`loses no acknowledged write, answers no 5xx, and refuses competing edits with 409 (${SECONDS} s)`, async () => {
    expect(slots.length).toBeGreaterThanOrEqual(TICKERS * 3);
    const detail = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
    const editedAgreement = detail.agreements.find((a) => a.status === 'running') as AgreementDto;
    const initial = {
      agreement: editedAgreement.version,
      intake: detail.intake?.version ?? 0,
    };
    expect(initial.intake).toBeGreaterThan(0);

    const stats = { requests: 0, reads: 0, writes: 0, conflicts: 0 };
    const violations: string[] = [];
    const conflictBodies: TestResponse[] = [];
    const lastTick = new Map<string, TickState>();
    // Per author: the last reflection text acknowledged on each slot.
    const lastReflection = new Map<string, string>();
    const edits = { agreement: [] as Edit[], intake: [] as Edit[] };
    const refusals = { agreement: 0, intake: 0 };

    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    // On a crowded machine the editors go on a little past the deadline until each record has
    // seen a few acknowledged edits and a refusal, so the checks below always have something to check.
    const hardStop = deadline + 60_000;
    const until = async (step: () => Promise<void>, more: () => boolean = () => false) => {
      while (Date.now() < deadline || (more() && Date.now() < hardStop)) await step();
    };
    const call = async (label: string, request: Promise<TestResponse>, ok: number[]) => {
      const res = await request;
      stats.requests++;
      if (res.status >= 500 || !ok.includes(res.status))
        violations.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
      return res;
    };

    // Tickers: each owns every TICKERS-th slot and ticks, skips or unticks it in turn. A slot has
    // one writer, so its last acknowledged state is the one that must be on the board.
    const ticker = (n: number) => {
      const client = sharing(t.baseUrl, accounts[n % accounts.length].client);
      const mine = slots.filter((_, i) => i % TICKERS === n);
      let round = 0;
      return until(async () => {
        const slot = mine[round % mine.length];
        const path = `/api/agreements/${slot.agreementId}/check-offs/${slot.periodKey}`;
        const step = round++ % 3;
        const state: TickState =
          step === 0
            ? { status: 'done' }
            : step === 1
              ? { status: 'skipped', reason: `ticker ${n} round ${round}` }
              : { status: 'none' };
        const res = await call(
          `tick ${path}`,
          state.status === 'none'
            ? client.delete(path)
            : client.put(path, {
                state: state.status,
                ...(state.status === 'skipped' ? { reason: state.reason } : {}),
              }),
          [200],
        );
        if (res.status === 200) {
          stats.writes++;
          lastTick.set(slotKey(slot), state);
        }
      });
    };

    // Reflectors: one per team member (a reflection is per member and period), over all slots.
    const reflector = (account: (typeof accounts)[number], n: number) => {
      const client = sharing(t.baseUrl, account.client);
      let round = 0;
      return until(async () => {
        const slot = slots[(round * 7 + n) % slots.length];
        const text = `reflection by ${n}, round ${round++}`;
        const res = await call(
          'reflect',
          client.put(`/api/agreements/${slot.agreementId}/reflections/${slot.periodKey}`, {
            text,
          }),
          [200],
        );
        if (res.status === 200) {
          stats.writes++;
          lastReflection.set(`${account.id} ${slotKey(slot)}`, text);
        }
      });
    };

    // Editors: read the version, change the record, keep the version they got back. Whoever edits
    // a version someone else already changed must get a 409 and change nothing.
    const editor = (kind: 'agreement' | 'intake', session: HttpClient, n: number) => {
      const client = sharing(t.baseUrl, session);
      let version: number | null = null;
      let round = 0;
      return until(
        async () => {
          if (version === null) {
            const read = await call('read before edit', client.get(`/api/cases/${caseId}`), [200]);
            stats.reads++;
            const body = read.body as CaseDetailDto;
            version =
              kind === 'agreement'
                ? (body.agreements.find((a) => a.id === editedAgreement.id)?.version ?? null)
                : (body.intake?.version ?? null);
            return;
          }
          const marker = `${kind} editor ${n} round ${round++}`;
          const res = await call(
            `edit ${kind}`,
            kind === 'agreement'
              ? client.patch(`/api/agreements/${editedAgreement.id}`, {
                  version,
                  successCriterion: marker,
                })
              : client.put(`/api/cases/${caseId}/intake`, {
                  version,
                  heldOn: detail.intake?.heldOn,
                  participants: detail.intake?.participants,
                  situation: `Situatie ${marker}`,
                  wishes: marker,
                  themes: detail.intake?.themes,
                }),
            [200, 409],
          );
          if (res.status === 200) {
            stats.writes++;
            edits[kind].push({ version: res.body.version, marker });
            version = res.body.version;
          } else if (res.status === 409) {
            stats.conflicts++;
            refusals[kind]++;
            conflictBodies.push(res);
            version = null;
          }
        },
        () => edits[kind].length < 3 || refusals[kind] === 0,
      );
    };

    const boardReader = (n: number) => {
      const client = sharing(t.baseUrl, accounts[n % accounts.length].client);
      return until(async () => {
        await call('board', client.get('/api/board'), [200]);
        stats.reads++;
      });
    };
    const caseReader = (n: number) => {
      const client = sharing(t.baseUrl, n % 2 ? admin : ambassador);
      return until(async () => {
        await call('case page', client.get(`/api/cases/${caseId}`), [200]);
        stats.reads++;
      });
    };

    const workers = [
      ...Array.from({ length: TICKERS }, (_, n) => ticker(n)),
      ...accounts.map((account, n) => reflector(account, n)),
      ...Array.from({ length: EDITORS_PER_RECORD }, (_, n) =>
        editor('agreement', n === 0 ? admin : ambassador, n),
      ),
      ...Array.from({ length: EDITORS_PER_RECORD }, (_, n) =>
        editor('intake', n === 0 ? admin : ambassador, n),
      ),
      ...Array.from({ length: BOARD_READERS }, (_, n) => boardReader(n)),
      ...Array.from({ length: CASE_READERS }, (_, n) => caseReader(n)),
    ];
    expect(workers).toHaveLength(50);
    await Promise.all(workers);
    const seconds = (Date.now() - started) / 1000;

    console.log(
      `concurrency (${t.databaseType}): 50 clients for ${seconds.toFixed(1)} s: ` +
        `${stats.requests} requests (${Math.round(stats.requests / seconds)}/s), ` +
        `${stats.writes} acknowledged writes (${lastTick.size} tick slots, ` +
        `${edits.agreement.length} agreement and ${edits.intake.length} intake edits), ` +
        `${stats.conflicts} refused with 409, ${stats.reads} reads, ` +
        `${violations.length} unexpected answers`,
    );
    expect(violations).toEqual([]);

    // Every tick, skip and undo as last acknowledged.
    const board = (await accounts[0].client.get('/api/board')).body as BoardDto;
    const onBoard = new Map<string, BoardAgreementDto>(
      board.teams.flatMap((team) => team.agreements).map((a) => [a.id, a]),
    );
    const lostTicks: string[] = [];
    for (const slot of slots) {
      const expected = lastTick.get(slotKey(slot));
      if (!expected) continue;
      const cell = onBoard.get(slot.agreementId)?.grid.find((c) => c.key === slot.periodKey);
      const actual: TickState =
        cell?.status === 'done'
          ? { status: 'done' }
          : cell?.status === 'skipped'
            ? { status: 'skipped', reason: cell.reason ?? '' }
            : { status: 'none' };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        lostTicks.push(`${slotKey(slot)}: ${JSON.stringify(expected)} → ${cell?.status}`);
    }
    expect(lostTicks).toEqual([]);
    expect(lastTick.size).toBeGreaterThan(0);

    // Every member's last reflection per slot.
    const lostReflections: string[] = [];
    for (const [key, text] of lastReflection) {
      const [authorId, agreementId, periodKey] = key.split(' ');
      const found = onBoard
        .get(agreementId)
        ?.reflections.find((r) => r.periodKey === periodKey && r.author.id === authorId);
      if (found?.text !== text) lostReflections.push(`${key}: "${text}" → "${found?.text}"`);
    }
    expect(lostReflections).toEqual([]);

    // Competing edits: each acknowledged edit made exactly one new version, none overwrote
    // another silently, and the record holds the last acknowledged one.
    const after = (await ambassador.get(`/api/cases/${caseId}`)).body as CaseDetailDto;
    const finalAgreement = after.agreements.find((a) => a.id === editedAgreement.id);
    const latest = (list: Edit[]) => [...list].sort((a, b) => a.version - b.version).at(-1);
    const chain = (list: Edit[], start: number) => ({
      versions: list.map((e) => e.version).sort((a, b) => a - b),
      expected: list.map((_, i) => start + i + 1),
    });
    const agreementChain = chain(edits.agreement, initial.agreement);
    expect(agreementChain.versions).toEqual(agreementChain.expected);
    expect(finalAgreement?.version).toBe(initial.agreement + edits.agreement.length);
    expect(finalAgreement?.successCriterion).toBe(latest(edits.agreement)?.marker);
    const intakeChain = chain(edits.intake, initial.intake);
    expect(intakeChain.versions).toEqual(intakeChain.expected);
    expect(after.intake?.version).toBe(initial.intake + edits.intake.length);
    expect(after.intake?.wishes).toBe(latest(edits.intake)?.marker);
    // Refusals happened on both records, and each one has the conflict shape.
    expect({ edits: edits.agreement.length >= 3, refusals: refusals.agreement > 0 }).toEqual({
      edits: true,
      refusals: true,
    });
    expect({ edits: edits.intake.length >= 3, refusals: refusals.intake > 0 }).toEqual({
      edits: true,
      refusals: true,
    });
    for (const res of conflictBodies) {
      // A 409 on the intake or a step's status carries what is saved now (`current`).
      const { current, ...rest } = res.body;
      expect(rest).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.any(String),
        code: expect.stringMatching(/^(AGREEMENT|INTAKE)_VERSION_CONFLICT$/),
      });
      if (current !== undefined)
        expect(current).toEqual(expect.objectContaining({ version: expect.any(Number) }));
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|SQLITE|QueryFailedError|stack/i);
    }
  }, 150_000);
});
