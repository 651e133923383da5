import { expect, Page, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

/**
 * Issue 13: a list that cannot be read says so where it would have been, with the server's reason
 * in the person's language and a way to try again — never an endless "Bezig met laden…" or an
 * empty page that looks like "nothing here".
 */

/** Makes one API path fail as the server does when it is down, until `heal` is called. */
async function failing(page: Page, path: string): Promise<{ heal: () => Promise<void> }> {
  const pattern = (url: URL) => url.pathname === path;
  await page.route(pattern, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong.',
        code: 'INTERNAL_ERROR',
      }),
    }),
  );
  return { heal: () => page.unroute(pattern) };
}

for (const width of [1280, 360]) {
  test.describe(`a failed read at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the caseload says it could not be read and reads again on request', async ({ page }) => {
      await signIn(page, DEMO.ambassador);
      const caseload = await failing(page, '/api/cases/caseload');
      await page.goto('/casussen');
      const alert = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
      await expect(alert).toBeVisible();
      await expect(alert).toBeInViewport();
      await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
      await expectAccessible(page);

      await caseload.heal();
      await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
      await expect(alert).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('a[href^="/casussen/"]').first()).toBeVisible();
    });

    test('the catalogue says it could not be read, in English too', async ({ page }) => {
      await signIn(page, DEMO.team);
      const practices = await failing(page, '/api/practices');
      await page.goto('/catalogus');
      await expect(
        page.getByRole('alert').filter({ hasText: 'Er ging iets mis' }),
      ).toBeInViewport();
      await expectAccessible(page);
      if (width === 1280) {
        await page.getByRole('button', { name: 'English' }).click();
        try {
          const alert = page
            .getByRole('alert')
            .filter({ hasText: 'Something went wrong on our side' });
          await expect(alert).toBeInViewport();
          await practices.heal();
          await page.getByRole('button', { name: 'Try again' }).click();
          await expect(alert).toHaveCount(0);
          await expect(page.locator('article.ov-card').first()).toBeVisible();
        } finally {
          // The language is kept per account: give it back in Dutch for the specs after this.
          await page.getByRole('button', { name: 'Nederlands' }).click();
          await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
        }
      }
    });
  });
}
