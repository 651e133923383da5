import { mapColumns, USER_COLUMNS } from './import-columns';
import { parseCsv, type Table } from './import-table';
import type { ExistingUnit } from './org-import';
import { planUserImport, readUserRows, UnitLookup, type ExistingUser } from './user-import';

const u = (
  id: string,
  parentId: string | null,
  kind: ExistingUnit['kind'],
  name: string,
  code: string | null = null,
): ExistingUnit => ({
  id,
  parentId,
  kind,
  name,
  headcount: null,
  code,
  archivedAt: null,
  version: 1,
});
/** Two teams called "Backoffice", in different departments. */
const UNITS = [
  u('org', null, 'organisation', 'Gemeente'),
  u('d1', 'org', 'directorate', 'Sociaal Domein'),
  u('a1', 'd1', 'department', 'Werk'),
  u('a2', 'd1', 'department', 'Zorg'),
  u('t1', 'a1', 'team', 'Backoffice', 'BO-W'),
  u('t2', 'a2', 'team', 'Backoffice'),
  u('t3', 'a2', 'team', 'Wmo'),
];
const person = (id: string, email: string, extra: Partial<ExistingUser> = {}): ExistingUser => ({
  id,
  email,
  name: email.split('@')[0],
  roles: ['team'],
  locale: 'nl',
  scopeOrgUnitId: null,
  teamIds: ['t3'],
  active: true,
  anonymisedAt: null,
  version: 1,
  ...extra,
});

function plan(csv: string, users: ExistingUser[], actor = 'admin') {
  const [header, ...rows] = parseCsv(csv, ';');
  const table: Table = { format: 'csv', delimiter: ';', header, rows };
  const read = readUserRows(rows, mapColumns(table, USER_COLUMNS), UNITS);
  return planUserImport(users, read.rows, actor, new UnitLookup(UNITS).labels, read.errors);
}

describe('users import', () => {
  it('finds a unit by code, by path or by a unique name, and says when a name is ambiguous', () => {
    const lookup = new UnitLookup(UNITS);
    expect(lookup.find('bo-w', true)).toMatchObject({ id: 't1' });
    expect(lookup.find('Sociaal Domein / Zorg / Backoffice', true)).toMatchObject({ id: 't2' });
    expect(lookup.find('Sociaal Domein > Zorg > Backoffice', true)).toMatchObject({ id: 't2' });
    expect(lookup.find('wmo', true)).toMatchObject({ id: 't3' });
    expect(lookup.find('Backoffice', true)).toEqual({
      code: 'IMPORT_TEAM_AMBIGUOUS',
      params: { value: 'Backoffice', count: 2 },
    });
    expect(lookup.find('Backoffice', false)).toEqual({
      code: 'IMPORT_UNIT_AMBIGUOUS',
      params: { value: 'Backoffice', count: 2 },
    });
    expect(lookup.find('Werk', true)).toEqual({
      code: 'IMPORT_TEAM_NOT_FOUND',
      params: { value: 'Werk' },
    });
    expect(lookup.find('Sociaal Domein / Wonen', false)).toEqual({
      code: 'IMPORT_UNIT_NOT_FOUND',
      params: { value: 'Sociaal Domein / Wonen' },
    });
    expect(lookup.find('Werk', false)).toMatchObject({ id: 'a1' });
  });

  it('creates, changes and deactivates by e-mail; admins and the importer are never deactivated', () => {
    const users = [
      person('admin', 'admin@x.nl', { roles: ['admin'], teamIds: [] }),
      person('p1', 'anna@x.nl'),
      person('p2', 'bram@x.nl'),
      person('p3', 'cor@x.nl', { roles: ['admin', 'ambassador'], teamIds: [] }),
    ];
    const result = plan(
      'naam;e-mail;rol;team;bereik\n' +
        'anna;ANNA@x.nl;teamlid;Wmo;\n' +
        'Dirk;dirk@x.nl;directeur, ambassadeur;;Sociaal Domein / Zorg\n' +
        'Eva;eva@x.nl;teamlid;Backoffice;\n' +
        'Fred;fred@x.nl;directeur;;\n',
      users,
    );
    expect(result.errors).toEqual([
      {
        line: 4,
        column: 'team',
        code: 'IMPORT_TEAM_AMBIGUOUS',
        params: { value: 'Backoffice', count: 2 },
        message:
          '"Backoffice" is the name of 2 teams; write it as Directie / Afdeling / Team or use the code',
      },
      {
        line: 5,
        column: 'bereik',
        code: 'IMPORT_SCOPE_REQUIRED',
        params: {},
        message: 'a director needs a scope (bereik): the unit they oversee',
      },
    ]);
    expect(result.creates).toEqual([
      {
        line: 3,
        email: 'dirk@x.nl',
        name: 'Dirk',
        roles: ['ambassador', 'director'],
        teamIds: [],
        scopeOrgUnitId: 'a2',
        locale: 'nl',
      },
    ]);
    expect(result.unchanged).toBe(1);
    expect(result.archives.map((a) => a.id)).toEqual(['p2']);
  });

  it('refuses to take away the importing admin’s own admin role', () => {
    const result = plan('naam;e-mail;rol\nik;admin@x.nl;ambassadeur\n', [
      person('admin', 'admin@x.nl', { roles: ['admin'], teamIds: [] }),
    ]);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: null,
        code: 'IMPORT_OWN_ADMIN_ROLE',
        params: {},
        message: 'this is you: an import cannot take away your own admin role; ask another admin',
      },
    ]);
  });

  it('gives every bad cell a code with what the client needs to say it in its own language', () => {
    const result = plan(
      'Naam;E-mail;Rol;Team;Bereik;Taal\n' +
        ';leeg@x.nl;teamlid;Wmo;;\n' +
        `${'n'.repeat(201)};lang@x.nl;teamlid;Wmo;;\n` +
        'Geen Mail;;teamlid;Wmo;;\n' +
        'Fout Mail;geen-adres;teamlid;Wmo;;\n' +
        'Koning;koning@x.nl;koning;Wmo;;\n' +
        'Zonder Rol;zonder@x.nl;;;;\n' +
        'Zonder Team;zonderteam@x.nl;teamlid;;;\n' +
        'Onbekend Team;onbekend@x.nl;teamlid;Wonen;;\n' +
        'Onbekend Bereik;bereik@x.nl;directeur;;Wonen;\n' +
        'Dubbel Bereik;dubbel@x.nl;directeur;;Backoffice;\n' +
        'Frans;frans@x.nl;teamlid;Wmo;;fr\n' +
        'Anna;anna@x.nl;teamlid;Wmo;;nl\n' +
        'Anna Twee;ANNA@x.nl;teamlid;Wmo;;\n' +
        'Weg;weg@x.nl;teamlid;Wmo;;\n',
      [person('p1', 'anna@x.nl'), person('p9', 'weg@x.nl', { anonymisedAt: '2026-01-01' })],
    );
    expect(result.errors.map((e) => [e.line, e.column, e.code, e.params, e.message])).toEqual([
      [2, 'Naam', 'IMPORT_CELL_EMPTY', {}, 'is empty'],
      [3, 'Naam', 'IMPORT_CELL_TOO_LONG', { max: 200 }, 'is longer than 200 characters'],
      [4, 'E-mail', 'IMPORT_CELL_EMPTY', {}, 'is empty'],
      [
        5,
        'E-mail',
        'IMPORT_NOT_AN_EMAIL',
        { value: 'geen-adres' },
        '"geen-adres" is not an e-mail address',
      ],
      [
        6,
        'Rol',
        'IMPORT_UNKNOWN_ROLE',
        { value: 'koning' },
        '"koning" is not a role (use beheerder, ambassadeur, teamlid or directeur)',
      ],
      [7, 'Rol', 'IMPORT_CELL_EMPTY', {}, 'is empty'],
      [8, 'Team', 'IMPORT_TEAM_REQUIRED', {}, 'a team member needs a team'],
      [9, 'Team', 'IMPORT_TEAM_NOT_FOUND', { value: 'Wonen' }, 'no active team "Wonen"'],
      [10, 'Bereik', 'IMPORT_UNIT_NOT_FOUND', { value: 'Wonen' }, 'no active unit "Wonen"'],
      [
        11,
        'Bereik',
        'IMPORT_UNIT_AMBIGUOUS',
        { value: 'Backoffice', count: 2 },
        '"Backoffice" is the name of 2 units; write it as Directie / Afdeling / Team or use the code',
      ],
      [
        12,
        'Taal',
        'IMPORT_UNKNOWN_LOCALE',
        { value: 'fr' },
        '"fr" is not a language (use nl or en)',
      ],
      [
        14,
        null,
        'IMPORT_DUPLICATE_EMAIL',
        { value: 'anna@x.nl', otherLine: 13 },
        'anna@x.nl is already on line 13',
      ],
      [
        15,
        null,
        'IMPORT_ACCOUNT_ANONYMISED',
        { value: 'weg@x.nl' },
        'weg@x.nl belongs to an anonymised account',
      ],
    ]);
  });

  it('says which column the file lacks', () => {
    const result = plan('E-mail;Team\nanna@x.nl;Wmo\n', []);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: null,
        code: 'IMPORT_COLUMN_MISSING',
        params: { field: 'name' },
        message: 'the file has no name column',
      },
      {
        line: 2,
        column: null,
        code: 'IMPORT_COLUMN_MISSING',
        params: { field: 'roles' },
        message: 'the file has no role column',
      },
    ]);
  });
});
