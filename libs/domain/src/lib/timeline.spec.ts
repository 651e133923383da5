import fc from 'fast-check';
import { addDays, LocalDate } from './dates';
import { CheckOffState } from './habit';
import { Cadence, duePeriods } from './periods';
import {
  AgreementFacts,
  AgreementStatus,
  stageAt,
  stalledSilenceAt,
  statusAt,
  TeamFacts,
} from './stage';
import { firstRootedDay, teamTimeline, timelineAt } from './timeline';

const ORIGIN = '2025-01-01';
const UNTIL = '2026-06-30';

/** What the timeline must equal on every day: `stageAt` and the stalled own agreements. */
function direct(team: TeamFacts, t: LocalDate) {
  return {
    stage: stageAt(team, t),
    stalled: team.agreements.filter(
      (a) => statusAt(a.statusHistory, t) === 'running' && stalledSilenceAt(a, t) > 0,
    ).length,
  };
}

const weekly: Cadence = { kind: 'weeks', every: 1 };

function agreement(overrides: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    cadence: weekly,
    startDate: '2026-01-05', // a Monday, 2026-W02
    endDate: null,
    statusHistory: [{ on: '2026-01-05', status: 'running' }],
    checkOffs: [],
    partnerTeamId: null,
    ...overrides,
  };
}

/** Done check-offs for `count` weeks from 2026-W02, each recorded on its Monday. */
function doneWeeks(count: number, skip: readonly number[] = []) {
  return Array.from({ length: count }, (_, i) => i)
    .filter((i) => !skip.includes(i))
    .map((i) => ({
      periodKey: `2026-W${String(2 + i).padStart(2, '0')}`,
      state: 'done' as const,
      on: addDays('2026-01-05', i * 7),
    }));
}

describe('teamTimeline', () => {
  it('follows a team through its stages, worked out by hand', () => {
    // Case opened 22 Dec; a weekly agreement from Monday 5 Jan, done in weeks 2–9 except week 4.
    const team: TeamFacts = {
      cases: [{ openedOn: '2025-12-22', closedOn: null }],
      agreements: [agreement({ checkOffs: doneWeeks(8, [2]) })],
      partnerAgreements: [],
      spreadSourceDates: ['2026-03-02'],
    };
    const points = teamTimeline(team, '2026-04-30');
    // 22 Dec intake; 5 Jan running → experimenting; the 6th done tick (week 8, Mon 16 Feb) makes
    // 6 of the last 7 due periods done → practising; the spread link of 2 Mar → spreading. From
    // week 10 (2 Mar) nothing is ticked: on Mon 2 Mar the last 8 periods (W03–W10) still hold 6
    // done, on Mon 9 Mar (W04–W11) only 5 → experimenting; stalled once three periods are over
    // without a tick: W10, W11, W12 are over on Mon 23 Mar.
    expect(points).toEqual([
      { from: '2025-12-22', stage: 'intake', stalled: 0 },
      { from: '2026-01-05', stage: 'experimenting', stalled: 0 },
      { from: '2026-02-16', stage: 'practising', stalled: 0 },
      { from: '2026-03-02', stage: 'spreading', stalled: 0 },
      { from: '2026-03-09', stage: 'experimenting', stalled: 0 },
      { from: '2026-03-23', stage: 'experimenting', stalled: 1 },
    ]);
    expect(timelineAt(points, '2025-12-21')).toEqual({ stage: 'not-reached', stalled: 0 });
    expect(timelineAt(points, '2026-02-20')).toEqual({ stage: 'practising', stalled: 0 });
    expect(timelineAt(points, '2026-04-30')).toEqual({ stage: 'experimenting', stalled: 1 });
    expect(firstRootedDay(points)).toBe('2026-02-16');
    for (let t = '2025-12-01'; t <= '2026-04-30'; t = addDays(t, 1)) {
      expect(timelineAt(points, t)).toEqual(direct(team, t));
    }
  });

  it('is empty for a team without a case and facts', () => {
    const team: TeamFacts = {
      cases: [],
      agreements: [],
      partnerAgreements: [],
      spreadSourceDates: [],
    };
    expect(teamTimeline(team, UNTIL)).toEqual([]);
    expect(firstRootedDay([])).toBeNull();
  });

  const dayArb = (max: number) => fc.integer({ min: 0, max }).map((n) => addDays(ORIGIN, n));
  const cadenceArb: fc.Arbitrary<Cadence> = fc.oneof(
    fc.constant<Cadence>({ kind: 'once' }),
    fc.constant<Cadence>({ kind: 'monthly' }),
    fc.constantFrom(1, 2, 6).map<Cadence>((every) => ({ kind: 'weeks', every })),
  );
  const statusArb = fc.constantFrom<AgreementStatus>(
    'running',
    'paused',
    'adopted',
    'dropped',
    'proposed',
  );

  const agreementArb: fc.Arbitrary<AgreementFacts> = fc
    .record({
      cadence: cadenceArb,
      start: fc.integer({ min: 0, max: 400 }),
      length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      changes: fc.array(fc.record({ after: fc.nat({ max: 120 }), status: statusArb }), {
        maxLength: 3,
      }),
      ticks: fc.array(
        fc.record({
          period: fc.nat({ max: 80 }),
          lag: fc.integer({ min: -2, max: 40 }),
          state: fc.constantFrom<CheckOffState>('done', 'done', 'done', 'skipped'),
        }),
        { maxLength: 60 },
      ),
      partner: fc.boolean(),
    })
    .map(({ cadence, start, length, changes, ticks, partner }) => {
      const startDate = addDays(ORIGIN, start);
      const endDate = length === null ? null : addDays(startDate, length);
      const statusHistory = [{ on: startDate, status: 'running' as AgreementStatus }];
      let on = startDate;
      for (const c of changes) {
        on = addDays(on, c.after);
        statusHistory.push({ on, status: c.status });
      }
      const periods = duePeriods(cadence, startDate, endDate, UNTIL);
      const byKey = new Map<string, AgreementFacts['checkOffs'][number]>();
      for (const tick of ticks) {
        const period = periods[tick.period % Math.max(1, periods.length)];
        if (!period) continue;
        const tickOn = addDays(period.start < startDate ? startDate : period.start, tick.lag);
        byKey.set(period.key, { periodKey: period.key, state: tick.state, on: tickOn });
      }
      return {
        cadence,
        startDate,
        endDate,
        statusHistory,
        checkOffs: [...byKey.values()],
        partnerTeamId: partner ? 'other-team' : null,
      };
    });

  const teamArb: fc.Arbitrary<TeamFacts> = fc.record({
    cases: fc.array(
      dayArb(500).map((openedOn) => ({ openedOn, closedOn: null })),
      { maxLength: 2 },
    ),
    agreements: fc.array(agreementArb, { maxLength: 3 }),
    partnerAgreements: fc.array(agreementArb, { maxLength: 2 }),
    spreadSourceDates: fc.array(dayArb(540), { maxLength: 2 }),
  });

  it('equals stageAt and the stalled agreements on every day (property)', () => {
    fc.assert(
      fc.property(teamArb, fc.integer({ min: 1, max: 5 }), (team, step) => {
        const points = teamTimeline(team, UNTIL);
        for (let t = addDays(ORIGIN, -3); t <= UNTIL; t = addDays(t, step)) {
          expect(timelineAt(points, t)).toEqual(direct(team, t));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('has a point only where something changes, in day order (property)', () => {
    fc.assert(
      fc.property(teamArb, (team) => {
        const points = teamTimeline(team, UNTIL);
        for (let i = 1; i < points.length; i++) {
          expect(points[i].from > points[i - 1].from).toBe(true);
          expect(
            points[i].stage !== points[i - 1].stage || points[i].stalled !== points[i - 1].stalled,
          ).toBe(true);
        }
        for (const p of points) expect(p.from <= UNTIL).toBe(true);
      }),
    );
  });
});
