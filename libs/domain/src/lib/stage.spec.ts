import fc from 'fast-check';
import { addDays } from './dates';
import { stalledSilence } from './habit';
import { periodContaining } from './periods';
import {
  AgreementFacts,
  canTransition,
  isPractised,
  periodStatusesAt,
  stageAt,
  stalledSilenceAt,
  statusAt,
  TeamFacts,
} from './stage';

const weekly = { kind: 'weeks', every: 1 } as const;

function agreement(overrides: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    cadence: weekly,
    startDate: '2026-09-07', // Monday of 2026-W37
    endDate: null,
    statusHistory: [{ on: '2026-09-07', status: 'running' }],
    checkOffs: [],
    partnerTeamId: null,
    ...overrides,
  };
}

/** Done check-offs for the weeks starting at `from`, each recorded on its Monday. */
function doneWeeks(from: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const monday = addDays(from, i * 7);
    const week = 37 + Math.round((Date.parse(monday) - Date.parse('2026-09-07')) / 604_800_000);
    return { periodKey: `2026-W${week}`, state: 'done' as const, on: monday };
  });
}

describe('agreement status', () => {
  it('allows only the transitions of the lifecycle', () => {
    expect(canTransition('proposed', 'running')).toBe(true);
    expect(canTransition('running', 'paused')).toBe(true);
    expect(canTransition('paused', 'running')).toBe(true);
    expect(canTransition('running', 'adopted')).toBe(true);
    expect(canTransition('adopted', 'running')).toBe(false);
    expect(canTransition('dropped', 'running')).toBe(false);
    expect(canTransition('proposed', 'paused')).toBe(false);
  });

  it('reads the status on a date from the history', () => {
    const history = [
      { on: '2026-09-01', status: 'proposed' as const },
      { on: '2026-09-07', status: 'running' as const },
      { on: '2026-10-05', status: 'paused' as const },
    ];
    expect(statusAt(history, '2026-08-31')).toBeNull();
    expect(statusAt(history, '2026-09-06')).toBe('proposed');
    expect(statusAt(history, '2026-10-04')).toBe('running');
    expect(statusAt(history, '2026-12-01')).toBe('paused');
  });
});

describe('practised and stalled', () => {
  it('is practised with 6 of the last 8 periods done', () => {
    const a = agreement({ checkOffs: doneWeeks('2026-09-07', 6) });
    // At the end of W44 (Sunday 1 Nov), W37..W44 are the last 8 periods; 6 are done.
    expect(isPractised(a, '2026-11-01')).toBe(true);
    // Three weeks later only 3 of the last 8 are done.
    expect(isPractised(a, '2026-11-22')).toBe(false);
  });

  it('does not count a check-off before it was recorded (going back in time)', () => {
    // Six weeks filled in afterwards, all on Sunday 1 November.
    const late = doneWeeks('2026-09-07', 6).map((c) => ({ ...c, on: '2026-11-01' }));
    expect(isPractised(agreement({ checkOffs: late }), '2026-10-31')).toBe(false);
    expect(isPractised(agreement({ checkOffs: late }), '2026-11-01')).toBe(true);
  });

  it('is practised when adopted', () => {
    const a = agreement({
      statusHistory: [
        { on: '2026-09-07', status: 'running' },
        { on: '2026-10-01', status: 'adopted' },
      ],
    });
    expect(isPractised(a, '2026-10-01')).toBe(true);
    expect(isPractised(a, '2026-09-30')).toBe(false);
  });

  it('is stalled after three weeks without any check-off, only while running', () => {
    const a = agreement({ checkOffs: doneWeeks('2026-09-07', 2) });
    // W37, W38 done; W39, W40, W41 missed by Monday 12 Oct.
    expect(stalledSilenceAt(a, '2026-10-11')).toBe(0);
    expect(stalledSilenceAt(a, '2026-10-12')).toBe(3);
    const paused = {
      ...a,
      statusHistory: [...a.statusHistory, { on: '2026-10-10', status: 'paused' as const }],
    };
    expect(stalledSilenceAt(paused, '2026-10-12')).toBe(0);
  });

  it('counts a silence of any length, as over all due periods (property)', () => {
    const cadences = [weekly, { kind: 'weeks', every: 2 } as const, { kind: 'monthly' } as const];
    fc.assert(
      fc.property(
        fc.constantFrom(...cadences),
        fc.integer({ min: 0, max: 1200 }), // days from the start to t
        fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 12 }), // check-off days
        (cadence, tDays, days) => {
          const start = '2023-01-02';
          const t = addDays(start, tDays);
          const checkOffs = days
            .filter((d) => d <= tDays)
            .map((d) => ({
              periodKey: periodContaining(cadence, start, addDays(start, d)).key,
              state: 'done' as const,
              on: addDays(start, d),
            }));
          const a = agreement({
            cadence,
            startDate: start,
            statusHistory: [{ on: start, status: 'running' }],
            checkOffs,
          });
          expect(stalledSilenceAt(a, t)).toBe(stalledSilence(periodStatusesAt(a, t)));
        },
      ),
    );
  });
});

describe('stage of a team', () => {
  const none: TeamFacts = {
    cases: [],
    agreements: [],
    partnerAgreements: [],
    spreadSourceDates: [],
  };

  it('walks from not reached to spreading', () => {
    const t = '2026-11-01';
    expect(stageAt(none, t)).toBe('not-reached');
    const withCase = { ...none, cases: [{ openedOn: '2026-09-01', closedOn: null }] };
    expect(stageAt(withCase, '2026-08-31')).toBe('not-reached');
    expect(stageAt(withCase, t)).toBe('intake');
    const experimenting = { ...withCase, agreements: [agreement()] };
    expect(stageAt(experimenting, t)).toBe('experimenting');
    const practising = {
      ...withCase,
      agreements: [agreement({ checkOffs: doneWeeks('2026-09-07', 8) })],
    };
    expect(stageAt(practising, t)).toBe('practising');
    expect(stageAt({ ...practising, spreadSourceDates: ['2026-10-15'] }, t)).toBe('spreading');
    expect(stageAt({ ...practising, spreadSourceDates: ['2026-11-15'] }, t)).toBe('practising');
    expect(stageAt({ ...practising, partnerAgreements: [agreement()] }, t)).toBe('spreading');
  });

  it('counts a team that is partner in a running agreement as experimenting', () => {
    const team = {
      ...none,
      cases: [{ openedOn: '2026-09-01', closedOn: null }],
      partnerAgreements: [agreement()],
    };
    expect(stageAt(team, '2026-10-01')).toBe('experimenting');
  });
});
