import type {
  ImportErrorDto,
  ImportFieldChangeDto,
  ImportItemDto,
  OrgUnitKind,
} from '@olievlek/shared';
import { cellOf, type ColumnMap, type OrgColumn } from './import-columns';
import { problem, rowError, type RowProblem } from './import-errors';
import { nameKey, tidy, type TableRow } from './import-table';

/**
 * The organisation import as pure functions: rows of `directie; afdeling; team; medewerkers;
 * code` against the tree as it is, into a plan of units to create, change and archive.
 * Matching is by name path (case and extra spaces ignored), or by the team's code when the file
 * has one — so the same file imported twice changes nothing the second time, and a team renamed
 * or moved by HR keeps its history when it keeps its code. Units not in the file are proposed for
 * archiving, never deleted: their cases and figures stay.
 */

export interface ExistingUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  headcount: number | null;
  code: string | null;
  archivedAt: string | null;
  version: number;
}

export interface OrgRow {
  line: number;
  directorate: string;
  department: string;
  team: string;
  /** undefined: the file has no headcount for this team, keep what is there. */
  headcount: number | undefined;
  /** undefined: no code given, keep what is there. */
  code: string | undefined;
  /** A cell other than the names is wrong: the row's units are kept, nothing else is planned. */
  invalid?: boolean;
}

type PlannedKind = Exclude<OrgUnitKind, 'organisation'>;

export interface PlannedCreate {
  /** A temporary reference (`new:3`) that later creates use as their parent. */
  ref: string;
  line: number;
  kind: PlannedKind;
  name: string;
  /** An existing unit's id or an earlier create's ref. */
  parent: string;
  headcount: number | null;
  code: string | null;
  label: string;
}

export interface PlannedChange {
  id: string;
  version: number;
  line: number;
  kind: PlannedKind;
  label: string;
  /** The unit's state after the import (parent may be a create's ref). */
  target: { name: string; parent: string; headcount: number | null; code: string | null };
  changes: ImportFieldChangeDto[];
}

export interface PlannedArchive {
  id: string;
  version: number;
  kind: PlannedKind;
  label: string;
  /** A team with an open case (set by the caller, which knows the cases). */
  openCase?: boolean;
}

export interface OrgPlan {
  creates: PlannedCreate[];
  changes: PlannedChange[];
  archives: PlannedArchive[];
  unchanged: number;
  errors: ImportErrorDto[];
}

export const NAME_MAX = 200;
export const CODE_MAX = 64;
export const HEADCOUNT_MAX = 100_000;

/** `12`, `12,0`, `11.6` (fte: rounded to whole people); blank is "unknown, keep". */
export function parseHeadcount(value: string): number | undefined | RowProblem {
  const text = value.trim().replace(/\s/g, '');
  if (text === '') return undefined;
  if (!/^\d+([.,]\d+)?$/.test(text)) {
    return problem('IMPORT_NOT_A_NUMBER', { value: value.trim() });
  }
  const number = Math.round(Number(text.replace(',', '.')));
  if (number > HEADCOUNT_MAX) {
    return problem('IMPORT_TOO_MANY_PEOPLE', { value: value.trim(), max: HEADCOUNT_MAX });
  }
  return number;
}

/** Reads the data rows; every problem becomes a line-numbered error, good rows still count. */
export function readOrgRows(
  rows: readonly TableRow[],
  columns: ColumnMap<OrgColumn>,
): { rows: OrgRow[]; errors: ImportErrorDto[]; codeColumn: string } {
  const errors: ImportErrorDto[] = [];
  const result: OrgRow[] = [];
  const label = (c: OrgColumn) => columns.label[c] ?? c;
  for (const row of rows) {
    const before = errors.length;
    const names = (['directorate', 'department', 'team'] as const).map((column) => {
      const value = tidy(cellOf(columns, row.cells, column) ?? '');
      if (columns.index[column] === undefined) {
        errors.push(rowError(row.line, null, 'IMPORT_COLUMN_MISSING', { field: column }));
      } else if (value === '') {
        errors.push(rowError(row.line, label(column), 'IMPORT_CELL_EMPTY'));
      } else if (value.length > NAME_MAX) {
        errors.push(rowError(row.line, label(column), 'IMPORT_CELL_TOO_LONG', { max: NAME_MAX }));
      }
      return value;
    });
    if (errors.length > before) continue;
    let headcount: number | undefined;
    const rawHeadcount = cellOf(columns, row.cells, 'headcount');
    if (rawHeadcount !== undefined) {
      const parsed = parseHeadcount(rawHeadcount);
      if (typeof parsed === 'object') {
        errors.push(rowError(row.line, label('headcount'), parsed.code, parsed.params));
      } else headcount = parsed;
    }
    let code: string | undefined;
    const rawCode = cellOf(columns, row.cells, 'code');
    if (rawCode) {
      if (rawCode.length > CODE_MAX) {
        errors.push(rowError(row.line, label('code'), 'IMPORT_CELL_TOO_LONG', { max: CODE_MAX }));
      } else code = rawCode;
    }
    result.push({
      line: row.line,
      ...(errors.length > before ? { invalid: true } : {}),
      directorate: names[0],
      department: names[1],
      team: names[2],
      headcount,
      code,
    });
  }
  return { rows: result, errors, codeColumn: label('code') };
}

interface Node {
  /** Existing id or a create's ref. */
  id: string;
  existing: ExistingUnit | null;
  path: string[];
}

/**
 * Compares the rows with the tree and says what would change. Pure: same input, same plan.
 * `codeColumn` is the code column's header as written in the file, for its errors.
 */
export function planOrgImport(
  units: readonly ExistingUnit[],
  rows: readonly OrgRow[],
  readErrors: readonly ImportErrorDto[] = [],
  codeColumn = 'code',
): OrgPlan {
  const errors = [...readErrors];
  const byId = new Map(units.map((u) => [u.id, u]));
  const root = units.find((u) => u.parentId === null && u.kind === 'organisation');
  if (!root) {
    return {
      creates: [],
      changes: [],
      archives: [],
      unchanged: 0,
      errors: [rowError(1, null, 'IMPORT_NO_ORGANISATION')],
    };
  }
  const children = new Map<string, Map<string, ExistingUnit[]>>();
  const byCode = new Map<string, ExistingUnit>();
  for (const u of units) {
    if (u.code) byCode.set(u.code.toLowerCase(), u);
    if (u.parentId === null) continue;
    let named = children.get(u.parentId);
    if (!named) children.set(u.parentId, (named = new Map()));
    const key = `${u.kind}:${nameKey(u.name)}`;
    const list = named.get(key);
    if (list) list.push(u);
    else named.set(key, [u]);
  }
  // An active unit wins over an archived one of the same name; then the oldest id, for stability.
  for (const named of children.values()) {
    for (const list of named.values()) {
      list.sort((a, b) =>
        !!a.archivedAt === !!b.archivedAt ? a.id.localeCompare(b.id) : a.archivedAt ? 1 : -1,
      );
    }
  }
  const pathOf = (u: ExistingUnit): string[] => {
    const path: string[] = [];
    for (let p: ExistingUnit | undefined = u; p && p.parentId !== null; p = byId.get(p.parentId)) {
      path.unshift(p.name);
    }
    return path;
  };

  const creates: PlannedCreate[] = [];
  const changes = new Map<string, PlannedChange>();
  const kept = new Set<string>([root.id]);
  const resolved = new Map<string, Node>();
  const teamLines = new Map<string, number>();
  const codeLines = new Map<string, number>();
  const matchedTeams = new Map<string, number>();

  const existingChild = (parent: Node, kind: PlannedKind, name: string) =>
    parent.existing
      ? (children.get(parent.existing.id)?.get(`${kind}:${nameKey(name)}`)?.[0] ?? null)
      : null;

  const plan = (
    unit: ExistingUnit,
    kind: PlannedKind,
    line: number,
    path: string[],
    target: PlannedChange['target'],
    parentLabel: string,
  ) => {
    const list: ImportFieldChangeDto[] = [];
    if (unit.archivedAt) list.push({ field: 'restore', from: 'archived', to: 'active' });
    if (target.name !== unit.name) list.push({ field: 'name', from: unit.name, to: target.name });
    if (target.parent !== unit.parentId) {
      const from = unit.parentId ? byId.get(unit.parentId) : undefined;
      list.push({
        field: 'parent',
        from: from ? pathOf(from).join(' / ') : null,
        to: parentLabel,
      });
    }
    if (target.headcount !== unit.headcount) {
      list.push({
        field: 'headcount',
        from: unit.headcount === null ? null : String(unit.headcount),
        to: target.headcount === null ? null : String(target.headcount),
      });
    }
    if (target.code !== unit.code) list.push({ field: 'code', from: unit.code, to: target.code });
    kept.add(unit.id);
    if (list.length) {
      changes.set(unit.id, {
        id: unit.id,
        version: unit.version,
        line,
        kind,
        label: path.join(' / '),
        target,
        changes: list,
      });
    }
  };

  const resolve = (
    parent: Node,
    kind: 'directorate' | 'department',
    name: string,
    line: number,
  ) => {
    const key = `${parent.id}|${kind}:${nameKey(name)}`;
    const known = resolved.get(key);
    if (known) return known;
    const path = [...parent.path, name];
    const existing = existingChild(parent, kind, name);
    let node: Node;
    if (existing) {
      node = { id: existing.id, existing, path };
      plan(
        existing,
        kind,
        line,
        path,
        { name, parent: parent.id, headcount: null, code: existing.code },
        parent.path.join(' / '),
      );
    } else {
      const ref = `new:${creates.length + 1}`;
      creates.push({
        ref,
        line,
        kind,
        name,
        parent: parent.id,
        headcount: null,
        code: null,
        label: path.join(' / '),
      });
      node = { id: ref, existing: null, path };
    }
    resolved.set(key, node);
    return node;
  };

  const top: Node = { id: root.id, existing: root, path: [] };
  for (const row of rows) {
    if (row.invalid) {
      // Its error is listed; what it names already stays (not proposed for archiving).
      let parent: Node | null = top;
      for (const [kind, name] of [
        ['directorate', row.directorate],
        ['department', row.department],
        ['team', row.team],
      ] as const) {
        const found: ExistingUnit | null = parent ? existingChild(parent, kind, name) : null;
        if (found) kept.add(found.id);
        parent = found ? { id: found.id, existing: found, path: [] } : null;
      }
      continue;
    }
    const teamKey = [row.directorate, row.department, row.team].map(nameKey).join('|');
    const sameTeam = teamLines.get(teamKey);
    if (sameTeam !== undefined) {
      errors.push(
        rowError(row.line, null, 'IMPORT_DUPLICATE_TEAM', {
          otherLine: sameTeam,
          unit: `${row.directorate} / ${row.department} / ${row.team}`,
        }),
      );
      continue;
    }
    const codeKey = row.code?.toLowerCase();
    if (codeKey !== undefined) {
      const sameCode = codeLines.get(codeKey);
      if (sameCode !== undefined) {
        errors.push(
          rowError(row.line, codeColumn, 'IMPORT_DUPLICATE_CODE', {
            value: row.code,
            otherLine: sameCode,
          }),
        );
        continue;
      }
    }
    const byCodeUnit = codeKey === undefined ? undefined : byCode.get(codeKey);
    if (byCodeUnit && byCodeUnit.kind !== 'team') {
      errors.push(
        rowError(row.line, codeColumn, 'IMPORT_CODE_NOT_A_TEAM', {
          value: row.code,
          unit: byCodeUnit.name,
          unitKind: byCodeUnit.kind,
        }),
      );
      continue;
    }
    teamLines.set(teamKey, row.line);
    if (codeKey !== undefined) codeLines.set(codeKey, row.line);

    const directorate = resolve(top, 'directorate', row.directorate, row.line);
    const department = resolve(directorate, 'department', row.department, row.line);
    const path = [...department.path, row.team];
    const existing = byCodeUnit ?? existingChild(department, 'team', row.team);
    if (existing) {
      const earlier = matchedTeams.get(existing.id);
      if (earlier !== undefined) {
        errors.push(
          rowError(row.line, null, 'IMPORT_TEAM_MATCHED_TWICE', {
            otherLine: earlier,
            unit: pathOf(existing).join(' / '),
          }),
        );
        continue;
      }
      matchedTeams.set(existing.id, row.line);
      plan(
        existing,
        'team',
        row.line,
        path,
        {
          name: row.team,
          parent: department.id,
          headcount: row.headcount === undefined ? existing.headcount : row.headcount,
          // Codes match without case: a code only spelled differently is no change.
          code:
            row.code === undefined || row.code.toLowerCase() === existing.code?.toLowerCase()
              ? existing.code
              : row.code,
        },
        department.path.join(' / '),
      );
      continue;
    }
    creates.push({
      ref: `new:${creates.length + 1}`,
      line: row.line,
      kind: 'team',
      name: row.team,
      parent: department.id,
      headcount: row.headcount ?? null,
      code: row.code ?? null,
      label: path.join(' / '),
    });
  }

  // Kept: everything a row reached. Every other active unit below the root would be archived.
  const archives: PlannedArchive[] = units
    .filter((u) => u.parentId !== null && !u.archivedAt && !kept.has(u.id))
    .map((u) => ({
      id: u.id,
      version: u.version,
      kind: u.kind as PlannedKind,
      label: pathOf(u).join(' / '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));

  const changed = [...changes.values()].sort((a, b) => a.line - b.line);
  return {
    creates,
    changes: changed,
    archives,
    unchanged: kept.size - 1 - changed.length,
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

export function orgPreviewItems(plan: OrgPlan): {
  create: ImportItemDto[];
  change: ImportItemDto[];
  archive: ImportItemDto[];
} {
  return {
    create: plan.creates.map((c) => ({
      line: c.line,
      type: c.kind,
      label: c.label,
      ...(c.kind === 'team' ? { headcount: c.headcount } : {}),
      changes: [],
    })),
    change: plan.changes.map((c) => ({
      line: c.line,
      type: c.kind,
      label: c.label,
      ...(c.kind === 'team' ? { headcount: c.target.headcount } : {}),
      changes: c.changes,
    })),
    archive: plan.archives.map((a) => ({
      line: null,
      type: a.kind,
      label: a.label,
      changes: [],
      openCase: !!a.openCase,
    })),
  };
}
