import fc from 'fast-check';
import { rollUp, rollUpAll, stagesAt } from './figures';
import { buildOrgIndex, teamsIn } from './org-index';
import { Stage, TeamFacts } from './stage';
import { EXAMPLE_UNITS } from './testing/example-org';
import { randomOrg, randomTeamArb } from './testing/random-org';

const index = buildOrgIndex(EXAMPLE_UNITS);
const stages = new Map<string, Stage>([
  ['a1x', 'spreading'],
  ['a1y', 'practising'],
  ['a1z', 'experimenting'],
  ['a2x', 'intake'],
  // b1x has no facts: not reached.
  ['b1y', 'practising'],
]);

describe('org index', () => {
  it('knows each team’s department, directorate and subtree once', () => {
    expect(index.departmentOf.get('a1y')).toBe('dep-a1');
    expect(index.directorateOf.get('a1y')).toBe('dir-a');
    expect(index.ancestorsOf.get('a2x')).toEqual(['a2x', 'dep-a2', 'dir-a', 'org']);
    expect([...teamsIn(index, 'dir-a')].sort()).toEqual(['a1x', 'a1y', 'a1z', 'a2x']);
    expect(teamsIn(index, 'dep-b2')).toEqual([]);
    expect(teamsIn(index, 'nope')).toEqual([]);
  });

  it('survives a parent chain that loops', () => {
    const looped = buildOrgIndex([
      { id: 'x', parentId: 'y', kind: 'department', headcount: null },
      { id: 'y', parentId: 'x', kind: 'directorate', headcount: null },
      { id: 't', parentId: 'x', kind: 'team', headcount: 3 },
    ]);
    expect(looped.ancestorsOf.get('t')).toEqual(['t', 'x', 'y']);
  });
});

describe('roll-up of a unit at t', () => {
  it('counts teams per stage, reach and rooted, plain and weighted by headcount', () => {
    const figures = rollUp(index, 'org', stages, '2026-09-30');
    // b1y was archived in June, so five teams count.
    expect(figures.teams).toBe(5);
    expect(figures.stageCounts).toEqual({
      'not-reached': 1,
      intake: 1,
      experimenting: 1,
      practising: 1,
      spreading: 1,
    });
    expect(figures.reach).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(figures.rooted).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    // Weighted over a1x (10), a1y (20), a2x (5) and b1x (8); a1z has no headcount.
    expect(figures.weighted.headcount).toBe(43);
    expect(figures.weighted.teamsWithHeadcount).toBe(4);
    expect(figures.weighted.teamsWithoutHeadcount).toBe(1);
    expect(figures.weighted.reach).toMatchObject({ numerator: 30, denominator: 43 });
    expect(figures.weighted.rooted).toMatchObject({ numerator: 30, denominator: 43 });
  });

  it('still counts an archived team on a date before it was archived', () => {
    const figures = rollUp(index, 'dep-b1', stages, '2026-06-29');
    expect(figures.teams).toBe(2);
    expect(figures.rooted).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('gives null shares, never NaN, for a unit without teams or an unknown unit', () => {
    for (const unitId of ['dep-b2', 'nope']) {
      const figures = rollUp(index, unitId, stages, '2026-09-30');
      expect(figures.teams).toBe(0);
      expect(figures.reach).toBeNull();
      expect(figures.rooted).toBeNull();
      expect(figures.weighted.reach).toBeNull();
    }
  });

  it('gives a null weighted share when no team has a headcount', () => {
    const figures = rollUp(buildOrgIndex(EXAMPLE_UNITS), 'a1z', stages, '2026-09-30');
    expect(figures.reach).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(figures.weighted.reach).toBeNull();
    expect(figures.weighted.teamsWithoutHeadcount).toBe(1);
  });

  it('takes each team’s stage from stageAt', () => {
    const facts: TeamFacts = {
      cases: [{ openedOn: '2026-09-01', closedOn: null }],
      agreements: [],
      partnerAgreements: [],
      spreadSourceDates: [],
    };
    const computed = stagesAt(new Map([['a1x', facts]]), '2026-09-15');
    expect(computed.get('a1x')).toBe('intake');
    expect(stagesAt([['a1x', facts]], '2026-08-31').get('a1x')).toBe('not-reached');
  });

  it('agrees unit by unit with rollUpAll (above team level), adds up, and keeps every share in [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(randomTeamArb, { maxLength: 40 }),
        fc.constantFrom('2026-01-31', '2026-06-30', '2026-12-31'),
        (teams, t) => {
          const { units, stages: random } = randomOrg(teams);
          const idx = buildOrgIndex(units);
          const all = rollUpAll(idx, random, t);
          for (const unit of units) {
            const one = rollUp(idx, unit.id, random, t);
            expect(all.get(unit.id)).toEqual(unit.kind === 'team' ? undefined : one);
            const sum = Object.values(one.stageCounts).reduce((a, b) => a + b, 0);
            expect(sum).toBe(one.teams);
            expect(one.weighted.teamsWithHeadcount + one.weighted.teamsWithoutHeadcount).toBe(
              one.teams,
            );
            for (const share of [one.reach, one.rooted, one.weighted.reach, one.weighted.rooted]) {
              if (share === null) continue;
              expect(share.value).toBeGreaterThanOrEqual(0);
              expect(share.value).toBeLessThanOrEqual(1);
            }
            expect(one.rooted?.numerator ?? 0).toBeLessThanOrEqual(one.reach?.numerator ?? 0);
            expect(one.reach === null).toBe(one.teams === 0);
          }
          const root = all.get('org');
          const children = ['d0', 'd1', 'd2'].map((d) => all.get(d)?.teams ?? 0);
          expect(root?.teams).toBe(children.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});
