import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapColumns, ORG_COLUMNS } from './import-columns';
import { parseCsv, readCsv, type Table } from './import-table';
import { parseHeadcount, planOrgImport, readOrgRows, type ExistingUnit } from './org-import';

const unit = (
  id: string,
  parentId: string | null,
  kind: ExistingUnit['kind'],
  name: string,
  extra: Partial<ExistingUnit> = {},
): ExistingUnit => ({
  id,
  parentId,
  kind,
  name,
  headcount: null,
  code: null,
  archivedAt: null,
  version: 1,
  ...extra,
});

/** Gemeente > Sociaal Domein > Werk > {Klantcontact 12, Intake 8}; Ruimte > Wegen > Beheer. */
const ORG: ExistingUnit[] = [
  unit('org', null, 'organisation', 'Gemeente'),
  unit('d1', 'org', 'directorate', 'Sociaal Domein'),
  unit('a1', 'd1', 'department', 'Werk'),
  unit('t1', 'a1', 'team', 'Klantcontact', { headcount: 12, code: 'KC01' }),
  unit('t2', 'a1', 'team', 'Intake', { headcount: 8 }),
  unit('d2', 'org', 'directorate', 'Ruimte'),
  unit('a2', 'd2', 'department', 'Wegen'),
  unit('t3', 'a2', 'team', 'Beheer', { headcount: 5 }),
];

function plan(csv: string, units = ORG) {
  const [header, ...rows] = parseCsv(csv, ';');
  const table: Table = { format: 'csv', delimiter: ';', header, rows };
  const read = readOrgRows(rows, mapColumns(table, ORG_COLUMNS));
  return planOrgImport(units, read.rows, read.errors);
}

describe('organisation import: reading rows', () => {
  it('reads headcounts as whole people: fte rounded, blank kept, words refused', () => {
    expect(parseHeadcount('12')).toBe(12);
    expect(parseHeadcount('11,6')).toBe(12);
    expect(parseHeadcount('7.2')).toBe(7);
    expect(parseHeadcount(' ')).toBeUndefined();
    expect(parseHeadcount('twaalf')).toEqual({
      code: 'IMPORT_NOT_A_NUMBER',
      params: { value: 'twaalf' },
    });
    expect(parseHeadcount('-3')).toEqual({ code: 'IMPORT_NOT_A_NUMBER', params: { value: '-3' } });
    expect(parseHeadcount('100000,4')).toBe(100_000);
    expect(parseHeadcount(' 100001 ')).toEqual({
      code: 'IMPORT_TOO_MANY_PEOPLE',
      params: { value: '100001', max: 100_000 },
    });
  });

  it('gives each bad cell its line, column and what is wrong', () => {
    const result = plan(
      'Directie;Afdeling;Team;Medewerkers\n' +
        'Sociaal Domein;Werk;Klantcontact;12\n' +
        'Sociaal Domein;;Intake;8\n' +
        'Ruimte;Wegen;Beheer;veel\n',
    );
    expect(result.errors).toEqual([
      { line: 3, column: 'Afdeling', code: 'IMPORT_CELL_EMPTY', params: {}, message: 'is empty' },
      {
        line: 4,
        column: 'Medewerkers',
        code: 'IMPORT_NOT_A_NUMBER',
        params: { value: 'veel' },
        message: '"veel" is not a number of people (use a whole number, e.g. 12)',
      },
    ]);
  });

  it('says which column the file lacks, which cell is too long and which headcount too large', () => {
    const long = 'x'.repeat(201);
    const code = 'C'.repeat(65);
    const result = plan(
      'Directie;Team;FTE;Kostenplaats\n' +
        'Sociaal Domein;Klantcontact;12;KC01\n' +
        `Sociaal Domein;${long};12;\n`,
    );
    expect(result.errors).toEqual([
      {
        line: 2,
        column: null,
        code: 'IMPORT_COLUMN_MISSING',
        params: { field: 'department' },
        message: 'the file has no department column',
      },
      expect.objectContaining({ line: 3, code: 'IMPORT_COLUMN_MISSING' }),
      {
        line: 3,
        column: 'Team',
        code: 'IMPORT_CELL_TOO_LONG',
        params: { max: 200 },
        message: 'is longer than 200 characters',
      },
    ]);
    const cells = plan(
      'Directie;Afdeling;Team;FTE;Kostenplaats\n' +
        `Sociaal Domein;Werk;Klantcontact;250000;\n` +
        `Sociaal Domein;Werk;Intake;8;${code}\n`,
    );
    expect(cells.errors).toEqual([
      {
        line: 2,
        column: 'FTE',
        code: 'IMPORT_TOO_MANY_PEOPLE',
        params: { value: '250000', max: 100_000 },
        message: '"250000" is more than 100000 people',
      },
      {
        line: 3,
        column: 'Kostenplaats',
        code: 'IMPORT_CELL_TOO_LONG',
        params: { max: 64 },
        message: 'is longer than 64 characters',
      },
    ]);
  });
});

describe('organisation import: the plan', () => {
  it('changes nothing when the file says what the organisation is', () => {
    const result = plan(
      'directie;afdeling;team;medewerkers;code\n' +
        'Sociaal Domein;Werk;Klantcontact;12;KC01\n' +
        'sociaal  domein;werk;Intake;8;\n' +
        'Ruimte;Wegen;Beheer;5;\n',
    );
    // "sociaal  domein" matches but is spelled differently: the first row's spelling is kept.
    expect(result).toEqual({ creates: [], changes: [], archives: [], unchanged: 7, errors: [] });
  });

  it('creates new units under existing or new parents, changes headcounts, archives the rest', () => {
    const result = plan(
      'Directie;Afdeling;Team;FTE\n' +
        'Sociaal Domein;Werk;Klantcontact;14\n' +
        'Sociaal Domein;Inkomen;Schulddienstverlening;6,5\n' +
        'Dienstverlening;Burgerzaken;Balie;\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.creates.map((c) => [c.line, c.kind, c.label, c.headcount, c.parent])).toEqual([
      [3, 'department', 'Sociaal Domein / Inkomen', null, 'd1'],
      [3, 'team', 'Sociaal Domein / Inkomen / Schulddienstverlening', 7, 'new:1'],
      [4, 'directorate', 'Dienstverlening', null, 'org'],
      [4, 'department', 'Dienstverlening / Burgerzaken', null, 'new:3'],
      [4, 'team', 'Dienstverlening / Burgerzaken / Balie', null, 'new:4'],
    ]);
    expect(result.changes).toEqual([
      expect.objectContaining({
        id: 't1',
        line: 2,
        changes: [{ field: 'headcount', from: '12', to: '14' }],
      }),
    ]);
    expect(result.archives.map((a) => [a.id, a.label])).toEqual([
      ['d2', 'Ruimte'],
      ['a2', 'Ruimte / Wegen'],
      ['t3', 'Ruimte / Wegen / Beheer'],
      ['t2', 'Sociaal Domein / Werk / Intake'],
    ]);
    expect(result.unchanged).toBe(2); // Sociaal Domein and Werk
  });

  it('follows a team by its code when HR renamed and moved it', () => {
    const result = plan(
      'directie;afdeling;team;code\n' +
        'Sociaal Domein;Werk;Intake\n' +
        'Ruimte;Wegen;Beheer\n' +
        'Ruimte;Wegen;Klantcontact Wegen;kc01\n',
    );
    expect(result.creates).toEqual([]);
    expect(result.archives).toEqual([]);
    expect(result.changes).toEqual([
      expect.objectContaining({
        id: 't1',
        line: 4,
        target: { name: 'Klantcontact Wegen', parent: 'a2', headcount: 12, code: 'KC01' },
        changes: [
          { field: 'name', from: 'Klantcontact', to: 'Klantcontact Wegen' },
          { field: 'parent', from: 'Sociaal Domein / Werk', to: 'Ruimte / Wegen' },
        ],
      }),
    ]);
  });

  it('restores an archived unit that is in the file again', () => {
    const units = ORG.map((u) =>
      u.id === 't3' ? { ...u, archivedAt: '2026-01-01T00:00:00.000Z' } : u,
    );
    const result = plan(
      'directie;afdeling;team\nSociaal Domein;Werk;Klantcontact\nSociaal Domein;Werk;Intake\nRuimte;Wegen;Beheer\n',
      units,
    );
    expect(result.changes).toEqual([
      expect.objectContaining({
        id: 't3',
        changes: [{ field: 'restore', from: 'archived', to: 'active' }],
      }),
    ]);
  });

  it('refuses the same team twice, a code twice, and a code of a unit that is no team', () => {
    const units = ORG.map((u) => (u.id === 'a2' ? { ...u, code: 'WEG' } : u));
    const result = plan(
      'directie;afdeling;team;code\n' +
        'Sociaal Domein;Werk;Intake;X1\n' +
        'Sociaal Domein;Werk;intake;X2\n' +
        'Ruimte;Wegen;Beheer;X1\n' +
        'Ruimte;Wegen;Nieuw;weg\n',
      units,
    );
    expect(result.errors).toEqual([
      {
        line: 3,
        column: null,
        code: 'IMPORT_DUPLICATE_TEAM',
        params: { otherLine: 2, unit: 'Sociaal Domein / Werk / intake' },
        message: 'the same team as line 2: Sociaal Domein / Werk / intake',
      },
      {
        line: 4,
        column: 'code',
        code: 'IMPORT_DUPLICATE_CODE',
        params: { value: 'X1', otherLine: 2 },
        message: 'code X1 is already used on line 2',
      },
      {
        line: 5,
        column: 'code',
        code: 'IMPORT_CODE_NOT_A_TEAM',
        params: { value: 'weg', unit: 'Wegen', unitKind: 'department' },
        message: 'code weg belongs to the department "Wegen", not to a team',
      },
    ]);
  });

  it('names the code column as the file does, and refuses two lines for one existing team', () => {
    const [header, ...rows] = parseCsv(
      'directie;afdeling;team;kostenplaats\n' +
        'Sociaal Domein;Werk;Klantcontact;\n' +
        'Ruimte;Wegen;Klantcontact Wegen;KC01\n' +
        'Ruimte;Wegen;Beheer;KC01\n',
      ';',
    );
    const table: Table = { format: 'csv', delimiter: ';', header, rows };
    const read = readOrgRows(rows, mapColumns(table, ORG_COLUMNS));
    const result = planOrgImport(ORG, read.rows, read.errors, read.codeColumn);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: null,
        code: 'IMPORT_TEAM_MATCHED_TWICE',
        params: { otherLine: 2, unit: 'Sociaal Domein / Werk / Klantcontact' },
        message: 'line 2 already stands for the team "Sociaal Domein / Werk / Klantcontact"',
      },
      {
        line: 4,
        column: 'kostenplaats',
        code: 'IMPORT_DUPLICATE_CODE',
        params: { value: 'KC01', otherLine: 3 },
        message: 'code KC01 is already used on line 3',
      },
    ]);
  });

  it('has nothing to import into without an organisation', () => {
    expect(plan('directie;afdeling;team\nA;B;C\n', []).errors).toEqual([
      {
        line: 1,
        column: null,
        code: 'IMPORT_NO_ORGANISATION',
        params: {},
        message: 'there is no organisation yet to import into; add it first',
      },
    ]);
  });

  it('imports into an empty organisation', () => {
    const result = plan('directie;afdeling;team\nA;B;C\n', [
      unit('org', null, 'organisation', 'Gemeente'),
    ]);
    expect(result.creates.map((c) => c.label)).toEqual(['A', 'A / B', 'A / B / C']);
  });
});

describe('the example file in docs/import', () => {
  it('reads without errors: quotes, a decimal comma, a blank headcount, a BOM and CRLF', () => {
    const data = readFileSync(join(__dirname, '../../../../docs/import/organisatie-voorbeeld.csv'));
    const table = readCsv(data);
    const read = readOrgRows(table.rows, mapColumns(table, ORG_COLUMNS));
    const result = planOrgImport(
      [unit('org', null, 'organisation', 'Gemeente')],
      read.rows,
      read.errors,
    );
    expect(result.errors).toEqual([]);
    const teams = result.creates.filter((c) => c.kind === 'team');
    expect(teams).toHaveLength(60);
    const team = (name: string) => teams.find((c) => c.name === name);
    expect(team('Klantmanagement Werk')).toMatchObject({ headcount: 18, code: 'SD-01-01' });
    // 12,5 people rounds to 13; a blank headcount stays unknown.
    expect(team('Jeugdhulp Toegang')).toMatchObject({ headcount: 13 });
    expect(team('Klantcontactcentrum')).toMatchObject({ headcount: null });
    // The quoted department name with its comma.
    expect(team('Bouwtoezicht')?.label).toBe(
      'Directie Fysieke Leefomgeving / Vergunningen, Toezicht en Handhaving / Bouwtoezicht',
    );
  });
});
