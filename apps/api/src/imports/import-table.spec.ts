import { Workbook } from 'exceljs';
import {
  decodeText,
  detectDelimiter,
  looksLikeXlsx,
  normaliseHeader,
  parseCsv,
  readCsv,
  readTable,
  UnreadableFileError,
} from './import-table';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading an import file', () => {
  it('reads RFC 4180 quotes: separators, doubled quotes and line breaks inside a cell', () => {
    const text = 'a;b;c\r\n"Zorg; Welzijn";"zeg ""hoi""";"twee\r\nregels"\r\nx;y;z\r\n';
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['Zorg; Welzijn', 'zeg "hoi"', 'twee\r\nregels'] },
      // The record after a cell with a line break starts on line 4, as a text editor shows it.
      { line: 4, cells: ['x', 'y', 'z'] },
    ]);
  });

  it('takes CRLF, LF and CR line ends and a last line without one', () => {
    expect(parseCsv('a,b\nc,d\re,f\r\ng,h', ',').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('refuses an unclosed quote and names its line', () => {
    expect(() => parseCsv('a;b\n"open;x\ny;z', ';')).toThrow(/line 2: a quote/);
  });

  it('detects ; , or tab from the header line, ignoring separators inside quotes', () => {
    expect(detectDelimiter('directie;afdeling;team\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('team')).toBe(',');
  });

  it('reads UTF-8 with and without a BOM, and falls back to Windows-1252 (Excel on Windows)', () => {
    expect(decodeText(bytes('\uFEFFDirectie'))).toBe('Directie');
    expect(decodeText(bytes('Café'))).toBe('Café');
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
  });

  it('skips blank lines but keeps the line numbers of the file', () => {
    const table = readCsv(bytes('\uFEFFdirectie;afdeling;team\r\n\r\nA;B;C\r\n;;\r\nD;E;F\r\n'));
    expect(table.delimiter).toBe(';');
    expect(table.header.cells).toEqual(['directie', 'afdeling', 'team']);
    expect(table.rows).toEqual([
      { line: 3, cells: ['A', 'B', 'C'] },
      { line: 5, cells: ['D', 'E', 'F'] },
    ]);
  });

  it('refuses an empty file and a binary one', () => {
    expect(() => readCsv(bytes('\r\n\r\n'))).toThrow(UnreadableFileError);
    expect(() => readCsv(Uint8Array.from([1, 0, 2, 0]))).toThrow(/binary/);
  });

  it('compares header names without case, accents, spaces or punctuation', () => {
    expect(normaliseHeader(' E-mailadres ')).toBe('emailadres');
    expect(normaliseHeader('Aantal medewerkers')).toBe('aantalmedewerkers');
    expect(normaliseHeader('Bereik (directeur)')).toBe('bereikdirecteur');
  });

  it('reads the first worksheet of an XLSX with the row numbers Excel shows', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Teams');
    sheet.addRow(['Directie', 'Afdeling', 'Team', 'Medewerkers']);
    sheet.addRow([
      'Sociaal Domein',
      'Werk',
      { richText: [{ text: 'Klant' }, { text: 'contact' }] },
      12,
    ]);
    sheet.addRow([]);
    sheet.addRow(['Sociaal Domein', 'Werk', 'Intake', { formula: '3*4', result: 12 }]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(looksLikeXlsx(data)).toBe(true);
    const table = await readTable(data);
    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([
      { line: 2, cells: ['Sociaal Domein', 'Werk', 'Klantcontact', '12'] },
      { line: 4, cells: ['Sociaal Domein', 'Werk', 'Intake', '12'] },
    ]);
  });

  it('refuses a zip that is no workbook with a message a person can act on', async () => {
    const data = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readTable(data)).rejects.toThrow(/cannot be opened/);
  });
});
