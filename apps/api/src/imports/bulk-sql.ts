import type { EntityManager } from 'typeorm';

/**
 * Set-based writes for the import: thousands of rows in a few statements instead of one query
 * per row. Written once for SQLite (3.33+ has UPDATE … FROM) and PostgreSQL alike.
 */

const CHUNK = 400;

const isPostgres = (manager: EntityManager) => manager.connection.options.type === 'postgres';

function placeholders(manager: EntityManager, rows: number, columns: number): string {
  const pg = isPostgres(manager);
  let n = 0;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(pg ? `$${++n}` : '?');
    tuples.push(`(${cells.join(', ')})`);
  }
  return tuples.join(', ');
}

async function run(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('bulk writes need a transaction');
  const result = await runner.query(sql, params, true);
  return result.affected ?? 0;
}

export interface VersionedRow {
  id: string;
  version: number;
  values: ReadonlyArray<string | number | boolean | null>;
}

/**
 * Compare-and-set for many rows at once: `UPDATE t SET … FROM (VALUES …) v WHERE t.id = v.id AND
 * t.version = v.version`. Returns how many rows matched; fewer than given means someone else
 * changed one of them in the meantime (the caller refuses and the transaction rolls back).
 *
 * `set` maps each column to its SQL type cast ('integer', 'boolean' or null for text).
 */
export async function updateVersionedMany(
  manager: EntityManager,
  table: string,
  set: ReadonlyArray<[column: string, cast: 'integer' | 'boolean' | null]>,
  rows: readonly VersionedRow[],
  updatedAt: string,
): Promise<number> {
  let affected = 0;
  const pg = isPostgres(manager);
  const columns = ['id', 'version', ...set.map(([c]) => c)];
  const value = (column: string, cast: 'integer' | 'boolean' | null) =>
    cast === 'integer'
      ? `CAST(v.${column} AS integer)`
      : cast === 'boolean'
        ? pg
          ? `CAST(v.${column} AS boolean)`
          : `CAST(v.${column} AS integer)`
        : `v.${column}`;
  const assignments = set.map(([c, cast]) => `"${c}" = ${value(c, cast)}`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    for (const row of chunk) {
      params.push(row.id, row.version);
      for (const v of row.values) params.push(typeof v === 'boolean' && !pg ? Number(v) : v);
    }
    const stamp = pg ? `$${params.length + 1}` : '?';
    params.push(updatedAt);
    const sql =
      `WITH v(${columns.join(', ')}) AS (VALUES ${placeholders(manager, chunk.length, columns.length)}) ` +
      `UPDATE "${table}" SET ${assignments.join(', ')}, "version" = "${table}"."version" + 1, ` +
      `"updated_at" = ${stamp} FROM v WHERE "${table}"."id" = v.id AND "${table}"."version" = CAST(v.version AS integer)`;
    affected += await run(manager, sql, params);
  }
  return affected;
}

/** `DELETE FROM t WHERE column IN (…)`, in chunks. */
export async function deleteWhereIn(
  manager: EntityManager,
  table: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const pg = isPostgres(manager);
    const list = chunk.map((_, n) => (pg ? `$${n + 1}` : '?')).join(', ');
    await run(manager, `DELETE FROM "${table}" WHERE "${column}" IN (${list})`, [...chunk]);
  }
}

/** Inserts entity objects in chunks (one multi-row INSERT per chunk). */
export async function insertMany<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: readonly T[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + chunk) as never)
      .updateEntity(false)
      .execute();
  }
}
