import { Client } from 'pg';
import type { Practice } from './history';
import type { Column, Sink, Value } from './sink';

const ARRAY_TYPE = { text: 'text[]', int: 'int[]', bool: 'bool[]' } as const;
const BATCH = 20_000;

/**
 * Bulk load into PostgreSQL: one `INSERT … SELECT FROM unnest($1::text[], …)` per 20,000 rows
 * (one parameter per column, however many rows), in one transaction, then ANALYZE so the
 * planner knows the tables as autovacuum soon would.
 */
export class PostgresSink implements Sink {
  readonly kind = 'postgres' as const;
  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<PostgresSink> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    await client.query('BEGIN');
    return new PostgresSink(client);
  }

  async practices(): Promise<Practice[]> {
    const { rows } = await this.client.query<{
      id: string;
      title_nl: string;
      cadence_kind: Practice['cadenceKind'];
      cadence_every: number | null;
      needs_partner: boolean;
    }>(
      'SELECT id, title_nl, cadence_kind, cadence_every, needs_partner FROM practice WHERE retired_at IS NULL ORDER BY id',
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title_nl,
      cadenceKind: r.cadence_kind,
      cadenceEvery: r.cadence_every,
      needsPartner: r.needs_partner,
    }));
  }

  async columns(table: string): Promise<string[] | null> {
    const { rows } = await this.client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return rows.length ? rows.map((r) => r.column_name) : null;
  }

  async count(table: string): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number(rows[0].n);
  }

  async insert(table: string, columns: readonly Column[], rows: Value[][]): Promise<void> {
    const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')}) SELECT * FROM unnest(${columns
      .map((c, i) => `$${i + 1}::${ARRAY_TYPE[c[1]]}`)
      .join(', ')})`;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const arrays = columns.map((_, i) => batch.map((row) => row[i]));
      await this.client.query(sql, arrays);
    }
  }

  async withoutIndexes(table: string): Promise<() => Promise<void>> {
    // Not the primary key: that one backs a constraint, and the rows arrive in no key order.
    const { rows } = await this.client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = $1
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [table],
    );
    for (const index of rows) await this.client.query(`DROP INDEX "${index.indexname}"`);
    return async () => {
      await this.client.query("SET maintenance_work_mem = '512MB'");
      for (const index of rows) await this.client.query(index.indexdef);
    };
  }

  async finish(): Promise<void> {
    await this.client.query('COMMIT');
    await this.client.query('ANALYZE');
    await this.client.end();
  }

  async abort(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end();
  }
}
