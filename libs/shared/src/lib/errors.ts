/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
  /** For validation errors: the fields that were wrong, with their message. */
  fields?: Record<string, string>;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_AUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'LOGIN_RATE_LIMITED',
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
  'ORG_UNIT_ROOT_IMMUTABLE',
  'HEADCOUNT_ONLY_ON_TEAMS',
  'USER_NOT_FOUND',
  'USER_EMAIL_TAKEN',
  'USER_VERSION_CONFLICT',
  'USER_INVALID_TEAM',
  'USER_INVALID_SCOPE',
  'USER_CANNOT_REMOVE_OWN_ADMIN',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
