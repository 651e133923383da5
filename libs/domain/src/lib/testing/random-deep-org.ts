import fc from 'fast-check';
import type { LocalDate } from '../dates';
import type { OrgUnitFacts } from '../org-index';
import type { OrgLevels } from '../org-levels';
import { Stage, STAGES } from '../stage';

/** Test support only (not exported from the library): random org trees of depth 1–8. */
export interface RandomDeepOrg {
  levels: OrgLevels;
  /** `org` first; every other unit `u1`, `u2`, … with `isTeam` set and no kind (the new model). */
  units: Array<OrgUnitFacts & { isTeam: boolean }>;
  /** The stage of every team. */
  stages: Map<string, Stage>;
}

const nodeArb = fc.record({
  parent: fc.nat(),
  isTeam: fc.boolean(),
  stage: fc.constantFrom(...STAGES),
  headcount: fc.option(fc.nat({ max: 50 }), { nil: null }),
  archivedOn: fc.option(fc.constantFrom<LocalDate>('2026-03-31', '2026-09-30'), { nil: null }),
});

/**
 * An organisation `org` with 1–8 named levels and a random department level; units hang under a
 * random earlier unit that still has a level below it, so trees of every shape up to the depth
 * appear: teams at any level, teams with sub-teams, empty units. The last unit is always a team,
 * and one chain reaching the deepest level is always there, so every depth is exercised.
 */
export const randomDeepOrgArb: fc.Arbitrary<RandomDeepOrg> = fc
  .record({
    depth: fc.integer({ min: 1, max: 8 }),
    departmentPick: fc.nat(),
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 40 }),
  })
  .map(({ depth, departmentPick, nodes }) => {
    const levels: OrgLevels = {
      names: Array.from({ length: depth }, (_, i) => ({
        nl: `Niveau ${i + 1}`,
        en: `Level ${i + 1}`,
      })),
      departmentLevel: (departmentPick % depth) + 1,
    };
    const units: RandomDeepOrg['units'] = [
      { id: 'org', parentId: null, isTeam: false, headcount: null },
    ];
    const depthOf = new Map([['org', 0]]);
    const stages = new Map<string, Stage>();
    const add = (node: (typeof nodes)[number], parentId: string, isTeam: boolean) => {
      const id = `u${units.length}`;
      units.push({
        id,
        parentId,
        isTeam,
        headcount: isTeam ? node.headcount : null,
        archivedOn: isTeam ? node.archivedOn : null,
      });
      depthOf.set(id, (depthOf.get(parentId) as number) + 1);
      if (isTeam) stages.set(id, node.stage);
    };
    // The spine: one unit at every level, a team at the bottom.
    for (let d = 1; d <= depth; d++) {
      add(nodes[0], units[units.length - 1].id, d === depth || nodes[0].isTeam);
    }
    nodes.forEach((node, i) => {
      const open = units.filter((u) => (depthOf.get(u.id) as number) < depth);
      add(node, open[node.parent % open.length].id, node.isTeam || i === nodes.length - 1);
    });
    return { levels, units, stages };
  });
