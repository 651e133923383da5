import {
  CSRF_COOKIE,
  EXPORT_URLS,
  FIGURE_WORDS,
  percentText,
  teamsOfText,
  weightedText,
  type CaseSummaryDto,
  type OlievlekViewDto,
  type OrgUnitDto,
  type UserDto,
} from '@olievlek/shared';
import { Workbook } from 'exceljs';
import { DEMO, expectApiError, HttpClient, startTestApp, TestApp } from '../../test/test-app';

/** Texts only the case's ambassadors and admins may ever receive (demo intake and observations). */
const PRIVATE_MARKERS = [
  'Spanning in het MT',
  'Het team ervaart veel werkdruk',
  'wantrouwen richting het MT',
];

/** Downloads the body as bytes (the test client reads text). */
async function download(t: TestApp, client: HttpClient, path: string) {
  const res = await fetch(t.baseUrl + path, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

async function workbookOf(data: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

describe('exports of the figures and the director report (HTTP)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let director: HttpClient;
  let units: OrgUnitDto[];
  const unit = (name: string) => units.find((u) => u.name === name) as OrgUnitDto;
  const audited = async (action: string) =>
    Number(
      (
        await t.dataSource.query(`SELECT COUNT(*) AS n FROM audit_event WHERE action = '${action}'`)
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn(DEMO.admin);
    director = await t.signedIn(DEMO.director);
    units = (await admin.get('/api/org-units')).body;
    expect(admin.cookies.has(CSRF_COOKIE)).toBe(true);
  });
  afterAll(() => t.close());

  it('writes the olievlek tables to XLSX that opens again with the same figures, cell by cell', async () => {
    const view = (await admin.get('/api/olievlek')).body as OlievlekViewDto;
    const res = await download(t, admin, EXPORT_URLS.olievlek('xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="olievlek-.*\.xlsx"/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const workbook = await workbookOf(res.data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Kerncijfers', 'Eenheden']);
    const sheet = workbook.getWorksheet('Kerncijfers');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      'Eenheid',
      'Soort',
      'Teams',
      'Nog niet bereikt',
      'Intake',
      'Experimenteert',
      'Praktiseert',
      'Verspreidt',
    ]);
    const rows = [view.figures, ...view.children];
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((figures, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(figures.unit.name);
      expect(row.getCell(3).value).toBe(figures.teams);
      expect(row.getCell(4).value).toBe(figures.stages['not-reached']);
      expect(row.getCell(6).value).toBe(figures.stages.experimenting);
      expect(row.getCell(8).value).toBe(figures.stages.spreading);
      expect(row.getCell(9).value).toBe(figures.reach?.value ?? null);
      expect(row.getCell(9).numFmt).toBe('0.0%');
      expect(row.getCell(14).value).toBe(figures.stalledAgreements);
    });
    const teams = workbook.getWorksheet('Eenheden');
    expect(teams?.rowCount).toBe(view.units.length + 1);
    expect(await audited('export.olievlek')).toBe(1);
  });

  it('writes CSV for Dutch Excel: BOM, semicolons, decimal comma, and names that cannot run as formulas', async () => {
    const team = unit('Leerplicht');
    const renamed = await admin.patch(`/api/org-units/${team.id}`, {
      version: team.version,
      name: '=HYPERLINK("http://x.example";"klik")',
    });
    expect(renamed.status).toBe(200);
    const res = await download(t, admin, `${EXPORT_URLS.olievlek('csv')}&table=units`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(
      res.data.toString('utf8').startsWith('\uFEFF"Eenheid (pad)";"Soort";"Medewerkers";"Fase";'),
    ).toBe(true);
    // In the department's figures the team's name is a cell of its own: defused, and quoted.
    const department = unit('Onderwijs en Jeugd');
    const text = (
      await download(t, admin, EXPORT_URLS.olievlek('csv', department.id))
    ).data.toString('utf8');
    expect(text).toContain(`\r\n"'=HYPERLINK(""http://x.example"";""klik"")";"team";`);
    expect(text).not.toMatch(/\n"?=HYPERLINK/);
    const figures = (await download(t, admin, EXPORT_URLS.olievlek('csv'))).data.toString('utf8');
    // Reach as a Dutch percentage number: 37,5 rather than 37.5.
    expect(figures.split('\r\n')[1]).toMatch(/;"\d+(,\d)?";/);
    await admin.patch(`/api/org-units/${team.id}`, {
      version: renamed.body.version,
      name: 'Leerplicht',
    });
  });

  it('keeps a director inside their scope, exactly like the view: 403 outside', async () => {
    const outside = unit('Directie Bedrijfsvoering');
    const inside = unit('Directie Sociaal Domein');
    const view = await director.get(`/api/olievlek?unitId=${outside.id}`);
    expectApiError(view, 403, 'FORBIDDEN_SCOPE');
    for (const url of [
      EXPORT_URLS.olievlek('xlsx', outside.id),
      EXPORT_URLS.checkOffs('csv', outside.id),
      EXPORT_URLS.report('nl', outside.id),
    ]) {
      const res = await director.get(url);
      expectApiError(res, 403, 'FORBIDDEN_SCOPE');
    }
    const own = await download(t, director, EXPORT_URLS.olievlek('xlsx', inside.id));
    expect(own.status).toBe(200);
  });

  it('gives directors the check-off history without who ticked or why; admins with both', async () => {
    const users = (await admin.get('/api/users')).body as UserDto[];
    const names = users.filter((u) => u.roles.includes('team')).map((u) => u.name);
    const forDirector = await download(t, director, EXPORT_URLS.checkOffs('xlsx'));
    expect(forDirector.status).toBe(200);
    const sheet = (await workbookOf(forDirector.data)).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Directie',
      'Afdeling',
      'Team',
      'Verbeterstap',
      'Periode',
      'Stand',
      'Datum',
    ]);
    expect(sheet.rowCount).toBeGreaterThan(10);
    const directorates = new Set<unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) directorates.add(row.getCell(1).value);
    });
    expect([...directorates]).toEqual(['Directie Sociaal Domein']);
    const text = JSON.stringify(sheet.getSheetValues());
    for (const name of names) expect(text).not.toContain(name);

    const forAdmin = await admin.get(`${EXPORT_URLS.checkOffs('csv')}&lang=en&delimiter=comma`);
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.text.split('\r\n')[0]).toBe(
      '"Directorate","Department","Team","Improvement step","Period","State","Date","Reason","Ticked by"',
    );
    expect(names.some((n) => forAdmin.text.includes(n))).toBe(true);
    expect(await audited('export.check_offs')).toBeGreaterThanOrEqual(2);
  });

  it('lists every case without its notes for ambassadors and admins', async () => {
    const ambassador = await t.signedIn(DEMO.ambassador);
    const cases = (await ambassador.get('/api/cases')).body as CaseSummaryDto[];
    const res = await ambassador.get(EXPORT_URLS.cases('csv'));
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\r\n');
    expect(lines).toHaveLength(cases.length + 1);
    expect(lines[0]).toBe(
      '"Directie";"Afdeling";"Team";"Status";"Geopend";"Afgesloten";"Ambassadeurs";"Fase";"Verbeterstappen";"Stilgevallen stappen";"Volgende evaluatie";"Laatste activiteit"',
    );
    for (const marker of PRIVATE_MARKERS) expect(res.text).not.toContain(marker);
    expectApiError(await director.get(EXPORT_URLS.cases('csv')), 403, 'FORBIDDEN_ROLE');
    const member = await t.signedIn(DEMO.team);
    expectApiError(await member.get(EXPORT_URLS.checkOffs('csv')), 403, 'FORBIDDEN_ROLE');
  });

  it('prints one page per directorate, escaped, with a strict CSP, in Dutch or English', async () => {
    const directorate = unit('Directie Dienstverlening');
    const renamed = await admin.patch(`/api/org-units/${directorate.id}`, {
      version: directorate.version,
      name: '<script>alert(1)</script> & Co',
    });
    expect(renamed.status).toBe(200);
    const res = await admin.get(EXPORT_URLS.report('en'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(res.text.match(/<section class="page"/g)).toHaveLength(4);
    expect(res.text).toContain('break-after: page');
    expect(res.text).toContain('Teams per stage');

    const own = await director.get(EXPORT_URLS.report('nl'));
    expect(own.status).toBe(200);
    expect(own.text.match(/<section class="page"/g)).toHaveLength(1);
    expect(own.text).toContain('<h1 id="u-');
    expect(own.text).toContain('Directie Sociaal Domein');
    expect(own.text).toContain('Teams per fase');
    expect(own.text).not.toContain('Directie Bedrijfsvoering');
    expectApiError(
      await director.get(`${EXPORT_URLS.report('nl')}&date=2999-01-01`),
      400,
      'OLIEVLEK_DATE_IN_FUTURE',
    );
    expectApiError(
      await admin.get(`${EXPORT_URLS.olievlek('csv')}&format=pdf`),
      400,
      'VALIDATION_FAILED',
    );
    expect(await audited('export.director_report')).toBe(2);
  });

  it("carries the map at the date, the S-curve and the key figures in the screen's words and rounding", async () => {
    const inside = unit('Directie Sociaal Domein');
    const date = '2026-06-30';
    const view = (await director.get(`/api/olievlek?unitId=${inside.id}&date=${date}`))
      .body as OlievlekViewDto;
    const res = await director.get(EXPORT_URLS.report('nl', inside.id, date));
    expect(res.status).toBe(200);
    const f = view.figures;
    for (const text of [
      FIGURE_WORDS.nl.reach,
      FIGURE_WORDS.nl.rooted,
      FIGURE_WORDS.nl.stalled,
      FIGURE_WORDS.nl.spreadFactor,
      percentText('nl', f.reach),
      teamsOfText('nl', f.reach),
      weightedText('nl', f.reachWeighted, f.teamsWithoutHeadcount),
      'Stand op 30 juni 2026',
      'Kaart op 30 juni 2026',
      'S-curve: teams per fase per maand',
    ]) {
      expect(res.text).toContain(text.replace(/&/g, '&amp;'));
    }
    // Two pictures drawn on the server, each an SVG with a text for screen readers.
    expect(res.text).toMatch(
      /<figure class="chart" data-chart="map" role="img" aria-label="Kaart van /,
    );
    expect(res.text).toMatch(
      /<figure class="chart" data-chart="s-curve" role="img" aria-label="S-curve van /,
    );
    expect(res.text.match(/<svg /g)).toHaveLength(2);
    // The S-curve ends at the chosen month, the map shows the teams of the unit.
    expect(res.text).toContain('juni 2026');
    expect(res.text).not.toContain('juli 2026');
    const team = view.units.find((u) => u.stage !== null);
    expect(res.text).toContain(team?.name);
    // The time it was made, in the organisation's zone (not UTC).
    expect(res.text).toMatch(/Gemaakt op \d{1,2} \w+ 20\d\d.* \(Europe\/Amsterdam\)/);
    expect(res.text).not.toContain(' UTC.');
  });

  it('prints the same report to PDF on the server, within the scope of the view', async () => {
    const inside = unit('Directie Sociaal Domein');
    const outside = unit('Directie Bedrijfsvoering');
    const before = await audited('export.director_report');
    const pdf = await download(t, director, EXPORT_URLS.reportPdf('en', inside.id, '2026-06-30'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^attachment; filename="olievlek-rapport-directie-sociaal-domein-2026-06-30\.pdf"$/,
    );
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.data.length).toBeGreaterThan(10_000);
    expect(await audited('export.director_report')).toBe(before + 1);

    expectApiError(
      await director.get(EXPORT_URLS.reportPdf('nl', outside.id)),
      403,
      'FORBIDDEN_SCOPE',
    );
    expectApiError(
      await director.get(EXPORT_URLS.reportPdf('nl', inside.id, '2026-02-31')),
      400,
      'VALIDATION_FAILED',
    );
    expectApiError(
      await director.get(EXPORT_URLS.reportPdf('nl', inside.id, '2999-01-01')),
      400,
      'OLIEVLEK_DATE_IN_FUTURE',
    );
    expectApiError(
      await director.get(`${EXPORT_URLS.report('nl', inside.id)}&format=docx`),
      400,
      'VALIDATION_FAILED',
    );
    // Refused requests hand nothing out and are not recorded as exports.
    expect(await audited('export.director_report')).toBe(before + 1);
  }, 60_000);
});
