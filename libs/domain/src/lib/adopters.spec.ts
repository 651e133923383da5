import fc from 'fast-check';
import { adopterCategories, firstPractisingDate } from './adopters';
import { addDays } from './dates';
import { isRooted } from './figures';
import { isoWeekKey } from './periods';
import { AgreementFacts, stageAt, TeamFacts } from './stage';

const START = '2026-09-07'; // Monday of 2026-W37

function weeklyFrom(checkOffs: AgreementFacts['checkOffs'] = []): AgreementFacts {
  return {
    cadence: { kind: 'weeks', every: 1 },
    startDate: START,
    endDate: null,
    statusHistory: [{ on: START, status: 'running' }],
    checkOffs,
    partnerTeamId: null,
  };
}

/** Done check-offs for the given weeks after START (0 = the first), each recorded `late` days on. */
function doneWeeks(weeks: readonly number[], late = 0): AgreementFacts['checkOffs'] {
  return weeks.map((w) => ({
    periodKey: isoWeekKey(addDays(START, w * 7)),
    state: 'done' as const,
    on: addDays(START, w * 7 + late),
  }));
}

function team(agreements: AgreementFacts[], openedOn = '2026-09-01'): TeamFacts {
  return {
    cases: [{ openedOn, closedOn: null }],
    agreements,
    partnerAgreements: [],
    spreadSourceDates: [],
  };
}

describe('first date a team was practising', () => {
  it('is the day of the sixth done week of eight', () => {
    const facts = team([weeklyFrom(doneWeeks([0, 1, 2, 3, 4, 5]))]);
    expect(firstPractisingDate(facts, '2026-12-31')).toBe('2026-10-12');
    expect(firstPractisingDate(facts, '2026-10-11')).toBeNull();
  });

  it('counts a check-off from the day it was recorded, and an adoption from its day', () => {
    const late = team([weeklyFrom(doneWeeks([0, 1, 2, 3, 4, 5], 20))]);
    expect(firstPractisingDate(late, '2026-12-31')).toBe('2026-11-01');
    const adopted = weeklyFrom();
    adopted.statusHistory = [...adopted.statusHistory, { on: '2026-10-01', status: 'adopted' }];
    expect(firstPractisingDate(team([adopted]), '2026-12-31')).toBe('2026-10-01');
  });

  it('waits for the case: a team is not practising before it was reached', () => {
    const facts = team([weeklyFrom(doneWeeks([0, 1, 2, 3, 4, 5]))], '2026-10-20');
    expect(firstPractisingDate(facts, '2026-12-31')).toBe('2026-10-20');
  });

  it('is never null for a team practising at t, and no earlier day was practising (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
        fc.nat({ max: 10 }),
        fc.integer({ min: 30, max: 140 }),
        (weeks, late, horizon) => {
          const t = addDays(START, horizon);
          const facts = team([weeklyFrom(doneWeeks(weeks, late))]);
          const first = firstPractisingDate(facts, t);
          const last = first ?? t;
          for (let d = '2026-08-30'; d < last; d = addDays(d, 1)) {
            expect(isRooted(stageAt(facts, d))).toBe(false);
          }
          if (first === null) expect(isRooted(stageAt(facts, t))).toBe(false);
          else expect(isRooted(stageAt(facts, first))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('adopter categories', () => {
  const day = (n: number) => addDays('2026-01-01', n);

  it('places teams by their date against μ and σ, with the not-yet-practising as laggards', () => {
    // Days 0, 20, 30 … 46 and 60: μ ≈ 35.2, σ ≈ 14.1, so the bounds are about 6.9, 21.0, 35.2, 49.3.
    const offsets: Record<string, number> = {
      first: 0,
      keen: 20,
      em1: 30,
      em2: 32,
      em3: 34,
      lm1: 36,
      lm2: 38,
      lm3: 40,
      lm4: 42,
      lm5: 44,
      lm6: 46,
      last: 60,
    };
    const dates = new Map<string, string | null>(
      Object.entries(offsets).map(([id, n]) => [id, day(n)]),
    );
    dates.set('not-yet', null);
    const result = adopterCategories(dates);
    expect(result.counts).toEqual({
      innovators: 1,
      'early-adopters': 1,
      'early-majority': 3,
      'late-majority': 6,
      laggards: 2,
    });
    expect(result.categoryOf.get('first')).toBe('innovators');
    expect(result.categoryOf.get('keen')).toBe('early-adopters');
    expect(result.categoryOf.get('em3')).toBe('early-majority');
    expect(result.categoryOf.get('lm1')).toBe('late-majority');
    expect(result.categoryOf.get('last')).toBe('laggards');
    expect(result.categoryOf.get('not-yet')).toBe('laggards');
    expect(result.practising).toBe(12);
    expect(result.mean).toBe('2026-02-05');
    expect(result.sdDays).toBeCloseTo(14.13, 2);
  });

  it('puts a date exactly on a bound in the later category', () => {
    // Two teams: μ is midway, σ half the gap, so the first sits on μ − σ, the second on μ + σ.
    const result = adopterCategories(
      new Map([
        ['a', day(0)],
        ['b', day(10)],
      ]),
    );
    expect(result.categoryOf.get('a')).toBe('early-majority');
    expect(result.categoryOf.get('b')).toBe('laggards');
  });

  it('calls teams innovators when there is no spread (σ = 0), laggards when nobody practises', () => {
    const alone = adopterCategories(
      new Map([
        ['a', day(3)],
        ['b', null],
      ]),
    );
    expect(alone.categoryOf.get('a')).toBe('innovators');
    expect(alone.categoryOf.get('b')).toBe('laggards');
    expect(alone.sdDays).toBe(0);
    const sameDay = adopterCategories(
      new Map([
        ['a', day(3)],
        ['b', day(3)],
        ['c', day(3)],
      ]),
    );
    expect(sameDay.counts.innovators).toBe(3);
    const nobody = adopterCategories(
      new Map([
        ['a', null],
        ['b', null],
      ]),
    );
    expect(nobody.counts.laggards).toBe(2);
    expect(nobody.mean).toBeNull();
    expect(nobody.sdDays).toBeNull();
    expect(adopterCategories(new Map()).counts.laggards).toBe(0);
  });

  it('never ranks a later team in an earlier category, and ignores a shift of all dates (property)', () => {
    const order = ['innovators', 'early-adopters', 'early-majority', 'late-majority', 'laggards'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat({ max: 700 }), { nil: null }), { maxLength: 40 }),
        fc.integer({ min: -400, max: 400 }),
        (offsets, shift) => {
          const dates = new Map(offsets.map((n, i) => [`t${i}`, n === null ? null : day(n)]));
          const moved = new Map(
            offsets.map((n, i) => [`t${i}`, n === null ? null : day(n + shift)]),
          );
          const result = adopterCategories(dates);
          expect(adopterCategories(moved).categoryOf).toEqual(result.categoryOf);
          const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
          expect(total).toBe(offsets.length);
          offsets.forEach((a, i) =>
            offsets.forEach((b, j) => {
              const rank = (k: number) => order.indexOf(result.categoryOf.get(`t${k}`) as string);
              if (a !== null && (b === null || a < b)) expect(rank(i)).toBeLessThanOrEqual(rank(j));
            }),
          );
        },
      ),
    );
  });
});
