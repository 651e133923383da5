import type { CaseDetailDto, CaseSummaryDto } from '@olievlek/shared';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The synthetic organisation of the bench (tools/synth), at 2,000 teams with a shorter history:
// a test-only use of the generator, which itself imports nothing of the API.
/* eslint-disable @nx/enforce-module-boundaries */
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, generate } from '../../../../tools/synth/dataset';
import { dayOf } from '../../../../tools/synth/days';
import { SIZES, SizeSpec } from '../../../../tools/synth/sizes';
import { SqliteSink } from '../../../../tools/synth/sqlite-sink';
/* eslint-enable @nx/enforce-module-boundaries */
import { HttpClient, startTestApp, TestApp } from '../../test/test-app';

/**
 * A city's 2,000 teams, one year of history and about 120,000 check-offs (the bench's city has
 * three years and 1.5 million, where `GET /api/cases` answered 500 after 6 s: issue 19).
 */
const CITY_2000: SizeSpec = { ...SIZES.city, years: 1, appetite: 6, stepGap: [5, 14] };

/** The summary fields the list shows; the case page computes them from all facts of one case. */
const shown = (s: CaseSummaryDto) => ({
  id: s.id,
  team: s.team,
  status: s.status,
  openedOn: s.openedOn,
  closedOn: s.closedOn,
  ambassadors: s.ambassadors,
  stage: s.stage,
  agreementCount: s.agreementCount,
  lastActivityAt: s.lastActivityAt,
  nextReviewDate: s.nextReviewDate,
  stalled: s.stalled,
  version: s.version,
});

describe('the caseload at city scale (2,000 teams) over HTTP', () => {
  let dir: string;
  let t: TestApp;
  let admin: HttpClient;
  let checkOffs: number;

  beforeAll(async () => {
    // In memory where there is a tmpfs: the file is written and fsynced a lot, and thrown away.
    dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'olievlek-city-'));
    const file = join(dir, 'city.sqlite');
    const env = { DATABASE_URL: `sqlite:${file}`, DEMO_DATA: 'false' };
    // The app migrates the empty file; the generator fills it; the next start builds the
    // team timelines from it (ADR 0006), as after `npm run synth`.
    await (await startTestApp(env)).close();
    const until = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const sink = new SqliteSink(file);
    const report = await generate(
      CITY_2000,
      { seed: 19, untilDay: dayOf(until), key: 'caseload-scale' },
      sink,
    );
    await sink.finish();
    checkOffs = report.rows['check_off'] ?? 0;
    t = await startTestApp(env);
    admin = new HttpClient(t.baseUrl);
    const signIn = await admin.post('/api/auth/login', {
      email: BENCH_ADMIN_EMAIL,
      password: BENCH_ADMIN_PASSWORD,
    });
    expect(signIn.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the admin's list of every case, the same as each case's own page", async () => {
    expect(checkOffs).toBeGreaterThan(100_000);
    const [{ n: teams }] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM org_unit WHERE kind = 'team'`,
    );
    expect(Number(teams)).toBe(2000);
    const [{ n: cases }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM case_file`);

    const res = await admin.get('/api/cases');
    expect(res.status).toBe(200);
    const list = res.body as CaseSummaryDto[];
    expect(list).toHaveLength(Number(cases));

    // Every kind of case: stalled ones (the radar), closed ones, and a spread of the rest.
    const stalled = list.filter((s) => s.stalled.length > 0);
    const closed = list.filter((s) => s.status === 'closed');
    expect(stalled.length).toBeGreaterThan(10);
    expect(closed.length).toBeGreaterThan(0);
    expect(new Set(list.map((s) => s.stage)).size).toBeGreaterThanOrEqual(4);
    const sample = [
      ...stalled.slice(0, 15),
      ...closed.slice(0, 5),
      ...list.filter((_, i) => i % 150 === 0),
    ];
    for (const summary of sample) {
      const page = await admin.get(`/api/cases/${summary.id}`);
      expect(page.status).toBe(200);
      expect(shown(summary)).toEqual(shown(page.body as CaseDetailDto));
    }
  });
});
