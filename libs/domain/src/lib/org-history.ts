import type { LocalDate } from './dates';
import { buildOrgIndex, OrgIndex, OrgUnitFacts } from './org-index';
import { DEFAULT_ORG_LEVELS, OrgLevels } from './org-levels';
import type { TreeNode } from './org-tree';

/**
 * Units keep their parent history (ADR 0007): the olievlek view at an earlier date shows the tree
 * as it was then, while a team's own history (its case, its stages) stays with the team wherever
 * it moves.
 *
 * One entry says "from `from` on, `unitId` sits under `parentId`". Entries are append-only and
 * never dated before the unit's latest entry, so the tree at any date is a tree that was once
 * checked (no cycle, within the depth limit) — rewriting the past is not possible.
 */
export interface ParentEntry {
  unitId: string;
  parentId: string | null;
  /** The local date (Europe/Amsterdam) from which this parent holds. */
  from: LocalDate;
}

export type OrgHistoryErrorCode = 'ORG_MOVE_BEFORE_LAST';

export type RecordMoveResult =
  { ok: true; entries: ParentEntry[] } | { ok: false; code: OrgHistoryErrorCode };

/** The entries per unit, in the order they hold (by date, then as recorded). */
export type ParentHistory = ReadonlyMap<string, readonly ParentEntry[]>;

export function parentHistory(entries: readonly ParentEntry[]): ParentHistory {
  const byUnit = new Map<string, ParentEntry[]>();
  for (const entry of entries) {
    const list = byUnit.get(entry.unitId);
    if (list) list.push(entry);
    else byUnit.set(entry.unitId, [entry]);
  }
  // A stable sort: entries of one day keep the order they were recorded in; the last one wins.
  for (const list of byUnit.values())
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return byUnit;
}

/**
 * Appends the move of `unitId` under `parentId` on `on`. A move to the parent the unit already has
 * records nothing; a move dated before the unit's latest entry is refused (`ORG_MOVE_BEFORE_LAST`).
 * Whether the move is allowed in the tree (cycle, depth) is `checkMove`'s question, asked first.
 */
export function recordMove(
  entries: readonly ParentEntry[],
  unitId: string,
  parentId: string | null,
  on: LocalDate,
): RecordMoveResult {
  const own = parentHistory(entries).get(unitId) ?? [];
  const last = own[own.length - 1];
  if (last && on < last.from) return { ok: false, code: 'ORG_MOVE_BEFORE_LAST' };
  if (last && last.parentId === parentId) return { ok: true, entries: [...entries] };
  return { ok: true, entries: [...entries, { unitId, parentId, from: on }] };
}

/**
 * The parent of `unitId` at `t`: that of its latest entry dated on or before t. Before its first
 * entry a unit sits where that first entry puts it — the history records moves, not births, just
 * as figures count a team from the start of the programme as before (a team without a case is
 * simply `not-reached`). `fallback` (the unit's current parent) holds for a unit without history.
 */
export function parentAt(
  history: ParentHistory,
  unitId: string,
  t: LocalDate,
  fallback: string | null,
): string | null {
  const own = history.get(unitId);
  if (!own || own.length === 0) return fallback;
  let parent = own[0].parentId;
  for (const entry of own) {
    if (entry.from > t) break;
    parent = entry.parentId;
  }
  return parent;
}

/** The tree as it was at `t`: every unit under its parent at t, everything else unchanged. */
export function treeAt<T extends TreeNode>(
  units: readonly T[],
  history: ParentHistory,
  t: LocalDate,
): T[] {
  return units.map((unit) => {
    const parentId = parentAt(history, unit.id, t, unit.parentId);
    return parentId === unit.parentId ? unit : { ...unit, parentId };
  });
}

/**
 * The dates on which the tree changed, ascending and distinct: between two of them the tree is the
 * same, so a view over many dates builds one org index per version, not one per date.
 */
export function treeChangeDates(history: ParentHistory): LocalDate[] {
  const dates = new Set<LocalDate>();
  for (const own of history.values()) for (const entry of own.slice(1)) dates.add(entry.from);
  return [...dates].sort();
}

/**
 * The org index at any date, built once per version of the tree (between two `treeChangeDates`
 * the tree is the same): a view over 7 dates with no reorganisation between them builds one index,
 * as it did before the tree had a history.
 */
export function orgIndexAt(
  units: readonly OrgUnitFacts[],
  history: ParentHistory,
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): (t: LocalDate) => OrgIndex {
  const changes = treeChangeDates(history);
  const versions = new Map<number, OrgIndex>();
  return (t) => {
    // The version holding at t: the number of changes on or before t.
    let version = 0;
    while (version < changes.length && changes[version] <= t) version++;
    let index = versions.get(version);
    if (!index) {
      index = buildOrgIndex(treeAt(units, history, t), levels);
      versions.set(version, index);
    }
    return index;
  };
}
