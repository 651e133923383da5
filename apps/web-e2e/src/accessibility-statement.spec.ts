import { expect, Page, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

/**
 * Issue 14, the accessibility statement: public (signed out), in the shape of the Dutch model
 * statement, linked from the footer of the sign-in page and of every signed-in page.
 */

const SECTIONS = {
  nl: [
    'Waarvoor geldt deze verklaring?',
    'Nalevingsstatus',
    'Datum van deze verklaring',
    'Hoe is Olievlek getoetst?',
    'Bekende beperkingen',
    'Een probleem melden',
  ],
  en: [
    'What does this statement cover?',
    'Compliance status',
    'Date of this statement',
    'How was Olievlek tested?',
    'Known limitations',
    'Report a problem',
  ],
};

async function expectStatement(page: Page, lang: 'nl' | 'en'): Promise<void> {
  const heading = lang === 'nl' ? 'Toegankelijkheidsverklaring' : 'Accessibility statement';
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(heading));
  for (const name of SECTIONS[lang]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.getByTestId('a11y-status')).toHaveText(
    lang === 'nl'
      ? 'Olievlek voldoet gedeeltelijk aan de eisen van WCAG 2.2 op niveau AA.'
      : 'Olievlek partially meets the requirements of WCAG 2.2 at level AA.',
  );
  await expect(page.getByText(lang === 'nl' ? /3 december 2026/ : /3 December 2026/)).toBeVisible();
  await expect(page.getByText(/axe-core in Chromium/)).toBeVisible();
  await expect(
    page.getByText(lang === 'nl' ? /binnen 5 werkdagen/ : /within 5 working days/),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expectAccessible(page);
  await expectNoHorizontalOverflow(page);
}

for (const width of [1280, 360]) {
  test(`signed out, the sign-in page's footer leads to the statement, Dutch and English, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/inloggen');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
    await expect(page).toHaveURL('/toegankelijkheid');
    await expectStatement(page, 'nl');

    await page.getByRole('button', { name: 'English' }).click();
    await expectStatement(page, 'en');
    // Back to Dutch so the next test (and spec) starts in the first language.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }),
    ).toBeVisible();
  });
}

test('a signed-in page carries the same footer link, reachable by keyboard', async ({ page }) => {
  await signIn(page, DEMO.team);
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/toegankelijkheid');
  await expectStatement(page, 'nl');
});
