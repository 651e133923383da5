import { expect, Page, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

/**
 * Single sign-on in Chromium against the real OIDC provider Playwright starts beside the app
 * (tools/scripts/oidc-test-provider.mjs; its accounts share the password `wachtwoord`).
 */
const SSO_LINK = 'Inloggen met je organisatieaccount';

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByRole('link', { name: SSO_LINK }).click();
  await expect(page.getByRole('heading', { name: 'Test-identiteitsprovider' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill(login);
  await page.getByLabel('Wachtwoord').fill('wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test.describe('single sign-on', () => {
  test('the sign-in page offers SSO beside the password form, and works at 360 px', async ({
    page,
  }) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('link', { name: SSO_LINK })).toHaveAttribute(
      'href',
      '/api/auth/oidc/start',
    );
    await expect(
      page.getByRole('heading', { level: 2, name: 'Of met e-mailadres en wachtwoord' }),
    ).toBeVisible();
    await expect(page.getByLabel('E-mailadres')).toBeVisible();
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page);
  });

  test('a new colleague in a mapped group signs in with SSO and gets an account', async ({
    page,
  }) => {
    await signInAtProvider(page, 'beheer');
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Saskia Beheer');
    await expectAccessible(page);

    // The account exists with the role the group gives.
    await page.goto('/beheer/gebruikers');
    await expect(
      page.getByRole('cell', { name: 'sso.beheerder@voorbeeldstad.example' }),
    ).toBeVisible();
  });

  test('someone without a mapped group is told why, and no account is created', async ({
    page,
    browser,
  }) => {
    await signInAtProvider(page, 'zonderrol');
    await expect(page).toHaveURL('/inloggen?sso=no-role');
    await expect(page.getByRole('alert')).toContainText(
      'Je account geeft (nog) geen toegang tot Olievlek',
    );
    await expect(page.getByRole('alert')).toContainText('Er is geen account aangemaakt.');
    await expectAccessible(page);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, DEMO.admin);
    await admin.goto('/beheer/gebruikers');
    await expect(admin.getByRole('cell', { name: DEMO.team })).toBeVisible();
    await expect(admin.getByText('zonder.rol@voorbeeldstad.example')).toHaveCount(0);
  });

  test('a callback this browser did not start (a wrong state) ends on the sign-in page', async ({
    page,
  }) => {
    await page.goto('/api/auth/oidc/callback?code=gestolen-code&state=van-een-ander');
    await expect(page).toHaveURL('/inloggen?sso=state');
    await expect(page.getByRole('alert')).toHaveText(
      'Het inloggen is niet gelukt: de inlogpoging was verlopen of is niet in deze browser begonnen. Probeer het opnieuw.',
    );
    await expectAccessible(page);
  });

  test('an expired code ends on the sign-in page with its own sentence, in English too', async ({
    page,
  }) => {
    // Hold the provider's redirect back to the app until the code (3 s for this account) has
    // expired. Redirects cannot be intercepted, so the sign-in form's POST is followed here, at
    // the provider, and its last redirect handed to the browser late.
    await page.route('**/interaction/*/login', async (route) => {
      let response = await route.fetch({ maxRedirects: 0 });
      let location = response.headers()['location'] ?? '';
      for (let hops = 0; location && !location.includes('/api/auth/oidc/callback'); hops++) {
        if (hops > 5) throw new Error(`No way back to the app from ${location}`);
        const next = new URL(location, route.request().url()).toString();
        response = await page.request.get(next, { maxRedirects: 0 });
        location = response.headers()['location'] ?? '';
      }
      await new Promise((done) => setTimeout(done, 4000));
      await route.fulfill({ status: 303, headers: { location } });
    });
    await signInAtProvider(page, 'traag');
    await expect(page).toHaveURL('/inloggen?sso=code', { timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveText(
      'Het inloggen is niet gelukt: de inlogcode was verlopen of al gebruikt. Probeer het opnieuw.',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Signing in did not work: the sign-in code had expired or was already used. Please try again.',
    );
    await expect(
      page.getByRole('link', { name: 'Sign in with your organisation account' }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
