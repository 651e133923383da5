import { expect, test } from '@playwright/test';
import {
  apiAs,
  DEMO,
  DESKTOP,
  expectAccessible,
  expectInView,
  expectNoHorizontalOverflow,
  freshCase,
  inEnglish,
  PHONE,
  signIn,
} from './support';

/**
 * Issue 14, ambassadors: closed cases are listed on /casussen with their closing date and
 * summary; a closed case is reopened with a reason after a confirmation, or followed by a new
 * case for the same team that links back to it.
 */

/** A fresh case of the demo ambassador, closed with `summary`; returns its id and team name. */
async function closedCase(baseURL: string, summary: string) {
  const caseId = await freshCase(baseURL, 'Team Afgesloten');
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const c = await ambassador.get<{ version: number; team: { name: string } }>(
    `/api/cases/${caseId}`,
  );
  await ambassador.post(`/api/cases/${caseId}/close`, {
    version: c.version,
    closingSummary: summary,
  });
  await ambassador.dispose();
  return { caseId, team: c.team.name };
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`closed cases at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the list shows closing date and summary; reopening asks a reason and a confirmation', async ({
      page,
      baseURL,
    }) => {
      const summary = `Het team loopt zelf verder (${viewport.width})`;
      const { caseId, team } = await closedCase(baseURL as string, summary);
      await signIn(page, DEMO.ambassador);
      await page.goto('/casussen');
      const closed = page.getByRole('region', { name: /^Afgesloten \(\d+\)$/ });
      const row = closed.getByRole('listitem').filter({ hasText: team });
      await expect(row.getByText(summary)).toBeVisible();
      await expect(row.getByText(/afgesloten op \d{1,2} [a-z]+ \d{4}/)).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);

      await row.getByRole('link', { name: team }).click();
      await expect(page).toHaveURL(`/casussen/${caseId}`);
      await page.getByRole('button', { name: 'Casus heropenen' }).click();
      const reason = page.getByLabel('Waarom gaat de casus weer open?');
      await expect(reason).toBeFocused();
      await page.getByRole('button', { name: 'Verder' }).click();
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
      await expectInView(page, page.locator('#reopen-reason-error'));

      await reason.fill('Het team vroeg om een vervolg');
      await page.getByRole('button', { name: 'Verder' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Weet je het zeker?' })).toBeVisible();
      const confirm = page.getByRole('button', { name: 'Ja, heropenen' });
      await expect(confirm).toBeFocused();
      await expectAccessible(page);
      await confirm.click();

      const status = page.getByRole('status').filter({ hasText: 'De casus is weer open.' });
      await expectInView(page, status);
      await expect(
        page.getByText(/Casus heropend door .+: Het team vroeg om een vervolg/),
      ).toBeVisible();
      await expect(
        page.locator('.ov-timeline__item').filter({ hasText: 'Casus afgesloten' }),
      ).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Casus afsluiten' })).toBeVisible();
      await expectAccessible(page);
    });

    test('a new case for the team links back to the closed one, in Dutch and English', async ({
      page,
      baseURL,
    }) => {
      const { caseId, team } = await closedCase(baseURL as string, 'Eerste ronde klaar');
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      await page.getByRole('button', { name: `Nieuwe casus voor ${team}` }).click();
      await expect(page).not.toHaveURL(`/casussen/${caseId}`);
      const back = page.getByRole('link', { name: /^Vorige casus van dit team \(afgesloten op / });
      await expect(back).toBeVisible();
      await expectAccessible(page);
      await back.click();
      await expect(page).toHaveURL(`/casussen/${caseId}`);
      await expect(
        page.getByRole('link', { name: /^Volgende casus van dit team \(geopend op / }),
      ).toBeVisible();

      await inEnglish(page, async () => {
        await expect(
          page.getByRole('link', { name: /^Next case of this team \(opened on / }),
        ).toBeVisible();
        await expect(page.getByRole('button', { name: 'Reopen case' })).toBeVisible();
        await page.goto('/casussen');
        await expect(page.getByRole('region', { name: /^Closed \(\d+\)$/ })).toBeVisible();
        await expectAccessible(page);
      });
    });
  });
}
