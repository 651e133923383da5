import type { AuditCsvDelimiter, AuditEventDto, ReportLanguage } from '@olievlek/shared';
import { csvLine } from '../common/csv';
import { AUDIT_CSV_COLUMNS, AUDIT_CSV_HEADERS } from '../common/texts';

// The CSV cell rules live in common/csv.ts, shared with the other exports.
export { csvCell, csvLine, neutraliseFormula, UTF8_BOM } from '../common/csv';

export { AUDIT_CSV_COLUMNS, AUDIT_CSV_HEADERS } from '../common/texts';

export const auditCsvHeader = (language: ReportLanguage = 'en'): string[] =>
  AUDIT_CSV_COLUMNS.map((c) => AUDIT_CSV_HEADERS[language][c]);

export const delimiterChar = (delimiter: AuditCsvDelimiter | undefined): string =>
  delimiter === 'semicolon' ? ';' : ',';

/** `2026-03-29 02:30:00` in the given zone: what a spreadsheet shows and sorts without fuss. */
export function localTimestamp(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

export function auditCsvRow(event: AuditEventDto, timeZone: string, delimiter: string): string {
  return csvLine(
    [
      event.at,
      localTimestamp(event.at, timeZone),
      event.actorId,
      event.actorName,
      event.actorEmail,
      event.action,
      event.objectType,
      event.objectId,
      event.result,
      event.origin,
      event.detail ? JSON.stringify(event.detail) : null,
    ],
    delimiter,
  );
}
