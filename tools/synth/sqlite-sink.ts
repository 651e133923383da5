import Database from 'better-sqlite3';
import type { Practice } from './history';
import type { Column, Sink, Value } from './sink';

interface PracticeRow {
  id: string;
  title_nl: string;
  cadence_kind: Practice['cadenceKind'];
  cadence_every: number | null;
  needs_partner: number;
}

/**
 * Bulk load into a SQLite file: prepared statements inside big transactions, with the journal
 * and fsync off while loading (the file is only renamed into the cache once complete) and WAL
 * switched back on at the end, as the API runs it.
 */
export class SqliteSink implements Sink {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private pending = 0;

  constructor(path: string) {
    this.db = new Database(path, { fileMustExist: true });
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -2000000');
    this.db.pragma('temp_store = MEMORY');
    // Rows are generated parent first; foreign keys are checked once at the end instead of per row.
    this.db.pragma('foreign_keys = OFF');
    this.db.exec('BEGIN');
  }

  async practices(): Promise<Practice[]> {
    const rows = this.db
      .prepare(
        'SELECT id, title_nl, cadence_kind, cadence_every, needs_partner FROM practice WHERE retired_at IS NULL ORDER BY id',
      )
      .all() as PracticeRow[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title_nl,
      cadenceKind: r.cadence_kind,
      cadenceEvery: r.cadence_every,
      needsPartner: !!r.needs_partner,
    }));
  }

  async columns(table: string): Promise<string[] | null> {
    const rows = this.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{
      name: string;
    }>;
    return rows.length ? rows.map((r) => r.name) : null;
  }

  async count(table: string): Promise<number> {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  async insert(table: string, columns: readonly Column[], rows: Value[][]): Promise<void> {
    const key = `${table}(${columns.map((c) => c[0]).join(',')})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, statement);
    }
    const bools = columns.map((c) => c[1] === 'bool');
    for (const row of rows) {
      statement.run(row.map((v, i) => (bools[i] ? (v ? 1 : 0) : v)));
    }
    this.pending += rows.length;
    if (this.pending >= 250_000) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  async withoutIndexes(table: string): Promise<() => Promise<void>> {
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
      )
      .all(table) as Array<{ name: string; sql: string }>;
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name}"`);
    return async () => {
      for (const index of indexes) this.db.exec(index.sql);
    };
  }

  async finish(): Promise<void> {
    this.db.exec('COMMIT');
    const broken = this.db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length > 0) {
      throw new Error(
        `synth: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`,
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.close();
  }

  async abort(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
