import { startTestApp, TestApp } from '../../test/test-app';

/** Two requests' transactions at once must not share one fate (see sqlite-transactions.ts). */
describe('transactions side by side', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query('CREATE TABLE queue_probe (id varchar(10) PRIMARY KEY)');
  });
  afterAll(() => t.close());

  it("keeps a committed transaction's write when another one, begun earlier, rolls back", async () => {
    const rows = async () =>
      (
        (await t.dataSource.query('SELECT id FROM queue_probe ORDER BY id')) as Array<{
          id: string;
        }>
      ).map((r) => r.id);
    // The first awaits real I/O (a timer) mid-transaction and then fails; the second commits meanwhile.
    const failing = t.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO queue_probe (id) VALUES ('first')`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('rolled back on purpose');
    });
    const committing = t.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO queue_probe (id) VALUES ('second')`);
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await committing;
    expect(await rows()).toEqual(['second']);
  });
});
