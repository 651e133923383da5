import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

test.describe('the audit log', () => {
  test('the admin filters sign-ins, sees who failed, and downloads the log as CSV', async ({
    page,
  }) => {
    // A failed sign-in first: it must show up in the log.
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(DEMO.director);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert')).toHaveText('Onjuist e-mailadres of wachtwoord.');

    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Auditlog' })
      .click();
    await expect(page).toHaveURL('/beheer/audit');
    await expect(page).toHaveTitle('Auditlog · Olievlek');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog');
    const table = page.getByRole('table', { name: /Gebeurtenissen in het auditlog/ });
    await expect(table.getByRole('row').nth(1)).toBeVisible();

    await page.getByLabel('Actie').selectOption({ label: 'Inloggen' });
    await page.getByLabel('Resultaat').selectOption({ label: 'Mislukt' });
    await page.getByRole('button', { name: 'Toon gebeurtenissen' }).click();
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows.filter({ hasText: DEMO.director }).first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('Inloggen');
      expect(text).toContain('Mislukt');
    }
    await expectAccessible(page);

    // The history of one record: choose its identifier in the table.
    await rows
      .filter({ hasText: DEMO.director })
      .first()
      .getByRole('button', { name: /Toon alle gebeurtenissen over Gebruiker/ })
      .click();
    await expect(page.getByLabel('Kenmerk van het gegeven')).toHaveValue(/^[0-9a-f-]{36}$/);
    await expect(page.getByLabel('Soort gegeven')).toHaveValue('user');
    await expect(page.getByLabel('Resultaat')).toHaveValue('');
    await expect(rows.filter({ hasText: 'Mislukt' }).first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Gebruiker');
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    // Successful sign-ins by the admin, found by part of the e-mail address.
    await page.getByLabel('Actie').selectOption({ label: 'Inloggen' });
    await page.getByLabel('Resultaat').selectOption({ label: 'Gelukt' });
    await page.getByLabel('Wie').fill('admin@');
    await page.getByRole('button', { name: 'Toon gebeurtenissen' }).click();
    await expect(rows.first()).toContainText(DEMO.admin);
    await expect(rows.first()).toContainText('Gelukt');
    await expect(rows.filter({ hasText: DEMO.director })).toHaveCount(0);

    // The download holds the filtered rows, for a Dutch spreadsheet.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download als CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^olievlek-auditlog-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      // Downloaded from the Dutch screen: Dutch column names, the values as in the API.
      'tijdstip_utc;tijdstip_lokaal;wie_id;wie_naam;wie_e-mail;actie;soort_gegeven;kenmerk_gegeven;resultaat;herkomst;details'
        .split(';')
        .map((c) => `"${c}"`)
        .join(';'),
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(`;"${DEMO.admin}";"auth.login";`);

    // Nothing matches: an empty state, not an empty table.
    await page.getByLabel('Vanaf').fill('2001-01-01');
    await page.getByLabel('Tot en met').fill('2001-01-02');
    await page.getByRole('button', { name: 'Toon gebeurtenissen' }).click();
    await expect(page.getByText('Geen gebeurtenissen gevonden bij deze filters.')).toBeVisible();
    await expect(table).toHaveCount(0);

    // A narrow phone: the table scrolls in its own box, the page does not.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
  });

  test('is not for other roles', async ({ page }) => {
    await signIn(page, DEMO.ambassador);
    await expect(page.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
    await page.goto('/beheer/audit');
    await expect(page).toHaveURL('/geen-toegang');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  });
});
