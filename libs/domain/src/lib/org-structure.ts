import { DEFAULT_ORG_LEVELS, OrgLevels } from './org-levels';
import { isTeamUnit, TreeNode } from './org-tree';

/**
 * The org tree of any depth (docs/design.md "OrgUnit levels", ADR 0007): its shape, the rules a
 * change must keep, and the department-level questions the figures ask.
 */
export interface OrgNode extends TreeNode {
  /** People belong to it (see `isTeamUnit`); absent on units of the old model, which have a kind. */
  isTeam?: boolean | null;
  kind?: string | null;
  /** The HR code, unique over all units (compared by `codeKey`); null or absent when none. */
  code?: string | null;
}

export type OrgStructureErrorCode =
  | 'ORG_TREE_NO_ROOT'
  | 'ORG_TREE_MANY_ROOTS'
  | 'ORG_UNIT_DUPLICATE_ID'
  | 'ORG_UNIT_NOT_FOUND'
  | 'ORG_UNIT_UNKNOWN_PARENT'
  | 'ORG_UNIT_CYCLE'
  | 'ORG_UNIT_TOO_DEEP'
  | 'ORG_UNIT_DUPLICATE_CODE'
  | 'ORG_UNIT_ROOT_IMMUTABLE';

export interface OrgStructureError {
  code: OrgStructureErrorCode;
  /** The unit the error is about (for a duplicate code: the later unit holding it). */
  unitId?: string;
  /** For ORG_UNIT_DUPLICATE_CODE: the unit that holds the code already. */
  otherUnitId?: string;
}

/** The comparable form of an HR code: trimmed and lower-cased; null when empty or absent. */
export function codeKey(code: string | null | undefined): string | null {
  const key = typeof code === 'string' ? code.trim().toLowerCase() : '';
  return key === '' ? null : key;
}

/** The tree indexed once: children, depth (0 = the organisation) and the level settings. */
export interface OrgStructure<T extends OrgNode = OrgNode> {
  readonly byId: ReadonlyMap<string, T>;
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Depth of every unit whose parent chain reaches the root; units in a loop or under an unknown
   * parent have none. */
  readonly depth: ReadonlyMap<string, number>;
  readonly rootId: string | null;
  readonly levels: OrgLevels;
}

export function orgStructure<T extends OrgNode>(
  nodes: readonly T[],
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): OrgStructure<T> {
  const byId = new Map<string, T>();
  const children = new Map<string, string[]>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  for (const node of byId.values()) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  const roots = [...byId.values()].filter((n) => n.parentId === null);
  const rootId = roots.length === 1 ? roots[0].id : null;
  const depth = new Map<string, number>();
  for (const root of roots) {
    const stack: Array<[string, number]> = [[root.id, 0]];
    while (stack.length > 0) {
      const [id, d] = stack.pop() as [string, number];
      if (depth.has(id)) continue;
      depth.set(id, d);
      for (const child of children.get(id) ?? []) stack.push([child, d + 1]);
    }
  }
  return { byId, children, depth, rootId, levels };
}

/** The deepest a unit may sit: the number of levels the organisation has named (≤ 8). */
export function maxDepthOf(structure: OrgStructure): number {
  return structure.levels.names.length;
}

/** The ids from `unitId` up to the root (itself first); cut at a loop or an unknown parent. */
export function ancestorChain(structure: OrgStructure, unitId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let node = structure.byId.get(unitId);
  while (node && !seen.has(node.id)) {
    chain.push(node.id);
    seen.add(node.id);
    node = node.parentId === null ? undefined : structure.byId.get(node.parentId);
  }
  return chain;
}

/**
 * The units at `depth` inside `rootId`'s subtree (the root itself when it sits there), in tree
 * order: the pages of a director's report "one page per unit of the level the reader chooses".
 */
export function unitsAtDepth(structure: OrgStructure, rootId: string, depth: number): string[] {
  const result: string[] = [];
  if (!structure.depth.has(rootId)) return result;
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const d = structure.depth.get(id) as number;
    if (d === depth) result.push(id);
    else if (d < depth) stack.push(...[...(structure.children.get(id) ?? [])].reverse());
  }
  return result;
}

/** How many levels a unit's subtree reaches below it (0 for a leaf). */
export function subtreeHeight(structure: OrgStructure, unitId: string): number {
  let height = 0;
  const seen = new Set<string>();
  const stack: Array<[string, number]> = [[unitId, 0]];
  while (stack.length > 0) {
    const [id, h] = stack.pop() as [string, number];
    if (seen.has(id)) continue;
    seen.add(id);
    height = Math.max(height, h);
    for (const child of structure.children.get(id) ?? []) stack.push([child, h + 1]);
  }
  return height;
}

/**
 * The unit's *department-level unit*: its ancestor (or itself) at the organisation's department
 * level; the unit itself when it sits above that level (a management team of a directorate in an
 * organisation whose department level is deeper, or the organisation). Null for an unknown unit
 * or one whose chain does not reach the root.
 */
export function departmentUnitOf(structure: OrgStructure, unitId: string): string | null {
  const depth = structure.depth.get(unitId);
  if (depth === undefined) return null;
  const chain = ancestorChain(structure, unitId);
  const level = structure.levels.departmentLevel;
  return depth <= level ? unitId : chain[depth - level];
}

/** The nearest unit that is `a` or above it and also `b` or above it; null when none. */
export function nearestCommonAncestor(
  structure: OrgStructure,
  a: string,
  b: string,
): string | null {
  const above = new Set(ancestorChain(structure, a));
  return ancestorChain(structure, b).find((id) => above.has(id)) ?? null;
}

/**
 * A link between teams `a` and `b` crosses units (a *cross-unit link*, docs/design.md) when the two
 * teams' nearest common ancestor lies strictly above the department-level unit of at least one of
 * them — which is the same as: their department-level units (`departmentUnitOf`) differ. Teams of
 * one department, at whatever depth below it (a team and its sub-team, two sub-teams of different
 * teams), do not cross; a management team beside the departments crosses with every team of those
 * departments. In today's four-level tree this is "different departments". Units unknown to the
 * tree (or cut off from the root) count as a unit of their own.
 */
export function crossesUnits(structure: OrgStructure, a: string, b: string): boolean {
  const da = departmentUnitOf(structure, a) ?? `unit:${a}`;
  const db = departmentUnitOf(structure, b) ?? `unit:${b}`;
  return da !== db;
}

/**
 * Checks a whole tree and names every problem: exactly one root; no id twice; every parent known;
 * no loops; no unit deeper than the organisation's levels; no HR code on two units (`codeKey`).
 */
export function validateOrgTree(
  nodes: readonly OrgNode[],
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): OrgStructureError[] {
  const errors: OrgStructureError[] = [];
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) errors.push({ code: 'ORG_UNIT_DUPLICATE_ID', unitId: node.id });
    ids.add(node.id);
  }
  const structure = orgStructure(nodes, levels);
  const roots = [...structure.byId.values()].filter((n) => n.parentId === null);
  if (roots.length === 0) errors.push({ code: 'ORG_TREE_NO_ROOT' });
  for (const root of roots.slice(1)) errors.push({ code: 'ORG_TREE_MANY_ROOTS', unitId: root.id });
  for (const node of structure.byId.values()) {
    if (node.parentId !== null && !structure.byId.has(node.parentId)) {
      errors.push({ code: 'ORG_UNIT_UNKNOWN_PARENT', unitId: node.id });
    }
  }
  const cut = new Set(errors.map((e) => e.unitId));
  for (const node of structure.byId.values()) {
    if (structure.depth.has(node.id) || cut.has(node.id)) continue;
    // No depth and a known parent: either in a loop or below one / below an unknown parent.
    const chain = ancestorChain(structure, node.id);
    const top = structure.byId.get(chain[chain.length - 1]) as OrgNode;
    const loops = top.parentId !== null && structure.byId.has(top.parentId);
    if (loops && chain.includes(top.parentId as string)) {
      errors.push({ code: 'ORG_UNIT_CYCLE', unitId: node.id });
    }
  }
  for (const [id, depth] of structure.depth) {
    if (depth > maxDepthOf(structure)) errors.push({ code: 'ORG_UNIT_TOO_DEEP', unitId: id });
  }
  errors.push(...duplicateCodes(nodes));
  return errors;
}

function duplicateCodes(nodes: readonly OrgNode[]): OrgStructureError[] {
  const holder = new Map<string, string>();
  const errors: OrgStructureError[] = [];
  for (const node of nodes) {
    const key = codeKey(node.code);
    if (key === null) continue;
    const other = holder.get(key);
    if (other !== undefined && other !== node.id) {
      errors.push({ code: 'ORG_UNIT_DUPLICATE_CODE', unitId: node.id, otherUnitId: other });
    } else holder.set(key, node.id);
  }
  return errors;
}

/** The unit already holding `code` (by `codeKey`), other than `exceptId`; null when free. */
export function unitWithCode(
  structure: OrgStructure,
  code: string | null | undefined,
  exceptId?: string,
): string | null {
  const key = codeKey(code);
  if (key === null) return null;
  for (const node of structure.byId.values()) {
    if (node.id !== exceptId && codeKey(node.code) === key) return node.id;
  }
  return null;
}

/**
 * May a unit (with HR code `code`) be added under `parentId`? The parent must exist, the new unit
 * must not sit deeper than the organisation's levels, and the code must be free. Whether it is a
 * team does not matter: teams may sit at any level and have sub-units.
 */
export function checkAddUnit(
  structure: OrgStructure,
  parentId: string,
  code?: string | null,
): OrgStructureError[] {
  const depth = structure.depth.get(parentId);
  if (depth === undefined) return [{ code: 'ORG_UNIT_NOT_FOUND', unitId: parentId }];
  const errors: OrgStructureError[] = [];
  if (depth + 1 > maxDepthOf(structure)) errors.push({ code: 'ORG_UNIT_TOO_DEEP' });
  const other = unitWithCode(structure, code);
  if (other !== null) errors.push({ code: 'ORG_UNIT_DUPLICATE_CODE', otherUnitId: other });
  return errors;
}

/**
 * May `unitId` move under `newParentId`, taking its whole subtree along? Not the root; not under
 * itself or anything below it (a cycle); and its deepest descendant must still fit the levels.
 */
export function checkMove(
  structure: OrgStructure,
  unitId: string,
  newParentId: string,
): OrgStructureError[] {
  const unit = structure.byId.get(unitId);
  if (!unit || !structure.depth.has(unitId)) return [{ code: 'ORG_UNIT_NOT_FOUND', unitId }];
  if (unit.parentId === null) return [{ code: 'ORG_UNIT_ROOT_IMMUTABLE', unitId }];
  const parentDepth = structure.depth.get(newParentId);
  if (parentDepth === undefined) return [{ code: 'ORG_UNIT_NOT_FOUND', unitId: newParentId }];
  if (ancestorChain(structure, newParentId).includes(unitId)) {
    return [{ code: 'ORG_UNIT_CYCLE', unitId }];
  }
  if (parentDepth + 1 + subtreeHeight(structure, unitId) > maxDepthOf(structure)) {
    return [{ code: 'ORG_UNIT_TOO_DEEP', unitId }];
  }
  return [];
}

export type MoveResult<T extends OrgNode> =
  { ok: true; nodes: T[]; moved: string[] } | { ok: false; errors: OrgStructureError[] };

/**
 * Moves `unitId` (and so its subtree) under `newParentId` when `checkMove` allows it: a new list in
 * which only that unit's `parentId` changed, and `moved` = the ids of the subtree (whose depth and
 * ancestors changed). On any error the input is returned unchanged, nothing half-applied.
 */
export function moveUnit<T extends OrgNode>(
  nodes: readonly T[],
  unitId: string,
  newParentId: string,
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): MoveResult<T> {
  const structure = orgStructure(nodes, levels);
  const errors = checkMove(structure, unitId, newParentId);
  if (errors.length > 0) return { ok: false, errors };
  const moved: string[] = [];
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    moved.push(id);
    stack.push(...(structure.children.get(id) ?? []));
  }
  return {
    ok: true,
    nodes: nodes.map((n) => (n.id === unitId ? { ...n, parentId: newParentId } : n)),
    moved,
  };
}

/** The team ids among `nodes` (see `isTeamUnit`). */
export function teamIdsOf(nodes: Iterable<OrgNode>): string[] {
  const ids: string[] = [];
  for (const node of nodes) if (isTeamUnit(node)) ids.push(node.id);
  return ids;
}
