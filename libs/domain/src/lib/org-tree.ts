import type { OrgUnitKind } from '@olievlek/shared';

/** The tree's fixed levels: organisation > directorate > department > team. */
const LEVELS: readonly OrgUnitKind[] = ['organisation', 'directorate', 'department', 'team'];

/** The kind a new child of `parent` gets, or null when a unit of that kind has no children (a team). */
export function childKindOf(parent: OrgUnitKind): OrgUnitKind | null {
  const index = LEVELS.indexOf(parent);
  return index >= 0 && index < LEVELS.length - 1 ? LEVELS[index + 1] : null;
}

/** The kind a unit's parent must have; null for the organisation, which is the root. */
export function parentKindOf(kind: OrgUnitKind): OrgUnitKind | null {
  const index = LEVELS.indexOf(kind);
  return index > 0 ? LEVELS[index - 1] : null;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
}

/**
 * The ids of `rootId` and everything below it. Units whose parent chain loops are never
 * included twice, so a corrupted tree cannot hang a roll-up.
 */
export function subtreeIds<T extends TreeNode>(units: readonly T[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId);
    if (list) list.push(unit.id);
    else children.set(unit.parentId, [unit.id]);
  }
  const result = new Set<string>();
  if (!units.some((u) => u.id === rootId)) return result;
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  return result;
}

/** Lower case without accents: "Zuid-Oost" finds "zuid-oost", "cafe" finds "Café". */
export const searchText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * A search in a tree: the units that match, and the units to show so that each match is seen in
 * its place — the matches and every unit above them. Nothing below a match is shown for it.
 */
export function treeSearch<T extends TreeNode>(
  units: readonly T[],
  matches: (unit: T) => boolean,
): { matches: Set<string>; shown: Set<string>; ancestors: Set<string> } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const found = new Set<string>();
  const ancestors = new Set<string>();
  for (const unit of units) {
    if (!matches(unit)) continue;
    found.add(unit.id);
    // A corrupted chain that loops stops at the first unit seen twice.
    let parentId = unit.parentId;
    while (parentId !== null && !ancestors.has(parentId)) {
      ancestors.add(parentId);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
  }
  return { matches: found, shown: new Set([...found, ...ancestors]), ancestors };
}

/** True when `candidateId` is `unitId` itself or lies below it: moving there would make a loop. */
export function wouldCreateCycle<T extends TreeNode>(
  units: readonly T[],
  unitId: string,
  candidateId: string,
): boolean {
  return subtreeIds(units, unitId).has(candidateId);
}

/**
 * A unit is a team when people belong to it, at any level (docs/design.md "OrgUnit levels"). Units
 * that carry the flag say so; units of the old four-level model, which carry only a kind, are teams
 * when their kind is `team`.
 */
export function isTeamUnit(unit: { isTeam?: boolean | null; kind?: string | null }): boolean {
  return unit.isTeam ?? unit.kind === 'team';
}
