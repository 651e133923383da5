import type { Locale, Role } from './roles';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
  teamIds: string[];
  scopeOrgUnitId: string | null;
  active: boolean;
  /** Set once the person was anonymised (AVG erasure); the account can no longer be used. */
  anonymisedAt: string | null;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  roles: Role[];
  /** At least 12 characters. Optional: without it the user cannot sign in with a password yet. */
  password?: string;
  teamIds?: string[];
  /** Required when `roles` includes `director`. */
  scopeOrgUnitId?: string | null;
  locale?: Locale;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  email?: string;
  roles?: Role[];
  password?: string;
  teamIds?: string[];
  scopeOrgUnitId?: string | null;
  active?: boolean;
}

/** Filters of `GET /api/users`; all optional, combined with AND. */
export interface UserListQuery {
  /** Part of the name or e-mail address, case-insensitive. */
  q?: string;
  role?: Role;
  /** Members of this team. */
  teamId?: string;
}
