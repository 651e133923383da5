import { Workbook, type CellValue } from 'exceljs';

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

/** The first worksheet of an XLSX workbook, via exceljs. */
export async function readXlsx(data: Uint8Array): Promise<Table> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(
      'the XLSX file cannot be opened; save it again from Excel, or export it as CSV.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('the XLSX file has no worksheet.');
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    records.push({ line: rowNumber, cells });
  });
  return toTable('xlsx', null, records);
}

export async function readTable(data: Uint8Array): Promise<Table> {
  return looksLikeXlsx(data) ? readXlsx(data) : readCsv(data);
}

/** Header names compared without case, accents, spaces or punctuation: "E-mailadres" = "emailadres". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Names compared without case and with runs of spaces as one: how a person reads them. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** Trimmed, with runs of spaces as one. */
export const tidy = (value: string): string => value.trim().replace(/\s+/g, ' ');
