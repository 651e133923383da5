import { buildOrgIndex } from '@olievlek/domain';
import type { DataSource, InsertEvent, RemoveEvent, TransactionCommitEvent } from 'typeorm';
import { DoneHistory, ProgrammeFacts } from './olievlek-facts';
import type { OlievlekFactsService } from './olievlek-facts.service';
import { OlievlekSnapshotsService, TODAY_RESULT } from './olievlek-snapshots.service';

const TODAY = '2026-03-15';
const EARLIER = '2026-01-31';

function setup() {
  const calls = { programme: 0, recent: [] as string[], done: 0 };
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
      index: buildOrgIndex([]),
      units: new Map(),
      children: new Map(),
      roots: [],
    }),
    programme: async () => {
      calls.programme++;
      return programme;
    },
    recentCheckOffs: async (t: string) => {
      calls.recent.push(t);
      return new Map();
    },
    doneCheckOffs: async () => {
      calls.done++;
      return new DoneHistory(new Map());
    },
  } as unknown as OlievlekFactsService;
  const dataSource = { subscribers: [] } as unknown as DataSource;
  const snapshots = new OlievlekSnapshotsService(dataSource, facts);
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

  it('computes a date once and shares it', async () => {
    const { calls, snapshots } = setup();
    const [a, b] = await Promise.all([snapshots.at(TODAY), snapshots.at(TODAY)]);
    expect(a.figures).toBe(b.figures);
    expect((await snapshots.at(TODAY)).figures).toBe(a.figures);
    expect(calls).toEqual({ programme: 1, recent: [TODAY], done: 1 });
  });

  it('drops only the dates a tick changes, and nothing for a write to another table', async () => {
    const { calls, snapshots, insert } = setup();
    const earlier = (await snapshots.at(EARLIER)).figures;
    await snapshots.at(TODAY);
    const evidence = await snapshots.result('evidence', async () => ({}));
    const nextBest = await snapshots.result(`${TODAY_RESULT}next-best`, async () => ({}));

    insert('audit_event', { at: 'now' });
    insert('check_off', { agreementId: 'a', periodKey: '2026-W11', onDate: TODAY });
    expect((await snapshots.at(EARLIER)).figures).toBe(earlier);
    await snapshots.at(TODAY);
    expect(calls.recent).toEqual([EARLIER, TODAY, TODAY]);
    expect(calls.programme).toBe(1);
    expect(await snapshots.result('evidence', async () => ({}))).toBe(evidence);
    expect(await snapshots.result(`${TODAY_RESULT}next-best`, async () => ({}))).not.toBe(nextBest);

    // An untick does not say which day it was recorded on: every date is computed again.
    snapshots.afterRemove({
      metadata: { tableName: 'check_off' },
      queryRunner: { isTransactionActive: false, data: {} },
    } as never as RemoveEvent<unknown>);
    expect((await snapshots.at(EARLIER)).figures).not.toBe(earlier);
    expect(calls.programme).toBe(1);
  });

  it('starts over after any other write, and after the commit of a transaction that wrote', async () => {
    const { calls, snapshots, insert, runner } = setup();
    await snapshots.at(EARLIER);
    insert('spread_link', { id: 'l' });
    await snapshots.at(EARLIER);
    expect(calls.programme).toBe(2);
    expect(calls.done).toBe(2);

    const transaction = runner(true);
    insert('check_off', { onDate: TODAY }, transaction);
    await snapshots.at(EARLIER); // read while the transaction is still open
    transaction.isTransactionActive = false;
    snapshots.afterTransactionCommit({
      queryRunner: transaction,
    } as never as TransactionCommitEvent);
    await snapshots.at(EARLIER);
    expect(calls.programme).toBe(4);
  });
});
