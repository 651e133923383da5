import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './support';

test.describe('AVG rights on the users screen', () => {
  test('an admin exports a person’s data and anonymises them, with accessible dialogs', async ({
    page,
  }) => {
    const name = `Iris Verlaat ${Date.now()}`;
    const email = `iris.${Date.now()}@voorbeeldstad.example`;
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/gebruikers');

    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByLabel('Ambassadeur').check();
    await page.getByLabel('Wachtwoord (minstens 12 tekens)').fill('een-lang-wachtwoord');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `${name} is toegevoegd.`,
    );

    // Export: a modal dialog with a JSON download and the readable page.
    const exportButton = page.getByRole('button', { name: `Gegevens van ${name} exporteren` });
    await exportButton.click();
    const exportDialog = page.getByRole('dialog', { name: `Gegevens van ${name} exporteren` });
    await expect(exportDialog).toBeVisible();
    await expect(exportDialog.getByRole('button', { name: 'Downloaden als JSON' })).toBeFocused();
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: 'Downloaden als JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^olievlek-gegevens-[\w-]+\.json$/);
    await expect(exportDialog.getByRole('status')).toHaveText(
      `De gegevens van ${name} zijn gedownload.`,
    );
    const [readable] = await Promise.all([
      page.waitForEvent('popup'),
      exportDialog.getByRole('link', { name: /Leesbare versie openen/ }).click(),
    ]);
    await expect(readable.getByRole('heading', { level: 1 })).toHaveText(
      `Gegevensoverzicht van ${name}`,
    );
    await readable.close();
    await page.keyboard.press('Escape');
    await expect(exportDialog).toBeHidden();
    await expect(exportButton).toBeFocused();

    // Anonymise: nothing happens before the consequences are confirmed.
    await page.getByRole('button', { name: `${name} anonimiseren` }).click();
    const dialog = page.getByRole('dialog', { name: `${name} anonimiseren?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await expect(dialog.getByText('Dit kan niet ongedaan worden gemaakt.')).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Definitief anonimiseren' });
    await expect(confirm).toBeDisabled();
    await expectAccessible(page);
    await dialog.getByLabel('Ik begrijp dat dit niet ongedaan kan worden gemaakt').check();
    await confirm.click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
      `${name} is geanonimiseerd.`,
    );
    await expect(page.getByRole('cell', { name: email })).toHaveCount(0);
    await expect(page.getByRole('rowheader', { name: name })).toHaveCount(0);
    // Focus lands on the export button of the row, which now names a former user.
    const focused = page.locator(':focus');
    await expect(focused).toHaveAccessibleName(
      /^Gegevens van Voormalig gebruiker [0-9a-f]{6} exporteren$/,
    );
    const row = page.getByRole('row').filter({ has: focused });
    await expect(row.getByRole('rowheader')).toHaveText(/^Voormalig gebruiker [0-9a-f]{6}$/);
    await expect(row.getByRole('cell', { name: 'Geanonimiseerd' })).toBeVisible();
    await expect(row.getByRole('button', { name: /anonimiseren$/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});
