import fc from 'fast-check';
import { addDays } from './dates';
import { habitStrength, ROUTINE_THRESHOLD } from './habit';
import { isoWeekKey } from './periods';
import { practiceEvidence, weeksToRoutine } from './practice-evidence';
import type { TeamAgreement } from './relations';
import { periodStatusesAt, StatusChange } from './stage';
import { teamAgreement } from './testing/agreements';

const START = '2026-09-07'; // Monday of 2026-W37

function weekly(
  teamId: string,
  doneWeeks: readonly number[],
  statusHistory: StatusChange[] = [{ on: START, status: 'running' }],
  practiceId: string | null = 'doel-vooraf',
): TeamAgreement {
  return teamAgreement(teamId, {
    practiceId,
    startDate: START,
    statusHistory,
    checkOffs: doneWeeks.map((w) => ({
      periodKey: isoWeekKey(addDays(START, w * 7)),
      state: 'done' as const,
      on: addDays(START, w * 7),
    })),
  });
}
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('weeks to routine', () => {
  it('takes ten done weeks in a row from the start', () => {
    const a = weekly('A', range(0, 10));
    expect(weeksToRoutine(a, '2026-12-31')).toBe(10);
    // Seen on the Saturday of the tenth week, the week is not over yet.
    expect(weeksToRoutine(a, '2026-11-14')).toBeCloseTo(69 / 7, 10);
    expect(weeksToRoutine(weekly('A', range(0, 9)), '2026-12-31')).toBeNull();
    expect(weeksToRoutine(weekly('A', range(1, 10)), '2026-12-31')).toBe(11);
  });

  it('finds the first period that reached routine, as a scan from the start would (property)', () => {
    fc.assert(
      fc.property(fc.subarray(range(0, 30)), (done) => {
        const a = weekly('A', done);
        const t = addDays(START, 30 * 7);
        const statuses = periodStatusesAt(a, t);
        let first: number | null = null;
        for (let n = 1; n <= statuses.length && first === null; n++) {
          if (habitStrength(statuses.slice(0, n)).peak >= ROUTINE_THRESHOLD) first = n;
        }
        expect(weeksToRoutine(a, t)).toBe(first);
        if (first !== null) expect(first).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});

describe('practice evidence', () => {
  const agreements: TeamAgreement[] = [
    weekly('A', range(0, 10)),
    weekly(
      'A',
      [],
      [
        { on: START, status: 'running' },
        { on: '2026-09-20', status: 'dropped' },
      ],
    ), // A tried twice: still one team, and not dropped while the other runs
    weekly('B', range(0, 3), [
      { on: START, status: 'running' },
      { on: '2026-10-15', status: 'dropped' },
    ]),
    weekly('C', [], [{ on: START, status: 'proposed' }]), // never ran: not tried
    weekly('D', range(1, 10)),
    teamAgreement('E', {
      practiceId: 'kennismaken',
      cadence: { kind: 'monthly' },
      startDate: '2026-09-01',
      statusHistory: [{ on: '2026-09-01', status: 'running' }],
      checkOffs: [
        { periodKey: '2026-09', state: 'done', on: '2026-09-30' },
        { periodKey: '2026-10', state: 'done', on: '2026-10-30' },
      ],
    }),
    weekly('F', range(0, 12), undefined, null), // a custom step: no practice to learn about
  ];

  it('counts per practice the teams that tried it, reached routine, how fast, and dropped it', () => {
    expect(practiceEvidence(agreements, '2026-12-31')).toEqual([
      {
        practiceId: 'doel-vooraf',
        teamsTried: 3,
        reachedRoutine: { numerator: 2, denominator: 3, value: 2 / 3 },
        medianWeeksToRoutine: 10.5,
        dropped: { numerator: 1, denominator: 3, value: 1 / 3 },
      },
      {
        practiceId: 'kennismaken',
        teamsTried: 1,
        reachedRoutine: { numerator: 0, denominator: 1, value: 0 },
        medianWeeksToRoutine: null,
        dropped: { numerator: 0, denominator: 1, value: 0 },
      },
    ]);
  });

  it('goes back in time', () => {
    const early = practiceEvidence(agreements, '2026-10-01');
    expect(early.map((e) => [e.practiceId, e.teamsTried])).toEqual([
      ['doel-vooraf', 3],
      ['kennismaken', 1],
    ]);
    expect(early[0].reachedRoutine?.numerator).toBe(0);
    expect(early[0].dropped?.numerator).toBe(0);
    expect(practiceEvidence(agreements, '2026-08-31')).toEqual([]);
  });

  it('keeps every share within [0, 1] of the teams that tried (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            team: fc.constantFrom('A', 'B', 'C'),
            practice: fc.constantFrom('p', 'q'),
            done: fc.subarray(range(0, 20)),
            dropped: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const list = specs.map((s) =>
            weekly(
              s.team,
              s.done,
              [
                { on: START, status: 'running' },
                ...(s.dropped ? [{ on: '2026-12-01', status: 'dropped' as const }] : []),
              ],
              s.practice,
            ),
          );
          for (const e of practiceEvidence(list, '2027-03-01')) {
            expect(e.teamsTried).toBeGreaterThan(0);
            expect(e.teamsTried).toBeLessThanOrEqual(3);
            for (const share of [e.reachedRoutine, e.dropped]) {
              expect(share?.denominator).toBe(e.teamsTried);
              expect(share?.value).toBeGreaterThanOrEqual(0);
              expect(share?.value).toBeLessThanOrEqual(1);
            }
            expect(e.medianWeeksToRoutine === null).toBe(e.reachedRoutine?.numerator === 0);
          }
        },
      ),
    );
  });
});
