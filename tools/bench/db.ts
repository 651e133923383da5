import Database from 'better-sqlite3';
import { Pool } from 'pg';

/** The baseline's one way into a database: plain SQL with `?` placeholders, rows as objects. */
export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: ReadonlyArray<string | number>): Promise<T[]>;
  hasTable(name: string): boolean;
  close(): Promise<void>;
}

/** SQLite through better-sqlite3, read-only next to the running API (WAL allows both). */
export function openSqlite(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const tables = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{
        name: string;
      }>
    ).map((r) => r.name),
  );
  return {
    kind: 'sqlite',
    async all<T>(sql: string, params: ReadonlyArray<string | number> = []): Promise<T[]> {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params) as T[];
    },
    hasTable: (name) => tables.has(name),
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL through a small pg pool, so independent queries run at once, as the API's do. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new Pool({ connectionString: url, max: 4 });
  const { rows } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  const tables = new Set(rows.map((r) => r.table_name));
  return {
    kind: 'postgres',
    async all<T>(sql: string, params: ReadonlyArray<string | number> = []): Promise<T[]> {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      const result = await pool.query({ text, values: [...params] });
      return result.rows as T[];
    },
    hasTable: (name) => tables.has(name),
    async close() {
      await pool.end();
    },
  };
}
