import fc from 'fast-check';
import { addDays, daysBetween, localDateIn, mondayOf } from './dates';
import { duePeriods, isoWeek, isoWeekKey, periodContaining } from './periods';

const dateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));

describe('ISO weeks', () => {
  it.each([
    ['2026-11-24', '2026-W48'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026, which has 53 weeks
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'], // a Monday in December that belongs to next year's week 1
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });

  it('gives consecutive days of one Monday-to-Sunday the same week, and the next Monday the next', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const monday = mondayOf(date);
        const key = isoWeekKey(monday);
        for (let i = 1; i < 7; i++) expect(isoWeekKey(addDays(monday, i))).toBe(key);
        const next = isoWeek(addDays(monday, 7));
        const here = isoWeek(monday);
        expect(next.year === here.year ? next.week === here.week + 1 : next.week === 1).toBe(true);
        expect(here.week).toBeGreaterThanOrEqual(1);
        expect(here.week).toBeLessThanOrEqual(53);
      }),
    );
  });
});

describe('local dates in the organisation time zone', () => {
  it('takes the Amsterdam calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 Dec is already New Year in Amsterdam (UTC+1).
    expect(localDateIn(new Date('2026-12-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2027-01-01');
    // Summer time (UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July.
    expect(localDateIn(new Date('2026-06-30T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-07-01');
  });

  it('keeps weeks seven calendar days long across the daylight-saving changes', () => {
    // Summer time starts 29 March 2026 and ends 25 October 2026.
    const periods = duePeriods({ kind: 'weeks', every: 1 }, '2026-03-23', null, '2026-11-01');
    for (const p of periods) expect(daysBetween(p.start, p.end)).toBe(6);
    expect(periods.map((p) => p.key)).toContain('2026-W13');
    expect(periods.map((p) => p.key)).toContain('2026-W43');
  });
});

describe('periods', () => {
  it('counts every-N-weeks blocks from the start week', () => {
    const cadence = { kind: 'weeks', every: 2 } as const;
    // Start on a Wednesday in W48: blocks start on Monday 23 Nov, 7 Dec, 21 Dec...
    expect(periodContaining(cadence, '2026-11-25', '2026-12-06')).toEqual({
      key: '2026-W48',
      start: '2026-11-23',
      end: '2026-12-06',
    });
    expect(periodContaining(cadence, '2026-11-25', '2026-12-07')).toEqual({
      key: '2026-W50',
      start: '2026-12-07',
      end: '2026-12-20',
    });
  });

  it('keeps only the latest periods when asked', () => {
    const monthly = duePeriods({ kind: 'monthly' }, '2026-01-31', null, '2026-03-01', 2);
    expect(monthly.map((p) => p.key)).toEqual(['2026-02', '2026-03']);
    expect(duePeriods({ kind: 'monthly' }, '2026-01-31', null, '2026-03-01', 0)).toEqual([]);
    const weekly = duePeriods({ kind: 'weeks', every: 1 }, '2026-12-21', null, '2027-01-12', 3);
    expect(weekly.map((p) => p.key)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
  });

  it('uses calendar months for a monthly cadence', () => {
    expect(duePeriods({ kind: 'monthly' }, '2026-01-31', null, '2026-03-01')).toEqual([
      { key: '2026-01', start: '2026-01-01', end: '2026-01-31' },
      { key: '2026-02', start: '2026-02-01', end: '2026-02-28' },
      { key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
    ]);
  });

  it('has one period for a once agreement, and none before the start', () => {
    expect(duePeriods({ kind: 'once' }, '2026-11-01', '2026-12-01', '2026-11-24')).toEqual([
      { key: 'once', start: '2026-11-01', end: '2026-12-01' },
    ]);
    expect(duePeriods({ kind: 'weeks', every: 1 }, '2026-11-25', null, '2026-11-24')).toEqual([]);
  });

  it('runs due periods across a year with 53 weeks', () => {
    const keys = duePeriods({ kind: 'weeks', every: 1 }, '2026-12-21', null, '2027-01-12').map(
      (p) => p.key,
    );
    expect(keys).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('stops at the end date', () => {
    const periods = duePeriods(
      { kind: 'weeks', every: 1 },
      '2026-11-02',
      '2026-11-15',
      '2026-12-31',
    );
    expect(periods.map((p) => p.key)).toEqual(['2026-W45', '2026-W46']);
  });

  it('rejects an impossible cadence', () => {
    expect(() => duePeriods({ kind: 'weeks', every: 0 }, '2026-11-02', null, '2026-12-31')).toThrow(
      RangeError,
    );
  });

  it('gives exactly the periods periodContaining gives, up to the end date (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 52 }).map((every) => ({ kind: 'weeks', every }) as const),
          fc.constant({ kind: 'monthly' } as const),
        ),
        dateArb,
        fc.integer({ min: 0, max: 1200 }),
        fc.option(fc.integer({ min: 0, max: 1200 }), { nil: null }),
        (cadence, start, length, endAfter) => {
          const today = addDays(start, length);
          const end = endAfter === null ? null : addDays(start, endAfter);
          const periods = duePeriods(cadence, start, end, today);
          const expected = [];
          const last = end !== null && end < today ? end : today;
          for (let p = periodContaining(cadence, start, start); p.start <= last;) {
            expected.push(p);
            p = periodContaining(cadence, start, addDays(p.end, 1));
          }
          expect(periods).toEqual(expected);
          expect(duePeriods(cadence, start, end, today, 8)).toEqual(expected.slice(-8));
        },
      ),
    );
  });

  it('tiles time without gaps or overlaps, every date in exactly one period (property)', () => {
    const cadenceArb = fc.oneof(
      fc.constant({ kind: 'monthly' } as const),
      fc.integer({ min: 1, max: 8 }).map((every) => ({ kind: 'weeks', every }) as const),
    );
    fc.assert(
      fc.property(
        cadenceArb,
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        (cadence, start, length) => {
          const today = addDays(start, length);
          const periods = duePeriods(cadence, start, null, today);
          expect(periods.length).toBeGreaterThan(0);
          expect(periods[0].start <= start && start <= periods[0].end).toBe(true);
          const last = periods[periods.length - 1];
          expect(last.start <= today && today <= last.end).toBe(true);
          for (let i = 1; i < periods.length; i++) {
            expect(periods[i].start).toBe(addDays(periods[i - 1].end, 1));
          }
          expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
          const probe = addDays(start, Math.floor(length / 2));
          expect(periods.filter((p) => p.start <= probe && probe <= p.end)).toHaveLength(1);
          expect(periodContaining(cadence, start, probe)).toEqual(
            periods.find((p) => p.start <= probe && probe <= p.end),
          );
        },
      ),
    );
  });
});
