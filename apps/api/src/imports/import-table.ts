import { IMPORT_MAX_ROWS, IMPORT_XLSX_UNPACKED_MAX } from '@olievlek/shared';
import { stream, type CellValue } from 'exceljs';
import { Readable } from 'node:stream';

/**
 * Reading an uploaded file into a table of text cells with the line number a spreadsheet shows.
 * Pure functions (XLSX reading is async but touches nothing outside the buffer).
 */

export interface TableRow {
  /** 1-based: the header is line 1 in a spreadsheet, and in a CSV without line breaks in cells. */
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  delimiter: ';' | ',' | '\t' | null;
  header: TableRow;
  rows: TableRow[];
}

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An XLSX file is a zip archive: recognised by its first bytes, whatever the upload called it. */
export function looksLikeXlsx(data: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => data[i] === byte);
}

/**
 * UTF-8 with or without a byte order mark. Excel on Dutch Windows still saves "CSV" as
 * Windows-1252: a file that is not valid UTF-8 is read as that instead of turning é into �.
 */
export function decodeText(data: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as Array<[';' | ',' | '\t', number]>).sort(
    (a, b) => b[1] - a[1],
  )[0];
  return best[1] > 0 ? best[0] : ',';
}

/**
 * RFC 4180: fields in double quotes may hold the separator, line breaks and doubled quotes;
 * lines end in CRLF, LF or CR. Each record keeps the line it starts on. A stray quote inside
 * an unquoted field is kept as text (as Excel does); an unclosed quote is an error.
 */
export function parseCsv(text: string, delimiter: string): TableRow[] {
  const records: TableRow[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteOpenedOn = 0;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\r' || ch === '\n') {
          if (ch === '\r' && text[i + 1] === '\n') {
            cell += '\r';
            i++;
            cell += '\n';
          } else cell += ch;
          line++;
          continue;
        }
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      quoteOpenedOn = line;
      atCellStart = false;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (quoted) {
    throw new UnreadableFileError(
      `line ${quoteOpenedOn}: a quote (") is opened but never closed; check that line in the file.`,
    );
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** The text a spreadsheet shows for a cell (formulas by their result, dates as YYYY-MM-DD). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText((value as { result?: CellValue }).result ?? null);
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

const isBlank = (row: TableRow) => row.cells.every((c) => c.trim() === '');

function toTable(
  format: 'csv' | 'xlsx',
  delimiter: Table['delimiter'],
  records: TableRow[],
): Table {
  const filled = records.filter((r) => !isBlank(r));
  const header = filled[0];
  if (!header) throw new UnreadableFileError('the file is empty: it needs a header line and rows.');
  return { format, delimiter, header, rows: filled.slice(1) };
}

export function readCsv(data: Uint8Array): Table {
  const text = decodeText(data);
  if (text.includes('\u0000')) {
    throw new UnreadableFileError('this is not a CSV or XLSX file (it holds binary data).');
  }
  const delimiter = detectDelimiter(text);
  return toTable('csv', delimiter, parseCsv(text, delimiter));
}

/** Thrown when a zip's directory says it unpacks to more than IMPORT_XLSX_UNPACKED_MAX. */
export class UnpackedTooLargeError extends Error {}

/** Thrown as soon as the sheet holds more rows than IMPORT_MAX_ROWS: the rest is not read. */
export class TooManyRowsError extends Error {}

/** The widest header the import reads; columns to the right of the last header name are ignored. */
const MAX_HEADER_COLUMNS = 64;

/**
 * The sum of the unpacked sizes in the zip's central directory, read before anything is unpacked
 * (issue 20, finding 4): a few KB can claim gigabytes. ZIP64 (sizes that do not fit 32 bits) is
 * refused outright, no organisation file needs it.
 */
export function zipUnpackedSize(data: Uint8Array): number {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const unreadable = () =>
    new UnreadableFileError(
      'the XLSX file cannot be opened; save it again from Excel, or export it as CSV.',
    );
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65_535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const entries = buffer.readUInt16LE(end + 10);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw new UnpackedTooLargeError();
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const unpacked = buffer.readUInt32LE(at + 24);
    if (unpacked === 0xffffffff) throw new UnpackedTooLargeError();
    total += unpacked;
    at +=
      46 +
      buffer.readUInt16LE(at + 28) +
      buffer.readUInt16LE(at + 30) +
      buffer.readUInt16LE(at + 32);
  }
  return total;
}

/**
 * The first worksheet of an XLSX workbook, streamed with exceljs's WorkbookReader after the zip
 * directory was checked: rows are read one at a time, only as far as the header's columns, and
 * reading stops at the row limit — a cell in column XFD or 300,000 rows cost no more than the
 * rows the import may take.
 */
export async function readXlsx(
  data: Uint8Array,
  limits: { unpackedMax: number; rowsMax: number },
): Promise<Table> {
  if (zipUnpackedSize(data) > limits.unpackedMax) throw new UnpackedTooLargeError();
  const reader = new stream.xlsx.WorkbookReader(Readable.from(Buffer.from(data)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const records: TableRow[] = [];
  let width = 0;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        if (width === 0) {
          // The header: up to its last named column.
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            if (column <= MAX_HEADER_COLUMNS && cellText(cell.value).trim() !== '') {
              width = Math.max(width, column);
            }
          });
          if (width === 0) continue;
        }
        const cells: string[] = [];
        for (let c = 1; c <= width; c++) cells.push(cellText(row.findCell(c)?.value ?? null));
        const record = { line: row.number, cells };
        if (isBlank(record)) continue;
        records.push(record);
        // The header and one row past the limit: enough to say the file is too long.
        if (records.length > limits.rowsMax + 1) throw new TooManyRowsError();
      }
      break;
    }
  } catch (error) {
    if (error instanceof TooManyRowsError) throw error;
    throw new UnreadableFileError(
      'the XLSX file cannot be opened; save it again from Excel, or export it as CSV.',
    );
  }
  if (sheets === 0) throw new UnreadableFileError('the XLSX file has no worksheet.');
  return toTable('xlsx', null, records);
}

export async function readTable(
  data: Uint8Array,
  limits: { unpackedMax: number; rowsMax: number } = {
    unpackedMax: IMPORT_XLSX_UNPACKED_MAX,
    rowsMax: IMPORT_MAX_ROWS,
  },
): Promise<Table> {
  return looksLikeXlsx(data) ? readXlsx(data, limits) : readCsv(data);
}

/** Header names compared without case, accents, spaces or punctuation: "E-mailadres" = "emailadres". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The import compares and stores names by the app's one rule (common/names.ts). */
export { nameKey, tidy } from '../common/names';
