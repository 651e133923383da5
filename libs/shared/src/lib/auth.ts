import type { Locale, Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface OrgUnitRef {
  id: string;
  name: string;
  kind: OrgUnitKindRef;
}
type OrgUnitKindRef = 'organisation' | 'directorate' | 'department' | 'team';

/** `GET /api/auth/me` and the body of a successful login. */
export interface MeResponse {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
  /** Teams the user is a member of (role `team`). */
  teams: OrgUnitRef[];
  /** For directors: the root of the subtree they may see. Null when the user is no director. */
  scope: OrgUnitRef | null;
  /** The organisation's time zone (ORG_TIMEZONE): clients show times in it, not in UTC. */
  timeZone: string;
}

export interface UpdatePreferencesRequest {
  locale: Locale;
}

/** `GET /api/auth/methods`: how people may sign in here (public, read by the sign-in page). */
export interface AuthMethodsResponse {
  /** E-mail address and password (LOCAL_PASSWORDS). */
  password: boolean;
  /** Single sign-on with the organisation's OpenID Connect provider. */
  sso: boolean;
  /** The SSO button's text set by the operator (OIDC_BUTTON_LABEL); null: the translated default. */
  ssoLabel: string | null;
}

/**
 * Why an SSO sign-in ended on the sign-in page (`/inloggen?sso=<reason>`); the page turns each
 * into a sentence.
 */
export const SSO_FAILURES = [
  /** The sign-in was not started in this browser, took too long, or its state did not match. */
  'state',
  /** The provider refused the code: expired or already used. */
  'code',
  /** The person has none of the groups that give an Olievlek role: no account was created. */
  'no-role',
  /** The provider could not be reached. */
  'unreachable',
  /** The person cancelled at the provider, or the provider refused the sign-in. */
  'denied',
  /** The provider gave no (verified) e-mail address to link or create an account with. */
  'email',
  /** The account is deactivated or anonymised. */
  'inactive',
  /** The e-mail address belongs to an account already linked to another provider identity. */
  'conflict',
  /** Anything else, e.g. an ID token that did not validate. */
  'failed',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];
