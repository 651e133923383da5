import * as argon2 from 'argon2';
import { dateOf, instantOf } from './days';
import { AgreementPlan, buildHistory, History } from './history';
import { buildOrg, Org, OrgShape, Unit } from './org';
import { Random } from './random';
import type { Column, Sink, Value } from './sink';
import type { SizeSpec } from './sizes';

export const BENCH_ADMIN_EMAIL = 'bench-admin@synth.example';
export const BENCH_ADMIN_PASSWORD = process.env['SYNTH_ADMIN_PASSWORD'] || 'synth-bench-password';
/** The bench admin is written last; its name carries the dataset key, so it marks a complete load. */
export const benchAdminName = (key: string) => `Bench Admin (${key})`;

const SITUATIONS = [
  'Het team ervaart veel werkdruk en weinig ruimte om elkaar te spreken. Overleggen lopen uit zonder duidelijke uitkomst.',
  'Er is spanning tussen het team en de afdeling ernaast over de overdracht van dossiers; beide kanten voelen zich niet gehoord.',
  'De teamleider is nieuw; het team zoekt naar een gezamenlijk doel. Oude gewoontes houden samenwerking tegen.',
  'Het team werkt hard maar langs elkaar heen. Informatie blijft hangen bij enkele sleutelfiguren.',
  'Er is wantrouwen richting het MT na de reorganisatie. Medewerkers willen eerst zien dat er echt iets verandert.',
  'Het team wil meer samenwerken met andere afdelingen maar weet niet waar te beginnen.',
];
const WISHES = [
  'Kortere en doelgerichtere overleggen.',
  'Betere afspraken over overdrachten met de ketenpartners.',
  'Meer tijd om elkaar te leren kennen.',
  'Zichtbaar maken wat er al goed gaat.',
  'Samen met de buurafdeling één knelpunt oplossen.',
];
const THEME_SETS = [
  ['Vertrouwen', 'Overleg en vergaderen'],
  ['Overdrachten en processen', 'Samenwerken over teamgrenzen'],
  ['Werkdruk', 'Motivatie'],
  ['Machtsdenken', 'Leiderschap'],
  ['Vertrouwen', 'Samenwerken over teamgrenzen'],
];
const OBSERVATIONS = [
  'Goed gesprek gehad; het team pakt het doel vooraf serieus op.',
  'De energie zakt wat weg; aandacht voor houden bij het volgende bezoek.',
  'Twee key users trekken het nu; breder beleggen in het team.',
  'Eerste keer dat de buurafdeling aanschoof. Voorzichtig positief.',
  'Teamleider merkt dat overleggen korter worden.',
  'Het half uur zonder agenda wordt vaak opgeofferd aan drukte.',
];
const SKIP_REASONS = ['Vakantie', 'Verkiezingsdrukte', 'Overleg verviel', 'Ziekte in het team'];
const FIRST_NAMES = ['Sanne', 'Ruben', 'Fatima', 'Jeroen', 'Anouk', 'Mohamed', 'Emma', 'Thijs'];
const LAST_NAMES = ['Bakker', 'Vermeulen', 'Ouali', 'de Boer', 'de Vries', 'El Amrani', 'Dekker'];
const REASONS: Record<string, string> = {
  proposed: 'Voorgesteld in het teamoverleg',
  running: 'Afgesproken in het teamoverleg',
  resumed: 'Weer opgepakt',
  paused: 'Tijdelijk te druk',
  adopted: 'Het team doet dit nu vanzelf',
  dropped: 'Paste niet bij het team',
};

const text = (name: string): Column => [name, 'text'];
const int = (name: string): Column => [name, 'int'];
const bool = (name: string): Column => [name, 'bool'];

const TABLES = {
  org_unit: [
    text('id'),
    text('parent_id'),
    text('kind'),
    text('name'),
    int('headcount'),
    text('archived_at'),
    int('version'),
    text('created_at'),
    text('updated_at'),
  ],
  app_user: [
    text('id'),
    text('email'),
    text('name'),
    text('password_hash'),
    text('roles'),
    text('locale'),
    text('scope_org_unit_id'),
    bool('active'),
    int('version'),
    text('created_at'),
    text('updated_at'),
  ],
  case_file: [
    text('id'),
    text('team_id'),
    text('status'),
    text('opened_on'),
    text('closed_on'),
    text('closing_summary'),
    text('opened_by'),
    int('version'),
    text('created_at'),
    text('updated_at'),
  ],
  case_ambassador: [text('case_id'), text('user_id')],
  intake: [
    text('id'),
    text('case_id'),
    text('held_on'),
    text('participants'),
    text('situation'),
    text('wishes'),
    text('themes'),
    int('version'),
    text('updated_by'),
    text('updated_at'),
  ],
  agreement: [
    text('id'),
    text('case_id'),
    text('team_id'),
    text('practice_id'),
    text('title'),
    text('cadence_kind'),
    int('cadence_every'),
    text('start_date'),
    text('review_date'),
    text('end_date'),
    text('owner_id'),
    text('partner_team_id'),
    text('success_criterion'),
    text('status'),
    int('version'),
    text('created_at'),
    text('updated_at'),
  ],
  agreement_status_change: [
    text('id'),
    text('agreement_id'),
    text('from_status'),
    text('to_status'),
    text('on_date'),
    text('reason'),
    text('changed_by'),
    text('changed_at'),
  ],
  check_off: [
    text('id'),
    text('agreement_id'),
    text('period_key'),
    text('state'),
    text('reason'),
    text('user_id'),
    text('on_date'),
    text('at'),
  ],
  observation: [
    text('id'),
    text('case_id'),
    text('observed_on'),
    text('text'),
    text('author_id'),
    text('created_at'),
  ],
  spread_link: [
    text('id'),
    text('source_team_id'),
    text('target_team_id'),
    text('practice_id'),
    text('on_date'),
    text('note'),
    text('recorded_by'),
    text('created_at'),
  ],
} satisfies Record<string, Column[]>;

export type TableName = keyof typeof TABLES;

export interface LoadReport {
  rows: Partial<Record<TableName, number>>;
  notes: string[];
  /** Teams per engagement outcome etc., for the generator's own summary. */
  generateMs: number;
  insertMs: number;
}

/** Rows to the sink in batches, so millions of them never sit in memory as arrays at once. */
class Writer {
  readonly rows: Partial<Record<TableName, number>> = {};
  private batch: Value[][] = [];
  private table: TableName | null = null;

  constructor(private readonly sink: Sink) {}

  async add(table: TableName, row: Value[]): Promise<void> {
    if (this.table !== table) await this.flush();
    this.table = table;
    this.batch.push(row);
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    if (this.batch.length >= 20_000) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.table && this.batch.length)
      await this.sink.insert(this.table, TABLES[this.table], this.batch);
    this.batch = [];
  }
}

/**
 * Generates the organisation, its people and the programme's history from the seed, and writes
 * them through the sink, table by table in foreign-key order and each table in the order the rows
 * would have arrived in real life (check-offs by the day they were ticked).
 */
export async function generate(
  spec: SizeSpec,
  options: {
    seed: number;
    untilDay: number;
    key: string;
    /** The organisation's shape (default `classic`). */
    shape?: OrgShape;
    /** Sees the generated organisation and history before they are written (dry runs). */
    inspect?: (org: Org, history: History) => void;
  },
  sink: Sink,
  progress: (message: string) => void = () => undefined,
): Promise<LoadReport> {
  const started = Date.now();
  const random = new Random(options.seed);
  const ids = new Random(options.seed ^ 0x5eed1d5);
  const practices = await sink.practices();
  if (practices.length === 0)
    throw new Error('The practice catalogue is empty: were the migrations run?');

  const org = buildOrg(spec, random, ids, options.shape);
  const ambassadorCount = Math.ceil(spec.teams / spec.teamsPerAmbassador);
  const ambassadorIds = Array.from({ length: ambassadorCount }, () => ids.uuid());
  const directorIds = org.directorates.map(() => ids.uuid());
  const adminId = ids.uuid();
  const history = buildHistory(
    spec,
    org,
    practices,
    ambassadorCount,
    options.untilDay,
    random,
    ids,
  );
  const generateMs = Date.now() - started;
  options.inspect?.(org, history);
  progress(
    `generated in ${(generateMs / 1000).toFixed(1)} s: ${history.cases.length} cases, ${history.agreements.length} agreements, ${history.checkOffs.length} check-offs`,
  );

  const insertStarted = Date.now();
  const notes: string[] = [];
  const writer = new Writer(sink);
  const createdAt = instantOf(history.fromDay - 60, 8);
  await writeOrg(writer, org, createdAt);

  const passwordHash = await argon2.hash(BENCH_ADMIN_PASSWORD, { type: argon2.argon2id });
  const user = (
    id: string,
    email: string,
    name: string,
    roles: string,
    scope: string | null,
    hash: string | null,
  ): Value[] => [id, email, name, hash, roles, 'nl', scope, true, 1, createdAt, createdAt];
  for (const [i, id] of ambassadorIds.entries()) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i + 1}`;
    const email = `ambassadeur-${String(i + 1).padStart(4, '0')}@synth.example`;
    await writer.add('app_user', user(id, email, name, 'ambassador', null, null));
  }
  for (const [i, id] of directorIds.entries()) {
    const email = `directeur-${String(i + 1).padStart(2, '0')}@synth.example`;
    await writer.add(
      'app_user',
      user(
        id,
        email,
        `Directeur ${org.directorates[i].name}`,
        'director',
        org.directorates[i].id,
        null,
      ),
    );
  }
  await writer.flush();
  progress('wrote the organisation and accounts');

  await writeHistory(writer, org, history, ambassadorIds, ids, notes, sink, progress);

  // Last: the account the bench signs in with, whose name marks the load as complete.
  await writer.add(
    'app_user',
    user(adminId, BENCH_ADMIN_EMAIL, benchAdminName(options.key), 'admin', null, passwordHash),
  );
  await writer.flush();
  return { rows: writer.rows, notes, generateMs, insertMs: Date.now() - insertStarted };
}

async function writeOrg(writer: Writer, org: Org, createdAt: string): Promise<void> {
  const unit = (u: Unit): Value[] => [
    u.id,
    u.parentId,
    u.kind,
    u.name,
    u.headcount,
    u.archivedDay === null ? null : instantOf(u.archivedDay, 10),
    1,
    createdAt,
    u.archivedDay === null ? createdAt : instantOf(u.archivedDay, 10),
  ];
  await writer.add('org_unit', unit(org.root));
  for (const u of org.directorates) await writer.add('org_unit', unit(u));
  for (const u of org.departments) await writer.add('org_unit', unit(u));
  for (const u of org.teams) await writer.add('org_unit', unit(u));
  await writer.flush();
}

async function writeHistory(
  writer: Writer,
  org: Org,
  history: History,
  ambassadorIds: string[],
  ids: Random,
  notes: string[],
  sink: Sink,
  progress: (message: string) => void,
): Promise<void> {
  const teamId = (index: number) => org.teams[index].id;
  const ambassadorOf = (caseIndex: number) => ambassadorIds[history.cases[caseIndex].ambassador];

  for (const c of history.cases) {
    const closed = c.closedDay !== null && c.closedDay <= history.untilDay;
    await writer.add('case_file', [
      c.id,
      teamId(c.team),
      closed ? 'closed' : 'open',
      dateOf(c.openedDay),
      closed && c.closedDay !== null ? dateOf(c.closedDay) : null,
      closed ? 'Het team heeft de stappen eigen gemaakt en gaat zelfstandig verder.' : null,
      ambassadorIds[c.ambassador],
      1,
      instantOf(c.openedDay),
      instantOf(closed && c.closedDay !== null ? c.closedDay : c.openedDay),
    ]);
  }
  for (const c of history.cases) {
    await writer.add('case_ambassador', [c.id, ambassadorIds[c.ambassador]]);
  }
  const intakes = history.cases.filter((c) => c.intakeDay !== null);
  intakes.sort((a, b) => (a.intakeDay ?? 0) - (b.intakeDay ?? 0));
  for (const [i, c] of intakes.entries()) {
    const day = c.intakeDay ?? c.openedDay;
    await writer.add('intake', [
      ids.uuid(),
      c.id,
      dateOf(day),
      `Teamleider en ${3 + (i % 8)} teamleden`,
      SITUATIONS[i % SITUATIONS.length],
      WISHES[(i * 7) % WISHES.length],
      JSON.stringify(THEME_SETS[(i * 3) % THEME_SETS.length]),
      1,
      ambassadorIds[c.ambassador],
      instantOf(day, 14),
    ]);
  }
  await writer.flush();
  progress(`wrote ${history.cases.length} cases and ${intakes.length} intakes`);

  const restoreAgreementIndexes = await sink.withoutIndexes('agreement');
  const restoreChangeIndexes = await sink.withoutIndexes('agreement_status_change');
  const agreements = history.agreements.map((a, index) => ({ a, index }));
  agreements.sort((x, y) => x.a.history[0].day - y.a.history[0].day || x.index - y.index);
  for (const { a } of agreements) await writer.add('agreement', agreementRow(a, org, history));
  const changes: Array<{ a: AgreementPlan; k: number }> = [];
  for (const a of history.agreements) a.history.forEach((_, k) => changes.push({ a, k }));
  changes.sort((x, y) => x.a.history[x.k].day - y.a.history[y.k].day);
  for (const { a, k } of changes) {
    const change = a.history[k];
    const from = k === 0 ? null : a.history[k - 1].status;
    await writer.add('agreement_status_change', [
      ids.uuid(),
      a.id,
      from,
      change.status,
      dateOf(change.day),
      REASONS[from === 'paused' && change.status === 'running' ? 'resumed' : change.status],
      ambassadorOf(a.caseIndex),
      instantOf(change.day, 9 + k),
    ]);
  }
  await writer.flush();
  await restoreAgreementIndexes();
  await restoreChangeIndexes();
  progress(`wrote ${history.agreements.length} agreements and ${changes.length} status changes`);

  const checkOffs = history.checkOffs;
  const order = checkOffs.chronological();
  const restoreIndexes = await sink.withoutIndexes('check_off');
  for (let n = 0; n < order.length; n++) {
    const i = order[n];
    const skipped = checkOffs.skipped[i] === 1;
    const day = checkOffs.day[i];
    await writer.add('check_off', [
      ids.uuid(),
      history.agreements[checkOffs.agreement[i]].id,
      checkOffs.keys[checkOffs.key[i]],
      skipped ? 'skipped' : 'done',
      skipped ? SKIP_REASONS[i % SKIP_REASONS.length] : null,
      null,
      dateOf(day),
      instantOf(day, 7 + (i % 10), (i * 37) % 60),
    ]);
    if (n > 0 && n % 500_000 === 0) progress(`wrote ${n} check-offs`);
  }
  await writer.flush();
  progress(`wrote ${order.length} check-offs`);
  await restoreIndexes();
  progress('indexed the check-offs');

  const observations = [...history.observations].sort((a, b) => a.day - b.day);
  for (const o of observations) {
    await writer.add('observation', [
      ids.uuid(),
      history.cases[o.caseIndex].id,
      dateOf(o.day),
      OBSERVATIONS[o.text % OBSERVATIONS.length],
      ambassadorOf(o.caseIndex),
      instantOf(o.day, 15),
    ]);
  }
  await writer.flush();

  const spreadColumns = await sink.columns('spread_link');
  if (spreadColumns === null) {
    notes.push('no spread_link table in this schema: spread links left out');
    return;
  }
  const expected = TABLES.spread_link.map((c) => c[0]);
  const missing = expected.filter((c) => !spreadColumns.includes(c));
  if (missing.length) {
    throw new Error(
      `spread_link lacks ${missing.join(', ')}: update tools/synth/dataset.ts to the new schema.`,
    );
  }
  const seen = new Set<string>();
  const links = [...history.spreadLinks].sort((a, b) => a.day - b.day);
  for (const link of links) {
    const key = `${link.source}:${link.target}:${link.practiceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await writer.add('spread_link', [
      ids.uuid(),
      teamId(link.source),
      teamId(link.target),
      link.practiceId,
      dateOf(link.day),
      'Gezien bij het buurteam en zelf opgepakt.',
      ambassadorIds[0],
      instantOf(link.day, 16),
    ]);
  }
  await writer.flush();
}

function agreementRow(a: AgreementPlan, org: Org, history: History): Value[] {
  const first = a.history[0];
  const last = a.history[a.history.length - 1];
  return [
    a.id,
    history.cases[a.caseIndex].id,
    org.teams[a.team].id,
    a.practice?.id ?? null,
    a.title,
    a.cadence.kind,
    a.cadence.kind === 'weeks' ? a.cadence.every : null,
    dateOf(a.startDay),
    dateOf(a.startDay + 84),
    null,
    null,
    a.partner === null ? null : org.teams[a.partner].id,
    'Het team merkt zelf verschil en houdt het vol.',
    last.status,
    a.history.length,
    instantOf(first.day),
    instantOf(last.day, 9 + a.history.length - 1),
  ];
}
