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
import { adoptersAt } from './olievlek-stages';
import { TeamTimelineService } from './team-timeline.service';

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
/** Other results kept (adoption curves, practice evidence per scope). */
const RESULTS_KEPT = 32;

/** The organisation and the programme as they are now (the figures then look back to any t). */
export interface Base {
  today: LocalDate;
  org: OrgSnapshot;
  programme: ProgrammeFacts;
}

/**
 * What the map and key figures read besides the stages: the organisation and the ties between
 * teams (agreements with a partner team, spread links) — small, and unchanged by ticks.
 */
export interface ViewBase {
  today: LocalDate;
  org: OrgSnapshot;
  ties: ProgrammeFacts;
}

/** What every figure of one date needs, for every team of the organisation. */
export interface DateFigures {
  t: LocalDate;
  stages: ReadonlyMap<string, Stage>;
  /** Team → its running agreements that are stalled at t (teams without any left out). */
  stalled: ReadonlyMap<string, number>;
  adopters: ReadonlyMap<string, AdopterCategory>;
  /** Team → the day its first case opened (reached teams only, whatever t). */
  firstReached: ReadonlyMap<string, LocalDate>;
}

interface Entry<T> {
  base: Promise<unknown>;
  value: Promise<T>;
}

interface Cached<T> {
  /** The versions of what it was read from (`stamp`). */
  version: string;
  today: LocalDate;
  loadedAt: number;
  value: Promise<T>;
}

const DIRTY = 'olievlekFactsChanged';
/** What a write changed: the org tree, or the programme's other facts. */
type Kind = 'org' | 'facts';
/** Results keyed with this prefix are figures of today's stages: a tick makes them stale. */
export const TODAY_RESULT = 'today ';

/**
 * The olievlek figures of a date. The stages, stalled agreements and first days of every team
 * come from the team timelines (`TeamTimelineService`), kept up to date on every write: two small
 * queries per request, whatever the date. What else the figures read is kept in memory:
 *
 * - `viewBase()`: the organisation and the ties between teams, for the map and key figures;
 * - `current()`: the organisation and the whole programme, for the figures over the whole history
 *   (adoption curves, practice evidence, next-best teams), with their results (`result`).
 *
 * Both are dropped as soon as this process writes to a table they are read from (a TypeORM
 * subscriber sees every insert, update and delete made through it, and every commit of a
 * transaction that made one), when the day changes, and after `SNAPSHOT_MAX_AGE_MS` at most. A
 * tick on the board changes neither: it drops only the results of today's stages.
 */
@Injectable()
export class OlievlekSnapshotsService implements EntitySubscriberInterface {
  /** Bumped by every write to the org tree, and to the other tables the figures read. */
  private orgVersion = 0;
  private factsVersion = 0;
  private base?: Cached<Base>;
  private orgCache?: Cached<OrgSnapshot>;
  private tiesCache?: Cached<ProgrammeFacts>;
  private readonly results = new Map<string, Entry<unknown>>();

  constructor(
    dataSource: DataSource,
    private readonly facts: OlievlekFactsService,
    private readonly timelines: TeamTimelineService,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  /** A write inside a transaction is only visible once committed: drop what was read meanwhile. */
  afterTransactionCommit(event: TransactionCommitEvent | TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    // A nested transaction (a savepoint) ending changes nothing anyone else can see yet.
    const dirty = runner.data?.[DIRTY] as Set<Kind> | undefined;
    if (runner.isTransactionActive || !dirty) return;
    delete runner.data[DIRTY];
    for (const kind of dirty) this.bump(kind);
  }

  private bump(kind: Kind): void {
    if (kind === 'org') this.orgVersion++;
    else this.factsVersion++;
  }

  private stamp(of: 'org' | 'ties' | 'all'): string {
    if (of === 'org') return `${this.orgVersion}`;
    if (of === 'ties') return `${this.factsVersion}`;
    return `${this.orgVersion}:${this.factsVersion}`;
  }

  /** What was read while the transaction ran may hold its writes (one shared SQLite connection). */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.afterTransactionCommit(event);
  }

  private written(table: string, queryRunner: QueryRunner): void {
    if (!FACT_TABLES.has(table)) return;
    if (table === 'check_off') {
      this.checkOffWritten();
      return;
    }
    const kind: Kind = table === 'org_unit' ? 'org' : 'facts';
    this.bump(kind);
    if (queryRunner.isTransactionActive) {
      queryRunner.data ??= {};
      const dirty = (queryRunner.data[DIRTY] ??= new Set<Kind>()) as Set<Kind>;
      dirty.add(kind);
    }
  }

  /**
   * A tick or an untick, the most frequent write by far. The stages come from the timelines,
   * which the tick's own transaction keeps up to date; the organisation and programme do not
   * change. Results about today's stages are dropped; the figures over the whole history — practice
   * evidence, adoption curves — are left to `SNAPSHOT_MAX_AGE_MS`: recomputing them for every
   * tick of 20,000 teams would mean never having them.
   */
  private checkOffWritten(): void {
    for (const key of [...this.results.keys()])
      if (key.startsWith(TODAY_RESULT)) this.results.delete(key);
  }

  private fresh<T>(
    cached: Cached<T> | undefined,
    of: 'org' | 'ties' | 'all',
    today: LocalDate,
  ): cached is Cached<T> {
    return (
      !!cached &&
      cached.version === this.stamp(of) &&
      cached.today === today &&
      Date.now() - cached.loadedAt < SNAPSHOT_MAX_AGE_MS
    );
  }

  private load<T>(
    value: Promise<T>,
    of: 'org' | 'ties' | 'all',
    today: LocalDate,
    drop: (value: Promise<T>) => void,
  ): Cached<T> {
    value.catch(() => drop(value));
    return { version: this.stamp(of), today, loadedAt: Date.now(), value };
  }

  /** The organisation and programme now; shared until something changes. */
  current(): Promise<Base> {
    const today = this.facts.today();
    if (this.fresh(this.base, 'all', today)) return this.base.value;
    // Everything computed from the previous base is stale: let it go at once.
    this.results.clear();
    const value = Promise.all([this.facts.org(), this.facts.programme(today)]).then(
      ([org, programme]) => ({ today, org, programme }),
    );
    this.base = this.load(value, 'all', today, (v) => {
      if (this.base?.value === v) this.base = undefined;
    });
    return value;
  }

  /**
   * The organisation and the ties between teams now; each shared until something it is read
   * from changes (renaming a unit does not reload the ties, a status change not the org tree).
   */
  async viewBase(): Promise<ViewBase> {
    const today = this.facts.today();
    if (!this.fresh(this.orgCache, 'org', today)) {
      this.orgCache = this.load(this.facts.org(), 'org', today, (v) => {
        if (this.orgCache?.value === v) this.orgCache = undefined;
      });
    }
    if (!this.fresh(this.tiesCache, 'ties', today)) {
      this.tiesCache = this.load(this.facts.ties(today), 'ties', today, (v) => {
        if (this.tiesCache?.value === v) this.tiesCache = undefined;
      });
    }
    const [org, ties] = await Promise.all([this.orgCache.value, this.tiesCache.value]);
    return { today, org, ties };
  }

  /**
   * The stages, stalled agreements and adopter categories of every team at t, read from the
   * timelines on every call (two queries): always as committed, never from a cache.
   */
  async at(t: LocalDate): Promise<{ base: ViewBase; figures: DateFigures }> {
    const [base, timeline] = await Promise.all([this.viewBase(), this.timelines.figuresAt(t)]);
    const { stages, stalled } = timeline;
    return {
      base,
      figures: {
        t,
        stages,
        stalled,
        adopters: adoptersAt(base.org, timeline.rooted, t),
        firstReached: timeline.reached,
      },
    };
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
    base: Promise<unknown>,
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
}
