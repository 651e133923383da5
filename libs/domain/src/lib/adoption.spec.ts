import fc from 'fast-check';
import { adoptionOverTime, monthEnds, StageSnapshot } from './adoption';
import { buildOrgIndex } from './org-index';
import { Stage, STAGES } from './stage';
import { EXAMPLE_UNITS } from './testing/example-org';

const index = buildOrgIndex(EXAMPLE_UNITS);

describe('month ends', () => {
  it('lists the last day of each month and ends on today in the current month', () => {
    expect(monthEnds('2026-01-15', '2026-04-10')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-10',
    ]);
    expect(monthEnds('2028-02-01', '2028-03-31')).toEqual(['2028-02-29', '2028-03-31']);
    expect(monthEnds('2026-11-30', '2027-01-02')).toEqual([
      '2026-11-30',
      '2026-12-31',
      '2027-01-02',
    ]);
    expect(monthEnds('2026-05-05', '2026-05-05')).toEqual(['2026-05-05']);
    expect(monthEnds('2026-05-05', '2026-04-30')).toEqual([]);
  });
});

describe('adoption over time', () => {
  const snapshot = (on: string, entries: [string, Stage][]): StageSnapshot => ({
    on,
    stages: new Map(entries),
  });

  it('counts stages per month and each team as new only the first month it is reached', () => {
    const series = [
      // Given out of order on purpose.
      snapshot('2026-02-28', [
        ['a1x', 'experimenting'],
        ['a1y', 'experimenting'],
        ['a1z', 'experimenting'],
      ]),
      snapshot('2026-01-31', [
        ['a1x', 'experimenting'],
        ['a1y', 'intake'],
      ]),
      snapshot('2026-03-31', [
        ['a1x', 'practising'],
        ['a1y', 'intake'], // fell back: stays counted as reached, is not new again later
        ['a1z', 'experimenting'],
        ['a2x', 'experimenting'],
      ]),
      snapshot('2026-04-30', [
        ['a1x', 'spreading'],
        ['a1y', 'experimenting'],
        ['a1z', 'practising'],
        ['a2x', 'experimenting'],
      ]),
    ];
    const points = adoptionOverTime(index, 'dir-a', series);
    expect(points.map((p) => p.on)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(points.map((p) => p.newlyReached)).toEqual([null, 2, 1, 0]);
    expect(points.map((p) => p.newlyReachedTeamIds)).toEqual([[], ['a1y', 'a1z'], ['a2x'], []]);
    expect(points.map((p) => p.everReached)).toEqual([1, 3, 4, 4]);
    expect(points[2].stageCounts).toEqual({
      'not-reached': 0,
      intake: 1,
      experimenting: 2,
      practising: 1,
      spreading: 0,
    });
    expect(points.every((p) => p.teams === 4)).toBe(true);
  });

  it('drops an archived team from the months after its archiving', () => {
    const series = [
      snapshot('2026-05-31', [['b1y', 'practising']]),
      snapshot('2026-06-30', [['b1y', 'practising']]),
    ];
    expect(adoptionOverTime(index, 'dep-b1', series).map((p) => p.teams)).toEqual([2, 1]);
  });

  it('keeps a cumulative S-curve: never falling, growing by exactly the new teams (property)', () => {
    const teamIds = ['a1x', 'a1y', 'a1z', 'a2x', 'b1x'];
    const monthArb = fc.array(fc.constantFrom(...STAGES), {
      minLength: teamIds.length,
      maxLength: teamIds.length,
    });
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 1, maxLength: 12 }), (months) => {
        const ends = monthEnds('2027-01-01', '2027-12-31');
        const series = months.map((stages, i) =>
          snapshot(
            ends[i],
            teamIds.map((id, j) => [id, stages[j]]),
          ),
        );
        const points = adoptionOverTime(index, 'org', series);
        for (let i = 1; i < points.length; i++) {
          expect(points[i].everReached).toBe(
            points[i - 1].everReached + (points[i].newlyReached ?? 0),
          );
        }
        for (const p of points) {
          expect(Object.values(p.stageCounts).reduce((a, b) => a + b, 0)).toBe(p.teams);
          expect(p.everReached).toBeLessThanOrEqual(p.teams);
        }
      }),
    );
  });
});
