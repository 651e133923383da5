import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

/**
 * "Today" in the client is the organisation's (ORG_TIMEZONE, sent as `timeZone` by
 * /api/auth/me), not Amsterdam's and not the browser's: at 12:00 UTC it is already tomorrow on
 * Kiritimati (UTC+14) and still today in Amsterdam, so a form that fills in Amsterdam's date
 * shows the wrong day.
 */
test("a new observation is dated today in the organisation's time zone", async ({ page }) => {
  const noonUtc = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
  const inZone = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone }).format(noonUtc);
  expect(inZone('Pacific/Kiritimati')).not.toBe(inZone('Europe/Amsterdam'));

  await page.clock.setFixedTime(noonUtc);
  // The organisation lives on Kiritimati: every answer that carries the time zone says so.
  for (const path of ['**/api/auth/me', '**/api/auth/login']) {
    await page.route(path, async (route) => {
      const response = await route.fetch();
      const body = await response.json().catch(() => null);
      if (body && typeof body === 'object' && 'timeZone' in body) {
        await route.fulfill({ response, json: { ...body, timeZone: 'Pacific/Kiritimati' } });
      } else {
        await route.fulfill({ response });
      }
    });
  }
  await signIn(page, DEMO.ambassador);
  const caseload = await page.request.get('/api/cases/caseload');
  const { cases } = (await caseload.json()) as { cases: Array<{ id: string }> };
  await page.goto(`/casussen/${cases[0].id}`);
  await expect(page.locator('#obs-date')).toHaveValue(inZone('Pacific/Kiritimati'));
});
