import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API } from '@olievlek/shared';
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
        void router.navigate(['/inloggen'], { queryParams: { verlopen: 1 } });
      }
      return throwError(() => error);
    }),
  );
};
