import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO, startTestApp, TestApp } from '../../test/test-app';

const script = resolve(__dirname, '../../../../tools/scripts/backup.mjs');
const sqliteOnly = process.env['DATABASE_URL']?.startsWith('postgres') ? describe.skip : describe;

// The PostgreSQL run (pg_dump) is not covered here yet: the SQLite backup API is the default path.
sqliteOnly('npm run backup on SQLite', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'olievlek-backup-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a consistent copy while the server is writing, and restores it', async () => {
    const admin = await t.signedIn(DEMO.admin);
    const units = (await admin.get('/api/org-units')).body as Array<{ id: string; name: string }>;
    const parent = units.find((u) => u.name === 'Financiën') as { id: string };
    const before = (
      await admin.post('/api/org-units', {
        parentId: parent.id,
        name: 'Voor de backup',
        headcount: 3,
      })
    ).body;

    // Keep writing while the backup runs.
    let writing = true;
    const writes = (async () => {
      let i = 0;
      while (writing && i < 200)
        await admin.post('/api/org-units', {
          parentId: parent.id,
          name: `Tijdens ${i++}`,
          headcount: 1,
        });
      return i;
    })();
    const database = (t.dataSource.options as { database: string }).database;
    const target = join(dir, 'copy.sqlite');
    // Asynchronously, so the server in this process keeps answering writes during the backup.
    const run = await promisify(execFile)(process.execPath, [script, 'backup', target], {
      env: { ...process.env, DATABASE_URL: `sqlite:${database}` },
    });
    writing = false;
    const written = await writes;
    expect(run.stdout).toContain('olievlek backup:');
    expect(written).toBeGreaterThan(0);

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM org_unit WHERE id = ?').get(before.id)).toEqual({
      name: 'Voor de backup',
    });
    copy.close();

    const restoredDb = join(dir, 'restored.sqlite');
    const restore = spawnSync(process.execPath, [script, 'restore', target], {
      env: { ...process.env, DATABASE_URL: `sqlite:${restoredDb}` },
      encoding: 'utf8',
    });
    expect(restore.status).toBe(0);
    const restored = new Database(restoredDb, { readonly: true });
    const live = await t.dataSource.query('SELECT COUNT(*) AS n FROM app_user');
    expect(restored.prepare('SELECT COUNT(*) AS n FROM app_user').get()).toEqual({
      n: Number(live[0].n),
    });
    restored.close();
  });

  it('refuses to restore a file that is not a database, and changes nothing', () => {
    const restoredDb = join(dir, 'untouched.sqlite');
    const run = spawnSync(process.execPath, [script, 'restore', script], {
      env: { ...process.env, DATABASE_URL: `sqlite:${restoredDb}` },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/olievlek restore:/);
  });
});
