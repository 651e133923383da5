/**
 * CSV for spreadsheets, shared by every export (audit log, figures, case list, check-offs):
 * UTF-8 with a byte order mark, RFC 4180 quoting, and cells that can never run as a formula.
 */

/** Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

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
