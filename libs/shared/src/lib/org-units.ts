export const ORG_UNIT_KINDS = ['organisation', 'directorate', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnitDto {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  /** Only teams have a headcount; null when unknown. */
  headcount: number | null;
  /** ISO timestamp, or null while active. */
  archivedAt: string | null;
  /** Optimistic-concurrency version: send it back with every change. */
  version: number;
}

export interface CreateOrgUnitRequest {
  parentId: string;
  name: string;
  headcount?: number | null;
}

/** Rename, move (new parentId) or set the headcount. `version` must match the stored one. */
export interface UpdateOrgUnitRequest {
  version: number;
  name?: string;
  parentId?: string;
  headcount?: number | null;
}

export interface ArchiveOrgUnitRequest {
  version: number;
  /**
   * A team with an open case is archived only with this set: without it the answer is 409
   * `ORG_UNIT_HAS_OPEN_CASE`, so the admin is warned first. The case stays, marked "team archived".
   */
  confirmOpenCase?: boolean;
}

/** The organisation's named levels (ADR 0007): `names[0]` is depth 1, just below the organisation. */
export interface OrgLevelsDto {
  names: Array<{ nl: string; en: string }>;
  departmentLevel: number;
  /** The deepest level a unit sits at today: fewer levels than this cannot be saved. */
  treeDepth: number;
}
