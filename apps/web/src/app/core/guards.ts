import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateFn, Router, UrlTree } from '@angular/router';
import { RETURN_PARAM, Role, safeReturnPath } from '@olievlek/shared';
import { AuthService } from './auth.service';
import { LanguageService } from './language.service';

/** The sign-in page, remembering where the person was going (`?terug=/bord?stap=12`). */
export function signInFirst(router: Router, goingTo: string): UrlTree {
  const back = safeReturnPath(goingTo);
  return router.createUrlTree(['/inloggen'], {
    queryParams: back && back !== '/' ? { [RETURN_PARAM]: back } : {},
  });
}

/** Signed-in users only; others go to the sign-in page (the server enforces it again). */
export const signedIn: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const language = inject(LanguageService);
  const me = await auth.ensureLoaded();
  // After a single sign-on the app starts here, not on the sign-in page: adopt the language too.
  if (me) language.adopt(me);
  return me ? true : signInFirst(router, state.url);
};

/** The sign-in page is for the signed-out; someone signed in goes where the link pointed. */
export const guestOnly: CanActivateFn = async (route: ActivatedRouteSnapshot) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!(await auth.ensureLoaded())) return true;
  return router.parseUrl(safeReturnPath(route.queryParamMap.get(RETURN_PARAM)) ?? '/');
};

/** A page the person's roles do not open says so ("Geen toegang"), with a way back. */
export const hasAnyRole =
  (...roles: Role[]): CanActivateFn =>
  async (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const me = await auth.ensureLoaded();
    if (!me) return signInFirst(router, state.url);
    return roles.some((role) => me.roles.includes(role)) ? true : router.parseUrl('/geen-toegang');
  };

export const hasRole = (role: Role): CanActivateFn => hasAnyRole(role);
