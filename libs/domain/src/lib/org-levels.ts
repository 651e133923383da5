/**
 * The organisation's named levels (docs/design.md "OrgUnit levels", ADR 0007).
 *
 * The organisation itself is depth 0; the levels below it are depths 1…n, n ≤ `MAX_ORG_DEPTH`.
 * A unit's level is its depth in the tree; whether it is a team is a separate fact (people belong
 * to it), so a directorate's management team sits at the department depth beside the departments.
 * One level is the organisation's *department level*: cross-unit links and the director's report
 * are measured against it (`departmentUnitOf`, `crossesUnits` in `org-structure`).
 */

/** The deepest a unit may sit below the organisation. */
export const MAX_ORG_DEPTH = 8;
/** The longest level name, in either language. */
export const MAX_LEVEL_NAME_LENGTH = 60;

export interface OrgLevelName {
  nl: string;
  en: string;
}

export interface OrgLevels {
  /** `names[i]` names depth i + 1 (the organisation itself is not a level). */
  names: readonly OrgLevelName[];
  /** The depth (1…names.length) the organisation calls its department level. */
  departmentLevel: number;
}

/** Today's four levels: organisation > directorate > department > team. */
export const DEFAULT_ORG_LEVELS: OrgLevels = {
  names: [
    { nl: 'Directie', en: 'Directorate' },
    { nl: 'Afdeling', en: 'Department' },
    { nl: 'Team', en: 'Team' },
  ],
  departmentLevel: 2,
};

export type OrgLevelErrorCode =
  | 'ORG_LEVELS_EMPTY'
  | 'ORG_LEVELS_TOO_DEEP'
  | 'ORG_LEVEL_NAME_MISSING'
  | 'ORG_LEVEL_NAME_TOO_LONG'
  | 'ORG_LEVEL_NAME_DUPLICATE'
  | 'ORG_DEPARTMENT_LEVEL_INVALID'
  | 'ORG_LEVELS_BELOW_TREE';

export interface OrgLevelError {
  code: OrgLevelErrorCode;
  /** The depth (1-based) the error is about, when it is about one level. */
  depth?: number;
  /** The language of the name the error is about. */
  language?: 'nl' | 'en';
}

export type OrgLevelsResult =
  { ok: true; levels: OrgLevels } | { ok: false; errors: OrgLevelError[] };

/**
 * Checks a proposed level list as a whole and returns it cleaned (names trimmed), or every error
 * found — never a partly accepted list:
 *
 * - 1…`MAX_ORG_DEPTH` levels (`ORG_LEVELS_EMPTY`, `ORG_LEVELS_TOO_DEEP`);
 * - every level named in Dutch and English, 1…60 characters after trimming
 *   (`ORG_LEVEL_NAME_MISSING`, `ORG_LEVEL_NAME_TOO_LONG`), no two levels with the same name in one
 *   language, compared case-insensitively (`ORG_LEVEL_NAME_DUPLICATE`, on the later one);
 * - `departmentLevel` a whole number 1…levels (`ORG_DEPARTMENT_LEVEL_INVALID`);
 * - when `treeDepth` (the deepest unit of the existing tree) is given, at least that many levels,
 *   so no unit is left without a level (`ORG_LEVELS_BELOW_TREE`).
 */
export function validateOrgLevels(input: OrgLevels, treeDepth = 0): OrgLevelsResult {
  const errors: OrgLevelError[] = [];
  const count = input.names.length;
  if (count === 0) errors.push({ code: 'ORG_LEVELS_EMPTY' });
  if (count > MAX_ORG_DEPTH) errors.push({ code: 'ORG_LEVELS_TOO_DEEP' });
  if (count < treeDepth) errors.push({ code: 'ORG_LEVELS_BELOW_TREE' });
  const names = input.names.map((n) => ({
    nl: typeof n?.nl === 'string' ? n.nl.trim() : '',
    en: typeof n?.en === 'string' ? n.en.trim() : '',
  }));
  for (const language of ['nl', 'en'] as const) {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      const depth = i + 1;
      const value = name[language];
      if (value === '') errors.push({ code: 'ORG_LEVEL_NAME_MISSING', depth, language });
      else if (value.length > MAX_LEVEL_NAME_LENGTH) {
        errors.push({ code: 'ORG_LEVEL_NAME_TOO_LONG', depth, language });
      } else if (seen.has(value.toLocaleLowerCase('nl'))) {
        errors.push({ code: 'ORG_LEVEL_NAME_DUPLICATE', depth, language });
      }
      seen.add(value.toLocaleLowerCase('nl'));
    });
  }
  const department = input.departmentLevel;
  if (!Number.isInteger(department) || department < 1 || department > Math.max(count, 1)) {
    errors.push({ code: 'ORG_DEPARTMENT_LEVEL_INVALID' });
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, levels: { names, departmentLevel: department } };
}

/** The name of depth `depth` (0 = the organisation: null, the organisation's own name shows). */
export function levelName(levels: OrgLevels, depth: number, language: 'nl' | 'en'): string | null {
  return levels.names[depth - 1]?.[language] ?? null;
}

/**
 * The legacy kind of a unit at `depth` in today's four-level tree, for the columns and DTOs that
 * still carry one; null where the old model had no kind (deeper, or a team above team depth).
 */
export function legacyKindAt(
  depth: number,
  isTeam: boolean,
): 'organisation' | 'directorate' | 'department' | 'team' | null {
  if (depth === 0) return isTeam ? null : 'organisation';
  if (isTeam) return depth === 3 ? 'team' : null;
  return depth === 1 ? 'directorate' : depth === 2 ? 'department' : null;
}
