/**
 * The synthetic data generator (issue 6): a deterministic organisation and programme history of
 * a chosen size, loaded into a fresh SQLite file or PostgreSQL database through the real schema.
 *
 *   npm run synth -- --size city [--seed 42] [--until 2026-11-22] [--shape five-level]
 *                    [--db sqlite:path | postgres://…]
 *
 * See tools/bench/README.md.
 */
import { localDateIn, isLocalDate, maxOf } from '@olievlek/domain';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { startApi } from './api-server';
import { generate, LoadReport } from './dataset';
import { dayOf, lastSunday } from './days';
import { PostgresSink } from './postgres-sink';
import type { Sink } from './sink';
import type { Practice } from './history';
import { ORG_SHAPES, OrgShape, treeSummary } from './org';
import { SizeName, sizeSpec, SIZES } from './sizes';
import { SqliteSink } from './sqlite-sink';
import { stageSummary } from './summary';

/** Bump when the generator makes different data from the same seed: old caches then expire. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261128;
export const CACHE_DIR = 'data/bench';

export interface SynthOptions {
  size: SizeName;
  seed: number;
  /** The last day of the history (default: the most recent Sunday, so a cache lives a week). */
  until: string;
  /** The organisation's shape (`OrgShape`); default `classic`. */
  shape?: OrgShape;
}

export const MIGRATIONS_DIR = 'apps/api/src/database/migrations';

/**
 * The schema the data is written into: a hash of the migrations' source (read, not imported —
 * tools may import libs only). Part of the cache key, so a new or changed migration expires
 * cached files.
 */
export function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    hash.update(file).update(readFileSync(`${MIGRATIONS_DIR}/${file}`));
  }
  return hash.digest('hex').slice(0, 8);
}

/** Identifies a dataset: the same key, the same rows. */
export function datasetKey(options: SynthOptions): string {
  const shape = (options.shape ?? 'classic') === 'classic' ? '' : `-${options.shape}`;
  return `${options.size}${shape}-s${options.seed}-${options.until}-g${GENERATOR_VERSION}-m${schemaFingerprint()}`;
}

export function defaultUntil(): string {
  return lastSunday(localDateIn(new Date(), 'Europe/Amsterdam'));
}

export interface SynthResult extends LoadReport {
  key: string;
  schemaMs: number;
  totalMs: number;
  database: string;
}

/**
 * Creates the schema by starting the built API once on the empty database (it runs the real
 * migrations at boot), then bulk-loads the generated rows. The database must be empty.
 */
export async function synthesize(
  options: SynthOptions,
  database: string,
  log: (message: string) => void = (m) => console.log(`synth: ${m}`),
): Promise<SynthResult> {
  const spec = sizeSpec(options.size);
  const key = datasetKey(options);
  const started = Date.now();
  log(`${key} → ${database.replace(/\/\/[^@]*@/, '//***@')}`);
  const api = await startApi(database);
  await api.stop();
  const schemaMs = Date.now() - started;
  log(`schema migrated by the API in ${(schemaMs / 1000).toFixed(1)} s`);

  const sink: Sink = database.startsWith('sqlite:')
    ? new SqliteSink(database.slice('sqlite:'.length))
    : await PostgresSink.open(database);
  try {
    if ((await sink.count('org_unit')) > 0) {
      throw new Error('the database is not empty (org_unit has rows); give an empty one.');
    }
    const report = await generate(
      spec,
      { seed: options.seed, untilDay: dayOf(options.until), key, shape: options.shape },
      sink,
      log,
    );
    await sink.finish();
    const totalMs = Date.now() - started;
    return { ...report, key, schemaMs, totalMs, database };
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/** Generates into a SQLite file atomically: written as `.partial`, renamed when complete. */
export async function synthesizeSqliteFile(
  options: SynthOptions,
  file: string,
  log?: (message: string) => void,
): Promise<SynthResult> {
  const partial = `${file}.partial`;
  mkdirSync(dirname(resolve(file)), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const result = await synthesize(options, `sqlite:${partial}`, log);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, file);
  return { ...result, database: `sqlite:${file}` };
}

export function printReport(result: SynthResult, target: number): void {
  const rows = Object.entries(result.rows);
  const width = maxOf(
    rows.map(([table]) => table.length),
    0,
  );
  console.log(`\nsynth ${result.key}`);
  for (const [table, count] of rows) {
    console.log(`  ${table.padEnd(width)}  ${String(count).padStart(10)}`);
  }
  console.log(
    `  check-offs: ${result.rows.check_off ?? 0} (the brief's target: about ${target.toLocaleString('en')})`,
  );
  for (const note of result.notes) console.log(`  note: ${note}`);
  console.log(
    `  schema ${(result.schemaMs / 1000).toFixed(1)} s, generate ${(result.generateMs / 1000).toFixed(1)} s, ` +
      `insert ${(result.insertMs / 1000).toFixed(1)} s, total ${(result.totalMs / 1000).toFixed(1)} s`,
  );
}

/** The seed catalogue's shape (ids and cadences), for a dry run without a database. */
const DRY_RUN_PRACTICES: Practice[] = (
  [
    ['weeks', 1, false],
    ['weeks', 1, false],
    ['weeks', 1, false],
    ['monthly', null, false],
    ['once', null, true],
    ['weeks', 1, false],
    ['once', null, false],
    ['weeks', 2, false],
    ['weeks', 6, true],
    ['once', null, true],
    ['monthly', null, true],
  ] as const
).map(([cadenceKind, cadenceEvery, needsPartner], i) => ({
  id: `6f1c2a1e-0001-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
  title: `Practice ${i + 1}`,
  cadenceKind,
  cadenceEvery,
  needsPartner,
}));

/** `--dry-run`: generate and count, write nothing (to tune the sizes quickly). */
class CountingSink implements Sink {
  readonly kind = 'sqlite' as const;
  async practices(): Promise<Practice[]> {
    return DRY_RUN_PRACTICES;
  }
  async columns(table: string): Promise<string[] | null> {
    return table === 'spread_link'
      ? [
          'id',
          'source_team_id',
          'target_team_id',
          'practice_id',
          'on_date',
          'note',
          'recorded_by',
          'created_at',
        ]
      : [];
  }
  async count(): Promise<number> {
    return 0;
  }
  async insert(): Promise<void> {
    return;
  }
  async withoutIndexes(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
  async finish(): Promise<void> {
    return;
  }
  async abort(): Promise<void> {
    return;
  }
}

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=', 2);
    const flag =
      inline === undefined && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'));
    args[name] = inline ?? (flag ? 'true' : argv[++i]);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const size = (args['size'] ?? 'city') as SizeName;
  if (!(size in SIZES)) throw new Error(`--size must be city or national (got ${size})`);
  const seed = Number(args['seed'] ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const until = args['until'] ?? defaultUntil();
  if (!isLocalDate(until)) throw new Error('--until must be a date YYYY-MM-DD');
  const shape = (args['shape'] ?? 'classic') as OrgShape;
  if (!ORG_SHAPES.includes(shape)) {
    throw new Error(`--shape must be ${ORG_SHAPES.join(' or ')} (got ${shape})`);
  }
  const options: SynthOptions = { size, seed, until, shape };
  if ('dry-run' in args) {
    const started = Date.now();
    const report = await generate(
      sizeSpec(size),
      {
        seed,
        untilDay: dayOf(until),
        key: 'dry-run',
        shape,
        inspect: (org, history) => {
          console.log(`synth: ${treeSummary(org)}`);
          const span = history.untilDay - history.fromDay;
          const days = [0.2, 0.4, 0.6, 0.8, 1].map((f) => history.fromDay + Math.round(span * f));
          for (const { date, stages } of stageSummary(org, history, days)) {
            console.log(`synth: stages at ${date}: ${JSON.stringify(stages)}`);
          }
        },
      },
      new CountingSink(),
      (m) => console.log(`synth: ${m}`),
    );
    printReport(
      { ...report, key: 'dry-run', schemaMs: 0, totalMs: Date.now() - started, database: '' },
      sizeSpec(size).targetCheckOffs,
    );
    return;
  }
  const db = args['db'] ?? `sqlite:${CACHE_DIR}/${datasetKey(options)}.sqlite`;
  let result: SynthResult;
  if (db.startsWith('sqlite:')) {
    const file = db.slice('sqlite:'.length);
    if (existsSync(file))
      throw new Error(`${file} exists already; remove it or name another file.`);
    result = await synthesizeSqliteFile(options, file);
  } else {
    result = await synthesize(options, db);
  }
  printReport(result, sizeSpec(size).targetCheckOffs);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`synth failed: ${error.message}`);
    process.exit(1);
  });
}
