import { APIRequestContext, expect, request, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, PASSWORD, signIn } from './support';

/** A fresh team through the API as admin: the demo teams already have their history. */
async function createTeam(baseURL: string, name: string): Promise<void> {
  const api: APIRequestContext = await request.newContext({ baseURL });
  await api.get('/api/health');
  const xsrf = (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': xsrf };
  expect(
    (
      await api.post('/api/auth/login', {
        data: { email: DEMO.admin, password: PASSWORD },
        headers,
      })
    ).ok(),
  ).toBe(true);
  // The sign-in renews the CSRF token: the session's own from here on.
  headers['X-XSRF-TOKEN'] =
    (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const units = (await (await api.get('/api/org-units')).json()) as Array<{
    id: string;
    name: string;
  }>;
  const department = units.find((u) => u.name === 'Publiekszaken');
  const created = await api.post('/api/org-units', {
    data: { parentId: department?.id, name, headcount: 7 },
    headers,
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

test.describe('the ambassador case flow', () => {
  test('opens a case, records the intake, agrees three steps, observes, pauses and resumes', async ({
    page,
    baseURL,
  }) => {
    const team = `Team Leefbaarheid ${Date.now().toString(36)}`;
    await createTeam(baseURL as string, team);

    await signIn(page, DEMO.ambassador);
    await expect(page.getByText(/Casussen met een stilgevallen stap: \d+/)).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Casussen' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn casussen');
    await expect(page.getByRole('heading', { name: 'Stilval-radar' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Alle lopende casussen/ })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Zoek een team').fill(team);
    await page.getByRole('radio', { name: team, exact: true }).check();
    await page.getByRole('button', { name: 'Casus openen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(team);
    await expect(page.getByText('Intake', { exact: true }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    await page.getByLabel('Deelnemers').fill('Teamleider en zes teamleden');
    await page.getByLabel('Situatie').fill('Overleggen lopen uit; spanning met de buurafdeling.');
    await page.getByLabel('Wensen').fill('Kortere overleggen met een doel.');
    await page.getByLabel('Vertrouwen').check();
    await page.getByRole('button', { name: 'Intake opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText('De intake is opgeslagen.');
    await expect(
      page.getByText('Overleggen lopen uit; spanning met de buurafdeling.'),
    ).toBeVisible();

    const agree = async (practice: string, partner?: string) => {
      await page.getByRole('button', { name: 'Verbeterstap toevoegen' }).click();
      await page.getByLabel('Uit de catalogus').selectOption({ label: practice });
      if (partner) await page.getByLabel(/Partnerteam/).selectOption({ label: partner });
      await page.getByRole('button', { name: 'Stap afspreken' }).click();
      await expect(page.getByRole('status')).toContainText('is afgesproken');
    };
    await agree('Begin elk overleg met het doel (doel vooraf)');
    await agree('Wekelijks een half uur zonder agenda');
    await agree(
      'Gezamenlijke procesanalyse van de belangrijkste overdrachten tussen twee afdelingen',
      'Burgerzaken Balie',
    );
    await expect(
      page.getByRole('heading', { level: 3, name: 'Wekelijks een half uur zonder agenda' }),
    ).toBeVisible();
    await expect(page.getByText('samen met Burgerzaken Balie')).toBeVisible();

    await page
      .getByLabel('Observatie', { exact: true })
      .fill('Eerste overleg met doel vooraf: korter en rustiger.');
    await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
    await expect(page.getByRole('status')).toHaveText('De observatie is toegevoegd.');

    await page
      .getByRole('button', { name: 'Pauzeren — Begin elk overleg met het doel (doel vooraf)' })
      .click();
    await page.getByLabel('Reden voor "Gepauzeerd"').fill('Vakantieperiode');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('Gepauzeerd');
    await page
      .getByRole('button', { name: 'Starten — Begin elk overleg met het doel (doel vooraf)' })
      .click();
    await page.getByLabel('Reden voor "Loopt"').fill('Weer opgepakt');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('Loopt');
    await expect(page.getByText(/Gepauzeerd — Vakantieperiode/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Peiling openen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'De peiling is geopend; de teamleden zien hem op hun bord.',
    );
    await expect(page.getByText('Zichtbaar zodra de ronde is gesloten').first()).toBeVisible();

    await page
      .getByLabel('Delen met een andere ambassadeur')
      .selectOption({ label: 'Ruben Vermeulen' });
    await page.getByRole('button', { name: 'Delen', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('De casus is gedeeld met Ruben Vermeulen.');

    await page.getByRole('link', { name: '← Mijn casussen' }).click();
    // The team is in the ambassador's own list (it may also show in the list of all cases).
    await expect(
      page
        .getByRole('region', { name: /Lopende casussen/ })
        .getByRole('link', { name: team, exact: true }),
    ).toBeVisible();
  });

  test('works with the keyboard alone: open a case and agree a step', async ({ page, baseURL }) => {
    const team = `Team Toetsenbord ${Date.now().toString(36)}`;
    await createTeam(baseURL as string, team);
    await signIn(page, DEMO.ambassador);
    await page.goto('/casussen');
    await page.getByLabel('Zoek een team').focus();
    await page.keyboard.type(team);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: team, exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Casus openen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(team);

    await page.getByRole('button', { name: 'Verbeterstap toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Uit de catalogus').focus();
    await page
      .getByLabel('Uit de catalogus')
      .selectOption({ label: 'Stand-up bij het verbeterbord' });
    await page.getByRole('button', { name: 'Stap afspreken' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { level: 3, name: 'Stand-up bij het verbeterbord' }),
    ).toBeVisible();
  });

  test('another ambassador sees the stage and steps of a case but not its notes', async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    // An admin reads everything, notes included, of a demo case.
    const caseId = await page.evaluate(async () => {
      const cases = (await (await fetch('/api/cases?status=open')).json()) as Array<{
        id: string;
        ambassadors: Array<{ name: string }>;
      }>;
      return cases.find((c) => !c.ambassadors.some((a) => a.name === 'Sanne Bakker'))?.id;
    });
    expect(caseId).toBeTruthy();
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Afgesproken verbeterstappen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Observaties' })).toHaveCount(0);
    await expect(page.getByText('Situatie', { exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the catalogue shows the programme practices; an admin adds one and retires it', async ({
    page,
  }) => {
    const title = `Lunchwandeling ${Date.now().toString(36)}`;
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Catalogus' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Catalogus van verbeterstappen',
    );
    await expect(
      page.getByRole('heading', { name: 'Begin elk overleg met het doel (doel vooraf)' }),
    ).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByRole('heading', { name: 'Vragen van de peiling' })).toBeVisible();
    await expect(page.getByLabel(/Onze overleggen hebben een duidelijk doel/)).toBeChecked();
    await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
    await page.getByLabel('Titel (Nederlands)').fill(title);
    await page.getByLabel('Titel (Engels)').fill('Lunch walk');
    await page.getByLabel('Ritme').selectOption('monthly');
    await page.getByLabel('Categorie').fill('trust');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toHaveText(`"${title}" is toegevoegd.`);
    await page.getByRole('button', { name: `${title} uit de catalogus halen` }).click();
    await expect(page.getByRole('status')).toContainText('is uit de catalogus gehaald');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('the caseload and a case page hold at 360 px wide', async ({ page }) => {
      await signIn(page, DEMO.ambassador);
      await page.goto('/casussen');
      await expect(page.getByRole('heading', { name: 'Stilval-radar' })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.locator('table a').first().click();
      await expect(
        page.getByRole('heading', { name: 'Afgesproken verbeterstappen' }),
      ).toBeVisible();
      await expectNoHorizontalOverflow(page);
    });
  });
});
