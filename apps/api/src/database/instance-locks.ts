import { Logger } from '@nestjs/common';
import { DataSource, DataSourceOptions, EntityManager, QueryRunner } from 'typeorm';

/**
 * Several API instances on one database (README, "Operations").
 *
 * PostgreSQL: work that must happen once — the migrations at boot, loading the demo data — runs
 * under an advisory lock named after it, so instances that start at the same moment take turns
 * and the later one finds the work done.
 *
 * SQLite (several processes on one machine, one file in WAL mode): the database has one writer at
 * a time. A transaction takes the write lock when it begins (`BEGIN IMMEDIATE`) and waits for it
 * (the busy timeout), instead of SQLite's default of taking it at its first write: a transaction
 * that read first and then found another process had written in between would fail with
 * SQLITE_BUSY at once, and surface as a 500. Holding the write lock from the start also makes a
 * check-then-write inside one transaction (is the database empty? then seed) exclusive across
 * processes.
 */

/** Names of the PostgreSQL advisory locks (hashed to a key by `hashtext`). */
export const INSTANCE_LOCK = {
  migrations: 'olievlek:migrations',
  demoData: 'olievlek:demo-data',
} as const;

/** How long a starting instance waits for another one's migrations or seeding (SQLite). */
const SQLITE_LOCK_PATIENCE_MS = 5 * 60_000;

const logger = new Logger('Instances');

/**
 * Creates the data source and runs the pending migrations while holding the database's migration
 * lock: used as TypeOrmModule's `dataSourceFactory` (the options must say `migrationsRun: false`).
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, migrationsRun: false });
  await dataSource.initialize();
  try {
    if (dataSource.options.type === 'better-sqlite3') beginImmediately(dataSource);
    await runMigrationsExclusively(dataSource);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

/** Makes every top-level transaction on SQLite take the write lock as it begins. */
function beginImmediately(dataSource: DataSource): void {
  // better-sqlite3 has one connection and one query runner per data source.
  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = async (sql, ...rest) => {
    if (sql !== 'BEGIN TRANSACTION') return query(sql, ...rest);
    try {
      return await query('BEGIN IMMEDIATE TRANSACTION', ...rest);
    } catch (error) {
      // TypeORM marks the transaction active before BEGIN: undo that, or the runner would believe
      // a transaction is open that never began.
      (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      throw error;
    }
  };
}

export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const mode = dataSource.options.migrationsTransactionMode ?? 'each';
  const runner = dataSource.createQueryRunner();
  try {
    if (dataSource.options.type === 'postgres') {
      await runner.connect();
      await lockPostgres(runner, INSTANCE_LOCK.migrations);
      try {
        await dataSource.runMigrations({ transaction: mode });
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [INSTANCE_LOCK.migrations]);
      }
      return;
    }
    if (dataSource.options.type !== 'better-sqlite3') {
      await dataSource.runMigrations({ transaction: mode });
      return;
    }
    // One IMMEDIATE transaction around the check for pending migrations and all of them: another
    // process waits at BEGIN, then finds them recorded. Foreign keys off as TypeORM does for
    // migrations (the pragma only takes effect outside a transaction).
    await runner.query('PRAGMA foreign_keys = OFF');
    try {
      await beginSqliteImmediate(runner, 'migrations');
      try {
        await dataSource.runMigrations({ transaction: 'none' });
        await runner.query('COMMIT');
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.query('PRAGMA foreign_keys = ON');
    }
  } finally {
    await runner.release();
  }
}

/**
 * Runs `work` in a transaction that no other instance runs at the same time under the same name;
 * the work should check whether it is still needed (the other instance may have done it).
 */
export async function exclusiveTransaction<T>(
  dataSource: DataSource,
  name: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'postgres') {
    return dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      return work(manager);
    });
  }
  // SQLite: the transaction holds the write lock from BEGIN (see above); a long run elsewhere can
  // outlast one busy timeout, so BEGIN is tried again until the patience runs out.
  const deadline = Date.now() + SQLITE_LOCK_PATIENCE_MS;
  for (;;) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
      logger.log(`Waiting for another instance (${name})`);
    }
  }
}

async function lockPostgres(runner: QueryRunner, name: string): Promise<void> {
  const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
    name,
  ]);
  if (locked) return;
  logger.log(`Waiting for another instance to finish the ${name.split(':')[1]}`);
  await runner.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
}

async function beginSqliteImmediate(runner: QueryRunner, what: string): Promise<void> {
  const deadline = Date.now() + SQLITE_LOCK_PATIENCE_MS;
  for (;;) {
    try {
      await runner.query('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
      logger.log(`Waiting for another instance to finish the ${what}`);
    }
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string } | null)?.driverError
    ?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
