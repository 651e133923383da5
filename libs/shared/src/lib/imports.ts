/**
 * Import of the organisation structure or of users from a CSV or XLSX file, the way HR exports
 * it: upload → preview (nothing written) → confirm (the same preview, applied in one go).
 */

import type { OrgUnitKind } from './org-units';

export const IMPORT_ROUTES = {
  preview: '/api/imports/preview',
  confirm: '/api/imports/confirm',
} as const;

/** Largest file the API accepts (10 MiB: about 150,000 CSV rows). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most data rows in one file. */
export const IMPORT_MAX_ROWS = 50_000;
/**
 * The most an XLSX may unpack to, summed over its zip directory and checked before anything is
 * unpacked: a real organisation of 50,000 rows unpacks to well under 30 MB.
 */
export const IMPORT_XLSX_UNPACKED_MAX = 64 * 1024 * 1024;
/** Most items per list in a preview; the counts are always complete. */
export const IMPORT_PREVIEW_LIST_MAX = 500;

export const IMPORT_KINDS = ['organisation', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * What is wrong with a row, stable for clients to translate (the `message` is English). The
 * parameters each code carries are listed with it; `value` is the text as written in the file.
 */
export const IMPORT_ROW_ERROR_CODES = [
  /** The file lacks a column every row needs: `field`. The row as a whole (column null). */
  'IMPORT_COLUMN_MISSING',
  /** The cell is empty. */
  'IMPORT_CELL_EMPTY',
  /** The cell holds more than `max` characters. */
  'IMPORT_CELL_TOO_LONG',
  /** Headcount: `value` is no number of people. */
  'IMPORT_NOT_A_NUMBER',
  /** Headcount: `value` (rounded) is more than `max` people. */
  'IMPORT_TOO_MANY_PEOPLE',
  /** The tree has no organisation (root) to import into. */
  'IMPORT_NO_ORGANISATION',
  /** The team `unit` (its path) is on line `otherLine` already. */
  'IMPORT_DUPLICATE_TEAM',
  /** Code `value` is on line `otherLine` already. */
  'IMPORT_DUPLICATE_CODE',
  /** Code `value` belongs to `unitKind` `unit` (its name), which is no team. */
  'IMPORT_CODE_NOT_A_TEAM',
  /** Line `otherLine` already stands for the existing team `unit` (its path). */
  'IMPORT_TEAM_MATCHED_TWICE',
  /** `value` is not an e-mail address. */
  'IMPORT_NOT_AN_EMAIL',
  /** `value` is not a role. */
  'IMPORT_UNKNOWN_ROLE',
  /** No active team is called or coded `value`. */
  'IMPORT_TEAM_NOT_FOUND',
  /** No active unit is called or coded `value`. */
  'IMPORT_UNIT_NOT_FOUND',
  /** `count` active teams are called `value`. */
  'IMPORT_TEAM_AMBIGUOUS',
  /** `count` active units are called `value`. */
  'IMPORT_UNIT_AMBIGUOUS',
  /** A team member without a team. */
  'IMPORT_TEAM_REQUIRED',
  /** A director without a scope. */
  'IMPORT_SCOPE_REQUIRED',
  /** `value` is not a language. */
  'IMPORT_UNKNOWN_LOCALE',
  /** E-mail address `value` is on line `otherLine` already. */
  'IMPORT_DUPLICATE_EMAIL',
  /** E-mail address `value` belongs to an anonymised account. */
  'IMPORT_ACCOUNT_ANONYMISED',
  /** The row would take away the importing admin's own admin role. */
  'IMPORT_OWN_ADMIN_ROLE',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERROR_CODES)[number];

/** The columns an import reads, by the import's own name (the file may call them otherwise). */
export type ImportColumnKey =
  | 'directorate'
  | 'department'
  | 'team'
  | 'headcount'
  | 'code'
  | 'name'
  | 'email'
  | 'roles'
  | 'teams'
  | 'scope'
  | 'locale';

/** The parameters of a row error; which ones a code carries is listed with the code. */
export interface ImportErrorParams {
  /** The cell's text as written in the file (trimmed). */
  value?: string;
  /** A limit: most characters in a cell, or most people in a team. */
  max?: number;
  /** The earlier line a duplicate refers to. */
  otherLine?: number;
  /** The column the file lacks. */
  field?: ImportColumnKey;
  /** A unit: its path `Directie / Afdeling / Team`, or its name. */
  unit?: string;
  /** The kind of that unit. */
  unitKind?: OrgUnitKind;
  /** How many units share the name. */
  count?: number;
}

/** One bad cell or row: the line as a spreadsheet shows it (the header is line 1). */
export interface ImportErrorDto {
  line: number;
  /** The column's header as written in the file; null when the row as a whole is wrong. */
  column: string | null;
  /** Stable: clients show their own sentence for it, built from `params`. */
  code: ImportRowErrorCode;
  params: ImportErrorParams;
  /** The same in English, for API users; clients fall back to it for a code they do not know. */
  message: string;
}

export type ImportItemType = 'directorate' | 'department' | 'team' | 'user';

export interface ImportFieldChangeDto {
  field:
    | 'name'
    | 'parent'
    | 'headcount'
    | 'code'
    | 'restore'
    | 'roles'
    | 'teams'
    | 'scope'
    | 'locale'
    | 'active';
  from: string | null;
  to: string | null;
}

/** One thing the import would create, change or archive. */
export interface ImportItemDto {
  /** The file's line it comes from; null for an archive (it is not in the file). */
  line: number | null;
  type: ImportItemType;
  /** `Directie / Afdeling / Team`, or `Name <e-mail>` for a user. */
  label: string;
  /** Teams: the headcount after the import. */
  headcount?: number | null;
  changes: ImportFieldChangeDto[];
  /** Archives only: the team has an open case, or the person is ambassador of one. */
  openCase?: boolean;
}

/**
 * What a confirm applies. `add-update` (the default) creates and changes but never archives;
 * `archive` also archives what the file leaves out, and needs the number of archives confirmed.
 */
export const IMPORT_MODES = ['add-update', 'archive'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportCountsDto {
  /** Data lines in the file (the header not counted). */
  rows: number;
  /**
   * What each line does; they add up to `rows`. A line with an error counts only there; a line
   * is new or changed by its team (organisation) or person (users).
   */
  lines: { new: number; changed: number; unchanged: number; errors: number };
  /** Units or people, including the directorates and departments a line creates or changes. */
  create: number;
  change: number;
  /** Left out of the file: archived (teams, departments) or deactivated (people) in `archive` mode only. */
  archive: number;
  /** Of `archive`, per type. */
  archiveByType: Partial<Record<ImportItemType, number>>;
  /** Of `archive`: teams with an open case, or people who are ambassador of an open case. */
  archiveWithOpenCase: number;
  unchanged: number;
  /** Error messages (a line may have several). */
  errors: number;
}

/** POST /api/imports/preview — what the file would do; nothing is written. */
export interface ImportPreviewDto {
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  /** CSV only: the separator found in the header line. */
  delimiter: ';' | ',' | '\t' | null;
  /** Confirm with this id: it stands for this file against the organisation as it is now. */
  previewId: string;
  /** In the default `add-update` mode: false while there are errors or nothing to create or change. */
  canConfirm: boolean;
  /** In `archive` mode: false while there are errors or nothing to create, change or archive. */
  canArchive: boolean;
  counts: ImportCountsDto;
  create: ImportItemDto[];
  change: ImportItemDto[];
  archive: ImportItemDto[];
  errors: ImportErrorDto[];
  /** Columns the import did not use. */
  ignoredColumns: string[];
  /** Milliseconds the server spent reading and comparing. */
  tookMs: number;
}

/**
 * POST /api/imports/confirm?previewId=&mode=&archiveCount= — the result after applying.
 * `archiveCount` must be the preview's `counts.archive` in `archive` mode (the second
 * confirmation that names the count); otherwise 400 `IMPORT_ARCHIVE_NOT_CONFIRMED`.
 */
export interface ImportResultDto {
  kind: ImportKind;
  mode: ImportMode;
  previewId: string;
  created: number;
  changed: number;
  archived: number;
  tookMs: number;
}
