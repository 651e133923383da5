import { DEFAULT_ORG_LEVELS, OrgLevels } from './org-levels';
import { codeKey, OrgNode, orgStructure } from './org-structure';
import { isTeamUnit } from './org-tree';

/**
 * An HR import by code and parent code, at any depth (ADR 0007): AFAS, Youforce and Visma name
 * every unit by its code and its parent's code. Pure: the plan says what would change and why
 * not; `applyOrgImportPlan` makes the change on an in-memory tree; the API writes it in one
 * transaction only when the plan has no errors.
 */
export interface OrgImportRow {
  /** The line of the file (for the messages). */
  line: number;
  code: string;
  /** The parent's code; empty or null: directly under the organisation. */
  parentCode: string | null;
  name: string;
  /** People belong to it; absent: a new unit is a team when nothing in the file hangs below it,
   * an existing unit keeps what it is. */
  isTeam?: boolean;
}

export interface ExistingOrgUnit extends OrgNode {
  name: string;
}

export type OrgImportErrorCode =
  | 'IMPORT_CODE_MISSING'
  | 'IMPORT_NAME_MISSING'
  | 'IMPORT_DUPLICATE_CODE'
  | 'IMPORT_UNKNOWN_PARENT'
  | 'IMPORT_CYCLE'
  | 'IMPORT_TOO_DEEP';

export interface OrgImportError {
  line: number;
  code: OrgImportErrorCode;
  /** The code (or parent code) the error is about; for a duplicate, `otherLine` has it first. */
  value?: string;
  otherLine?: number;
}

export interface PlannedUnit {
  line: number;
  code: string;
  name: string;
  /** The existing unit with this code; null for a new unit. */
  unitId: string | null;
  /** The parent: an existing unit id, or `{ code }` of a new unit in the file; null for the
   * organisation's own row. */
  parent: { unitId: string } | { code: string } | null;
  isTeam: boolean;
  status: 'new' | 'changed' | 'unchanged';
  moved: boolean;
  renamed: boolean;
  /** It becomes a team, or stops being one. */
  teamChanged: boolean;
}

export interface OrgImportPlan {
  units: PlannedUnit[];
  errors: OrgImportError[];
  summary: { new: number; moved: number; renamed: number; unchanged: number };
  /** Existing units with a code that the file does not name: left as they are, listed to check. */
  absent: string[];
}

const NEW = 'new:';

/**
 * Plans an import. Each row is matched to an existing unit by its code (`codeKey`: trimmed,
 * case-insensitive), never by name, so a renamed or moved unit keeps its history. Its parent is
 * the row (or else the existing unit) with the parent code; no parent code means the organisation.
 * The tree that would result is checked whole: every error is listed with its line, and a plan
 * with errors is applied by nobody.
 */
export function planOrgImport(
  existing: readonly ExistingOrgUnit[],
  rows: readonly OrgImportRow[],
  levels: OrgLevels = DEFAULT_ORG_LEVELS,
): OrgImportPlan {
  const errors: OrgImportError[] = [];
  const tree = orgStructure(existing, levels);
  const root = tree.rootId;
  const byCode = new Map<string, ExistingOrgUnit>();
  for (const unit of existing) {
    const key = codeKey(unit.code);
    if (key !== null && !byCode.has(key)) byCode.set(key, unit);
  }

  const accepted = new Map<string, OrgImportRow>();
  for (const row of rows) {
    const key = codeKey(row.code);
    if (key === null) {
      errors.push({ line: row.line, code: 'IMPORT_CODE_MISSING' });
      continue;
    }
    if (row.name.trim() === '') {
      errors.push({ line: row.line, code: 'IMPORT_NAME_MISSING', value: row.code });
      continue;
    }
    const first = accepted.get(key);
    if (first) {
      errors.push({
        line: row.line,
        code: 'IMPORT_DUPLICATE_CODE',
        value: row.code,
        otherLine: first.line,
      });
      continue;
    }
    accepted.set(key, row);
  }

  // The tree after the import: existing units, moved where the file says, plus the new ones.
  const idOf = (key: string) => byCode.get(key)?.id ?? `${NEW}${key}`;
  const parentOf = new Map<string, string | null>(existing.map((u) => [u.id, u.parentId]));
  const rowOf = new Map<string, OrgImportRow>();
  const hasChildInFile = new Set<string>();
  for (const [key, row] of accepted) {
    const id = idOf(key);
    rowOf.set(id, row);
    const parentKey = codeKey(row.parentCode);
    let parentId: string | null;
    if (id === root)
      parentId = null; // the organisation's own row: it stays the root
    else if (parentKey === null) parentId = root;
    else if (accepted.has(parentKey) || byCode.has(parentKey)) parentId = idOf(parentKey);
    else {
      errors.push({ line: row.line, code: 'IMPORT_UNKNOWN_PARENT', value: row.parentCode ?? '' });
      parentId = null;
    }
    if (parentId !== null) hasChildInFile.add(parentId);
    parentOf.set(id, parentId);
  }
  const unknownParent = new Set(
    errors.filter((e) => e.code === 'IMPORT_UNKNOWN_PARENT').map((e) => e.line),
  );
  const after = orgStructure(
    [...parentOf].map(([id, parentId]) => ({ id, parentId })),
    levels,
  );
  const nearestRow = (id: string): OrgImportRow | undefined => {
    const seen = new Set<string>();
    for (let at: string | null = id; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      const row = rowOf.get(at);
      if (row) return row;
    }
    return undefined;
  };
  function belowUnknown(id: string): boolean {
    const seen = new Set<string>();
    for (let at: string | null = id; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      const row = rowOf.get(at);
      if (row && unknownParent.has(row.line)) return true;
    }
    return false;
  }
  const flagged = new Set<string>();
  const flag = (row: OrgImportRow | undefined, code: OrgImportErrorCode) => {
    if (!row || flagged.has(`${row.line}:${code}`)) return;
    flagged.add(`${row.line}:${code}`);
    errors.push({ line: row.line, code, value: row.code });
  };
  for (const [id, row] of rowOf) {
    if (!after.depth.has(id) && !unknownParent.has(row.line) && !belowUnknown(id)) {
      flag(row, 'IMPORT_CYCLE');
    }
  }
  const maxDepth = levels.names.length;
  for (const [id, depth] of after.depth)
    if (depth > maxDepth) flag(nearestRow(id), 'IMPORT_TOO_DEEP');

  const units: PlannedUnit[] = [];
  for (const [key, row] of accepted) {
    const unit = byCode.get(key) ?? null;
    const id = idOf(key);
    const parentId = parentOf.get(id) ?? null;
    const parent: PlannedUnit['parent'] =
      parentId === null
        ? null
        : parentId.startsWith(NEW)
          ? { code: (accepted.get(parentId.slice(NEW.length)) as OrgImportRow).code }
          : { unitId: parentId };
    const name = row.name.trim();
    const isTeam = row.isTeam ?? (unit ? isTeamUnit(unit) : !hasChildInFile.has(id));
    const moved = unit !== null && unit.parentId !== parentId;
    const renamed = unit !== null && unit.name !== name;
    const teamChanged = unit !== null && isTeamUnit(unit) !== isTeam;
    const status =
      unit === null ? 'new' : moved || renamed || teamChanged ? 'changed' : 'unchanged';
    units.push({
      line: row.line,
      code: row.code.trim(),
      name,
      unitId: unit?.id ?? null,
      parent,
      isTeam,
      status,
      moved,
      renamed,
      teamChanged,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    units,
    errors,
    summary: {
      new: units.filter((u) => u.status === 'new').length,
      moved: units.filter((u) => u.moved).length,
      renamed: units.filter((u) => u.renamed).length,
      unchanged: units.filter((u) => u.status === 'unchanged').length,
    },
    absent: [...byCode.entries()].filter(([key]) => !accepted.has(key)).map(([, u]) => u.id),
  };
}

export type ApplyOrgImportResult<T extends ExistingOrgUnit> =
  | {
      ok: true;
      units: T[];
      /** The ids of the new units, every parent before its children (the order to insert them). */
      created: string[];
      /** The moves to record in the parent history (`recordMove`), in file order. */
      moves: { unitId: string; parentId: string | null }[];
    }
  | { ok: false; errors: OrgImportError[] };

/**
 * Applies a plan without errors to an in-memory tree: new units (ids from `newId(code)`), moves,
 * renames, the team flag. A plan with errors changes nothing.
 */
export function applyOrgImportPlan<T extends ExistingOrgUnit>(
  existing: readonly T[],
  plan: OrgImportPlan,
  newId: (code: string) => string,
  create: (fields: ExistingOrgUnit) => T,
): ApplyOrgImportResult<T> {
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  const idByCode = new Map<string, string>();
  for (const u of plan.units) idByCode.set(codeKey(u.code) as string, u.unitId ?? newId(u.code));
  const parentIdOf = (u: PlannedUnit): string | null =>
    u.parent === null
      ? null
      : 'unitId' in u.parent
        ? u.parent.unitId
        : (idByCode.get(codeKey(u.parent.code) as string) as string);
  const planned = new Map(plan.units.filter((u) => u.unitId !== null).map((u) => [u.unitId, u]));
  const moves: { unitId: string; parentId: string | null }[] = [];
  const units = existing.map((unit) => {
    const u = planned.get(unit.id);
    if (!u || u.status === 'unchanged') return unit;
    if (u.moved) moves.push({ unitId: unit.id, parentId: parentIdOf(u) });
    return {
      ...unit,
      name: u.name,
      parentId: u.moved ? parentIdOf(u) : unit.parentId,
      isTeam: u.isTeam,
    };
  });
  const fresh = plan.units.filter((u) => u.status === 'new');
  const created: string[] = [];
  const placed = new Set(existing.map((u) => u.id));
  // Parents first: a new unit waits until its (new) parent is in.
  for (let progress = true; progress && created.length < fresh.length;) {
    progress = false;
    for (const u of fresh) {
      const id = idByCode.get(codeKey(u.code) as string) as string;
      const parentId = parentIdOf(u);
      if (placed.has(id) || parentId === null || !placed.has(parentId)) continue;
      progress = true;
      placed.add(id);
      created.push(id);
      units.push(create({ id, parentId, name: u.name, code: u.code, isTeam: u.isTeam }));
    }
  }
  return { ok: true, units, created, moves };
}
