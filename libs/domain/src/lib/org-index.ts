import type { OrgUnitKind } from '@olievlek/shared';
import type { LocalDate } from './dates';
import type { TreeNode } from './org-tree';

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
 * every lookup below is a map read. Build it once per request and reuse it for every date.
 */
export interface OrgIndex {
  readonly units: ReadonlyMap<string, OrgUnitFacts>;
  /** Every unit of kind `team`, archived ones included (history keeps them). */
  readonly teamIds: readonly string[];
  /** Unit id → the teams in its subtree; a team's own entry holds itself. */
  readonly teamsUnder: ReadonlyMap<string, readonly string[]>;
  /** Team id → the unit ids from the team itself up to the root. */
  readonly ancestorsOf: ReadonlyMap<string, readonly string[]>;
  /** Team id → its nearest department / directorate, null when the tree has none above it. */
  readonly departmentOf: ReadonlyMap<string, string | null>;
  readonly directorateOf: ReadonlyMap<string, string | null>;
  /** Department id → its teams. */
  readonly teamsByDepartment: ReadonlyMap<string, readonly string[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Index the tree in O(teams × depth). A parent chain that loops or points at an unknown unit is
 * cut there, so corrupted data cannot hang a roll-up (as in `subtreeIds`).
 */
export function buildOrgIndex(units: readonly OrgUnitFacts[]): OrgIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const teamIds: string[] = [];
  const teamsUnder = new Map<string, string[]>();
  const ancestorsOf = new Map<string, string[]>();
  const departmentOf = new Map<string, string | null>();
  const directorateOf = new Map<string, string | null>();
  const teamsByDepartment = new Map<string, string[]>();

  for (const unit of byId.values()) {
    if (unit.kind !== 'team') continue;
    teamIds.push(unit.id);
    const chain = [unit.id];
    const seen = new Set(chain);
    let department: string | null = null;
    let directorate: string | null = null;
    let parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    while (parent && !seen.has(parent.id)) {
      chain.push(parent.id);
      seen.add(parent.id);
      if (parent.kind === 'department' && department === null) department = parent.id;
      if (parent.kind === 'directorate' && directorate === null) directorate = parent.id;
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
    ancestorsOf.set(unit.id, chain);
    departmentOf.set(unit.id, department);
    directorateOf.set(unit.id, directorate);
    if (department !== null) push(teamsByDepartment, department, unit.id);
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
 * The department (or directorate) a team sits in, for telling whether two teams sit in different
 * ones. A team with no such unit above it (only in corrupted data) counts as a unit of its own.
 */
export function departmentKey(index: OrgIndex, teamId: string): string {
  return index.departmentOf.get(teamId) ?? `team:${teamId}`;
}

export function directorateKey(index: OrgIndex, teamId: string): string {
  return index.directorateOf.get(teamId) ?? `team:${teamId}`;
}
