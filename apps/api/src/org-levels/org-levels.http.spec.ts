import type { OrgLevelsDto } from '@olievlek/shared';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

describe('organisation levels over HTTP', () => {
  let t: TestApp;
  let admin: HttpClient;
  let director: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    director = await t.signedIn(DEMO.director);
  });
  afterAll(() => t.close());

  it('starts with today’s three levels below the organisation, department level 2', async () => {
    const res = await director.get('/api/org-levels');
    expect(res.status).toBe(200);
    expect(res.body as OrgLevelsDto).toEqual({
      names: [
        { nl: 'Directie', en: 'Directorate' },
        { nl: 'Afdeling', en: 'Department' },
        { nl: 'Team', en: 'Team' },
      ],
      departmentLevel: 2,
      treeDepth: 3,
    });
  });

  it('lets an admin name five levels, trimmed, and keeps them', async () => {
    const names = [
      { nl: ' Cluster ', en: 'Cluster' },
      { nl: 'Directie', en: 'Directorate' },
      { nl: 'Afdeling', en: 'Department' },
      { nl: 'Team', en: 'Team' },
      { nl: 'Subteam', en: 'Sub-team' },
    ];
    const res = await admin.put('/api/org-levels', { names, departmentLevel: 3 });
    expect(res.status).toBe(200);
    expect(res.body.names[0]).toEqual({ nl: 'Cluster', en: 'Cluster' });
    expect((await director.get('/api/org-levels')).body).toMatchObject({ departmentLevel: 3 });
    const audit = await admin.get('/api/audit?action=org.levels.update');
    expect(JSON.stringify(audit.body)).toContain('org.levels.update');
  });

  it('refuses a bad list whole, with the first error’s code and every field, and changes nothing', async () => {
    const before = (await admin.get('/api/org-levels')).body;
    const dup = await admin.put('/api/org-levels', {
      names: [
        { nl: 'Directie', en: 'Directorate' },
        { nl: 'directie', en: '' },
        { nl: 'Team', en: 'Team' },
      ],
      departmentLevel: 2,
    });
    expectApiError(dup, 400, 'ORG_LEVEL_NAME_DUPLICATE');
    expect(dup.body.fields).toEqual({
      'names.1.nl': 'ORG_LEVEL_NAME_DUPLICATE',
      'names.1.en': 'ORG_LEVEL_NAME_MISSING',
    });
    // The demo tree is three levels deep: two levels would leave its teams without one.
    expectApiError(
      await admin.put('/api/org-levels', {
        names: [
          { nl: 'Directie', en: 'Directorate' },
          { nl: 'Afdeling', en: 'Department' },
        ],
        departmentLevel: 2,
      }),
      400,
      'ORG_LEVELS_BELOW_TREE',
    );
    expectApiError(
      await admin.put('/api/org-levels', {
        names: [
          { nl: 'Directie', en: 'Directorate' },
          { nl: 'Afdeling', en: 'Department' },
          { nl: 'Team', en: 'Team' },
        ],
        departmentLevel: 3.5,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await admin.put('/api/org-levels', {
        names: Array(9).fill({ nl: 'x', en: 'x' }),
        departmentLevel: 1,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await admin.get('/api/org-levels')).body).toEqual(before);
    expectApiError(await director.put('/api/org-levels', before), 403, 'FORBIDDEN_ROLE');
  });
});
