import { expect, Page, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

interface Unit {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  headcount: number | null;
  archivedAt: string | null;
}

/** Calls the API as the signed-in page does: session cookie plus the CSRF header. */
async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: method === 'GET' ? {} : { 'X-XSRF-TOKEN': csrf },
  });
  expect(res.ok()).toBe(true);
  return res.json();
}

/** The organisation as HR exports it: one line per team with its department and directorate. */
function hrLines(units: Unit[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units
    .filter((u) => u.kind === 'team' && !u.archivedAt)
    .map((team) => {
      const department = byId.get(team.parentId ?? '') as Unit;
      const directorate = byId.get(department.parentId ?? '') as Unit;
      return [directorate.name, department.name, team.name, team.headcount ?? ''].join(';');
    });
}

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from('\uFEFFDirectie;Afdeling;Team;Medewerkers\r\n' + lines.join('\r\n') + '\r\n'),
});

test.describe('importing the organisation', () => {
  test('the admin uploads HR’s file, reads the preview with its error line, corrects it and confirms', async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    // Names of this run only, so the test also holds when run again against the same database.
    const run = Date.now().toString(36);
    const dept = `E2E Importafdeling ${run}`;
    // Two teams of our own, so the import changes and archives nothing the other tests rely on.
    const units = (await api(page, 'GET', '/api/org-units')) as Unit[];
    const directorate = units.find((u) => u.name === 'Directie Bedrijfsvoering') as Unit;
    const department = await api(page, 'POST', '/api/org-units', {
      parentId: directorate.id,
      name: dept,
    });
    await api(page, 'POST', '/api/org-units', {
      parentId: department.id,
      name: 'E2E Blijvend team',
      headcount: 5,
    });
    await api(page, 'POST', '/api/org-units', {
      parentId: department.id,
      name: 'E2E Vertrekkend team',
      headcount: 3,
    });
    const current = (await api(page, 'GET', '/api/org-units')) as Unit[];
    const kept = hrLines(current)
      .filter((line) => !line.includes('E2E Vertrekkend team'))
      .map((line) => (line.includes('E2E Blijvend team') ? line.replace(/;5$/, ';8') : line));
    const newTeam = `Directie Bedrijfsvoering;${dept};E2E Nieuw team;4`;
    const badLine = `Directie Bedrijfsvoering;${dept};E2E Fout team;veel`;

    await page.goto('/beheer/organisatie');
    await page.getByRole('link', { name: 'Importeren uit een bestand (CSV of XLSX)' }).click();
    await expect(page).toHaveURL('/beheer/import');
    await expect(page).toHaveTitle('Importeren · Olievlek');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Organisatie en gebruikers importeren',
    );
    await expectAccessible(page);

    await page
      .getByLabel('Bestand (CSV of XLSX)')
      .setInputFiles(csvFile('hr-export.csv', [...kept, newTeam, badLine]));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const preview = page.getByRole('region', { name: /Voorvertoning organisatie: hr-export\.csv/ });
    await expect(preview).toBeVisible();
    await expect(page.getByRole('heading', { name: /Voorvertoning organisatie/ })).toBeFocused();

    // The bad line, with its number as a spreadsheet shows it (the header is line 1).
    const errorLine = kept.length + 3;
    const errors = preview.getByRole('table', { name: 'Fouten (1)' });
    await expect(errors.getByRole('row').nth(1)).toContainText(String(errorLine));
    await expect(errors.getByRole('row').nth(1)).toContainText('Medewerkers');
    // In Dutch, from the error's code and parameters (the API's own message is English).
    await expect(errors.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText(
      '"veel" is geen aantal medewerkers. Gebruik een heel getal, bijvoorbeeld 12.',
    );
    await expect(
      preview.getByRole('table', { name: 'Wordt aangemaakt (1)' }).getByRole('row').nth(1),
    ).toContainText('E2E Nieuw team');
    await expect(
      preview.getByRole('table', { name: 'Wordt gewijzigd (1)' }).getByRole('row').nth(1),
    ).toContainText('Medewerkers: 5 → 8');
    // Our leaving team is not in the file: by default it stays as it is.
    const notInFile = preview.getByRole('table', {
      name: /Niet in het bestand \(\d+\) — blijft zoals het is/,
    });
    await expect(
      notInFile.getByRole('row').filter({ hasText: 'E2E Vertrekkend team' }),
    ).toHaveCount(1);
    await expect(
      preview.getByLabel('Alleen toevoegen en bijwerken: er wordt niets gearchiveerd'),
    ).toBeChecked();
    // The lines add up: every line of the file is new, changed, unchanged or wrong.
    await expect(preview.getByTestId('import-lines')).toHaveText(
      `${kept.length + 2} regels: 1 nieuw, 1 gewijzigd, ${kept.length - 1} ongewijzigd, 1 met een fout.`,
    );
    await expect(page.getByRole('button', { name: 'Import bevestigen' })).toBeDisabled();
    await page.screenshot({
      path: '../../dist/test-results/web-e2e/import-preview.png',
      fullPage: true,
    });
    await expect(page.getByText('Bevestigen kan pas als er geen fouten meer zijn.')).toBeVisible();
    await expectAccessible(page);
    // The same error in English after switching the language, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(
      page
        .getByRole('table', { name: 'Errors (1)' })
        .getByRole('row')
        .nth(1)
        .getByRole('cell')
        .nth(2),
    ).toHaveText('"veel" is not a number of people. Use a whole number, e.g. 12.');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(errors.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText(
      /^"veel" is geen aantal medewerkers/,
    );

    // The corrected file: the same changes, no error.
    await page
      .getByLabel('Bestand (CSV of XLSX)')
      .setInputFiles(csvFile('hr-export-verbeterd.csv', [...kept, newTeam]));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const fixed = page.getByRole('region', { name: /hr-export-verbeterd\.csv/ });
    await expect(fixed.getByRole('table', { name: /^Fouten/ })).toHaveCount(0);
    // The default mode: add and update, archive nothing.
    await page.getByRole('button', { name: 'Import bevestigen' }).click();
    await expect(page.getByRole('heading', { name: 'Import uitgevoerd' })).toBeFocused();
    await expect(
      page.getByText('1 aangemaakt, 1 gewijzigd, 0 gearchiveerd of gedeactiveerd.'),
    ).toBeVisible();
    await page.screenshot({ path: '../../dist/test-results/web-e2e/import-result.png' });

    await page.getByRole('link', { name: 'Bekijk de organisatie' }).click();
    await expect(page).toHaveURL('/beheer/organisatie');
    const after = (await api(page, 'GET', '/api/org-units?includeArchived=true')) as Unit[];
    const ours = (name: string) =>
      after.find((u) => u.name === name && u.parentId === department.id) as Unit;
    expect(ours('E2E Nieuw team').headcount).toBe(4);
    expect(ours('E2E Blijvend team').headcount).toBe(8);
    expect(ours('E2E Vertrekkend team').archivedAt).toBeNull();
    // On the organisation screen: the new team under its department.
    const tree = page.locator('.ov-tree');
    for (const name of ['Directie Bedrijfsvoering', dept]) {
      // Wait for the node (the tree loads after the page), then open it if it is closed.
      const toggle = tree
        .getByRole('button', { name: `${name} openklappen` })
        .or(tree.getByRole('button', { name: `${name} dichtklappen` }));
      await expect(toggle).toBeVisible();
      const expand = tree.getByRole('button', { name: `${name} openklappen` });
      if (await expand.count()) await expand.click();
    }
    await expect(tree.getByText('E2E Nieuw team').last()).toBeVisible();
  });

  test('archiving needs its own mode and a second confirmation that names the count and the open cases', async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO.admin);
    const run = Date.now().toString(36);
    const units = (await api(page, 'GET', '/api/org-units')) as Unit[];
    const directorate = units.find((u) => u.name === 'Directie Bedrijfsvoering') as Unit;
    const department = await api(page, 'POST', '/api/org-units', {
      parentId: directorate.id,
      name: `E2E Archiefafdeling ${run}`,
    });
    const team = (name: string) =>
      api(page, 'POST', '/api/org-units', { parentId: department.id, name, headcount: 4 });
    const withCase = await team('E2E Casusteam');
    await team('E2E Los team');
    const byHand = await team('E2E Handteam');
    // The ambassador opens cases on two of them, in a browser of their own.
    const ambassadorContext = await browser.newContext();
    const ambassador = await ambassadorContext.newPage();
    await signIn(ambassador, DEMO.ambassador);
    const openCase = await api(ambassador, 'POST', '/api/cases', { teamId: withCase.id });
    await api(ambassador, 'POST', '/api/cases', { teamId: byHand.id });
    // The file leaves out the two teams of our department (not the third: we archive it by hand).
    const current = (await api(page, 'GET', '/api/org-units')) as Unit[];
    const lines = hrLines(current).filter(
      (line) => !line.includes('E2E Casusteam') && !line.includes('E2E Los team'),
    );

    await page.goto('/beheer/import');
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(csvFile('hr-archief.csv', lines));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const preview = page.getByRole('region', { name: /hr-archief\.csv/ });
    await expect(preview).toBeVisible();
    // The default mode archives nothing, and says so in words; with nothing else to do, it
    // cannot even be confirmed.
    await expect(preview.getByLabel(/^Alleen toevoegen en bijwerken/)).toBeChecked();
    await expect(preview.getByTestId('import-running-work')).toContainText(
      '2 teams staan niet in het bestand en blijven zoals ze zijn, waarvan 1 met een lopende casus.',
    );
    await expect(page.getByRole('button', { name: 'Import bevestigen' })).toBeDisabled();

    await preview.getByLabel('Ook archiveren wat niet in het bestand staat').check();
    await expect(preview.getByTestId('import-running-work')).toContainText(
      '2 teams worden gearchiveerd, waarvan 1 met een lopende casus.',
    );
    const caption = await preview
      .getByRole('table', { name: /Wordt gearchiveerd \(\d+\)/ })
      .locator('caption')
      .innerText();
    const count = Number(/\((\d+)\)/.exec(caption)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    await expect(
      preview.getByRole('row').filter({ hasText: 'E2E Casusteam' }).getByText('lopende casus'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Import bevestigen, met archiveren' }).click();
    // The second confirmation, in view, naming the count; nothing is archived yet.
    const second = page.getByRole('alertdialog', { name: 'Weet je zeker dat je wilt archiveren?' });
    await expect(second).toBeInViewport();
    await expect(second).toContainText(
      '2 teams worden gearchiveerd, waarvan 1 met een lopende casus.',
    );
    await expect(
      page.getByRole('heading', { name: 'Weet je zeker dat je wilt archiveren?' }),
    ).toBeFocused();
    await expectAccessible(page);
    await page.screenshot({
      path: '../../dist/test-results/web-e2e/import-second-confirmation.png',
    });
    const still = (await api(page, 'GET', '/api/org-units')) as Unit[];
    expect(still.some((u) => u.id === withCase.id)).toBe(true);
    await second.getByRole('button', { name: `Ja, archiveer ${count} onderdelen` }).click();
    await expect(
      page.getByText(`0 aangemaakt, 0 gewijzigd, ${count} gearchiveerd of gedeactiveerd.`),
    ).toBeVisible();

    // Its case lives on, marked for its ambassador on the case page and in the case list.
    await ambassador.goto(`/casussen/${openCase.id}`);
    await expect(ambassador.getByRole('heading', { level: 1 })).toHaveText('E2E Casusteam');
    await expect(ambassador.getByTestId('team-archived')).toHaveText('Team gearchiveerd');
    await ambassador.goto('/casussen');
    await expect(
      ambassador
        .getByRole('row')
        .filter({ hasText: 'E2E Casusteam' })
        .first()
        .getByTestId('team-archived'),
    ).toBeVisible();
    await ambassadorContext.close();

    // By hand on the organisation screen: a warning first, next to the team.
    await page.goto('/beheer/organisatie');
    const tree = page.locator('.ov-tree');
    for (const name of ['Directie Bedrijfsvoering', `E2E Archiefafdeling ${run}`]) {
      const toggle = tree
        .getByRole('button', { name: `${name} openklappen` })
        .or(tree.getByRole('button', { name: `${name} dichtklappen` }));
      await expect(toggle).toBeVisible();
      const expand = tree.getByRole('button', { name: `${name} openklappen` });
      if (await expand.count()) await expand.click();
    }
    await tree.getByRole('button', { name: 'E2E Handteam archiveren' }).click();
    const warning = tree
      .getByRole('alert')
      .filter({ hasText: 'E2E Handteam heeft een lopende casus' });
    await expect(warning).toBeInViewport();
    const afterWarning = (await api(page, 'GET', '/api/org-units')) as Unit[];
    expect(afterWarning.some((u) => u.id === byHand.id)).toBe(true);
    await warning.getByRole('button', { name: 'Toch archiveren' }).click();
    await expect(page.getByText('E2E Handteam is gearchiveerd.')).toBeVisible();
    const afterConfirm = (await api(page, 'GET', '/api/org-units')) as Unit[];
    expect(afterConfirm.some((u) => u.id === byHand.id)).toBe(false);
  });

  test('the import page holds at 360 px wide and is keyboard friendly', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/import');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByText('Hoe ziet het bestand eruit?').click();
    await expect(page.getByText('directie;afdeling;team;medewerkers;code')).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({
      path: '../../dist/test-results/web-e2e/import-360.png',
      fullPage: true,
    });
  });
});
