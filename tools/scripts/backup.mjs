// `npm run backup [-- <file>]`: a consistent online copy of the database, while the app runs.
//  - SQLite: SQLite's backup API (better-sqlite3 `backup()`), never a file copy of a live WAL database.
//  - PostgreSQL: pg_dump in custom format.
// `npm run restore -- <file>` puts a backup back (stop the app first for SQLite).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import Database from 'better-sqlite3';

const [mode, fileArg] = process.argv.slice(2);
const url = process.env.DATABASE_URL?.trim() || 'sqlite:data/olievlek.sqlite';
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const fail = (message) => {
  console.error(`olievlek ${mode}: ${message}`);
  process.exit(1);
};

if (mode !== 'backup' && mode !== 'restore') fail('usage: backup.mjs backup|restore [file]');

if (url.startsWith('sqlite:')) {
  const raw = url.slice('sqlite:'.length);
  const db = isAbsolute(raw) ? raw : resolve(raw);
  if (mode === 'backup') {
    if (!existsSync(db)) fail(`no database at ${db}`);
    const target = resolve(fileArg ?? `backups/olievlek-${stamp}.sqlite`);
    mkdirSync(dirname(target), { recursive: true });
    const source = new Database(db, { fileMustExist: true });
    await source.backup(target);
    source.close();
    const check = new Database(target, { readonly: true });
    const ok = check.pragma('integrity_check', { simple: true });
    check.close();
    if (ok !== 'ok') fail(`the copy failed its integrity check: ${ok}`);
    console.log(`olievlek backup: ${target}`);
  } else {
    if (!fileArg || !existsSync(fileArg)) fail('name an existing backup file');
    let ok;
    try {
      const check = new Database(fileArg, { readonly: true, fileMustExist: true });
      ok = check.pragma('integrity_check', { simple: true });
      check.close();
    } catch (error) {
      ok = error.message;
    }
    if (ok !== 'ok') fail(`${fileArg} is not a sound SQLite backup (${ok}); nothing was changed`);
    mkdirSync(dirname(db), { recursive: true });
    for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
    copyFileSync(fileArg, db);
    console.log(`olievlek restore: ${fileArg} → ${db} (start the app again)`);
  }
} else if (/^postgres(ql)?:\/\//.test(url)) {
  if (mode === 'backup') {
    const target = resolve(fileArg ?? `backups/olievlek-${stamp}.dump`);
    mkdirSync(dirname(target), { recursive: true });
    const r = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, url], {
      stdio: 'inherit',
    });
    if (r.status !== 0) fail('pg_dump failed');
    console.log(`olievlek backup: ${target}`);
  } else {
    if (!fileArg || !existsSync(fileArg)) fail('name an existing backup file');
    const r = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, fileArg],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) fail('pg_restore failed');
    console.log(`olievlek restore: ${fileArg} → PostgreSQL`);
  }
} else {
  fail('DATABASE_URL must start with sqlite: or postgres://');
}
