import { maxOf } from '@olievlek/domain';
import { Workbook } from 'exceljs';
import { csvLine, UTF8_BOM } from '../common/csv';

/** A table to download: what both the CSV and the XLSX writer take. */
export interface SheetTable {
  /** The worksheet's name (at most 31 characters in Excel). */
  name: string;
  columns: Array<{ header: string; kind?: 'text' | 'number' | 'percent' }>;
  rows: Array<Array<string | number | null>>;
}

/**
 * Numbers as a spreadsheet in that locale reads them: Dutch Excel (`;`-separated files) wants a
 * decimal comma, English a point. Shares are written as percentages with one decimal.
 */
function csvValue(value: string | number | null, kind: string | undefined, delimiter: string) {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  const number = kind === 'percent' ? Math.round(value * 1000) / 10 : value;
  const text = String(number);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

/** One table as CSV: UTF-8 with BOM, CRLF, formula-safe cells (see common/csv.ts). */
export function tableToCsv(table: SheetTable, delimiter: ';' | ','): string {
  let text =
    UTF8_BOM +
    csvLine(
      table.columns.map((c) => c.header),
      delimiter,
    );
  for (const row of table.rows) {
    text += csvLine(
      row.map((v, i) => csvValue(v, table.columns[i]?.kind, delimiter)),
      delimiter,
    );
  }
  return text;
}

/**
 * The tables as one workbook, a worksheet each: a bold, frozen header with a filter, numbers as
 * numbers and shares as percentages. Text is written as text cells (never as a formula).
 */
export async function tablesToXlsx(tables: readonly SheetTable[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Olievlek';
  workbook.created = new Date();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      width: Math.min(60, Math.max(10, c.header.length + 2)),
      style: c.kind === 'percent' ? { numFmt: '0.0%' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: Math.max(1, table.columns.length) },
    };
    table.columns.forEach((c, i) => {
      if (c.kind === undefined || c.kind === 'text') {
        const longest = maxOf(
          table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length),
          c.header.length,
        );
        sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
