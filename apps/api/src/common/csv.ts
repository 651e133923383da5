/**
 * CSV for spreadsheets, shared by every export (audit log, figures, case list, check-offs):
 * UTF-8 with a byte order mark, every cell quoted (RFC 4180), and cells that can never run as a
 * formula.
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

/**
 * One CSV cell: formula-safe, and always quoted, quotes doubled (RFC 4180). Quoting only the
 * cells that held the chosen delimiter let `Team Noord,=1+2` out bare in a `;` file, and a
 * program that splits on commas then read a formula in the second cell.
 */
export function csvCell(value: string | null | undefined): string {
  const safe = value === null || value === undefined ? '' : neutraliseFormula(value);
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(values: ReadonlyArray<string | null | undefined>, delimiter: string) {
  return values.map((v) => csvCell(v)).join(delimiter) + '\r\n';
}
