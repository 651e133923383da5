import { expect, Page, test } from '@playwright/test';
import {
  apiAs,
  DEMO,
  DESKTOP,
  expectAccessible,
  expectInView,
  expectNoHorizontalOverflow,
  inEnglish,
  PHONE,
  signIn,
} from './support';

/**
 * Issue 14, ambassadors: the team of a new case is found by name in a list grouped by directorate
 * and department; a team that already has an open case says so and cannot be chosen; archived
 * teams are not offered. Works with the keyboard alone, announces how many teams it found.
 */

/** Four teams with one word in common: free, with an open case, archived, elsewhere. */
async function pickerTeams(baseURL: string, word: string) {
  const admin = await apiAs(baseURL, DEMO.admin);
  const units = await admin.get<Array<{ id: string; name: string }>>('/api/org-units');
  const publiekszaken = units.find((u) => u.name === 'Publiekszaken')?.id;
  const belastingen = units.find((u) => u.name === 'Belastingen')?.id;
  const make = (parentId: string | undefined, name: string) =>
    admin.post<{ id: string; version: number }>('/api/org-units', {
      parentId,
      name,
      headcount: 6,
    });
  await make(publiekszaken, `${word} Alfa`);
  const beta = await make(publiekszaken, `${word} Beta`);
  const gamma = await make(publiekszaken, `${word} Gamma`);
  await make(belastingen, `${word} Delta`);
  await admin.post(`/api/org-units/${gamma.id}/archive`, { version: gamma.version });
  await admin.dispose();
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  await ambassador.post('/api/cases', { teamId: beta.id });
  await ambassador.dispose();
}

async function openCaseload(page: Page) {
  await signIn(page, DEMO.ambassador);
  await page.goto('/casussen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn casussen');
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`the team picker of a new case at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('searches by name, groups by directorate and department, says which teams have a case', async ({
      page,
      baseURL,
    }) => {
      const word = `Kiezer${viewport.width}${Date.now().toString(36)}`;
      await pickerTeams(baseURL as string, word);
      await openCaseload(page);

      const search = page.getByLabel('Zoek een team');
      const list = page.getByRole('group', { name: 'Team', exact: true });
      await expect(list).toBeVisible();
      await search.fill(word.toUpperCase());
      const count = page.locator('#open-team-count');
      await expect(count).toHaveText('3 teams gevonden. 1 daarvan heeft al een open casus.');
      await expect(count).toHaveAttribute('role', 'status');

      // Grouped by the path of parents; the archived team is not offered.
      const group = (path: string) => list.getByRole('group', { name: path, exact: true });
      await expect(
        group('Directie Dienstverlening › Publiekszaken').getByRole('radio'),
      ).toHaveCount(2);
      await expect(
        group('Directie Dienstverlening › Belastingen').getByRole('radio', {
          name: `${word} Delta`,
        }),
      ).toBeEnabled();
      await expect(list.getByRole('radio', { name: `${word} Gamma` })).toHaveCount(0);
      const beta = list.getByRole('radio', { name: new RegExp(`^${word} Beta`) });
      await expect(beta).toBeDisabled();
      await expect(beta).toHaveAccessibleDescription('heeft al een open casus');
      await expect(list.getByRole('radio', { name: `${word} Alfa` })).toBeEnabled();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({
        path: `../../dist/test-results/web-e2e/team-picker-${viewport.width}.png`,
      });

      // Nothing chosen: the answer sits beside the button and the focus goes to the list.
      await page.getByRole('button', { name: 'Casus openen' }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toHaveText('Kies eerst een team.');
      await expectInView(page, alert);
      await expect(list.getByRole('radio').first()).toBeFocused();

      await search.fill('geen team heet zo');
      await expect(count).toHaveText('Geen team gevonden. Probeer een ander woord.');

      // The keyboard alone: type, Tab into the list, arrow to the team, Tab to the button.
      await search.focus();
      await search.fill(`${word} alfa`);
      await expect(count).toHaveText('1 team gevonden.');
      await page.keyboard.press('Tab');
      const alfa = list.getByRole('radio', { name: `${word} Alfa` });
      await expect(alfa).toBeFocused();
      await page.keyboard.press('Space');
      await expect(alfa).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Casus openen' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${word} Alfa`);

      // Back on the list, the team now says it has a case — in English too.
      await page.goto('/casussen');
      await page.getByLabel('Zoek een team').fill(word);
      await expect(page.locator('#open-team-count')).toHaveText(
        '3 teams gevonden. 2 daarvan hebben al een open casus.',
      );
      await inEnglish(page, async () => {
        await page.getByLabel('Search for a team').fill(word);
        await expect(page.locator('#open-team-count')).toHaveText(
          '3 teams found. 2 of them already have an open case.',
        );
        const alfaEn = page
          .getByRole('group', { name: 'Team', exact: true })
          .getByRole('radio', { name: new RegExp(`^${word} Alfa`) });
        await expect(alfaEn).toBeDisabled();
        await expect(alfaEn).toHaveAccessibleDescription('already has an open case');
        await page.getByLabel('Search for a team').fill(`${word} delta`);
        await expect(page.locator('#open-team-count')).toHaveText('1 team found.');
        await expectAccessible(page);
        await expectNoHorizontalOverflow(page);
        await page.screenshot({
          path: `../../dist/test-results/web-e2e/team-picker-en-${viewport.width}.png`,
        });
      });
    });
  });
}
