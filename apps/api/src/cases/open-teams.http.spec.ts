import type { CaseDetailDto, OpenCaseTeamDto, OrgUnitDto } from '@olievlek/shared';
import { DEMO, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('GET /api/cases/open-teams: which teams already have an open case', () => {
  let t: TestApp;
  let admin: HttpClient;
  let ambassador: HttpClient;
  let department: OrgUnitDto;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    ambassador = await t.signedIn(DEMO.ambassador);
    const units = (await admin.get('/api/org-units')).body as OrgUnitDto[];
    department = units.find((u) => u.name === 'Publiekszaken') as OrgUnitDto;
  });
  afterAll(() => t.close());

  const openTeams = async (client: HttpClient) => {
    const res = await client.get('/api/cases/open-teams');
    expect(res.status).toBe(200);
    return res.body as OpenCaseTeamDto[];
  };

  it("names a team's open case from the moment it opens until it closes", async () => {
    const team = (
      await admin.post('/api/org-units', {
        parentId: department.id,
        name: 'Kiezerteam',
        headcount: 5,
      })
    ).body as OrgUnitDto;
    expect((await openTeams(ambassador)).some((r) => r.teamId === team.id)).toBe(false);

    const opened = (await ambassador.post('/api/cases', { teamId: team.id })).body as CaseDetailDto;
    expect((await openTeams(ambassador)).filter((r) => r.teamId === team.id)).toEqual([
      { teamId: team.id, caseId: opened.id },
    ]);
    // Admins read the same list; every case counts, not only the reader's own.
    expect(await openTeams(admin)).toContainEqual({ teamId: team.id, caseId: opened.id });

    await ambassador.post(`/api/cases/${opened.id}/close`, {
      version: opened.version,
      closingSummary: 'Klaar voor nu.',
    });
    expect((await openTeams(ambassador)).some((r) => r.teamId === team.id)).toBe(false);
  });

  it('holds one row per open case and nothing else: no names, notes or stages', async () => {
    const rows = await openTeams(ambassador);
    const open = (await ambassador.get('/api/cases?status=open')).body as Array<{
      id: string;
      team: { id: string };
    }>;
    expect(rows.map((r) => r.caseId).sort()).toEqual(open.map((c) => c.id).sort());
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['caseId', 'teamId']);
    expect(rows.every((r) => open.find((c) => c.id === r.caseId)?.team.id === r.teamId)).toBe(true);
  });

  it('is closed to team members and directors', async () => {
    for (const who of [DEMO.team, DEMO.director]) {
      const res = await (await t.signedIn(who)).get('/api/cases/open-teams');
      expect(res.status).toBe(403);
    }
  });
});
