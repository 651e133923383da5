import fc from 'fast-check';
import { exposures, nextBestTeams } from './exposure';
import { countWhere, emptyStageCounts, rollUp, rollUpAll, StageCounts } from './figures';
import { buildOrgIndex, departmentKey, directorateKey, isActiveAt } from './org-index';
import { crossesUnits, orgStructure } from './org-structure';
import { crossUnitLinks, crossUnitLinksByUnit } from './spread';
import { Stage, STAGES } from './stage';
import { partnerAgreement } from './testing/agreements';
import { EXAMPLE_DEEP_UNITS, FIVE_LEVELS } from './testing/example-deep-org';
import { randomDeepOrgArb } from './testing/random-deep-org';

const T = '2026-06-30';
const index = buildOrgIndex(EXAMPLE_DEEP_UNITS, FIVE_LEVELS);
const stages = new Map<string, Stage>([
  ['mt1', 'practising'],
  ['t1', 'spreading'],
  ['s1', 'practising'],
  // s2, t2 and t4 have no case: not reached.
  ['t3', 'practising'],
]);
const counts = (partial: Partial<StageCounts>): StageCounts => ({
  ...emptyStageCounts(),
  ...partial,
});

describe('figures of an organisation of any depth (worked example)', () => {
  it('knows teams at any level and each team’s department-level unit', () => {
    expect([...index.teamIds].sort()).toEqual(['mt1', 's1', 's2', 't1', 't2', 't3', 't4']);
    expect(index.departmentOf.get('s1')).toBe('p1');
    expect(index.directorateOf.get('s1')).toBe('c1');
    expect(index.departmentOf.get('mt1')).toBe('mt1'); // a management team is its own unit
    expect(index.directorateOf.get('mt1')).toBe('c1');
    expect([...(index.teamsUnder.get('t1') ?? [])].sort()).toEqual(['s1', 's2', 't1']);
  });

  it('rolls a team with sub-teams up like a unit, counting every team once', () => {
    const all = rollUpAll(index, stages, T);
    expect(all.get('t1')?.stageCounts).toEqual(
      counts({ spreading: 1, practising: 1, 'not-reached': 1 }),
    );
    expect(all.get('p1')?.teams).toBe(4);
    expect(all.get('c1')?.stageCounts).toEqual(
      counts({ 'not-reached': 2, practising: 3, spreading: 1 }),
    );
    expect(all.get('c1')?.weighted.headcount).toBe(6 + 4 + 5 + 7 + 9 + 11);
    expect(all.get('org')?.teams).toBe(7);
    expect(all.has('s1')).toBe(false); // a lone team's figure is its stage
    expect(all.has('mt1')).toBe(false);
    expect(rollUp(index, 'mt1', stages, T).stageCounts).toEqual(counts({ practising: 1 }));
  });

  it('sees practising teams under the same parent unit, and partners', () => {
    const ties = [
      partnerAgreement('t2', 'mt1', 'running'),
      partnerAgreement('t4', 't3', 'running'),
    ];
    expect(exposures(index, stages, ties, [], T)).toEqual(
      new Map([
        ['s2', 1], // sibling sub-team s1; its parent team t1 is no sibling
        ['t2', 2], // t1 beside it in p1, and the management team through an agreement
        ['t4', 1], // alone in p3: only its partner t3
      ]),
    );
    const {
      teams: [best],
    } = nextBestTeams(index, stages, ties, [], T);
    expect(best.sources.map((s) => [s.teamId, s.via])).toEqual([
      ['mt1', ['agreement']],
      ['t1', ['department']],
    ]);
  });

  it('counts cross-unit links by the department-level unit', () => {
    const ties = [
      partnerAgreement('t1', 's1', 'running'), // a team and its sub-team: one department
      partnerAgreement('mt1', 't2', 'running'), // management team and a team of its cluster
      partnerAgreement('t3', 't4', 'running'), // two clusters
    ];
    expect(crossUnitLinks(index, 'c1', ties, [], T)).toEqual({
      departments: { agreements: 2, spreadLinks: 0, total: 2 },
      directorates: { agreements: 1, spreadLinks: 0, total: 1 },
    });
    expect(crossUnitLinks(index, 't1', ties, [], T).departments.total).toBe(0);
  });
});

describe('figures over random trees of depth 1–8', () => {
  const activeTeams = (idx: ReturnType<typeof buildOrgIndex>) =>
    idx.teamIds.filter((id) => isActiveAt(idx, id, T));

  it('sums the stage counts to the team count at every node, and a node to its children plus itself', () => {
    fc.assert(
      fc.property(randomDeepOrgArb, (org) => {
        const idx = buildOrgIndex(org.units, org.levels);
        const all = rollUpAll(idx, org.stages, T);
        const children = new Map<string, string[]>();
        for (const u of org.units) {
          if (u.parentId !== null)
            children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
        }
        for (const u of org.units) {
          const own = rollUp(idx, u.id, org.stages, T);
          expect(countWhere(own.stageCounts, () => true)).toBe(own.teams);
          if (all.has(u.id)) expect(all.get(u.id)).toEqual(own);
          else expect(u.isTeam && !children.has(u.id)).toBe(true);
          const expected = emptyStageCounts();
          let headcount = 0;
          if (u.isTeam && isActiveAt(idx, u.id, T)) {
            expected[org.stages.get(u.id) as Stage]++;
            headcount += u.headcount ?? 0;
          }
          for (const child of children.get(u.id) ?? []) {
            const sub = rollUp(idx, child, org.stages, T);
            for (const stage of STAGES) expected[stage] += sub.stageCounts[stage];
            headcount += sub.weighted.headcount;
          }
          expect(own.stageCounts).toEqual(expected);
          expect(own.weighted.headcount).toBe(headcount);
        }
        expect(all.get('org')?.teams).toBe(activeTeams(idx).length);
      }),
    );
  });

  it('calls two teams cross-unit exactly when their department keys differ', () => {
    fc.assert(
      fc.property(randomDeepOrgArb, (org) => {
        const idx = buildOrgIndex(org.units, org.levels);
        const structure = orgStructure(org.units, org.levels);
        for (const a of idx.teamIds) {
          for (const b of idx.teamIds) {
            expect(departmentKey(idx, a) !== departmentKey(idx, b)).toBe(
              crossesUnits(structure, a, b),
            );
          }
        }
      }),
    );
  });

  it('counts cross-unit links of many units at once as one by one', () => {
    fc.assert(
      fc.property(
        randomDeepOrgArb,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 15 }),
        (org, pairs) => {
          const idx = buildOrgIndex(org.units, org.levels);
          const ties = pairs.map(([i, j]) =>
            partnerAgreement(
              idx.teamIds[i % idx.teamIds.length],
              idx.teamIds[j % idx.teamIds.length],
              'running',
            ),
          );
          const ids = org.units.map((u) => u.id);
          const many = crossUnitLinksByUnit(idx, ids, ties, [], T);
          for (const id of ids) expect(many.get(id)).toEqual(crossUnitLinks(idx, id, ties, [], T));
          // Across directorates is a subset of across departments.
          for (const id of ids) {
            const c = many.get(id);
            expect(c?.directorates.total ?? 0).toBeLessThanOrEqual(c?.departments.total ?? 0);
          }
          for (const [a, b] of ties.map((t) => [t.teamId, t.partnerTeamId as string])) {
            if (directorateKey(idx, a) !== directorateKey(idx, b)) {
              expect(departmentKey(idx, a)).not.toBe(departmentKey(idx, b));
            }
          }
        },
      ),
    );
  });
});
