/** Outcome of an audited action (BIO2 "result"). */
export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** Most events an admin fetches per page, and the page size when none is asked for. */
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

/**
 * One audit event with the BIO2 fields: actor, action, object, result, origin, time.
 * The actor's name and e-mail are looked up now; an account that no longer exists shows null.
 */
export interface AuditEventDto {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  /** Null when nobody was signed in (e.g. a sign-in with an unknown e-mail address). */
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  /** `domain.verb`, e.g. `auth.login`, `note.read`, `case.open`. */
  action: string;
  objectType: string | null;
  objectId: string | null;
  /**
   * The object's name now, for people reading the log: a user's name, a unit's name, a case's
   * team. Null for other kinds and for records that no longer exist. Not in the CSV export,
   * which keeps ids.
   */
  objectName: string | null;
  result: AuditResult;
  /** The client's IP address as the server saw it. */
  origin: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPageDto {
  /** Newest first. */
  events: AuditEventDto[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Filters of `GET /api/audit` and `GET /api/audit/export`; all optional, combined with AND. */
export interface AuditQuery {
  /** Exact actor user id. */
  actorId?: string;
  /** Part of the actor's name or e-mail address, case-insensitive. */
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
  /** First day, `YYYY-MM-DD`, in the organisation's time zone (inclusive). */
  from?: string;
  /** Last day, `YYYY-MM-DD`, in the organisation's time zone (inclusive). */
  to?: string;
}

export interface AuditPageQuery extends AuditQuery {
  limit?: number;
  cursor?: string;
}

export const AUDIT_CSV_DELIMITERS = ['comma', 'semicolon'] as const;
export type AuditCsvDelimiter = (typeof AUDIT_CSV_DELIMITERS)[number];
