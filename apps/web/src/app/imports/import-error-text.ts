import type { TranslocoService } from '@jsverse/transloco';
import type { ImportErrorDto, ImportRowErrorCode } from '@olievlek/shared';
import type { Translations } from '../i18n/nl';

/** Every row error code has its Dutch sentence (and through `Translations`, its English one). */
type Covered =
  Translations['importExport']['rowErrors'] extends Record<ImportRowErrorCode, string>
    ? true
    : never;
export const ROW_ERRORS_COVERED: Covered = true;

/**
 * The sentence for a bad row in the user's language, from its code and parameters; the
 * server's English message for a code this client does not know (a newer API).
 */
export function importErrorText(transloco: TranslocoService, error: ImportErrorDto): string {
  const key = `importExport.rowErrors.${error.code}`;
  const p = error.params ?? {};
  const lang = transloco.getActiveLang();
  const text = transloco.translate(key, {
    ...p,
    max: p.max === undefined ? undefined : p.max.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL'),
    field: p.field ? transloco.translate(`importExport.rowErrorField.${p.field}`) : undefined,
    unitKind: p.unitKind
      ? transloco.translate(`importExport.rowErrorUnit.${p.unitKind}`)
      : undefined,
  });
  return text !== key && text ? text : error.message;
}
