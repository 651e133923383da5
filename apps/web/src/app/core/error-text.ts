import type { TranslocoService } from '@jsverse/transloco';
import type { ApiErrorBody, Locale } from '@olievlek/shared';
import { formatNumber } from './format';

/** A translated text for a known error code, else the server's own message. */
export function translateError(transloco: TranslocoService, error: ApiErrorBody): string {
  if (error.statusCode === 0) return transloco.translate('app.errorOffline');
  const key = `errors.${error.code}`;
  const text = transloco.translate(key);
  return text !== key ? text : error.message;
}

/**
 * The server's per-field problems in the person's language: each field's broken rule with its
 * limit ("Gebruik hoogstens 200 tekens."), never the API's English; a field the API named without
 * a rule gets the code's sentence.
 */
export function translateFields(
  transloco: TranslocoService,
  error: ApiErrorBody,
): Record<string, string> {
  const locale = transloco.getActiveLang() as Locale;
  const out: Record<string, string> = {};
  for (const name of Object.keys(error.fields ?? {})) {
    const problem = error.fieldRules?.[name];
    out[name] = problem
      ? transloco.translate(`fieldRules.${problem.rule}`, {
          limit: problem.limit === undefined ? '' : formatNumber(locale, problem.limit),
        })
      : translateError(transloco, error);
  }
  return out;
}
