import type {
  ImportColumnKey,
  ImportErrorDto,
  ImportErrorParams,
  ImportRowErrorCode,
  OrgUnitKind,
} from '@olievlek/shared';

/**
 * Row errors of the import: a stable code with its parameters for clients to translate, and the
 * English sentence for API users, made here from the same code and parameters so the two never
 * disagree. A code without its sentence is a type error.
 */

const KIND_WORD: Record<OrgUnitKind, string> = {
  organisation: 'organisation',
  directorate: 'directorate',
  department: 'department',
  team: 'team',
};

const COLUMN_WORD: Record<ImportColumnKey, string> = {
  directorate: 'directorate',
  department: 'department',
  team: 'team',
  headcount: 'headcount',
  code: 'code',
  name: 'name',
  email: 'e-mail',
  roles: 'role',
  teams: 'team',
  scope: 'scope',
  locale: 'language',
};

const ENGLISH: Record<ImportRowErrorCode, (p: ImportErrorParams) => string> = {
  IMPORT_COLUMN_MISSING: (p) => `the file has no ${COLUMN_WORD[p.field ?? 'name']} column`,
  IMPORT_CELL_EMPTY: () => 'is empty',
  IMPORT_CELL_TOO_LONG: (p) => `is longer than ${p.max} characters`,
  IMPORT_NOT_A_NUMBER: (p) =>
    `"${p.value}" is not a number of people (use a whole number, e.g. 12)`,
  IMPORT_TOO_MANY_PEOPLE: (p) => `"${p.value}" is more than ${p.max} people`,
  IMPORT_NO_ORGANISATION: () => 'there is no organisation yet to import into; add it first',
  IMPORT_DUPLICATE_TEAM: (p) => `the same team as line ${p.otherLine}: ${p.unit}`,
  IMPORT_DUPLICATE_CODE: (p) => `code ${p.value} is already used on line ${p.otherLine}`,
  IMPORT_CODE_NOT_A_TEAM: (p) =>
    `code ${p.value} belongs to the ${KIND_WORD[p.unitKind ?? 'team']} "${p.unit}", not to a team`,
  IMPORT_TEAM_MATCHED_TWICE: (p) => `line ${p.otherLine} already stands for the team "${p.unit}"`,
  IMPORT_NOT_AN_EMAIL: (p) => `"${p.value}" is not an e-mail address`,
  IMPORT_UNKNOWN_ROLE: (p) =>
    `"${p.value}" is not a role (use beheerder, ambassadeur, teamlid or directeur)`,
  IMPORT_TEAM_NOT_FOUND: (p) => `no active team "${p.value}"`,
  IMPORT_UNIT_NOT_FOUND: (p) => `no active unit "${p.value}"`,
  IMPORT_TEAM_AMBIGUOUS: (p) =>
    `"${p.value}" is the name of ${p.count} teams; write it as Directie / Afdeling / Team or use the code`,
  IMPORT_UNIT_AMBIGUOUS: (p) =>
    `"${p.value}" is the name of ${p.count} units; write it as Directie / Afdeling / Team or use the code`,
  IMPORT_TEAM_REQUIRED: () => 'a team member needs a team',
  IMPORT_SCOPE_REQUIRED: () => 'a director needs a scope (bereik): the unit they oversee',
  IMPORT_UNKNOWN_LOCALE: (p) => `"${p.value}" is not a language (use nl or en)`,
  IMPORT_DUPLICATE_EMAIL: (p) => `${p.value} is already on line ${p.otherLine}`,
  IMPORT_ACCOUNT_ANONYMISED: (p) => `${p.value} belongs to an anonymised account`,
  IMPORT_OWN_ADMIN_ROLE: () =>
    'this is you: an import cannot take away your own admin role; ask another admin',
};

/** A problem found in a cell or row, before it is tied to a line and column. */
export interface RowProblem {
  code: ImportRowErrorCode;
  params: ImportErrorParams;
}

export const problem = (code: ImportRowErrorCode, params: ImportErrorParams = {}): RowProblem => ({
  code,
  params,
});

/** A problem rather than what was looked for (a unit, a number). */
export const isProblem = (value: object): value is RowProblem => 'params' in value;

/** The English sentence for a code and its parameters. */
export const importErrorMessage = (code: ImportRowErrorCode, params: ImportErrorParams): string =>
  ENGLISH[code](params);

export function rowError(
  line: number,
  column: string | null,
  code: ImportRowErrorCode,
  params: ImportErrorParams = {},
): ImportErrorDto {
  return { line, column, code, params, message: importErrorMessage(code, params) };
}
