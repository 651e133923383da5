import {
  addDays,
  AgreementStatus,
  Cadence,
  CheckOffFact,
  duePeriods,
  firstPractisingDate,
} from '@olievlek/domain';
import fc from 'fast-check';
import { AgreementRow, DoneHistory } from './olievlek-facts';
import { firstRooted } from './olievlek-stages';

const T = '2026-03-15';
const cadenceArb: fc.Arbitrary<Cadence> = fc.oneof(
  fc.constant({ kind: 'weeks', every: 1 } as const),
  fc.constant({ kind: 'weeks', every: 2 } as const),
  fc.constant({ kind: 'monthly' } as const),
  fc.constant({ kind: 'once' } as const),
);
const agreementArb = fc.record({
  cadence: cadenceArb,
  startAgo: fc.integer({ min: 0, max: 500 }),
  /** Per due period: done on time, done late, or not done. */
  ticks: fc.array(fc.constantFrom('on-time', 'late', 'none'), { maxLength: 120 }),
  adoptedAfter: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  droppedAfter: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
});

describe('firstRooted', () => {
  it('gives exactly what firstPractisingDate gives for the whole team, at any date (property)', () => {
    fc.assert(
      fc.property(
        fc.array(agreementArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 200 }),
        (specs, openedAgo, tAgo) => {
          const t = addDays(T, -tAgo);
          const cases = [{ openedOn: addDays(T, -openedAgo), closedOn: null }];
          const raw = new Map<string, string>();
          const rows: AgreementRow[] = specs.map((spec, i) => {
            const startDate = addDays(T, -spec.startAgo);
            const history: Array<{ on: string; status: AgreementStatus }> = [
              { on: startDate, status: 'running' },
            ];
            if (spec.adoptedAfter !== null)
              history.push({ on: addDays(startDate, spec.adoptedAfter), status: 'adopted' });
            else if (spec.droppedAfter !== null)
              history.push({ on: addDays(startDate, spec.droppedAfter), status: 'dropped' });
            const checkOffs: CheckOffFact[] = [];
            duePeriods(spec.cadence, startDate, null, T).forEach((p, k) => {
              const tick = spec.ticks[k % Math.max(1, spec.ticks.length)] ?? 'none';
              if (tick === 'none') return;
              const on = tick === 'late' ? addDays(p.start, 10) : p.start;
              checkOffs.push({ periodKey: p.key, state: 'done', on: on > T ? T : on });
            });
            if (checkOffs.length)
              raw.set(`a${i}`, checkOffs.map((c) => `${c.periodKey}|d|${c.on}`).join(','));
            return {
              id: `a${i}`,
              teamId: 'team',
              partnerTeamId: null,
              practiceId: null,
              cadence: spec.cadence,
              startDate,
              endDate: null,
              statusHistory: history,
              checkOffs: [],
            };
          });
          const done = new DoneHistory(raw);
          const whole = firstPractisingDate(
            {
              cases,
              agreements: rows.map((r) => ({
                ...r,
                checkOffs: done.list(r.id),
              })),
              partnerAgreements: [],
              spreadSourceDates: [],
            },
            t,
          );
          expect(firstRooted(cases, rows, done, t)).toBe(whole);
          // What the snapshots rely on: the answer at an earlier date follows from today's.
          const today = firstRooted(cases, rows, done, T);
          expect(whole).toBe(today !== null && today <= t ? today : null);
        },
      ),
      { numRuns: 300 },
    );
  });
});
