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
}

export interface UpdatePreferencesRequest {
  locale: Locale;
}
