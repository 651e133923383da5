import fc from 'fast-check';
import { DEFAULT_ORG_LEVELS } from './org-levels';
import {
  ancestorChain,
  checkAddUnit,
  checkMove,
  crossesUnits,
  departmentUnitOf,
  moveUnit,
  nearestCommonAncestor,
  OrgNode,
  orgStructure,
  unitsAtDepth,
  validateOrgTree,
} from './org-structure';
import { EXAMPLE_DEEP_UNITS, FIVE_LEVELS } from './testing/example-deep-org';
import { randomDeepOrgArb } from './testing/random-deep-org';

const FIVE = FIVE_LEVELS;
const NODES: OrgNode[] = EXAMPLE_DEEP_UNITS;
const unit = (id: string, parentId: string | null, isTeam = false, code?: string): OrgNode => ({
  id,
  parentId,
  isTeam,
  code,
});
const tree = orgStructure(NODES, FIVE);

describe('org structure of any depth', () => {
  it('finds each unit’s department-level unit, or the unit itself above that level', () => {
    expect(departmentUnitOf(tree, 's1')).toBe('p1');
    expect(departmentUnitOf(tree, 't1')).toBe('p1');
    expect(departmentUnitOf(tree, 'p1')).toBe('p1');
    expect(departmentUnitOf(tree, 'mt1')).toBe('mt1');
    expect(departmentUnitOf(tree, 'c1')).toBe('c1');
    expect(departmentUnitOf(tree, 'nope')).toBeNull();
  });

  it('counts a link as cross-unit when the nearest common ancestor is above a department-level unit', () => {
    expect(nearestCommonAncestor(tree, 's1', 't2')).toBe('p1');
    expect(crossesUnits(tree, 's1', 't2')).toBe(false); // sub-team and team of one department
    expect(crossesUnits(tree, 's1', 's2')).toBe(false);
    expect(crossesUnits(tree, 't1', 's1')).toBe(false); // a team and its own sub-team
    expect(crossesUnits(tree, 't1', 't3')).toBe(true); // p1 vs p2, common ancestor c1
    expect(crossesUnits(tree, 'mt1', 't1')).toBe(true); // management team beside the departments
    expect(crossesUnits(tree, 't3', 't4')).toBe(true);
    expect(crossesUnits(tree, 't1', 'ghost')).toBe(true);
  });

  it('matches “different departments” on today’s four-level tree', () => {
    const legacy = orgStructure(
      [
        { id: 'org', parentId: null, kind: 'organisation' },
        { id: 'd', parentId: 'org', kind: 'directorate' },
        { id: 'a', parentId: 'd', kind: 'department' },
        { id: 'b', parentId: 'd', kind: 'department' },
        { id: 'a1', parentId: 'a', kind: 'team' },
        { id: 'a2', parentId: 'a', kind: 'team' },
        { id: 'b1', parentId: 'b', kind: 'team' },
      ],
      DEFAULT_ORG_LEVELS,
    );
    expect(crossesUnits(legacy, 'a1', 'a2')).toBe(false);
    expect(crossesUnits(legacy, 'a1', 'b1')).toBe(true);
  });

  it('holds the rule: crosses ⇔ the common ancestor lies above one of the department-level units', () => {
    fc.assert(
      fc.property(randomDeepOrgArb, fc.nat(), fc.nat(), (org, i, j) => {
        const s = orgStructure(org.units, org.levels);
        const teams = org.units.filter((u) => u.isTeam).map((u) => u.id);
        const [a, b] = [teams[i % teams.length], teams[j % teams.length]];
        const nca = nearestCommonAncestor(s, a, b) as string;
        const strictlyAbove = (unitId: string) => {
          const d = departmentUnitOf(s, unitId) as string;
          return nca !== d && ancestorChain(s, d).includes(nca);
        };
        expect(crossesUnits(s, a, b)).toBe(strictlyAbove(a) || strictlyAbove(b));
      }),
    );
  });

  it('lists the units of one level inside a subtree, for a report page per unit', () => {
    expect(unitsAtDepth(tree, 'org', 2)).toEqual(['mt1', 'p1', 'p2', 'p3']);
    expect(unitsAtDepth(tree, 'c1', 3)).toEqual(['t1', 't2', 't3']);
    expect(unitsAtDepth(tree, 't1', 2)).toEqual([]); // above the subtree's root
    expect(unitsAtDepth(tree, 't1', 3)).toEqual(['t1']);
    expect(ancestorChain(tree, 's2')).toEqual(['s2', 't1', 'p1', 'c1', 'org']); // the breadcrumb
  });

  it('accepts a valid tree and names every problem of a bad one', () => {
    expect(validateOrgTree(NODES, FIVE)).toEqual([]);
    const bad = [
      ...NODES,
      unit('x', 'y'),
      unit('y', 'x'),
      unit('lost', 'nowhere'),
      unit('dup', 'p3', true, ' t-1 '),
      unit('deep', 's1', true),
    ];
    expect(validateOrgTree(bad, FIVE)).toEqual([
      { code: 'ORG_UNIT_UNKNOWN_PARENT', unitId: 'lost' },
      { code: 'ORG_UNIT_CYCLE', unitId: 'x' },
      { code: 'ORG_UNIT_CYCLE', unitId: 'y' },
      { code: 'ORG_UNIT_TOO_DEEP', unitId: 'deep' },
      { code: 'ORG_UNIT_DUPLICATE_CODE', unitId: 'dup', otherUnitId: 't1' },
    ]);
    expect(validateOrgTree([unit('a', 'b'), unit('b', 'a')])).toContainEqual({
      code: 'ORG_TREE_NO_ROOT',
    });
    expect(validateOrgTree([unit('a', null), unit('b', null), unit('a', null)])).toEqual([
      { code: 'ORG_UNIT_DUPLICATE_ID', unitId: 'a' },
      { code: 'ORG_TREE_MANY_ROOTS', unitId: 'b' },
    ]);
  });

  it('adds a unit only within the levels and with a free code', () => {
    expect(checkAddUnit(tree, 'c1', 'MT-2')).toEqual([]); // a second team at department level
    expect(checkAddUnit(tree, 's1')).toEqual([{ code: 'ORG_UNIT_TOO_DEEP' }]);
    expect(checkAddUnit(tree, 'p1', 'c1')).toEqual([
      { code: 'ORG_UNIT_DUPLICATE_CODE', otherUnitId: 'c1' },
    ]);
    expect(checkAddUnit(tree, 'ghost')).toEqual([{ code: 'ORG_UNIT_NOT_FOUND', unitId: 'ghost' }]);
  });

  it('moves a unit with its subtree, never into a cycle or past the depth limit', () => {
    expect(checkMove(tree, 'p1', 's1')).toEqual([{ code: 'ORG_UNIT_CYCLE', unitId: 'p1' }]);
    expect(checkMove(tree, 't1', 't1')).toEqual([{ code: 'ORG_UNIT_CYCLE', unitId: 't1' }]);
    expect(checkMove(tree, 'org', 'c1')).toEqual([
      { code: 'ORG_UNIT_ROOT_IMMUTABLE', unitId: 'org' },
    ]);
    // t1 has sub-teams: under t3 they would sit at depth 5, below the four levels.
    expect(checkMove(tree, 't1', 't3')).toEqual([{ code: 'ORG_UNIT_TOO_DEEP', unitId: 't1' }]);
    const result = moveUnit(NODES, 't1', 'p3', FIVE);
    if (!result.ok) throw new Error('move refused');
    expect(result.moved.sort()).toEqual(['s1', 's2', 't1']);
    const after = orgStructure(result.nodes, FIVE);
    expect(departmentUnitOf(after, 's2')).toBe('p3');
    expect(crossesUnits(after, 's1', 't4')).toBe(false);
    expect(result.nodes.filter((n, i) => n !== NODES[i]).map((n) => n.id)).toEqual(['t1']);
    expect(moveUnit(NODES, 'c1', 't4', FIVE)).toEqual({
      ok: false,
      errors: [{ code: 'ORG_UNIT_TOO_DEEP', unitId: 'c1' }],
    });
  });

  it('keeps every random tree valid and acyclic under any move it allows', () => {
    fc.assert(
      fc.property(randomDeepOrgArb, fc.nat(), fc.nat(), (org, i, j) => {
        expect(validateOrgTree(org.units, org.levels)).toEqual([]);
        const ids = org.units.map((u) => u.id);
        const result = moveUnit(org.units, ids[i % ids.length], ids[j % ids.length], org.levels);
        if (result.ok) expect(validateOrgTree(result.nodes, org.levels)).toEqual([]);
        else expect(result.errors).toHaveLength(1);
      }),
    );
  });
});
