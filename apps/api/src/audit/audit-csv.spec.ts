import { csvCell, csvLine, localTimestamp, neutraliseFormula } from './audit-csv';
import { startOfDayIn } from './audit-log.service';

describe('audit CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Anouk de Vries', 'Anouk de Vries'],
    ['a=b', 'a=b'],
  ])('defuses %j as %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it('quotes every cell, doubling quotes, whatever the delimiter', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zei "hoi"')).toBe('"zei ""hoi"""');
    expect(csvCell('regel\nregel')).toBe('"regel\nregel"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvLine(['a', null, 'b,c'], ',')).toBe('"a","","b,c"\r\n');
  });

  it('keeps a name holding the other delimiter and a formula in one quoted cell', () => {
    const line = csvLine(['Team Noord,=1+2', '3'], ';');
    expect(line).toBe('"Team Noord,=1+2";"3"\r\n');
    // A program that splits on commas (outside quotes) finds no cell that starts with "=".
    const cells = line.trimEnd().match(/"(?:[^"]|"")*"|[^,]+/g) ?? [];
    expect(cells.some((cell) => cell.startsWith('='))).toBe(false);
  });

  it('shows times on the wall clock of the organisation', () => {
    expect(localTimestamp('2026-07-01T10:00:00.000Z', 'Europe/Amsterdam')).toBe(
      '2026-07-01 12:00:00',
    );
    expect(localTimestamp('2026-12-31T23:30:00.000Z', 'Europe/Amsterdam')).toBe(
      '2027-01-01 00:30:00',
    );
  });
});

describe('startOfDayIn', () => {
  it('finds local midnight in winter, in summer and on both daylight-saving days', () => {
    expect(startOfDayIn('2026-01-15', 'Europe/Amsterdam')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Europe/Amsterdam')).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDayIn('2026-03-29', 'Europe/Amsterdam')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-03-30', 'Europe/Amsterdam')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('2026-10-25', 'Europe/Amsterdam')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayIn('2026-10-26', 'Europe/Amsterdam')).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDayIn('2026-01-15', 'UTC')).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDayIn('2026-01-15', 'America/New_York')).toBe('2026-01-15T05:00:00.000Z');
  });
});
