import { buildOrgIndex } from '@olievlek/domain';
import type { DataSource, InsertEvent, RemoveEvent, TransactionCommitEvent } from 'typeorm';
import { ProgrammeFacts } from './olievlek-facts';
import type { OlievlekFactsService } from './olievlek-facts.service';
import { OlievlekSnapshotsService, TODAY_RESULT } from './olievlek-snapshots.service';
import type { TeamTimelineService } from './team-timeline.service';

const TODAY = '2026-03-15';
const EARLIER = '2026-01-31';

function setup() {
  const calls = { org: 0, programme: 0, ties: 0, timelines: [] as string[] };
  const programme: ProgrammeFacts = {
    upTo: TODAY,
    casesByTeam: new Map(),
    agreements: [],
    agreementsByTeam: new Map(),
    agreementsByPartner: new Map(),
    links: [],
    spreadSourceDates: new Map(),
  };
  const facts = {
    today: () => TODAY,
    org: async () => ({
      loaded: ++calls.org,
      index: buildOrgIndex([]),
      units: new Map(),
      children: new Map(),
      roots: [],
    }),
    programme: async () => {
      calls.programme++;
      return programme;
    },
    ties: async () => {
      calls.ties++;
      return programme;
    },
  } as unknown as OlievlekFactsService;
  const timelines = {
    figuresAt: async (t: string) => {
      calls.timelines.push(t);
      return { stages: new Map(), stalled: new Map(), reached: new Map(), rooted: new Map() };
    },
  } as unknown as TeamTimelineService;
  const dataSource = { subscribers: [] } as unknown as DataSource;
  const snapshots = new OlievlekSnapshotsService(dataSource, facts, timelines);
  const runner = (active: boolean) => ({ isTransactionActive: active, data: {} });
  const insert = (table: string, entity: unknown, queryRunner = runner(false)) =>
    snapshots.afterInsert({
      metadata: { tableName: table },
      queryRunner,
      entity,
    } as never as InsertEvent<unknown>);
  return { calls, snapshots, dataSource, insert, runner };
}

describe('OlievlekSnapshotsService', () => {
  it('subscribes to the writes made through TypeORM', () => {
    const { snapshots, dataSource } = setup();
    expect(dataSource.subscribers).toContain(snapshots);
  });

  it('shares the organisation and ties, and reads the stages of every date as committed', async () => {
    const { calls, snapshots } = setup();
    const [a, b] = await Promise.all([snapshots.at(TODAY), snapshots.at(TODAY)]);
    expect(a.base.org).toBe(b.base.org);
    expect(a.base.ties).toBe(b.base.ties);
    await snapshots.at(EARLIER);
    expect(calls).toEqual({ org: 1, programme: 0, ties: 1, timelines: [TODAY, TODAY, EARLIER] });
  });

  it('keeps everything but the results about today after a tick, in a transaction or not', async () => {
    const { calls, snapshots, insert, runner } = setup();
    const before = (await snapshots.at(EARLIER)).base;
    const evidence = await snapshots.result('evidence', async () => ({}));
    const nextBest = await snapshots.result(`${TODAY_RESULT}next-best`, async () => ({}));

    insert('audit_event', { at: 'now' });
    const transaction = runner(true);
    insert('check_off', { agreementId: 'a', periodKey: '2026-W11', onDate: TODAY }, transaction);
    transaction.isTransactionActive = false;
    snapshots.afterTransactionCommit({
      queryRunner: transaction,
    } as never as TransactionCommitEvent);
    snapshots.afterRemove({
      metadata: { tableName: 'check_off' },
      queryRunner: runner(false),
    } as never as RemoveEvent<unknown>);

    const after = (await snapshots.at(EARLIER)).base;
    expect(after.org).toBe(before.org);
    expect(after.ties).toBe(before.ties);
    expect(calls.ties).toBe(1);
    expect(calls.programme).toBe(1);
    expect(await snapshots.result('evidence', async () => ({}))).toBe(evidence);
    expect(await snapshots.result(`${TODAY_RESULT}next-best`, async () => ({}))).not.toBe(nextBest);
  });

  it('starts over after any other write, and after the commit of a transaction that wrote', async () => {
    const { calls, snapshots, insert, runner } = setup();
    await snapshots.at(EARLIER);
    await snapshots.current();
    insert('spread_link', { id: 'l' });
    await snapshots.at(EARLIER);
    await snapshots.current();
    expect(calls.ties).toBe(2);
    expect(calls.programme).toBe(2);

    const transaction = runner(true);
    insert('agreement_status_change', { onDate: TODAY }, transaction);
    await snapshots.at(EARLIER); // read while the transaction is still open
    transaction.isTransactionActive = false;
    snapshots.afterTransactionCommit({
      queryRunner: transaction,
    } as never as TransactionCommitEvent);
    await snapshots.at(EARLIER);
    expect(calls.ties).toBe(4);
  });

  it('reloads only the org tree after a write to it, and only the ties after a status change', async () => {
    const { calls, snapshots, insert } = setup();
    await snapshots.at(TODAY);
    insert('org_unit', { id: 'u' });
    await snapshots.at(TODAY);
    expect([calls.org, calls.ties]).toEqual([2, 1]);
    insert('agreement_status_change', { id: 's' });
    await snapshots.at(TODAY);
    expect([calls.org, calls.ties]).toEqual([2, 2]);
  });
});
