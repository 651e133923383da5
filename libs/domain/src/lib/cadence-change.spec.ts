import fc from 'fast-check';
import { addDays, weekdayIndex } from './dates';
import { CheckOffState, withStatuses } from './habit';
import { cadenceChangeStart, Cadence, duePeriods, withCadenceChange } from './periods';
import { periodStatusesAt } from './stage';

const weekly: Cadence = { kind: 'weeks', every: 1 };
const fortnightly: Cadence = { kind: 'weeks', every: 2 };
const monthly: Cadence = { kind: 'monthly' };

describe('where a changed cadence starts its periods', () => {
  it.each([
    [weekly, '2026-12-09', '2026-12-14'], // a Wednesday: the next Monday
    [fortnightly, '2026-12-14', '2026-12-14'], // a Monday: that day
    [monthly, '2026-12-09', '2027-01-01'],
    [monthly, '2026-12-01', '2026-12-01'],
    [{ kind: 'once' } as Cadence, '2026-12-09', '2026-12-09'],
  ])('%j changed on %s starts on %s', (cadence, on, start) => {
    expect(cadenceChangeStart(cadence, on)).toBe(start);
  });

  it('is never before the change day and within one period of it', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 8 }), (on, every) => {
        const start = cadenceChangeStart({ kind: 'weeks', every }, on);
        expect(start >= on && start <= addDays(on, 6)).toBe(true);
        expect(weekdayIndex(start)).toBe(0);
      }),
    );
  });
});

describe('due periods across a cadence change', () => {
  it('keeps the weekly periods before the change and counts fortnights from its start', () => {
    const earlier = withCadenceChange([], weekly, '2026-11-02', '2026-12-14');
    expect(earlier).toEqual([{ cadence: weekly, until: '2026-12-14' }]);
    const keys = duePeriods(fortnightly, '2026-11-02', null, '2027-01-20', Infinity, earlier).map(
      (p) => `${p.key} ${p.start}..${p.end}`,
    );
    expect(keys).toEqual([
      '2026-W45 2026-11-02..2026-11-08',
      '2026-W46 2026-11-09..2026-11-15',
      '2026-W47 2026-11-16..2026-11-22',
      '2026-W48 2026-11-23..2026-11-29',
      '2026-W49 2026-11-30..2026-12-06',
      '2026-W50 2026-12-07..2026-12-13',
      '2026-W51 2026-12-14..2026-12-27',
      '2026-W53 2026-12-28..2027-01-10',
      '2027-W02 2027-01-11..2027-01-24',
    ]);
  });

  it('cuts the last period of the old cadence short on the day before the new one starts', () => {
    const earlier = withCadenceChange([], monthly, '2026-10-01', '2026-12-14');
    const periods = duePeriods(weekly, '2026-10-01', null, '2026-12-20', Infinity, earlier);
    expect(periods.map((p) => [p.key, p.start, p.end])).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-13'],
      ['2026-W51', '2026-12-14', '2026-12-20'],
    ]);
  });

  it('gives check-offs before the change the periods they were ticked in', () => {
    const earlier = withCadenceChange([], weekly, '2026-11-02', '2026-12-14');
    const checkOffs = ['2026-W48', '2026-W49', '2026-W50', '2026-W51'].map((periodKey) => ({
      periodKey,
      state: 'done' as CheckOffState,
      on: '2026-12-15',
    }));
    const statuses = periodStatusesAt(
      {
        cadence: fortnightly,
        earlierCadences: earlier,
        startDate: '2026-11-02',
        endDate: null,
        statusHistory: [{ on: '2026-11-02', status: 'running' }],
        checkOffs,
        partnerTeamId: null,
      },
      '2026-12-30',
    );
    // W45–W47 missed, W48–W50 done (weekly), the fortnight W51–W52 done, W53 still open.
    expect(statuses).toEqual([
      'missed',
      'missed',
      'missed',
      'done',
      'done',
      'done',
      'done',
      'open',
    ]);
  });

  it('keeps the last periods only with lastCount, as slicing would', () => {
    const earlier = withCadenceChange([], weekly, '2026-01-05', '2026-06-01');
    const all = duePeriods(monthly, '2026-01-05', null, '2026-12-31', Infinity, earlier);
    expect(duePeriods(monthly, '2026-01-05', null, '2026-12-31', 8, earlier)).toEqual(
      all.slice(-8),
    );
  });

  it('ends at the end date, also inside the old cadence', () => {
    const earlier = withCadenceChange([], weekly, '2026-11-02', '2026-12-14');
    const periods = duePeriods(
      monthly,
      '2026-11-02',
      '2026-11-20',
      '2026-12-31',
      Infinity,
      earlier,
    );
    expect(periods.map((p) => p.key)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
  });

  it('has no period overlap and no gap between the first and the last day', () => {
    const cadences: Cadence[] = [weekly, fortnightly, { kind: 'weeks', every: 6 }, monthly];
    const arb = fc.record({
      first: fc.constantFrom(...cadences),
      second: fc.constantFrom(...cadences),
      third: fc.constantFrom(...cadences),
      a: fc.integer({ min: 1, max: 200 }),
      b: fc.integer({ min: 1, max: 200 }),
    });
    fc.assert(
      fc.property(arb, ({ first, second, third, a, b }) => {
        const start = '2026-01-07';
        let earlier = withCadenceChange(
          [],
          first,
          start,
          cadenceChangeStart(second, addDays(start, a)),
        );
        earlier = withCadenceChange(
          earlier,
          second,
          start,
          cadenceChangeStart(third, addDays(start, a + b)),
        );
        const periods = duePeriods(third, start, null, '2027-06-30', Infinity, earlier);
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i].start).toBe(addDays(periods[i - 1].end, 1));
        }
        expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
        expect(withStatuses(periods, new Map(), '2027-06-30').length).toBe(periods.length);
      }),
    );
  });

  it('replaces the history when the change takes effect on or before the start', () => {
    expect(withCadenceChange([], weekly, '2026-12-14', '2026-12-14')).toEqual([]);
  });

  it('drops a cadence that never got a day when a second change comes before it starts', () => {
    // weekly → monthly on 9 Dec (from 1 Jan), then → fortnightly on 10 Dec (from 14 Dec).
    const once = withCadenceChange([], weekly, '2026-11-02', '2027-01-01');
    expect(withCadenceChange(once, monthly, '2026-11-02', '2026-12-14')).toEqual([
      { cadence: weekly, until: '2026-12-14' },
    ]);
  });
});
