import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@olievlek/shared';
import { AuthService } from './auth.service';
import { LanguageService } from './language.service';

/** Signed-in users only; others go to the sign-in page (the server enforces it again). */
export const signedIn: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const language = inject(LanguageService);
  const me = await auth.ensureLoaded();
  // After a single sign-on the app starts here, not on the sign-in page: adopt the language too.
  if (me) language.adopt(me);
  return me ? true : router.parseUrl('/inloggen');
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
