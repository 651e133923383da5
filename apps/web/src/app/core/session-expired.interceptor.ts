import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API, RETURN_PARAM, safeReturnPath } from '@olievlek/shared';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** A 401 on any call but the session checks means the session ended: back to the sign-in page. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const own = request.url === API.me || request.url === API.login || request.url === API.logout;
      if (error instanceof HttpErrorResponse && error.status === 401 && !own) {
        auth.expired();
        // Signing in again brings the person back to the page they were on.
        const back = safeReturnPath(router.url);
        void router.navigate(['/inloggen'], {
          queryParams: { verlopen: 1, ...(back && back !== '/' ? { [RETURN_PARAM]: back } : {}) },
        });
      }
      return throwError(() => error);
    }),
  );
};
