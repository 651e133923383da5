import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@olievlek/shared';
import { AuthService } from './auth.service';

/** Signed-in users only; others go to the sign-in page (the server enforces it again). */
export const signedIn: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureLoaded()) ? true : router.parseUrl('/inloggen');
};

export const guestOnly: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureLoaded()) ? router.parseUrl('/') : true;
};

export const hasAnyRole =
  (...roles: Role[]): CanActivateFn =>
  async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const me = await auth.ensureLoaded();
    if (!me) return router.parseUrl('/inloggen');
    return roles.some((role) => me.roles.includes(role)) ? true : router.parseUrl('/');
  };

export const hasRole = (role: Role): CanActivateFn => hasAnyRole(role);
