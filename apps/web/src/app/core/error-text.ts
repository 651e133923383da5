import type { TranslocoService } from '@jsverse/transloco';
import type { ApiErrorBody } from '@olievlek/shared';

/** A translated text for a known error code, else the server's own message. */
export function translateError(transloco: TranslocoService, error: ApiErrorBody): string {
  if (error.statusCode === 0) return transloco.translate('app.errorOffline');
  const key = `errors.${error.code}`;
  const text = transloco.translate(key);
  return text !== key ? text : error.message;
}
