import { Injectable } from '@nestjs/common';
import { AdopterCategory, LocalDate, Stage } from '@olievlek/domain';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import { OlievlekFactsService } from './olievlek-facts.service';
import { OrgSnapshot, ProgrammeFacts } from './olievlek-facts';
import { adoptersAt, firstPractising, stagesOf, stalledByTeam } from './olievlek-stages';

/** The tables the figures are computed from: a write to any of them makes them stale. */
const FACT_TABLES = new Set([
  'org_unit',
  'case_file',
  'agreement',
  'agreement_status_change',
  'check_off',
  'spread_link',
  'practice',
]);

/**
 * Writes made by this process are seen at once; writes from elsewhere (a second instance, a
 * script, a restore) at the latest after this long.
 */
export const SNAPSHOT_MAX_AGE_MS = 5 * 60_000;
/** Dates kept: a slider moved back and forth, for a handful of viewers. */
const DATES_KEPT = 16;
/** Other results kept (adoption curves, practice evidence per scope). */
const RESULTS_KEPT = 32;

/** The organisation and the programme as they are now (the figures then look back to any t). */
export interface Base {
  today: LocalDate;
  org: OrgSnapshot;
  programme: ProgrammeFacts;
}

/** What every figure of one date needs, for every team of the organisation. */
export interface DateFigures {
  t: LocalDate;
  stages: ReadonlyMap<string, Stage>;
  /** Team → its running agreements that are stalled at t (teams without any left out). */
  stalled: ReadonlyMap<string, number>;
  adopters: ReadonlyMap<string, AdopterCategory>;
}

interface Entry<T> {
  base: Promise<Base>;
  value: Promise<T>;
}

const DIRTY = 'olievlekFactsChanged';
/** Results keyed with this prefix are figures of today's stages: a tick makes them stale. */
export const TODAY_RESULT = 'today ';

/**
 * The olievlek figures of a date, computed once and shared by every request of that date — by
 * every viewer and unit, since a date's stages are computed for the whole organisation.
 *
 * Everything hangs off one `Base`, which is dropped as soon as this process writes to a table the
 * figures read (a TypeORM subscriber sees every insert, update and delete made through it, and
 * every commit of a transaction that made one), when the day changes, and after
 * `SNAPSHOT_MAX_AGE_MS` at most. A computation that overlapped a write is not kept. Ticks on the
 * board drop less: see `checkOffWritten`.
 */
@Injectable()
export class OlievlekSnapshotsService implements EntitySubscriberInterface {
  private version = 0;
  private base?: { version: number; today: LocalDate; loadedAt: number; value: Promise<Base> };
  private readonly dates = new Map<LocalDate, Entry<unknown>>();
  private firstDates?: Entry<ReadonlyMap<string, LocalDate>>;
  private readonly results = new Map<string, Entry<unknown>>();

  constructor(
    dataSource: DataSource,
    private readonly facts: OlievlekFactsService,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner, event.entity);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner, event.entity);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  /** A write inside a transaction is only visible once committed: drop what was read meanwhile. */
  afterTransactionCommit(event: TransactionCommitEvent | TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    // A nested transaction (a savepoint) ending changes nothing anyone else can see yet.
    if (runner.isTransactionActive || !runner.data?.[DIRTY]) return;
    delete runner.data[DIRTY];
    this.version++;
  }

  /** What was read while the transaction ran may hold its writes (one shared SQLite connection). */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.afterTransactionCommit(event);
  }

  private written(table: string, queryRunner: QueryRunner, entity?: unknown): void {
    if (!FACT_TABLES.has(table)) return;
    if (table === 'check_off' && !queryRunner.isTransactionActive) {
      this.checkOffWritten(entity);
      return;
    }
    this.version++;
    if (queryRunner.isTransactionActive) {
      queryRunner.data ??= {};
      queryRunner.data[DIRTY] = true;
    }
  }

  /**
   * A tick or an untick, the most frequent write by far. It changes the stages only from the day
   * it was recorded on (a tick counts from that day; the board records it today), so earlier
   * dates stay, and the organisation and programme do not change at all. The figures over the
   * whole history — when teams first practised (adopter categories), practice evidence, adoption
   * curves — are left to `SNAPSHOT_MAX_AGE_MS`: recomputing them for every tick of 20,000 teams
   * would mean never having them.
   */
  private checkOffWritten(entity: unknown): void {
    const on = (entity as { onDate?: unknown } | undefined)?.onDate;
    const from = typeof on === 'string' ? on : null; // an untick: not known which day
    for (const t of [...this.dates.keys()]) if (from === null || t >= from) this.dates.delete(t);
    for (const key of [...this.results.keys()])
      if (key.startsWith(TODAY_RESULT)) this.results.delete(key);
  }

  /** The organisation and programme now; shared until something changes. */
  current(): Promise<Base> {
    const today = this.facts.today();
    const cached = this.base;
    if (
      cached &&
      cached.version === this.version &&
      cached.today === today &&
      Date.now() - cached.loadedAt < SNAPSHOT_MAX_AGE_MS
    ) {
      return cached.value;
    }
    // Everything computed from the previous base is stale: let it go at once.
    this.dates.clear();
    this.results.clear();
    this.firstDates = undefined;
    const version = this.version;
    const value = Promise.all([this.facts.org(), this.facts.programme(today)]).then(
      ([org, programme]) => ({ today, org, programme }),
    );
    this.base = { version, today, loadedAt: Date.now(), value };
    value.catch(() => {
      if (this.base?.value === value) this.base = undefined;
    });
    return value;
  }

  /** The stages, stalled agreements and adopter categories of every team at t. */
  async at(t: LocalDate): Promise<{ base: Base; figures: DateFigures }> {
    const base = this.current();
    const figures = this.remember(this.dates, t, base, DATES_KEPT, () => this.compute(base, t));
    return { base: await base, figures: await figures };
  }

  /** Any other result that depends only on the facts and its key (not on who asks). */
  result<T>(key: string, compute: (base: Base) => Promise<T>): Promise<T> {
    const base = this.current();
    return this.remember(this.results, key, base, RESULTS_KEPT, async () =>
      compute(await base),
    ) as Promise<T>;
  }

  private remember<T>(
    cache: Map<string, Entry<unknown>>,
    key: string,
    base: Promise<Base>,
    keep: number,
    compute: () => Promise<T>,
  ): Promise<T> {
    const cached = cache.get(key);
    if (cached && cached.base === base) {
      cache.delete(key); // most recently used last
      cache.set(key, cached);
      return cached.value as Promise<T>;
    }
    const value = compute();
    cache.set(key, { base, value });
    while (cache.size > keep) cache.delete(cache.keys().next().value as string);
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  /**
   * When each team first practised, from every done check-off: the costly part of the adopter
   * categories, computed once for today and shared by every date (see `firstPractising`).
   */
  private firstPractisingDates(base: Promise<Base>): Promise<ReadonlyMap<string, LocalDate>> {
    if (this.firstDates?.base === base) return this.firstDates.value;
    const value = base.then(async ({ programme, today }) =>
      firstPractising(programme, await this.facts.doneCheckOffs(today), today),
    );
    this.firstDates = { base, value };
    value.catch(() => {
      if (this.firstDates?.value === value) this.firstDates = undefined;
    });
    return value;
  }

  private async compute(base: Promise<Base>, t: LocalDate): Promise<DateFigures> {
    const { org, programme } = await base;
    const [recent, firstDates] = await Promise.all([
      this.facts.recentCheckOffs(t, programme.agreements),
      this.firstPractisingDates(base),
    ]);
    const teams = org.index.teamIds;
    return {
      t,
      stages: stagesOf(teams, programme, recent, t),
      stalled: stalledByTeam(teams, programme, recent, t),
      adopters: adoptersAt(org, firstDates, t),
    };
  }
}
