import type { OrgUnitKind } from '@olievlek/shared';
import type { LocalDate } from './dates';
import { DEFAULT_ORG_LEVELS, OrgLevels } from './org-levels';
import { isTeamUnit, TreeNode } from './org-tree';

/** One unit of the org tree as the figures need it. */
export interface OrgUnitFacts extends TreeNode {
  /** The kind of the old four-level model; absent (or null) on units of the new model. */
  kind?: OrgUnitKind | null;
  /** People belong to it: a team, at any level (`isTeamUnit`). Absent: a team when kind is `team`. */
  isTeam?: boolean | null;
  /** Teams only; null when unknown. */
  headcount: number | null;
  /** The local date it was archived; null or absent while active. */
  archivedOn?: LocalDate | null;
}

/**
 * The org tree indexed once, so figures over 20,000 teams never search the tree per team:
 * every lookup below is a map read. Build it once per request (per version of the tree, see
 * `treeAt`) and reuse it for every date.
 */
export interface OrgIndex {
  readonly units: ReadonlyMap<string, OrgUnitFacts>;
  /** Every team (`isTeamUnit`: people belong to it, at any level), archived ones included. */
  readonly teamIds: readonly string[];
  /** Unit id → the teams in its subtree, each once; a team's own entry holds
   * itself (and its sub-teams, if it has any). */
  readonly teamsUnder: ReadonlyMap<string, readonly string[]>;
  /** Team id → the unit ids from the team itself up to the root. */
  readonly ancestorsOf: ReadonlyMap<string, readonly string[]>;
  /**
   * Team id → its department-level unit (`departmentUnitOf`: the ancestor at the organisation's
   * department level, or the team itself when it sits at or above that level) and the unit one
   * level above that (the organisation when the department level is 1). Null when the team's
   * parent chain does not reach the root (only in corrupted data).
   */
  readonly departmentOf: ReadonlyMap<string, string | null>;
  readonly directorateOf: ReadonlyMap<string, string | null>;
  /** Department-level unit id → its teams (at any depth below it). */
  readonly teamsByDepartment: ReadonlyMap<string, readonly string[]>;
  /** Team id → its parent unit; parent unit id → the teams directly under it ("same parent unit"). */
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly teamsByParent: ReadonlyMap<string, readonly string[]>;
  /** Unit id → whether any unit hangs below it (a team with sub-teams rolls up like a unit). */
  readonly hasChildren: ReadonlySet<string>;
  readonly levels: OrgLevels;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Index the tree in O(teams × depth). A parent chain that loops or points at an unknown unit is
 * cut there, so corrupted data cannot hang a roll-up (as in `subtreeIds`). `levels` says which depth
 * is the department level (today's: 2).
 */
export function buildOrgIndex(
  units: readonly OrgUnitFacts[],
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): OrgIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const teamIds: string[] = [];
  const teamsUnder = new Map<string, string[]>();
  const ancestorsOf = new Map<string, string[]>();
  const departmentOf = new Map<string, string | null>();
  const directorateOf = new Map<string, string | null>();
  const teamsByDepartment = new Map<string, string[]>();
  const parentOf = new Map<string, string | null>();
  const teamsByParent = new Map<string, string[]>();
  const hasChildren = new Set<string>();
  for (const unit of byId.values()) if (unit.parentId !== null) hasChildren.add(unit.parentId);
  const departmentDepth = levels.departmentLevel;
  /** The unit at `depth` on a chain from a unit at `chain.length - 1` up to the root. */
  const at = (chain: string[], depth: number) => chain[Math.max(chain.length - 1 - depth, 0)];

  for (const unit of byId.values()) {
    if (!isTeamUnit(unit)) continue;
    teamIds.push(unit.id);
    const chain = [unit.id];
    const seen = new Set(chain);
    let parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    while (parent && !seen.has(parent.id)) {
      chain.push(parent.id);
      seen.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
    const rooted = byId.get(chain[chain.length - 1])?.parentId === null;
    const department = rooted ? at(chain, departmentDepth) : null;
    const directorate = rooted ? at(chain, Math.max(departmentDepth - 1, 0)) : null;
    ancestorsOf.set(unit.id, chain);
    departmentOf.set(unit.id, department);
    directorateOf.set(unit.id, directorate);
    if (department !== null) push(teamsByDepartment, department, unit.id);
    parentOf.set(unit.id, unit.parentId);
    if (unit.parentId !== null) push(teamsByParent, unit.parentId, unit.id);
    for (const id of chain) push(teamsUnder, id, unit.id);
  }
  return {
    units: byId,
    teamIds,
    teamsUnder,
    ancestorsOf,
    departmentOf,
    directorateOf,
    teamsByDepartment,
    parentOf,
    teamsByParent,
    hasChildren,
    levels,
  };
}

/** The teams in a unit's subtree (archived ones included); none for an unknown unit. */
export function teamsIn(index: OrgIndex, unitId: string): readonly string[] {
  return index.teamsUnder.get(unitId) ?? [];
}

/** A team counts at t unless it was archived on or before t. */
export function isActiveAt(index: OrgIndex, teamId: string, t: LocalDate): boolean {
  const unit = index.units.get(teamId);
  if (!unit) return false;
  return unit.archivedOn === null || unit.archivedOn === undefined || unit.archivedOn > t;
}

/** A usable headcount (a finite number ≥ 0), or null when unknown or nonsense. */
export function knownHeadcount(headcount: number | null | undefined): number | null {
  return typeof headcount === 'number' && Number.isFinite(headcount) && headcount >= 0
    ? headcount
    : null;
}

/**
 * The department-level unit (or the one above it) of a team, for telling whether two teams sit in
 * different ones: `departmentKey(a) !== departmentKey(b)` is `crossesUnits(a, b)` (a property test
 * holds them equal). A team cut off from the root (only in corrupted data) counts as a unit of its
 * own.
 */
export function departmentKey(index: OrgIndex, teamId: string): string {
  return index.departmentOf.get(teamId) ?? `team:${teamId}`;
}

export function directorateKey(index: OrgIndex, teamId: string): string {
  return index.directorateOf.get(teamId) ?? `team:${teamId}`;
}
