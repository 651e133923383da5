import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

test.describe('signing in and the home page per role', () => {
  test('the sign-in page is accessible and shows an error for a wrong password', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page).toHaveTitle('Inloggen · Olievlek');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(page);

    await page.getByLabel('E-mailadres').fill(DEMO.admin);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert')).toHaveText('Onjuist e-mailadres of wachtwoord.');
    await expect(page).toHaveURL(/\/inloggen$/);
    await expectAccessible(page);
  });

  test('sends the client precompressed', async ({ page }) => {
    const encodings: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js'))
        encodings.push(response.headers()['content-encoding'] ?? 'none');
    });
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(encodings.length).toBeGreaterThan(0);
    expect(encodings.filter((e) => e === 'br' || e === 'gzip').length).toBeGreaterThan(0);
  });

  test('asks for both fields before sending anything', async ({ page }) => {
    await page.goto('/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the admin sees the programme administration', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Anouk de Vries');
    await expect(page.getByRole('heading', { name: 'Programmabeheer' })).toBeVisible();
    // Other tests may have added units to the demo organisation: count what the API holds now.
    const counts = await page.evaluate(async () => {
      const units = (await (await fetch('/api/org-units')).json()) as Array<{ kind: string }>;
      const users = (await (await fetch('/api/users')).json()) as unknown[];
      const n = (kind: string) => units.filter((u) => u.kind === kind).length;
      return {
        directorates: n('directorate'),
        departments: n('department'),
        teams: n('team'),
        users: users.length,
      };
    });
    expect(counts.teams).toBeGreaterThanOrEqual(60);
    await expect(
      page.getByText(
        `${counts.directorates} directies, ${counts.departments} afdelingen, ${counts.teams} teams en ${counts.users} gebruikers.`,
      ),
    ).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Organisatie' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('the ambassador sees their section and no admin menu', async ({ page }) => {
    await signIn(page, DEMO.ambassador);
    await expect(page.getByRole('heading', { name: 'Ambassadeur' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Organisatie', exact: true })).toHaveCount(0);
    await expectAccessible(page);
    await page.goto('/beheer/organisatie');
    await expect(page).toHaveURL('/geen-toegang');
  });

  test('the team member sees their team', async ({ page }) => {
    await signIn(page, DEMO.team);
    await expect(page.getByText('Jouw team: Klantmanagement Werk')).toBeVisible();
    await expectAccessible(page);
  });

  test('the director sees their scope', async ({ page }) => {
    await signIn(page, DEMO.director);
    await expect(page.getByText('Jouw bereik: Directie Sociaal Domein')).toBeVisible();
    await expect(page.getByText('16 actieve teams in jouw bereik.')).toBeVisible();
    await expectAccessible(page);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, DEMO.team);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/inloggen$/);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen$/);
  });

  test('the language switch changes the texts and is remembered', async ({ page }) => {
    await page.goto('/inloggen');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Olievlek');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Olievlek');

    await page.getByLabel('E-mail address').fill(DEMO.director);
    await page.getByLabel('Password').fill('olievlek-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Your scope: Directie Sociaal Domein')).toBeVisible();
    await expect(page).toHaveTitle('Home · Olievlek');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByText('Jouw bereik: Directie Sociaal Domein')).toBeVisible();
  });

  test('an unknown page says so, accessibly', async ({ page }) => {
    await page.goto('/bestaat-niet');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await expectAccessible(page);
  });
});

test.describe('organisation admin', () => {
  test('adds a department and a team under it, then archives the team', async ({ page }) => {
    const stamp = Date.now().toString(36);
    const department = `Afdeling Wijkzaken ${stamp}`;
    const team = `Team Wijkzaken Noord ${stamp}`;
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Organisatie', exact: true })
      .click();
    await expect(page).toHaveTitle('Organisatie beheren · Olievlek');
    await expectAccessible(page);

    await page
      .getByRole('button', { name: 'Afdeling toevoegen — Directie Dienstverlening' })
      .click();
    await page.getByLabel('Naam', { exact: true }).fill(department);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `${department} is toegevoegd.`,
    );

    await page.getByRole('button', { name: `Team toevoegen — ${department}` }).click();
    await page.getByLabel('Naam', { exact: true }).fill(team);
    await page.getByLabel('Bezetting').fill('9');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `${team} is toegevoegd.`,
    );
    await expect(page.getByText('9 personen')).toBeVisible();

    await page.getByRole('button', { name: `${team} archiveren` }).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `${team} is gearchiveerd.`,
    );
    await expect(page.locator('.ov-tree').getByText(team, { exact: true })).toHaveCount(0);

    await page.getByLabel('Toon gearchiveerde onderdelen').check();
    await expect(page.locator('.ov-tree').getByText(team, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: `${team} terugzetten` })).toBeVisible();
    await expectAccessible(page);
  });

  test('shows why a department with active teams cannot be archived', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/organisatie');
    await page.getByRole('button', { name: 'Directie Bedrijfsvoering openklappen' }).click();
    await page.getByRole('button', { name: 'HRM archiveren' }).click();
    await expect(page.getByRole('alert')).toContainText('actieve onderdelen');
  });

  test('manages users: creates a team member', async ({ page }) => {
    const stamp = Date.now().toString(36);
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/gebruikers');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill(`Lotte Visser ${stamp}`);
    await page
      .getByLabel('E-mailadres', { exact: true })
      .fill(`l.visser.${stamp}@voorbeeldstad.example`);
    await page.getByLabel('Teamlid').check();
    await page.getByLabel('Teams').selectOption({ label: 'Groenbeheer' });
    await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill('een-lang-wachtwoord');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `Lotte Visser ${stamp} is toegevoegd.`,
    );
    await expect(page.getByRole('rowheader', { name: `Lotte Visser ${stamp}` })).toBeVisible();
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('sign-in, home and organisation hold at 360 px wide', async ({ page }) => {
    await page.goto('/inloggen');
    await expectNoHorizontalOverflow(page);
    await signIn(page, DEMO.admin);
    await expectNoHorizontalOverflow(page);
    await page.goto('/beheer/organisatie');
    await expect(page.getByText('Gemeente Voorbeeldstad')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.goto('/beheer/gebruikers');
    await expect(page.getByRole('rowheader').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});
