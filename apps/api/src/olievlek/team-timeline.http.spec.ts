import {
  addDays,
  CheckOffFact,
  Stage,
  stageAt,
  stalledSilenceAt,
  statusAt,
  TeamAgreement,
} from '@olievlek/domain';
import type {
  AgreementDto,
  BoardDto,
  CaseSummaryDto,
  OlievlekViewDto,
  OrgUnitDto,
} from '@olievlek/shared';
import { DEMO, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { push } from './olievlek-facts';
import { OlievlekFactsService } from './olievlek-facts.service';
import { TeamTimelineService } from './team-timeline.service';

/**
 * The team timelines (ADR 0006) are derived data, kept up to date in the transaction of every
 * write. Two independent checks: the view's stages equal the domain's `stageAt` over the facts
 * as the database holds them, at many dates; and after writes through the API the stored rows
 * equal a rebuild from scratch.
 */
describe('team timelines kept on write', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let today: string;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    member = await t.signedIn(DEMO.team);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    root = units.find((u) => u.parentId === null)?.id as string;
  });
  afterAll(() => t.close());

  /** Every team's stage and stalled count on each date, straight from the facts via `stageAt`. */
  async function byDomain(dates: readonly string[]) {
    const programme = await t.app.get(OlievlekFactsService).programme(today);
    const rows = (await t.dataSource.query(
      `SELECT agreement_id AS "agreementId", period_key AS "periodKey", state, on_date AS "on"
         FROM check_off`,
    )) as (CheckOffFact & { agreementId: string })[];
    const checkOffs = new Map<string, CheckOffFact[]>();
    for (const r of rows) push(checkOffs, r.agreementId, r);
    const withCheckOffs = (a: { id: string } & TeamAgreement): TeamAgreement => ({
      ...a,
      checkOffs: checkOffs.get(a.id) ?? [],
    });
    const teams = [...new Set([...programme.casesByTeam.keys()])];
    return dates.map((d) => {
      const stages = new Map<string, { stage: Stage; stalled: boolean }>();
      for (const teamId of teams) {
        const own = (programme.agreementsByTeam.get(teamId) ?? []).map(withCheckOffs);
        const team = {
          cases: programme.casesByTeam.get(teamId) ?? [],
          agreements: own,
          partnerAgreements: programme.agreementsByPartner.get(teamId) ?? [],
          spreadSourceDates: programme.spreadSourceDates.get(teamId) ?? [],
        };
        const stalled = own.some(
          (a) => statusAt(a.statusHistory, d) === 'running' && stalledSilenceAt(a, d) > 0,
        );
        stages.set(teamId, { stage: stageAt(team, d), stalled });
      }
      return stages;
    });
  }

  /** Every team's stage and stalled flag on each date, as the view shows them. */
  async function byView(dates: readonly string[]) {
    const result: Map<string, { stage: Stage; stalled: boolean }>[] = [];
    for (const d of dates) {
      const res = await admin.get(`/api/olievlek?unitId=${root}&date=${d}`);
      expect(res.status).toBe(200);
      const view = res.body as OlievlekViewDto;
      const stages = new Map<string, { stage: Stage; stalled: boolean }>();
      for (const u of view.units)
        if (u.stage !== null && u.stage !== 'not-reached')
          stages.set(u.id, { stage: u.stage, stalled: u.stalled });
      result.push(stages);
    }
    return result;
  }

  async function expectViewEqualsDomain(dates: readonly string[]) {
    const [view, domain] = await Promise.all([byView(dates), byDomain(dates)]);
    dates.forEach((d, i) => {
      const expected = new Map([...domain[i]].filter(([, v]) => v.stage !== 'not-reached'));
      expect({ date: d, stages: Object.fromEntries(view[i]) }).toEqual({
        date: d,
        stages: Object.fromEntries(expected),
      });
    });
  }

  /** The stored timelines, once every marked change is settled. */
  const stored = async () => {
    await t.app.get(TeamTimelineService).settle();
    return storedNow();
  };
  const storedNow = async () => ({
    marked: Number(
      (await t.dataSource.query(`SELECT COUNT(*) AS n FROM team_timeline_change`))[0].n,
    ),
    spans: await t.dataSource.query(
      `SELECT month, team_id, from_date, until_date, stage, stalled FROM team_stage_span
         ORDER BY month, team_id, from_date`,
    ),
    timelines: await t.dataSource.query(
      `SELECT team_id, first_reached_on, first_rooted_on FROM team_timeline ORDER BY team_id`,
    ),
    // Kept on write by ticks and unticks; a rebuild fills it from the check-offs.
    lastCheckOffs: await t.dataSource.query(
      `SELECT id, last_check_off_at FROM agreement ORDER BY id`,
    ),
  });

  it('gives the stages of stageAt on every team at dates across the demo history', async () => {
    const dates = [0, 30, 91, 180, 270, 365, 500].map((n) => addDays(today, -n));
    await expectViewEqualsDomain(dates);
    const stages = (await byView([today]))[0];
    expect(stages.size).toBeGreaterThan(10); // the demo history reaches many teams
  });

  it('stays equal to a rebuild from scratch after writes through the API', async () => {
    const before = await stored();
    expect(before.spans.length).toBeGreaterThan(0);

    // A tick and an untick on the board.
    const board = (await member.get('/api/board')).body as BoardDto;
    const step = board.teams[0].agreements[0];
    const earlier = step.grid[step.grid.length - 2];
    expect(
      (
        await member.put(`/api/agreements/${step.id}/check-offs/${step.current.key}`, {
          state: 'done',
        })
      ).status,
    ).toBe(200);
    if (earlier?.key) {
      await member.put(`/api/agreements/${step.id}/check-offs/${earlier.key}`, { state: 'done' });
      expect(
        (await member.delete(`/api/agreements/${step.id}/check-offs/${earlier.key}`)).status,
      ).toBe(200);
    }

    // A status change, a new agreement with a partner team, a spread link made and removed.
    // (As an admin: any open case will do.)
    const cases = (await admin.get('/api/cases')).body as CaseSummaryDto[];
    const own = cases.find((c) => c.status === 'open') as CaseSummaryDto;
    const detail = (await admin.get(`/api/cases/${own.id}`)).body as {
      agreements: AgreementDto[];
    };
    const running = detail.agreements.find((a) => a.status === 'running');
    if (running) {
      const paused = await admin.post(`/api/agreements/${running.id}/status`, {
        version: running.version,
        status: 'paused',
        reason: 'zomerstop',
      });
      expect(paused.status).toBe(200);
    }
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    const partner = units.find((u) => u.kind === 'team' && u.id !== own.team.id) as OrgUnitDto;
    const created = await admin.post(`/api/cases/${own.id}/agreements`, {
      title: 'Gezamenlijke procesanalyse',
      cadence: { kind: 'once' },
      startDate: addDays(today, -20),
      partnerTeamId: partner.id,
      status: 'running',
    });
    expect(created.status).toBe(201);
    const link = await admin.post('/api/spread-links', {
      sourceTeamId: own.team.id,
      targetTeamId: partner.id,
      on: addDays(today, -3),
    });
    expect(link.status).toBe(201);

    // A case for a team nobody reached yet reaches it today.
    const reached = new Set(cases.map((c) => c.team.id));
    const fresh = units.find((u) => u.kind === 'team' && !reached.has(u.id) && !u.archivedAt);
    if (fresh) expect((await ambassador.post('/api/cases', { teamId: fresh.id })).status).toBe(201);

    const after = await stored();
    expect(after).not.toEqual(before);
    expect(after.marked).toBe(0);
    const { teams } = await t.app.get(TeamTimelineService).rebuildAll();
    expect(teams).toBeGreaterThan(0);
    expect(await stored()).toEqual(after);

    expect((await admin.delete(`/api/spread-links/${link.body.id}`)).status).toBe(204);
    const removed = await stored();
    await t.app.get(TeamTimelineService).rebuildAll();
    expect(await stored()).toEqual(removed);

    await expectViewEqualsDomain([today, addDays(today, -3), addDays(today, -20)]);
  });

  it('marks a write in its own transaction and settles it before the next read', async () => {
    const timelines = t.app.get(TeamTimelineService);
    await timelines.settle();
    const cases = (await admin.get('/api/cases')).body as CaseSummaryDto[];
    const reached = new Set(cases.map((c) => c.team.id));
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    // Nobody's partner either: a partner in a running step starts at `experimenting`.
    const partners = new Set(
      (
        (await t.dataSource.query(
          'SELECT partner_team_id AS id FROM agreement WHERE partner_team_id IS NOT NULL',
        )) as Array<{ id: string }>
      ).map((r) => r.id),
    );
    const team = units.find(
      (u) => u.kind === 'team' && !reached.has(u.id) && !partners.has(u.id) && !u.archivedAt,
    );
    expect(team).toBeDefined();
    // A write, then a read straight after it: the read settles the mark if nothing has yet.
    expect((await admin.post('/api/cases', { teamId: team?.id })).status).toBe(201);
    const view = (await admin.get(`/api/olievlek?unitId=${root}`)).body as OlievlekViewDto;
    expect(view.units.find((u) => u.id === team?.id)?.stage).toBe('intake');
    expect((await storedNow()).marked).toBe(0);
  });

  it('renews timelines that run out, and rebuilds at start when they do not match the cases', async () => {
    const timelines = t.app.get(TeamTimelineService);
    await t.dataSource.query(`UPDATE team_timeline SET computed_until = '2000-01-01'`);
    expect(await timelines.renew()).toBeGreaterThan(0);
    const [{ oldest }] = await t.dataSource.query(
      `SELECT MIN(computed_until) AS oldest FROM team_timeline`,
    );
    expect(oldest > today).toBe(true);

    await t.dataSource.query(`DELETE FROM team_timeline`);
    expect(await timelines.isOutOfStep()).toBe(true);
    await timelines.rebuildAll();
    expect(await timelines.isOutOfStep()).toBe(false);
  });
});
