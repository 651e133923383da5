import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One transaction at a time on SQLite.
 *
 * TypeORM's better-sqlite3 driver shares one connection (and one query runner) for the whole
 * process, so two requests' transactions do not run side by side: the second nests inside the
 * first as a SAVEPOINT, and a 409 rolled back in one could undo the other's acknowledged writes.
 * Today every transaction body is synchronous database work that ends within one turn of the event
 * loop, so it cannot happen — but the first `await` on real I/O inside a transaction would make it
 * happen. Queueing the top-level transactions keeps that from ever being a silent data loss.
 *
 * PostgreSQL has a connection per transaction and needs none of this. Between processes (several
 * instances on one SQLite file) SQLite's write lock does the queueing: every transaction begins
 * with `BEGIN IMMEDIATE` (instance-locks.ts).
 * A transaction opened inside another goes through the transactional manager, not through
 * `dataSource.manager`, so it is not queued behind its own parent.
 */
@Injectable()
export class SqliteTransactionQueue implements OnModuleInit {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const manager = this.dataSource.manager;
    const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
    const queued = (...args: unknown[]): Promise<unknown> => {
      const run = this.tail.then(() => original(...args));
      // The queue moves on whether this transaction commits or fails.
      this.tail = run.catch(() => undefined);
      return run;
    };
    (manager as { transaction: EntityManager['transaction'] }).transaction =
      queued as EntityManager['transaction'];
  }
}
