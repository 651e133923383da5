import { startTestApp, TestApp } from '../../test/test-app';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'false' });
  });
  afterAll(() => t.close());

  it('have all run at boot, and undo and redo cleanly', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    const ran = await t.dataSource.query('SELECT name FROM migrations ORDER BY timestamp');
    expect(ran.map((r: { name: string }) => r.name)).toEqual([
      'Foundation1764000000000',
      'CaseFlow1764100000000',
      'SeedCatalogue1764100000001',
      'Board1764200000000',
      'Privacy1764350000000',
      'AuditIndexes1764360000000',
      'SpreadLinks1764400000000',
      'TeamTimeline1764450000000',
      'Mail1764500000000',
      'Import1764510000000',
      'Sso1764520000000',
      'AgreementLastCheckOff1764530000000',
      'LoginThrottle1764600000000',
      'Forums1764700000000',
      'OrgLevels1764800000000',
      'ServerSecret1764900000000',
      'AgreementEdits1764900442000',
      'CaseReopen1764900442100',
      'Measures1765000000000',
    ]);

    for (let i = 0; i < ran.length; i++) await t.dataSource.undoLastMigration();
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM migrations')).toEqual([
      { n: expect.anything() },
    ]);
    expect(await t.dataSource.showMigrations()).toBe(true);
    await t.dataSource.runMigrations();
    expect(await t.dataSource.showMigrations()).toBe(false);
    expect((await t.client().get('/api/health')).status).toBe(200);
  });

  it('leave an empty organisation when demo data is off', async () => {
    const rows = await t.dataSource.query('SELECT COUNT(*) AS n FROM org_unit');
    expect(Number(rows[0].n)).toBe(0);
  });
});
