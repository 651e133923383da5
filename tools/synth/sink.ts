import type { Practice } from './history';

export type ColumnType = 'text' | 'int' | 'bool';
export type Value = string | number | boolean | null;
export type Column = readonly [name: string, type: ColumnType];

/** Where generated rows go: a SQLite file or a PostgreSQL database, schema already migrated. */
export interface Sink {
  readonly kind: 'sqlite' | 'postgres';
  /** The catalogue the seed migration wrote, in a stable order. */
  practices(): Promise<Practice[]>;
  /** The table's columns, or null when the schema has no such table. */
  columns(table: string): Promise<string[] | null>;
  count(table: string): Promise<number>;
  /** Rows in one batch; the sink decides how (prepared statements, unnest arrays). */
  insert(table: string, columns: readonly Column[], rows: Value[][]): Promise<void>;
  /**
   * Drops a table's secondary indexes before a bulk load and gives back a function that creates
   * them again exactly as the migrations defined them (read back from the database's catalogue):
   * building an index once from sorted data is far faster than millions of random inserts.
   */
  withoutIndexes(table: string): Promise<() => Promise<void>>;
  /** Called once after the last insert: commit, refresh statistics, close. */
  finish(): Promise<void>;
  /** Close without committing (after a failure). */
  abort(): Promise<void>;
}
