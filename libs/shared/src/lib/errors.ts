/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
  /** For validation errors: the fields that were wrong, with their message. */
  fields?: Record<string, string>;
  /** For validation errors: per field, which rule it broke, so a client can say it in its language. */
  fieldRules?: Record<string, FieldProblem>;
  /**
   * For a 409 on a versioned record: what is saved now (the record as a GET returns it), so the
   * client can show it beside the person's draft instead of overwriting it.
   */
  current?: unknown;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'BODY_TOO_COMPLEX',
  'NOT_AUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'LOGIN_RATE_LIMITED',
  'LOCAL_PASSWORDS_DISABLED',
  'SSO_NOT_CONFIGURED',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN_ROLE',
  'FORBIDDEN_SCOPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'ORG_UNIT_NOT_FOUND',
  'ORG_UNIT_VERSION_CONFLICT',
  'ORG_UNIT_INVALID_PARENT',
  'ORG_UNIT_HAS_ACTIVE_CHILDREN',
  'ORG_UNIT_ARCHIVED',
  'ORG_UNIT_NAME_TAKEN',
  'ORG_LEVELS_EMPTY',
  'ORG_LEVELS_TOO_DEEP',
  'ORG_LEVEL_NAME_MISSING',
  'ORG_LEVEL_NAME_TOO_LONG',
  'ORG_LEVEL_NAME_DUPLICATE',
  'ORG_DEPARTMENT_LEVEL_INVALID',
  'ORG_LEVELS_BELOW_TREE',
  'ORG_UNIT_ROOT_IMMUTABLE',
  'HEADCOUNT_ONLY_ON_TEAMS',
  'USER_NOT_FOUND',
  'USER_EMAIL_TAKEN',
  'USER_VERSION_CONFLICT',
  'USER_INVALID_TEAM',
  'USER_INVALID_SCOPE',
  'USER_CANNOT_REMOVE_OWN_ADMIN',
  'USER_CANNOT_ANONYMISE_SELF',
  'USER_ANONYMISED',
  'PASSWORD_BLANK',
  'PASSWORD_REPETITIVE',
  'PASSWORD_TOO_COMMON',
  'PRACTICE_NOT_FOUND',
  'PRACTICE_VERSION_CONFLICT',
  'PRACTICE_RETIRED',
  'CASE_NOT_FOUND',
  'CASE_ALREADY_OPEN',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'CASE_VERSION_CONFLICT',
  'CASE_NOT_ASSIGNED',
  'TEAM_NOT_FOUND',
  'TEAM_ARCHIVED',
  'INTAKE_VERSION_CONFLICT',
  'AGREEMENT_NOT_FOUND',
  'AGREEMENT_VERSION_CONFLICT',
  'AGREEMENT_INVALID_TRANSITION',
  'AGREEMENT_INVALID_DATES',
  'AGREEMENT_INVALID_PARTNER',
  'AGREEMENT_INVALID_OWNER',
  'AGREEMENT_TITLE_FROM_CATALOGUE',
  'AMBASSADOR_INVALID',
  'CHECKOFF_NOT_MEMBER',
  'CHECKOFF_FUTURE_PERIOD',
  'CHECKOFF_BEFORE_START',
  'CHECKOFF_TOO_OLD',
  'CHECKOFF_AGREEMENT_NOT_RUNNING',
  'CHECKOFF_UNKNOWN_PERIOD',
  'REFLECTION_NOT_FOUND',
  'REFLECTION_PERIOD_OVER',
  'PULSE_NOT_FOUND',
  'PULSE_CLOSED',
  'PULSE_ALREADY_ANSWERED',
  'PULSE_NOT_MEMBER',
  'SPREAD_LINK_NOT_FOUND',
  'SPREAD_LINK_DUPLICATE',
  'SPREAD_LINK_SAME_TEAM',
  'SPREAD_LINK_INVALID_DATE',
  'SPREAD_LINK_NOT_RECORDER',
  'FORUM_NOT_FOUND',
  'FORUM_NOT_HOST',
  'FORUM_VERSION_CONFLICT',
  'FORUM_INVALID_HOST',
  'FORUM_MEMBER_DUPLICATE',
  'FORUM_INVALID_DATE',
  'FORUM_INVALID_KEY_USER',
  'FORUM_NOT_MEMBER',
  'MEETING_NOT_FOUND',
  'MEETING_VERSION_CONFLICT',
  'MEETING_BEFORE_FORUM',
  'MEETING_NOT_HELD',
  'ATTENDANCE_SET_BY_HOST',
  'OLIEVLEK_DATE_IN_FUTURE',
  'OLIEVLEK_RANGE_INVALID',
  'MAIL_TOKEN_INVALID',
  'MAIL_KIND_NOT_APPLICABLE',
  'MAIL_OFF',
  'REPORT_PDF_UNAVAILABLE',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_UNKNOWN_COLUMNS',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_XLSX_TOO_LARGE_UNPACKED',
  'IMPORT_HAS_ERRORS',
  'IMPORT_NOTHING_TO_DO',
  'IMPORT_PREVIEW_STALE',
  'IMPORT_ARCHIVE_NOT_CONFIRMED',
  'ORG_UNIT_HAS_OPEN_CASE',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What was wrong with one field, in words any language can say: the broken rule and, where the
 * rule has one, its limit (the most characters, the lowest number…).
 */
export const FIELD_RULES = [
  'required',
  'text',
  'tooLong',
  'tooShort',
  'tooSmall',
  'tooLarge',
  'wholeNumber',
  'oneOf',
  'date',
  'pattern',
  'list',
  'tooMany',
  'tooFew',
  'email',
  'yesNo',
  'unknownField',
  'visibleName',
  'noNul',
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export interface FieldProblem {
  rule: FieldRule;
  limit?: number;
}
