import {
  type ImportErrorDto,
  type ImportFieldChangeDto,
  type ImportItemDto,
  type Locale,
  type Role,
} from '@olievlek/shared';
import { cellOf, type ColumnMap, type UserColumn } from './import-columns';
import { isProblem, problem, rowError, type RowProblem } from './import-errors';
import { nameKey, tidy, type TableRow } from './import-table';
import type { ExistingUnit } from './org-import';

/**
 * The users import as pure functions: rows of `naam; e-mail; rol; team; bereik; taal` against
 * the users and the tree as they are. A person is recognised by e-mail address. People who are
 * not in the file are proposed for deactivation (never deleted, what they did stays) — except
 * admins and the admin who imports, who are only ever changed by hand.
 */

export interface ExistingUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
  scopeOrgUnitId: string | null;
  teamIds: string[];
  active: boolean;
  anonymisedAt: string | null;
  version: number;
}

export interface UserTarget {
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
  scopeOrgUnitId: string | null;
  locale: Locale;
}

export interface UserRow extends Omit<UserTarget, 'locale'> {
  line: number;
  /** undefined: keep the person's language (new people get Dutch). */
  locale: Locale | undefined;
}

export interface UserPlan {
  creates: Array<UserTarget & { line: number }>;
  changes: Array<{
    id: string;
    version: number;
    line: number;
    target: UserTarget;
    changes: ImportFieldChangeDto[];
    /** Roles or activation changed: the person's sessions end so new rights apply at once. */
    rightsChanged: boolean;
  }>;
  /** `openCase`: the person is ambassador of an open case (set by the caller). */
  archives: Array<{ id: string; version: number; name: string; email: string; openCase?: boolean }>;
  unchanged: number;
  errors: ImportErrorDto[];
}

const ROLE_WORDS: Record<string, Role> = {
  admin: 'admin',
  beheerder: 'admin',
  programmaleider: 'admin',
  ambassador: 'ambassador',
  ambassadeur: 'ambassador',
  team: 'team',
  teamlid: 'team',
  lid: 'team',
  member: 'team',
  medewerker: 'team',
  director: 'director',
  directeur: 'director',
  manager: 'director',
  leidinggevende: 'director',
};
const LOCALE_WORDS: Record<string, Locale> = {
  nl: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  en: 'en',
  engels: 'en',
  english: 'en',
};
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const ROLE_ORDER: Role[] = ['admin', 'ambassador', 'team', 'director'];
const NAME_MAX = 200;
const EMAIL_MAX = 320;

/** Unit references: a code, a path `Directie / Afdeling / Team` (or with `>`), or a unique name. */
export class UnitLookup {
  private readonly byCode = new Map<string, ExistingUnit>();
  private readonly byPath = new Map<string, ExistingUnit>();
  private readonly byName = new Map<string, ExistingUnit[]>();
  readonly labels = new Map<string, string>();

  constructor(units: readonly ExistingUnit[]) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      if (u.archivedAt) continue;
      const names: string[] = [];
      for (
        let p: ExistingUnit | undefined = u;
        p && p.parentId !== null;
        p = byId.get(p.parentId)
      ) {
        names.unshift(p.name);
      }
      this.labels.set(u.id, names.join(' / ') || u.name);
      if (u.code) this.byCode.set(u.code.toLowerCase(), u);
      this.byPath.set(names.map(nameKey).join('|'), u);
      const list = this.byName.get(nameKey(u.name));
      if (list) list.push(u);
      else this.byName.set(nameKey(u.name), [u]);
    }
  }

  find(reference: string, teamsOnly: boolean): ExistingUnit | RowProblem {
    const fits = (u: ExistingUnit) => !teamsOnly || u.kind === 'team';
    const notFound = () =>
      problem(teamsOnly ? 'IMPORT_TEAM_NOT_FOUND' : 'IMPORT_UNIT_NOT_FOUND', { value: reference });
    const coded = this.byCode.get(reference.toLowerCase());
    if (coded && fits(coded)) return coded;
    const parts = reference
      .split(/\s+\/\s+|\s*>\s*/)
      .map(nameKey)
      .filter(Boolean);
    if (parts.length > 1) {
      const unit = this.byPath.get(parts.join('|'));
      return unit && fits(unit) ? unit : notFound();
    }
    const named = (this.byName.get(nameKey(reference)) ?? []).filter(fits);
    if (named.length === 1) return named[0];
    if (named.length === 0) return notFound();
    return problem(teamsOnly ? 'IMPORT_TEAM_AMBIGUOUS' : 'IMPORT_UNIT_AMBIGUOUS', {
      value: reference,
      count: named.length,
    });
  }
}

export function readUserRows(
  rows: readonly TableRow[],
  columns: ColumnMap<UserColumn>,
  units: readonly ExistingUnit[],
): { rows: UserRow[]; errors: ImportErrorDto[] } {
  const errors: ImportErrorDto[] = [];
  const result: UserRow[] = [];
  const lookup = new UnitLookup(units);
  const label = (c: UserColumn) => columns.label[c] ?? c;
  for (const row of rows) {
    const before = errors.length;
    const fail = (column: UserColumn | null, { code, params }: RowProblem) =>
      errors.push(rowError(row.line, column === null ? null : label(column), code, params));
    const name = tidy(cellOf(columns, row.cells, 'name') ?? '');
    const email = (cellOf(columns, row.cells, 'email') ?? '').toLowerCase();
    if (columns.index.name === undefined) {
      fail(null, problem('IMPORT_COLUMN_MISSING', { field: 'name' }));
    } else if (!name) fail('name', problem('IMPORT_CELL_EMPTY'));
    else if (name.length > NAME_MAX) {
      fail('name', problem('IMPORT_CELL_TOO_LONG', { max: NAME_MAX }));
    }
    if (!email) fail('email', problem('IMPORT_CELL_EMPTY'));
    else if (!EMAIL.test(email) || email.length > EMAIL_MAX)
      fail('email', problem('IMPORT_NOT_AN_EMAIL', { value: email }));

    const roles = new Set<Role>();
    const roleText = cellOf(columns, row.cells, 'roles') ?? '';
    for (const word of roleText.split(/[,|/+;\s]+/).filter(Boolean)) {
      const role = ROLE_WORDS[word.toLowerCase()];
      if (role) roles.add(role);
      else fail('roles', problem('IMPORT_UNKNOWN_ROLE', { value: word }));
    }
    if (columns.index.roles === undefined) {
      fail(null, problem('IMPORT_COLUMN_MISSING', { field: 'roles' }));
    } else if (!roleText.trim()) fail('roles', problem('IMPORT_CELL_EMPTY'));

    const teamIds: string[] = [];
    const teamText = cellOf(columns, row.cells, 'teams') ?? '';
    for (const reference of teamText
      .split(/[|;\n]+/)
      .map(tidy)
      .filter(Boolean)) {
      const team = lookup.find(reference, true);
      if (isProblem(team)) fail('teams', team);
      else if (!teamIds.includes(team.id)) teamIds.push(team.id);
    }
    if (roles.has('team') && !teamText.trim()) {
      fail(columns.index.teams === undefined ? null : 'teams', problem('IMPORT_TEAM_REQUIRED'));
    }

    let scopeOrgUnitId: string | null = null;
    const scopeText = tidy(cellOf(columns, row.cells, 'scope') ?? '');
    if (scopeText) {
      const unit = lookup.find(scopeText, false);
      if (isProblem(unit)) fail('scope', unit);
      else scopeOrgUnitId = unit.id;
    } else if (roles.has('director')) {
      fail(columns.index.scope === undefined ? null : 'scope', problem('IMPORT_SCOPE_REQUIRED'));
    }

    let locale: Locale | undefined;
    const localeText = cellOf(columns, row.cells, 'locale') ?? '';
    if (localeText) {
      locale = LOCALE_WORDS[localeText.toLowerCase()];
      if (!locale) fail('locale', problem('IMPORT_UNKNOWN_LOCALE', { value: localeText }));
    }
    if (errors.length > before) continue;
    const sortedRoles = ROLE_ORDER.filter((r) => roles.has(r));
    result.push({
      line: row.line,
      email,
      name,
      roles: sortedRoles,
      teamIds: roles.has('team') ? teamIds : [],
      scopeOrgUnitId: roles.has('director') ? scopeOrgUnitId : null,
      locale,
    });
  }
  return { rows: result, errors };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

export function planUserImport(
  users: readonly ExistingUser[],
  rows: readonly UserRow[],
  actorId: string,
  unitLabels: ReadonlyMap<string, string>,
  readErrors: readonly ImportErrorDto[] = [],
): UserPlan {
  const errors = [...readErrors];
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const lines = new Map<string, number>();
  const seen = new Set<string>();
  const plan: UserPlan = { creates: [], changes: [], archives: [], unchanged: 0, errors };
  const teams = (ids: readonly string[]) => teamLabels(ids, unitLabels);

  for (const row of rows) {
    const earlier = lines.get(row.email);
    if (earlier !== undefined) {
      errors.push(
        rowError(row.line, null, 'IMPORT_DUPLICATE_EMAIL', {
          value: row.email,
          otherLine: earlier,
        }),
      );
      continue;
    }
    lines.set(row.email, row.line);
    const existing = byEmail.get(row.email);
    if (!existing) {
      plan.creates.push({ ...row, locale: row.locale ?? 'nl' });
      continue;
    }
    seen.add(existing.id);
    if (existing.anonymisedAt) {
      errors.push(rowError(row.line, null, 'IMPORT_ACCOUNT_ANONYMISED', { value: row.email }));
      continue;
    }
    if (existing.id === actorId && !row.roles.includes('admin')) {
      errors.push(rowError(row.line, null, 'IMPORT_OWN_ADMIN_ROLE'));
      continue;
    }
    const target: UserTarget = { ...row, locale: row.locale ?? existing.locale };
    const changes: ImportFieldChangeDto[] = [];
    if (!existing.active) changes.push({ field: 'active', from: 'no', to: 'yes' });
    if (target.name !== existing.name)
      changes.push({ field: 'name', from: existing.name, to: target.name });
    if (!sameSet(target.roles, existing.roles)) {
      changes.push({
        field: 'roles',
        from: existing.roles.join(', '),
        to: target.roles.join(', '),
      });
    }
    if (!sameSet(target.teamIds, existing.teamIds)) {
      changes.push({ field: 'teams', from: teams(existing.teamIds), to: teams(target.teamIds) });
    }
    if (target.scopeOrgUnitId !== existing.scopeOrgUnitId) {
      changes.push({
        field: 'scope',
        from: existing.scopeOrgUnitId ? (unitLabels.get(existing.scopeOrgUnitId) ?? null) : null,
        to: target.scopeOrgUnitId ? (unitLabels.get(target.scopeOrgUnitId) ?? null) : null,
      });
    }
    if (target.locale !== existing.locale)
      changes.push({ field: 'locale', from: existing.locale, to: target.locale });
    if (!changes.length) {
      plan.unchanged++;
      continue;
    }
    plan.changes.push({
      id: existing.id,
      version: existing.version,
      line: row.line,
      target,
      changes,
      rightsChanged: !existing.active || changes.some((c) => c.field === 'roles'),
    });
  }
  plan.archives = users
    .filter(
      (u) =>
        u.active &&
        !u.anonymisedAt &&
        !seen.has(u.id) &&
        u.id !== actorId &&
        !u.roles.includes('admin'),
    )
    .map((u) => ({ id: u.id, version: u.version, name: u.name, email: u.email }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  errors.sort((a, b) => a.line - b.line);
  return plan;
}

/** Teams by their path, sorted, comma-separated; null for none. */
function teamLabels(ids: readonly string[], unitLabels: ReadonlyMap<string, string>) {
  return (
    ids
      .map((id) => unitLabels.get(id) ?? id)
      .sort()
      .join(', ') || null
  );
}

export function userPreviewItems(
  plan: UserPlan,
  unitLabels: ReadonlyMap<string, string>,
): {
  create: ImportItemDto[];
  change: ImportItemDto[];
  archive: ImportItemDto[];
} {
  return {
    create: plan.creates.map((c) => ({
      line: c.line,
      type: 'user',
      label: `${c.name} <${c.email}>`,
      // What the new person gets: roles, and the teams and scope they will see.
      changes: [
        { field: 'roles', from: null, to: c.roles.join(', ') },
        ...(c.teamIds.length
          ? [{ field: 'teams' as const, from: null, to: teamLabels(c.teamIds, unitLabels) }]
          : []),
        ...(c.scopeOrgUnitId
          ? [
              {
                field: 'scope' as const,
                from: null,
                to: unitLabels.get(c.scopeOrgUnitId) ?? null,
              },
            ]
          : []),
      ],
    })),
    change: plan.changes.map((c) => ({
      line: c.line,
      type: 'user',
      label: `${c.target.name} <${c.target.email}>`,
      changes: c.changes,
    })),
    archive: plan.archives.map((a) => ({
      line: null,
      type: 'user',
      label: `${a.name} <${a.email}>`,
      changes: [{ field: 'active', from: 'yes', to: 'no' }],
      openCase: !!a.openCase,
    })),
  };
}
