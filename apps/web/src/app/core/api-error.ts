import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@olievlek/shared';

/** The API's error body from a failed request; a network failure becomes status 0. */
export function apiError(error: unknown): ApiErrorBody {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorBody> | null;
    if (body && typeof body === 'object' && typeof body.code === 'string')
      return body as ApiErrorBody;
    return {
      statusCode: error.status,
      error: error.statusText,
      message: error.message,
      code: 'INTERNAL_ERROR',
    };
  }
  return { statusCode: 0, error: 'Error', message: String(error), code: 'INTERNAL_ERROR' };
}
