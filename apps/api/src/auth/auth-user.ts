import type { Locale, Role } from '@olievlek/shared';

/** The signed-in user as the guards put it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
  teamIds: string[];
  scopeOrgUnitId: string | null;
  sessionTokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    authUser?: AuthUser;
  }
}
