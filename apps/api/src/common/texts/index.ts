/**
 * Every text the API writes for people — mails, the downloads' headers and values, the printed
 * report, the audit CSV header — lives in this folder, one store per use, each with a Dutch and
 * an English side. `texts.spec.ts` fails when a key exists in only one language or a text takes
 * other placeholders or arguments in the other language. (The screen's texts are the client's:
 * apps/web/src/app/i18n; the personal data export is Dutch only, privacy/export-html.ts.)
 */
import { AUDIT_CSV_HEADERS } from './audit-csv-headers';
import { EXPORT_WORDS } from './export-words';
import { MAIL_TEXTS } from './mail-texts';
import { REPORT_TEXTS } from './report-texts';

export { AUDIT_CSV_COLUMNS, AUDIT_CSV_HEADERS } from './audit-csv-headers';
export { EXPORT_WORDS, words, type Words } from './export-words';
export { MAIL_TEXTS } from './mail-texts';
export { pluralText, type PluralFns } from './plural';
export { REPORT_TEXTS } from './report-texts';

/** The stores the spec walks: each one's `nl` and `en` must match in keys and placeholders. */
export const SERVER_TEXTS = {
  auditCsvHeaders: AUDIT_CSV_HEADERS,
  exportWords: EXPORT_WORDS,
  mail: MAIL_TEXTS,
  report: REPORT_TEXTS,
} as const;
