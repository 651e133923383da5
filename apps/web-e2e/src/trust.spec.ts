import { Browser, expect, Page, test } from '@playwright/test';
import { DEMO, PASSWORD, expectAccessible } from './support';

/**
 * Issue 13, the client side: every action answers where the person is looking, no edit is lost
 * silently, sign-in returns to where the person was going, and the board works on a phone.
 * Nothing here depends on display names other specs may change (sso.spec renames the ambassador).
 */

/** Reads the API as `email` in a browser of its own, so the page under test stays signed out. */
async function readAs<T>(browser: Browser, email: string, path: string): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL('/');
    return await page.evaluate(async (url) => (await fetch(url)).json(), path);
  } finally {
    await context.close();
  }
}

async function firstStepId(browser: Browser): Promise<string> {
  const board = await readAs<{ teams: Array<{ agreements: Array<{ id: string }> }> }>(
    browser,
    DEMO.team,
    '/api/board',
  );
  return board.teams[0].agreements[0].id;
}

async function anOwnCaseId(browser: Browser): Promise<string> {
  const caseload = await readAs<{ cases: Array<{ id: string }> }>(
    browser,
    DEMO.ambassador,
    '/api/cases/caseload',
  );
  return caseload.cases[0].id;
}

/** Signs in on the sign-in page the app sent the person to. */
async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test.describe('sign-in returns to where the person was going', () => {
  test('the weekly mail link to a step opens that step after a password sign-in', async ({
    page,
    browser,
  }) => {
    const stepId = await firstStepId(browser);
    await page.goto(`/bord?stap=${stepId}`);
    await expect(page).toHaveURL(`/inloggen?terug=${encodeURIComponent(`/bord?stap=${stepId}`)}`);
    await expectAccessible(page);
    await signInHere(page, DEMO.team);
    await expect(page).toHaveURL(`/bord?stap=${stepId}`);
    await expect(page.locator(`#step-card-${stepId}`)).toBeFocused();
  });

  test('a link to a case opens that case after signing in with SSO', async ({ page, browser }) => {
    const caseId = await anOwnCaseId(browser);
    await page.goto(`/casussen/${caseId}`);
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
    await page.getByRole('link', { name: 'Inloggen met je organisatieaccount' }).click();
    await page.getByLabel('Gebruikersnaam').fill('ambassadeur');
    await page.getByLabel('Wachtwoord').fill('wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page).toHaveURL(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Afgesproken verbeterstappen' })).toBeVisible();
  });

  for (const hostile of [
    'https://evil.example/bord',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
  ]) {
    test(`a return target ${hostile} lands on the home page`, async ({ page }) => {
      await page.goto(`/inloggen?terug=${encodeURIComponent(hostile)}`);
      await expect(
        page.getByRole('link', { name: 'Inloggen met je organisatieaccount' }),
      ).toHaveAttribute('href', '/api/auth/oidc/start');
      await signInHere(page, DEMO.team);
      await expect(page).toHaveURL('/');
    });
  }
});
