import {
  MAP_TEAMS_MAX,
  NEXT_BEST_DEFAULT,
  NEXT_BEST_MAX,
  NEXT_BEST_PRACTICES,
  NEXT_BEST_SOURCES,
  SPREAD_LINKS_DEFAULT,
  SPREAD_LINKS_MAX,
  type AdoptionDto,
  type CaseSummaryDto,
  type NextBestTeamsDto,
  type OlievlekViewDto,
  type OrgUnitDto,
  type PracticeDto,
  type PracticeEvidenceDto,
  type SpreadGraphDto,
  type UnitFiguresDto,
  type UserDto,
} from '@olievlek/shared';
import { addDays } from '@olievlek/domain';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { DEMO_SCOPE_OF_DIRECTOR } from '../demo/demo-data';

const REACHED = ['experimenting', 'practising', 'spreading'] as const;
const ROOTED = ['practising', 'spreading'] as const;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The figures of one unit hang together: every team in one stage, shares of the same teams. */
function expectConsistent(f: UnitFiguresDto): void {
  expect(sum(Object.values(f.stages))).toBe(f.teams);
  expect(sum(Object.values(f.adopters))).toBe(f.teams);
  if (f.teams === 0) {
    expect(f.reach).toBeNull();
    return;
  }
  expect(f.reach).toEqual({
    numerator: sum(REACHED.map((s) => f.stages[s])),
    denominator: f.teams,
    value: expect.any(Number),
  });
  expect(f.rooted).toEqual({
    numerator: sum(ROOTED.map((s) => f.stages[s])),
    denominator: f.teams,
    value: expect.any(Number),
  });
  expect(f.reach?.value).toBeCloseTo((f.reach?.numerator ?? 0) / f.teams);
  if (f.spreadFactor) expect(f.spreadFactor.denominator).toBe(f.stages.spreading);
}

describe('the olievlek view over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let director: HttpClient;
  let units: OrgUnitDto[];
  let practices: PracticeDto[];
  let today: string;
  let memberNames: string[];
  const unit = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;
  const byId = (id: string) => units.find((u) => u.id === id) as OrgUnitDto;
  const within = (id: string, ancestor: string): boolean => {
    for (let u: OrgUnitDto | undefined = byId(id); u; u = u.parentId ? byId(u.parentId) : undefined)
      if (u.id === ancestor) return true;
    return false;
  };
  const timings: string[] = [];
  /** Logs how long a request took; `cold` when nothing of its date was computed before. */
  async function timed(client: HttpClient, url: string, label = '') {
    const started = performance.now();
    const res = await client.get(url);
    timings.push(`${url} ${label}: ${Math.round(performance.now() - started)} ms`);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    member = await t.signedIn(DEMO.team);
    director = await t.signedIn(DEMO.director);
    units = (await admin.get('/api/org-units')).body;
    practices = (await admin.get('/api/practices')).body;
    const users = (await admin.get('/api/users')).body as UserDto[];
    memberNames = users.filter((u) => u.roles.includes('team')).map((u) => u.name);
    today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  });
  afterAll(async () => {
    console.log(`olievlek on demo data (${t.databaseType}):\n  ${timings.join('\n  ')}`);
    await t.close();
  });

  it('shows admins the whole organisation today, with figures that add up', async () => {
    await timed(admin, '/api/olievlek', '(cold)');
    const res = await timed(admin, '/api/olievlek', '(warm: the date is computed)');
    expect(res.status).toBe(200);
    const view = res.body as OlievlekViewDto;
    const teams = units.filter((u) => u.kind === 'team');
    expect(view.date).toBe(today);
    expect(view.today).toBe(today);
    expect(view.unit.kind).toBe('organisation');
    expect(view.path).toEqual([view.unit]);
    expect(view.figures.teams).toBe(teams.length);
    expectConsistent(view.figures);
    view.children.forEach(expectConsistent);
    expect(view.children.map((c) => c.unit.kind)).toEqual(Array(4).fill('directorate'));
    expect(sum(view.children.map((c) => c.teams))).toBe(view.figures.teams);
    // Every stage of the programme is there, spreading teams included, and spread has an R.
    for (const stage of ['not-reached', 'intake', 'experimenting', 'practising', 'spreading'])
      expect(view.figures.stages[stage as keyof typeof view.figures.stages]).toBeGreaterThan(0);
    expect(view.figures.spreadFactor?.value).toBeGreaterThan(0);
    expect(view.figures.crossUnitLinks.departments).toBeGreaterThan(0);
    expect(view.figures.crossUnitLinks.directorates).toBeGreaterThan(0);
    expect(view.figures.stalledAgreements).toBeGreaterThan(0);
    expect(
      view.figures.adopters.innovators + view.figures.adopters['early-adopters'],
    ).toBeGreaterThan(0);
    expect(view.figures.reachWeighted?.denominator).toBe(sum(teams.map((u) => u.headcount ?? 0)));
    expect(view.firstDate).toMatch(/^\d{4}-\d{2}-01$/);
    expect((view.firstDate as string) < today).toBe(true);

    // The map: every unit once, teams with their stage, units above with their teams per stage.
    expect(view.units).toHaveLength(units.length);
    expect(view.teamsShown).toBe(true);
    expect(view.mapTeamsMax).toBe(MAP_TEAMS_MAX);
    const mapTeams = view.units.filter((u) => u.kind === 'team');
    expect(mapTeams).toHaveLength(teams.length);
    expect(mapTeams.every((u) => u.stage !== null && u.stages === null)).toBe(true);
    const counts: Record<string, number> = {};
    for (const u of mapTeams) counts[u.stage as string] = (counts[u.stage as string] ?? 0) + 1;
    expect(counts).toEqual(
      Object.fromEntries(Object.entries(view.figures.stages).filter(([, n]) => n > 0)),
    );
    expect(mapTeams.filter((u) => u.stalled).length).toBeGreaterThan(0);
    const root = view.units.find((u) => u.id === view.unit.id);
    expect(root?.stages).toEqual(view.figures.stages);
    expect(root?.headcount).toBe(view.figures.reachWeighted?.denominator);
  });

  it('goes back in time: the stain was smaller a year ago and absent before the first case', async () => {
    const now = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    const yearAgo = (await timed(admin, `/api/olievlek?date=${addDays(today, -365)}`, '(new date)'))
      .body as OlievlekViewDto;
    expect(yearAgo.date).toBe(addDays(today, -365));
    expectConsistent(yearAgo.figures);
    expect(yearAgo.figures.reach?.numerator).toBeLessThan(now.figures.reach?.numerator ?? 0);
    expect(yearAgo.figures.stages['not-reached']).toBeGreaterThan(
      now.figures.stages['not-reached'],
    );
    const before = (await admin.get(`/api/olievlek?date=${addDays(now.firstDate as string, -1)}`))
      .body as OlievlekViewDto;
    expect(before.figures.stages['not-reached']).toBe(before.figures.teams);
    expect(before.figures.reach?.numerator).toBe(0);
    expect(before.figures.spreadFactor).toBeNull();
    expect(before.firstDate).toBe(now.firstDate);
  });

  it('keeps directors to their scope, without notes or names', async () => {
    const scope = unit(DEMO_SCOPE_OF_DIRECTOR);
    const res = await timed(director, '/api/olievlek', '(director, date computed)');
    expect(res.status).toBe(200);
    const view = res.body as OlievlekViewDto;
    expect(view.unit.id).toBe(scope.id);
    expect(view.path.map((p) => p.id)).toEqual([scope.id]);
    expect(view.units.every((u) => within(u.id, scope.id))).toBe(true);
    expect(view.figures.teams).toBe(16);
    expectConsistent(view.figures);

    const department = unit('Zorg en Welzijn');
    const drillRes = await director.get(`/api/olievlek?unitId=${department.id}`);
    const drill = drillRes.body as OlievlekViewDto;
    expect(drill.path.map((p) => p.id)).toEqual([scope.id, department.id]);
    expect(drill.units.every((u) => within(u.id, department.id))).toBe(true);
    const team = unit('Wmo-consulenten');
    const single = (await director.get(`/api/olievlek?unitId=${team.id}`)).body as OlievlekViewDto;
    expect(single.figures.teams).toBe(1);
    expect(single.units).toHaveLength(1);
    expect(single.children).toEqual([]);

    const outside = unit('Directie Dienstverlening');
    for (const path of ['', '/adoption', '/spread'])
      expectApiError(
        await director.get(`/api/olievlek${path}?unitId=${outside.id}`),
        403,
        'FORBIDDEN_SCOPE',
      );
    const root = units.find((u) => u.kind === 'organisation') as OrgUnitDto;
    expectApiError(await director.get(`/api/olievlek?unitId=${root.id}`), 403, 'FORBIDDEN_SCOPE');

    const spread = await director.get('/api/olievlek/spread');
    expect(spread.status).toBe(200);
    expect((spread.body as SpreadGraphDto).links.every((l) => l.note === null)).toBe(true);
    for (const body of [res.text, drillRes.text, spread.text]) {
      for (const name of memberNames) expect(body).not.toContain(name);
      expect(body).not.toContain('werkbezoek');
      expect(body).not.toContain('Spanning in het MT');
    }
  });

  it('refuses team members, anonymous users, bad dates and unknown units with a clear code', async () => {
    for (const path of ['', '/adoption', '/spread', '/next-best-teams'])
      expectApiError(await member.get(`/api/olievlek${path}`), 403, 'FORBIDDEN_ROLE');
    for (const path of ['', '/adoption', '/spread', '/next-best-teams', '/practice-evidence'])
      expectApiError(await t.client().get(`/api/olievlek${path}`), 401, 'NOT_AUTHENTICATED');
    expectApiError(await admin.get('/api/olievlek?date=2026-02-30'), 400, 'VALIDATION_FAILED');
    expectApiError(await admin.get('/api/olievlek?date=tomorrow'), 400, 'VALIDATION_FAILED');
    expectApiError(await admin.get('/api/olievlek?date=1999-12-31'), 400, 'VALIDATION_FAILED');
    expectApiError(
      await admin.get(`/api/olievlek?date=${addDays(today, 1)}`),
      400,
      'OLIEVLEK_DATE_IN_FUTURE',
    );
    expectApiError(
      await admin.get(`/api/olievlek/spread?date=${addDays(today, 1)}`),
      400,
      'OLIEVLEK_DATE_IN_FUTURE',
    );
    expectApiError(
      await admin.get('/api/olievlek?unitId=00000000-0000-0000-0000-000000000000'),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectApiError(await admin.get('/api/olievlek?colour=red'), 400, 'VALIDATION_FAILED');

    // A director whose scope is gone sees nothing.
    const created = await admin.post('/api/users', {
      email: 'zonder-bereik@voorbeeldstad.example',
      name: 'Directeur zonder bereik',
      roles: ['director'],
      password: 'een-lang-wachtwoord',
      scopeOrgUnitId: unit(DEMO_SCOPE_OF_DIRECTOR).id,
    });
    expect(created.status).toBe(201);
    await t.dataSource.query(
      `UPDATE app_user SET scope_org_unit_id = NULL WHERE id = '${created.body.id}'`,
    );
    const scopeless = await t.signedIn(
      'zonder-bereik@voorbeeldstad.example',
      'een-lang-wachtwoord',
    );
    expectApiError(await scopeless.get('/api/olievlek'), 403, 'FORBIDDEN_SCOPE');
    expectApiError(await scopeless.get('/api/olievlek/practice-evidence'), 403, 'FORBIDDEN_SCOPE');
  });

  it('draws the adoption curve month by month: reached never falls', async () => {
    const res = await timed(admin, '/api/olievlek/adoption', '(cold)');
    expect(res.status).toBe(200);
    const adoption = res.body as AdoptionDto;
    const view = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    const months = adoption.months;
    expect(months[0].month).toBe((view.firstDate as string).slice(0, 7));
    expect(months.at(-1)?.month).toBe(today.slice(0, 7));
    expect(months.at(-1)?.on).toBe(today);
    expect(months[0].newlyReached).toBeNull();
    for (let i = 1; i < months.length; i++) {
      expect(months[i].reached).toBeGreaterThanOrEqual(months[i - 1].reached);
      expect(months[i].reached - months[i - 1].reached).toBe(months[i].newlyReached);
      expect(months[i].on > months[i - 1].on).toBe(true);
    }
    for (const m of months) expect(sum(Object.values(m.stages))).toBe(m.teams);
    const last = months.at(-1) as AdoptionDto['months'][number];
    expect(last.stages).toEqual(view.figures.stages);
    expect(last.reached).toBeGreaterThanOrEqual(view.figures.reach?.numerator ?? 0);
    expect(adoption.medians.reach).toEqual(expect.any(Number));
    for (const s of adoption.signals) expect(s.months.length).toBeGreaterThanOrEqual(5);
    // No signal on a series whose median is 0 (libs/domain viewSignals).
    for (const series of ['reach', 'newlyReached'] as const)
      if (adoption.medians[series] === 0)
        expect(adoption.signals.filter((s) => s.series === series)).toEqual([]);

    const window = (await admin.get('/api/olievlek/adoption?from=2025-01&to=2025-06'))
      .body as AdoptionDto;
    expect(window.months.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(window.months.at(-1)?.on).toBe('2025-06-30');
    const scoped = (await director.get('/api/olievlek/adoption')).body as AdoptionDto;
    expect(scoped.unit.name).toBe(DEMO_SCOPE_OF_DIRECTOR);
    expect(scoped.months.at(-1)?.teams).toBe(16);

    const future = addDays(today, 40).slice(0, 7);
    expectApiError(
      await admin.get(`/api/olievlek/adoption?to=${future}`),
      400,
      'OLIEVLEK_DATE_IN_FUTURE',
    );
    expectApiError(
      await admin.get('/api/olievlek/adoption?from=2025-06&to=2025-01'),
      400,
      'OLIEVLEK_RANGE_INVALID',
    );
    expectApiError(
      await admin.get('/api/olievlek/adoption?from=2010-01&to=2025-01'),
      400,
      'OLIEVLEK_RANGE_INVALID',
    );
    expectApiError(
      await admin.get('/api/olievlek/adoption?from=2025-13'),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await admin.get('/api/olievlek/adoption?from=januari'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('records spread links: validated, no duplicates, only for your own teams, and R grows', async () => {
    const cases = (await admin.get('/api/cases')).body as CaseSummaryDto[];
    const mine = (await ambassador.get('/api/cases/caseload')).body.cases as CaseSummaryDto[];
    // Closed cases count too: the ambassador was (and so may record for) their team.
    const myTeams = new Set(
      cases
        .filter((c) => c.ambassadors.some((p) => p.name === 'Sanne Bakker'))
        .map((c) => c.team.id),
    );
    const source = mine.find((c) => c.stage === 'practising') as CaseSummaryDto;
    expect(source).toBeDefined();
    const strangers = units.filter((u) => u.kind === 'team' && !myTeams.has(u.id) && !u.archivedAt);
    const practice = practices[0];

    const valid = {
      sourceTeamId: source.team.id,
      targetTeamId: strangers[0].id,
      practiceId: practice.id,
      on: today,
      note: 'Gezien op de themadag.',
    };
    const created = await ambassador.post('/api/spread-links', valid);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        source: { id: source.team.id, name: source.team.name, kind: 'team' },
        target: expect.objectContaining({ id: strangers[0].id }),
        practice: { id: practice.id, title: practice.title },
        on: today,
        note: 'Gezien op de themadag.',
        crossDepartment: byId(source.team.id).parentId !== strangers[0].parentId,
      }),
    );
    // The link makes its practising source a spreading team, on its case page too.
    const detail = await ambassador.get(`/api/cases/${source.id}`);
    expect(detail.body.stage).toBe('spreading');

    expectApiError(await ambassador.post('/api/spread-links', valid), 409, 'SPREAD_LINK_DUPLICATE');
    const refused: Array<[Record<string, unknown>, number, string]> = [
      [{ targetTeamId: source.team.id }, 400, 'SPREAD_LINK_SAME_TEAM'],
      [{ on: addDays(today, 1) }, 400, 'SPREAD_LINK_INVALID_DATE'],
      [{ on: '1999-12-31' }, 400, 'SPREAD_LINK_INVALID_DATE'],
      [{ on: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ targetTeamId: 'not-a-team' }, 400, 'TEAM_NOT_FOUND'],
      [{ targetTeamId: strangers[0].parentId }, 400, 'TEAM_NOT_FOUND'],
      [{ practiceId: 'not-a-practice' }, 400, 'PRACTICE_NOT_FOUND'],
      [{ note: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      [{ sourceTeamId: strangers[1].id, targetTeamId: strangers[2].id }, 403, 'FORBIDDEN_SCOPE'],
    ];
    for (const [change, status, code] of refused)
      expectApiError(
        await ambassador.post('/api/spread-links', { ...valid, ...change }),
        status,
        code,
      );
    expectApiError(await director.post('/api/spread-links', valid), 403, 'FORBIDDEN_ROLE');

    // A team member records what their own team took up, and nothing for other teams.
    const board = (await member.get('/api/board')).body;
    const ownTeam = board.teams[0].team.id as string;
    const learned = await member.post('/api/spread-links', {
      sourceTeamId: strangers[1].id,
      targetTeamId: ownTeam,
      on: addDays(today, -10),
    });
    expect(learned.status).toBe(201);
    expect(learned.body.practice).toBeNull();
    expectApiError(
      await member.post('/api/spread-links', {
        sourceTeamId: strangers[1].id,
        targetTeamId: ownTeam,
        on: today,
      }),
      409,
      'SPREAD_LINK_DUPLICATE',
    );
    expectApiError(
      await member.post('/api/spread-links', {
        sourceTeamId: ownTeam,
        targetTeamId: strangers[1].id,
        on: today,
      }),
      403,
      'FORBIDDEN_SCOPE',
    );

    // R: a spreading team that inspires one more team raises the mean.
    const before = (await timed(admin, '/api/olievlek/spread', '(after a write)'))
      .body as SpreadGraphDto;
    const spreader = before.teams.find(
      (team) =>
        team.stage === 'spreading' &&
        before.links.some((l) => l.source.id === team.id) &&
        cases.some((c) => c.team.id === team.id),
    ) as SpreadGraphDto['teams'][number];
    expect(spreader).toBeDefined();
    const inspired = new Set(
      before.links.filter((l) => l.source.id === spreader.id).map((l) => l.target.id),
    );
    const fresh = strangers.find((s) => s.id !== spreader.id && !inspired.has(s.id)) as OrgUnitDto;
    const link = await admin.post('/api/spread-links', {
      sourceTeamId: spreader.id,
      targetTeamId: fresh.id,
      on: today,
    });
    expect(link.status).toBe(201);
    const after = (await admin.get('/api/olievlek/spread')).body as SpreadGraphDto;
    expect(after.spreadFactor?.denominator).toBe(before.spreadFactor?.denominator);
    expect(after.spreadFactor?.numerator).toBe((before.spreadFactor?.numerator ?? 0) + 1);
    expect(after.spreadFactor?.value).toBeGreaterThan(before.spreadFactor?.value ?? 0);
    expect(after.links.find((l) => l.id === link.body.id)).toBeDefined();
    expect(after.links.find((l) => l.id === created.body.id)?.note).toBe('Gezien op de themadag.');
    const view = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    expect(view.figures.spreadFactor).toEqual(after.spreadFactor);

    // The latest links a graph can show, with the count of all; ?limit= asks for fewer or more.
    expect(after.limit).toBe(SPREAD_LINKS_DEFAULT);
    expect(after.linkCount).toBe(after.links.length); // the demo has fewer than the default
    const latest = (await admin.get('/api/olievlek/spread?limit=2')).body as SpreadGraphDto;
    expect(latest.linkCount).toBe(after.linkCount);
    expect(latest.links.map((l) => l.id)).toEqual(after.links.slice(0, 2).map((l) => l.id));
    expect(latest.links[0].on >= latest.links[1].on).toBe(true);
    expect(after.links.every((l) => l.on <= latest.links[1].on || latest.links.includes(l)));
    const shown = new Set(latest.links.flatMap((l) => [l.source.id, l.target.id]));
    expect(new Set(latest.teams.map((team) => team.id))).toEqual(shown);
    expect(latest.spreadFactor).toEqual(after.spreadFactor);
    expectApiError(
      await admin.get(`/api/olievlek/spread?limit=${SPREAD_LINKS_MAX + 1}`),
      400,
      'VALIDATION_FAILED',
    );

    // Removing: the one who recorded it, or an admin; every change is in the audit log.
    const other = await t.signedIn('r.vermeulen@voorbeeldstad.example');
    expectApiError(
      await other.delete(`/api/spread-links/${created.body.id}`),
      403,
      'SPREAD_LINK_NOT_RECORDER',
    );
    expect((await ambassador.delete(`/api/spread-links/${created.body.id}`)).status).toBe(204);
    expectApiError(
      await ambassador.delete(`/api/spread-links/${created.body.id}`),
      404,
      'SPREAD_LINK_NOT_FOUND',
    );
    expect((await admin.delete(`/api/spread-links/${learned.body.id}`)).status).toBe(204);
    const audit = (await admin.get('/api/audit?objectType=spread_link')).body.events as Array<{
      action: string;
    }>;
    expect(audit.map((e) => e.action).sort()).toEqual([
      'spread_link.create',
      'spread_link.create',
      'spread_link.create',
      'spread_link.delete',
      'spread_link.delete',
    ]);
  });

  it('shows a change at once: a case opened today reaches its team', async () => {
    const before = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    // A team that is nobody's partner: a partner in a running step would start at `experimenting`.
    const partners = new Set(
      (
        (await t.dataSource.query(
          'SELECT partner_team_id AS id FROM agreement WHERE partner_team_id IS NOT NULL',
        )) as Array<{ id: string }>
      ).map((r) => r.id),
    );
    const unreached = before.units.find(
      (u) => u.kind === 'team' && u.stage === 'not-reached' && !partners.has(u.id),
    ) as OlievlekViewDto['units'][number];
    expect((await admin.post('/api/cases', { teamId: unreached.id })).status).toBe(201);
    const after = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    expect(after.units.find((u) => u.id === unreached.id)?.stage).toBe('intake');
    expect(after.figures.stages.intake).toBe(before.figures.stages.intake + 1);
    expect(after.figures.stages['not-reached']).toBe(before.figures.stages['not-reached'] - 1);
    // The past does not change: a year ago the team was not reached either way.
    const yearAgo = `/api/olievlek?date=${addDays(today, -365)}&unitId=${unreached.id}`;
    expect(((await admin.get(yearAgo)).body as OlievlekViewDto).units[0].stage).toBe('not-reached');
  });

  it('suggests next-best teams to ambassadors: unreached, seen from two sides or more', async () => {
    const res = await timed(ambassador, '/api/olievlek/next-best-teams', '(after a write)');
    expect(res.status).toBe(200);
    const all = (await ambassador.get(`/api/olievlek/next-best-teams?limit=${NEXT_BEST_MAX}`))
      .body as NextBestTeamsDto;
    const list = all.teams;
    const view = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    const stageOf = new Map(view.units.map((u) => [u.id, u.stage]));
    expect(list.length).toBeGreaterThan(0);
    expect(all.total).toBe(list.length); // the demo organisation has fewer than the most
    expect(list.map((n) => n.exposure)).toEqual(
      [...list.map((n) => n.exposure)].sort((a, b) => b - a),
    );
    for (const next of list) {
      expect(next.exposure).toBeGreaterThanOrEqual(2);
      expect(stageOf.get(next.team.id)).toBe('not-reached');
      expect(next.sourceCount).toBe(next.exposure);
      expect(next.sources).toHaveLength(Math.min(next.exposure, NEXT_BEST_SOURCES));
      expect(next.practices.length).toBeLessThanOrEqual(NEXT_BEST_PRACTICES);
      for (const source of next.sources)
        expect(['practising', 'spreading']).toContain(stageOf.get(source.team.id));
      expect(next.department?.id).toBe(byId(next.team.id).parentId);
    }

    // The first few by default, the same first ones on asking for fewer, and the total always.
    const first = res.body as NextBestTeamsDto;
    expect(first.limit).toBe(NEXT_BEST_DEFAULT);
    expect(first.total).toBe(all.total);
    expect(first.teams).toEqual(list.slice(0, NEXT_BEST_DEFAULT));
    const one = (await ambassador.get('/api/olievlek/next-best-teams?limit=1'))
      .body as NextBestTeamsDto;
    expect(one).toEqual({ teams: list.slice(0, 1), total: all.total, limit: 1 });
    for (const limit of ['0', String(NEXT_BEST_MAX + 1), 'veel'])
      expectApiError(
        await ambassador.get(`/api/olievlek/next-best-teams?limit=${limit}`),
        400,
        'VALIDATION_FAILED',
      );

    const directorate = unit('Directie Fysieke Leefomgeving');
    const scoped = (await ambassador.get(`/api/olievlek/next-best-teams?unitId=${directorate.id}`))
      .body as NextBestTeamsDto;
    expect(scoped.teams.every((n) => within(n.team.id, directorate.id))).toBe(true);
    expectApiError(await director.get('/api/olievlek/next-best-teams'), 403, 'FORBIDDEN_ROLE');
  });

  it("shows the evidence per practice, for the caller's scope", async () => {
    const res = await timed(admin, '/api/olievlek/practice-evidence', '(after a write)');
    expect(res.status).toBe(200);
    const evidence = res.body as PracticeEvidenceDto[];
    expect(new Set(evidence.map((e) => e.practice.id))).toEqual(
      new Set(practices.map((p) => p.id)),
    );
    const tried = evidence.filter((e) => e.tried > 0);
    expect(tried.length).toBeGreaterThan(5);
    expect(tried.map((e) => e.tried)).toEqual([...tried.map((e) => e.tried)].sort((a, b) => b - a));
    expect(
      evidence.slice(tried.length).every((e) => e.tried === 0 && e.reachedRoutine === null),
    ).toBe(true);
    for (const e of tried) {
      expect(e.reachedRoutine?.denominator).toBe(e.tried);
      expect(e.reachedRoutine?.numerator).toBeLessThanOrEqual(e.tried);
      expect(e.dropped?.numerator).toBeLessThanOrEqual(e.tried);
      if ((e.reachedRoutine?.numerator ?? 0) > 0) expect(e.medianWeeksToRoutine).toBeGreaterThan(0);
      else expect(e.medianWeeksToRoutine).toBeNull();
    }
    expect(sum(tried.map((e) => e.reachedRoutine?.numerator ?? 0))).toBeGreaterThan(0);

    const scoped = (await director.get('/api/olievlek/practice-evidence'))
      .body as PracticeEvidenceDto[];
    const all = new Map(evidence.map((e) => [e.practice.id, e.tried]));
    for (const e of scoped) expect(e.tried).toBeLessThanOrEqual(all.get(e.practice.id) ?? 0);
    expect(sum(scoped.map((e) => e.tried))).toBeLessThan(sum(evidence.map((e) => e.tried)));
    expect((await member.get('/api/olievlek/practice-evidence')).status).toBe(200);
  });
});

describe('the olievlek map above its team limit (OLIEVLEK_MAP_TEAMS_MAX)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let director: HttpClient;
  let units: OrgUnitDto[];
  const unit = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;
  const teamsUnder = (id: string): number =>
    units
      .filter((u) => u.parentId === id)
      .reduce((n, u) => n + (u.kind === 'team' ? 1 : teamsUnder(u.id)), 0);

  beforeAll(async () => {
    // 'Werk en Inkomen' has exactly 6 teams: at the limit, still shown.
    t = await startTestApp({ OLIEVLEK_MAP_TEAMS_MAX: '6' });
    admin = await t.signedIn(DEMO.admin);
    director = await t.signedIn(DEMO.director);
    units = (await admin.get('/api/org-units')).body;
  });
  afterAll(() => t.close());

  it('stops at the departments for a large subtree, each with its teams per stage', async () => {
    const res = await admin.get('/api/olievlek');
    expect(res.status).toBe(200);
    const view = res.body as OlievlekViewDto;
    expect(view.teamsShown).toBe(false);
    expect(view.mapTeamsMax).toBe(6);
    expect(view.units.some((u) => u.kind === 'team')).toBe(false);
    // Every unit above the teams is still there, once; nothing else changes.
    expect(view.units.map((u) => u.id).sort()).toEqual(
      units
        .filter((u) => u.kind !== 'team')
        .map((u) => u.id)
        .sort(),
    );
    expect(view.figures.teams).toBe(units.filter((u) => u.kind === 'team').length);
    expectConsistent(view.figures);
    view.children.forEach(expectConsistent);
    expect(view.children.map((c) => c.unit.kind)).toEqual(Array(4).fill('directorate'));
    expect(view.path).toEqual([view.unit]);
    expect(view.firstDate).toMatch(/^\d{4}-\d{2}-01$/);
    const departments = view.units.filter((u) => u.kind === 'department');
    expect(departments.length).toBeGreaterThan(0);
    for (const d of departments) {
      expect(sum(Object.values(d.stages ?? {}))).toBe(teamsUnder(d.id));
      expect(d.headcount).toBeGreaterThan(0);
    }
    for (const stage of Object.keys(view.figures.stages) as Array<keyof typeof view.figures.stages>)
      expect(sum(departments.map((d) => d.stages?.[stage] ?? 0))).toBe(view.figures.stages[stage]);

    // A director's own directorate (16 teams) is above the limit too.
    const scoped = (await director.get('/api/olievlek')).body as OlievlekViewDto;
    expect(scoped.unit.name).toBe(DEMO_SCOPE_OF_DIRECTOR);
    expect(scoped.teamsShown).toBe(false);
    expect(scoped.units.map((u) => u.kind).sort()).toEqual(
      ['directorate', ...Array(3).fill('department')].sort(),
    );
  });

  it('shows the teams again after zooming into a department at or under the limit', async () => {
    const coarse = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    const department = unit('Werk en Inkomen');
    expect(teamsUnder(department.id)).toBe(6);
    const res = await admin.get(`/api/olievlek?unitId=${department.id}`);
    expect(res.status).toBe(200);
    const zoomed = res.body as OlievlekViewDto;
    expect(zoomed.teamsShown).toBe(true);
    expect(zoomed.mapTeamsMax).toBe(6);
    const teams = zoomed.units.filter((u) => u.kind === 'team');
    expect(teams).toHaveLength(6);
    expect(teams.every((u) => u.stage !== null && u.parentId === department.id)).toBe(true);
    // The department's counts on the coarse map are its teams' stages.
    const counts = coarse.units.find((u) => u.id === department.id)?.stages;
    expect(counts).toEqual(zoomed.figures.stages);
    for (const [stage, n] of Object.entries(counts ?? {}))
      expect(teams.filter((u) => u.stage === stage)).toHaveLength(n);
    // A single team is always itself.
    const single = (await admin.get(`/api/olievlek?unitId=${teams[0].id}`)).body as OlievlekViewDto;
    expect(single.teamsShown).toBe(true);
    expect(single.units.map((u) => u.id)).toEqual([teams[0].id]);
  });

  it('keeps every unit, teams included, in the download of the units table', async () => {
    const res = await admin.get('/api/exports/olievlek?format=csv&table=units');
    expect(res.status).toBe(200);
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(units.length + 1);
    for (const team of units.filter((u) => u.kind === 'team'))
      expect(lines.some((line) => line.includes(team.name))).toBe(true);
  });
});
