import type { AuditCsvDelimiter, AuditEventDto } from '@olievlek/shared';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

export const AUDIT_CSV_COLUMNS = [
  'time_utc',
  'time_local',
  'actor_id',
  'actor_name',
  'actor_email',
  'action',
  'object_type',
  'object_id',
  'result',
  'origin',
  'detail',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * a name like `=HYPERLINK(...)` typed by a user must stay text. OWASP's advice: prefix a quote.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV cell: formula-safe, and quoted (with quotes doubled) when it needs to be (RFC 4180). */
export function csvCell(value: string | null | undefined, delimiter: string): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = neutraliseFormula(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | null | undefined>, delimiter: string) {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter) + '\r\n';
}

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
