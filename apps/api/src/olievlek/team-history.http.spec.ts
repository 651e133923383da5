import {
  OLIEVLEK_ROUTES,
  type OrgUnitDto,
  type TeamHistoryDto,
  type UserDto,
} from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';
import { DEMO_SCOPE_OF_DIRECTOR } from '../demo/demo-data';

const STAGE_ORDER = ['not-reached', 'intake', 'experimenting', 'practising', 'spreading'];

describe('one team from the olievlek view over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let member: HttpClient;
  let director: HttpClient;
  let units: OrgUnitDto[];
  let names: string[];
  const secret = 'GEHEIME-NOTITIE-TEAM';
  const unit = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;
  const byId = (id: string) => units.find((u) => u.id === id) as OrgUnitDto;
  const within = (id: string, ancestor: string): boolean => {
    for (let u: OrgUnitDto | undefined = byId(id); u; u = u.parentId ? byId(u.parentId) : undefined)
      if (u.id === ancestor) return true;
    return false;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    member = await t.signedIn(DEMO.team);
    director = await t.signedIn(DEMO.director);
    units = (await admin.get('/api/org-units')).body;
    names = ((await admin.get('/api/users')).body as UserDto[]).map((u) => u.name);
    // A private note and a reflection on the team's case and step: neither may show.
    const cases = (await admin.get('/api/cases')).body as Array<{
      id: string;
      team: { id: string };
    }>;
    const own = cases.find((c) => c.team.id === unit('Klantmanagement Werk').id);
    const note = await admin.post(`/api/cases/${own?.id}/observations`, {
      observedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
        new Date(),
      ),
      text: secret,
    });
    expect(note.status).toBe(201);
  });
  afterAll(() => t.close());

  it("shows a director a team of their scope: its stage history and its steps' rhythm", async () => {
    const team = unit('Klantmanagement Werk');
    expect(team.headcount).toBeGreaterThanOrEqual(5);
    const res = await director.get(OLIEVLEK_ROUTES.team(team.id));
    expect(res.status).toBe(200);
    const body = res.body as TeamHistoryDto;
    expect(body.team).toEqual({ id: team.id, name: team.name, kind: 'team' });
    expect(body.path[0].name).toBe(DEMO_SCOPE_OF_DIRECTOR);
    expect(body.path.at(-1)?.id).toBe(team.id);
    // The history: changes only, oldest first, none after today, ending at today's stage.
    expect(body.stages.length).toBeGreaterThan(0);
    for (let i = 1; i < body.stages.length; i++) {
      expect(body.stages[i].from > body.stages[i - 1].from).toBe(true);
      expect(body.stages[i].stage).not.toBe(body.stages[i - 1].stage);
    }
    expect(body.stages.every((s) => s.from <= body.today)).toBe(true);
    expect(body.stage).toBe(body.stages.at(-1)?.stage);
    expect(STAGE_ORDER).toContain(body.stage);
    // The steps with their rhythm by period, never by day or by person.
    expect(body.rhythmWithheld).toBe(false);
    expect(body.steps.length).toBeGreaterThan(0);
    for (const step of body.steps) {
      expect(step.rhythm?.length).toBeGreaterThan(0);
      expect(step.habit).toEqual(expect.any(String));
      expect(Object.keys(step).sort()).toEqual(
        ['cadence', 'endDate', 'habit', 'id', 'rhythm', 'startDate', 'status', 'title'].sort(),
      );
      for (const cell of step.rhythm ?? [])
        expect(Object.keys(cell).sort()).toEqual(['end', 'key', 'start', 'status']);
    }
    const text = JSON.stringify(body);
    expect(text).not.toContain(secret);
    for (const name of names) expect(text).not.toContain(`"${name}"`);
    expect(text).not.toMatch(/owner|reflection|reason|successCriterion|"by"|"at"/);
  });

  it('withholds the rhythm of a team below k from directors, not from ambassadors', async () => {
    const team = unit('Klantmanagement Werk');
    const small = await admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      headcount: 3,
    });
    expect(small.status).toBe(200);
    try {
      const seen = (await director.get(OLIEVLEK_ROUTES.team(team.id))).body as TeamHistoryDto;
      expect(seen.k).toBe(5);
      expect(seen.rhythmWithheld).toBe(true);
      expect(seen.steps.length).toBeGreaterThan(0);
      expect(seen.steps.every((s) => s.rhythm === null && s.habit === null)).toBe(true);
      // The stage history is a figure of the team, not of its members: it stays.
      expect(seen.stages.length).toBeGreaterThan(0);
      const full = (await ambassador.get(OLIEVLEK_ROUTES.team(team.id))).body as TeamHistoryDto;
      expect(full.rhythmWithheld).toBe(false);
      expect(full.steps.every((s) => Array.isArray(s.rhythm))).toBe(true);
    } finally {
      await admin.patch(`/api/org-units/${team.id}`, {
        version: small.body.version,
        headcount: team.headcount,
      });
    }
  });

  it('refuses a team outside the director’s scope, and answers ambassadors and admins', async () => {
    const scope = unit(DEMO_SCOPE_OF_DIRECTOR);
    const outside = units.find((u) => u.kind === 'team' && !within(u.id, scope.id)) as OrgUnitDto;
    expectApiError(await director.get(OLIEVLEK_ROUTES.team(outside.id)), 403, 'FORBIDDEN_SCOPE');
    expect((await ambassador.get(OLIEVLEK_ROUTES.team(outside.id))).status).toBe(200);
    expect((await admin.get(OLIEVLEK_ROUTES.team(outside.id))).status).toBe(200);
  });

  it('answers 404 for an unknown unit or one that is not a team, 403 for team members', async () => {
    expectApiError(
      await director.get(OLIEVLEK_ROUTES.team('00000000-0000-4000-8000-000000000000')),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectApiError(
      await director.get(OLIEVLEK_ROUTES.team(unit('Werk en Inkomen').id)),
      404,
      'ORG_UNIT_NOT_FOUND',
    );
    expectApiError(
      await member.get(OLIEVLEK_ROUTES.team(unit('Klantmanagement Werk').id)),
      403,
      'FORBIDDEN_ROLE',
    );
  });
});
