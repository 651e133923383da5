import type { ImportKind } from '@olievlek/shared';
import { normaliseHeader, type Table } from './import-table';

/** The columns the import reads, with the header names it recognises (Dutch and English). */
export const ORG_COLUMNS = {
  directorate: ['directie', 'directorate', 'directoraat', 'sector', 'division'],
  department: ['afdeling', 'department', 'dept', 'cluster'],
  team: ['team', 'teamnaam', 'teamname', 'eenheid', 'unit'],
  headcount: [
    'medewerkers',
    'aantalmedewerkers',
    'fte',
    'headcount',
    'employees',
    'bezetting',
    'formatie',
    'aantal',
  ],
  code: ['code', 'teamcode', 'kostenplaats', 'costcentre', 'costcenter', 'id'],
} as const;

export const USER_COLUMNS = {
  name: ['naam', 'name', 'volledigenaam', 'fullname', 'medewerker', 'employee'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress'],
  roles: ['rol', 'rollen', 'role', 'roles'],
  teams: ['team', 'teams'],
  scope: ['bereik', 'scope', 'directeurvan', 'directorof'],
  locale: ['taal', 'language', 'locale'],
} as const;

export type OrgColumn = keyof typeof ORG_COLUMNS;
export type UserColumn = keyof typeof USER_COLUMNS;

export interface ColumnMap<K extends string> {
  /** Index of each recognised column in the row. */
  index: Partial<Record<K, number>>;
  /** The header as written in the file, for error messages. */
  label: Partial<Record<K, string>>;
  ignored: string[];
  duplicates: string[];
}

export function mapColumns<K extends string>(
  table: Table,
  names: Record<K, readonly string[]>,
): ColumnMap<K> {
  const map: ColumnMap<K> = { index: {}, label: {}, ignored: [], duplicates: [] };
  table.header.cells.forEach((raw, i) => {
    const header = raw.trim();
    if (!header) return;
    const key = normaliseHeader(header);
    const column = (Object.keys(names) as K[]).find((k) => names[k].includes(key));
    if (column === undefined) map.ignored.push(header);
    else if (map.index[column] !== undefined) map.duplicates.push(header);
    else {
      map.index[column] = i;
      map.label[column] = header;
    }
  });
  return map;
}

/** A users file has an e-mail column; an organisation file has team with department or directorate. */
export function detectKind(table: Table): ImportKind | null {
  const headers = new Set(table.header.cells.map(normaliseHeader));
  const has = (names: readonly string[]) => names.some((n) => headers.has(n));
  if (has(USER_COLUMNS.email)) return 'users';
  if (has(ORG_COLUMNS.team) && (has(ORG_COLUMNS.department) || has(ORG_COLUMNS.directorate))) {
    return 'organisation';
  }
  return null;
}

export const cellOf = <K extends string>(
  map: ColumnMap<K>,
  cells: readonly string[],
  column: K,
): string | undefined => {
  const i = map.index[column];
  return i === undefined ? undefined : (cells[i] ?? '').trim();
};
