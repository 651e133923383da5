import fc from 'fast-check';
import { buildOrgIndex, departmentKey, directorateKey, teamsIn } from './org-index';
import { isSpreadLinkAt, isTieAt, SpreadLink } from './relations';
import { crossUnitLinks, crossUnitLinksByUnit, spreadFactor, spreadFactorByUnit } from './spread';
import { Stage } from './stage';
import { partnerAgreement } from './testing/agreements';
import { EXAMPLE_UNITS } from './testing/example-org';
import { randomOrg, randomTeamArb } from './testing/random-org';

const index = buildOrgIndex(EXAMPLE_UNITS);
const t = '2026-09-30';
const stages = new Map<string, Stage>([
  ['a1x', 'spreading'],
  ['a1y', 'spreading'],
  ['a2x', 'practising'],
  ['b1x', 'practising'],
]);
const link = (sourceTeamId: string, targetTeamId: string, on: string, practiceId = 'p1') => ({
  sourceTeamId,
  targetTeamId,
  practiceId,
  on,
});
const links: SpreadLink[] = [
  link('a1x', 'a2x', '2026-05-01'),
  link('a1x', 'a2x', '2026-06-01', 'p2'), // the same team again, another practice
  link('a1x', 'b1x', '2026-07-01'),
  link('a1x', 'a1z', '2026-12-01'), // after t
  link('a1x', 'a1x', '2026-05-01'), // to itself: never counts
  link('a2x', 'b1x', '2026-08-01'), // a2x is practising, not spreading
];

describe('spread factor R', () => {
  it('is the mean number of distinct teams inspired per spreading team', () => {
    // a1x inspired a2x and b1x by t; a1y spreads only as a partner and inspired nobody.
    expect(spreadFactor(index, 'org', stages, links, t)).toEqual({
      numerator: 2,
      denominator: 2,
      value: 1,
    });
    expect(spreadFactor(index, 'dep-a1', stages, links, '2026-12-01')).toMatchObject({
      numerator: 3,
      denominator: 2,
    });
  });

  it('is null, not NaN, where no team spreads', () => {
    expect(spreadFactor(index, 'dir-b', stages, links, t)).toBeNull();
    expect(spreadFactor(index, 'dep-b2', stages, links, t)).toBeNull();
  });

  it('matches a team-by-team count on random organisations (property)', () => {
    fc.assert(
      fc.property(
        fc.array(randomTeamArb, { minLength: 1, maxLength: 25 }),
        fc.array(
          fc.record({
            source: fc.nat(),
            target: fc.nat(),
            on: fc.constantFrom('2026-02-01', '2026-08-01', '2026-11-01'),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom('org', 'd0', 'd1-p1'),
        (teams, raw, unitId) => {
          const { units, stages: random } = randomOrg(teams);
          const idx = buildOrgIndex(units);
          const randomLinks = raw.map((r) =>
            link(`t${r.source % teams.length}`, `t${r.target % teams.length}`, r.on),
          );
          const spreaders = teamsIn(idx, unitId).filter((id) => {
            const archived = units.find((u) => u.id === id)?.archivedOn;
            return random.get(id) === 'spreading' && !(archived && archived <= t);
          });
          const inspired = spreaders.map(
            (s) =>
              new Set(
                randomLinks
                  .filter((l) => l.sourceTeamId === s && l.on <= t && l.targetTeamId !== s)
                  .map((l) => l.targetTeamId),
              ).size,
          );
          const r = spreadFactor(idx, unitId, random, randomLinks, t);
          if (spreaders.length === 0) expect(r).toBeNull();
          else
            expect(r).toEqual({
              numerator: inspired.reduce((a, b) => a + b, 0),
              denominator: spreaders.length,
              value: inspired.reduce((a, b) => a + b, 0) / spreaders.length,
            });
        },
      ),
    );
  });
});

describe('cross-unit links', () => {
  const agreements = [
    partnerAgreement('a1x', 'a1y', 'running'), // same department
    partnerAgreement('a1y', 'a2x', 'running'), // another department, same directorate
    partnerAgreement('a2x', 'b1x', 'adopted', '2026-04-01'), // another directorate
    partnerAgreement('a1z', 'b1x', 'proposed'), // not agreed yet: no tie
    partnerAgreement('b1x', 'a1x', 'dropped', '2026-09-01'), // dropped by t
  ];

  it('counts agreements and spread links between departments and between directorates', () => {
    expect(crossUnitLinks(index, 'org', agreements, links, t)).toEqual({
      departments: { agreements: 2, spreadLinks: 4, total: 6 },
      directorates: { agreements: 1, spreadLinks: 2, total: 3 },
    });
  });

  it('counts a link for a unit when either of its teams is inside', () => {
    expect(crossUnitLinks(index, 'dep-b1', agreements, links, t)).toEqual({
      departments: { agreements: 1, spreadLinks: 2, total: 3 },
      directorates: { agreements: 1, spreadLinks: 2, total: 3 },
    });
    expect(crossUnitLinks(index, 'dep-b2', agreements, links, t).departments.total).toBe(0);
  });

  it('goes back in time: the dropped agreement counted while it ran', () => {
    const earlier = crossUnitLinks(index, 'org', agreements, links, '2026-06-15');
    // a1y–a2x, b1x–a1x (still running), a2x–b1x (adopted on 1 April); links of May and June.
    expect(earlier.departments).toEqual({ agreements: 3, spreadLinks: 2, total: 5 });
    expect(earlier.directorates).toEqual({ agreements: 2, spreadLinks: 0, total: 2 });
  });

  it('counts for the whole organisation exactly the records between units (property)', () => {
    fc.assert(
      fc.property(
        fc.array(randomTeamArb, { minLength: 2, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 30 }),
        (teams, pairs) => {
          const idx = buildOrgIndex(randomOrg(teams).units);
          const team = (n: number) => `t${n % teams.length}`;
          const randomAgreements = pairs
            .filter(([, , isLink]) => !isLink)
            .map(([a, b]) => partnerAgreement(team(a), team(b), 'running'));
          const randomLinks = pairs
            .filter(([, , isLink]) => isLink)
            .map(([a, b]) => link(team(a), team(b), '2026-02-01'));
          const result = crossUnitLinks(idx, 'org', randomAgreements, randomLinks, t);
          const ends = [
            ...randomAgreements
              .filter((a) => isTieAt(a, t))
              .map((a) => [a.teamId, a.partnerTeamId]),
            ...randomLinks
              .filter((l) => isSpreadLinkAt(l, t))
              .map((l) => [l.sourceTeamId, l.targetTeamId]),
          ] as [string, string][];
          const between = (key: typeof departmentKey) =>
            ends.filter(([a, b]) => key(idx, a) !== key(idx, b)).length;
          expect(result.departments.total).toBe(between(departmentKey));
          expect(result.directorates.total).toBe(between(directorateKey));
          expect(result.directorates.total).toBeLessThanOrEqual(result.departments.total);
        },
      ),
    );
  });
});

describe('figures of several units at once', () => {
  const UNITS = ['org', 'd0', 'd1', 'd2', 'd0-p0', 'd0-p1', 'd1-p1', 'd2-p2', 't0', 'nowhere'];
  const statusArb = fc.constantFrom(
    'running',
    'paused',
    'adopted',
    'dropped',
    'proposed',
  ) as fc.Arbitrary<'running' | 'paused' | 'adopted' | 'dropped' | 'proposed'>;

  it('equal the figures unit by unit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(randomTeamArb, { minLength: 1, maxLength: 25 }),
        fc.array(
          fc.record({
            source: fc.nat(),
            target: fc.nat(),
            on: fc.constantFrom('2026-02-01', '2026-08-01', '2026-11-01'),
          }),
          { maxLength: 40 },
        ),
        fc.array(
          fc.record({
            team: fc.nat(),
            partner: fc.nat(),
            status: statusArb,
            since: fc.constantFrom('2026-02-01', '2026-08-01', '2026-11-01'),
          }),
          { maxLength: 20 },
        ),
        (teams, rawLinks, rawTies) => {
          const { units, stages: random } = randomOrg(teams);
          const idx = buildOrgIndex(units);
          const team = (n: number) =>
            n % (teams.length + 1) === teams.length ? 'gone' : `t${n % teams.length}`;
          const someLinks = rawLinks.map((r) => link(team(r.source), team(r.target), r.on));
          const ties = rawTies.map((r) =>
            partnerAgreement(team(r.team), team(r.partner), r.status, r.since),
          );
          const r = spreadFactorByUnit(idx, UNITS, random, someLinks, t);
          const c = crossUnitLinksByUnit(idx, UNITS, ties, someLinks, t);
          for (const unitId of UNITS) {
            expect(r.get(unitId)).toEqual(spreadFactor(idx, unitId, random, someLinks, t));
            expect(c.get(unitId)).toEqual(crossUnitLinks(idx, unitId, ties, someLinks, t));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
