import type { Locale } from '@olievlek/shared';

/** A cell of a table: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/** Dutch spreadsheets split on semicolons and read a decimal comma; English ones use commas. */
export function csvSeparator(locale: Locale): ';' | ',' {
  return locale === 'nl' ? ';' : ',';
}

/**
 * A CSV file that Excel and LibreOffice open correctly in the user's language: a UTF-8 byte order
 * mark, every cell quoted, and text that a spreadsheet would run as a formula (= + - @, tab, CR)
 * neutralised with a leading apostrophe (OWASP "CSV injection"). Numbers are written as numbers,
 * with the language's decimal mark and no grouping, so a spreadsheet can still add them up.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], locale: Locale): string {
  const separator = csvSeparator(locale);
  const lines = rows.map((row) => row.map((cell) => quote(text(cell, locale))).join(separator));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function text(cell: CsvCell, locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const plain = String(Math.round(cell * 1000) / 1000);
    return locale === 'nl' ? plain.replace('.', ',') : plain;
  }
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Saves the text as a file through a temporary link: nothing leaves the browser. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
