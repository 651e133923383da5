import { expect, Page, test } from '@playwright/test';
import {
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
 * Issue 13 on the admin's screens and "Mijn e-mail": the answer to a save, a create or a remove
 * stands beside the control that caused it, is announced (role=status / role=alert) and is in
 * view, at 1280 and 360 px, in Dutch and English.
 */

const SHOTS = '../../dist/test-results/web-e2e/admin-feedback';
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The message with this text, announced, with its whole box in the viewport. */
async function expectAnswer(
  page: Page,
  role: 'status' | 'alert',
  text: string | RegExp,
): Promise<void> {
  const message = page.getByRole(role).filter({ hasText: text });
  await expect(message).toHaveCount(1);
  await expectInView(page, message);
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`admin answers beside the control at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('users: a refused save in the form, an added user where the form was, an anonymised one in their row', async ({
      page,
    }) => {
      const id = stamp();
      const name = `Feedback Persoon ${id}`;
      await signIn(page, DEMO.admin);
      await page.goto('/beheer/gebruikers');
      await expect(page.getByRole('table', { name: 'Alle gebruikers' })).toBeVisible();

      // Refused by the server (an e-mail address that is not one): the alert is in the form.
      await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
      const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
      await form.getByLabel('Naam').fill(name);
      await form.getByLabel('E-mailadres').fill('geen-adres');
      await form.getByLabel('Ambassadeur').check();
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await expect(form.getByRole('alert')).toHaveCount(1);
      await expectInView(page, form.getByRole('alert'));
      await expectAccessible(page);

      await form.getByLabel('E-mailadres').fill(`feedback.${id}@voorbeeldstad.example`);
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await expectAnswer(page, 'status', `${name} is toegevoegd.`);
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: `${SHOTS}/users-added-${viewport.width}.png` });

      // Anonymised: the answer stands in the person's row, where the focus returns.
      await page.getByRole('button', { name: `${name} anonimiseren` }).click();
      const dialog = page.getByRole('dialog', { name: `${name} anonimiseren?` });
      await dialog.getByLabel('Ik begrijp dat dit niet ongedaan kan worden gemaakt').check();
      await dialog.getByRole('button', { name: 'Definitief anonimiseren' }).click();
      await expect(dialog).toBeHidden();
      await expectAnswer(page, 'status', `${name} is geanonimiseerd.`);
      const row = page.getByRole('row').filter({ has: page.locator(':focus') });
      await expect(row.getByRole('status')).toHaveText(`${name} is geanonimiseerd.`);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/users-anonymised-${viewport.width}.png` });

      await inEnglish(page, async () => {
        const english = `Feedback Person ${id}`;
        await page.getByRole('button', { name: 'Add user' }).click();
        const newForm = page.getByRole('form', { name: 'New user' });
        await newForm.getByLabel('Name').fill(english);
        await newForm.getByLabel('E-mail address').fill(`feedback.en.${id}@voorbeeldstad.example`);
        await newForm.getByLabel('Ambassador').check();
        await newForm.getByRole('button', { name: 'Save' }).click();
        await expectAnswer(page, 'status', `${english} has been added.`);
        await expectAccessible(page);
      });
    });

    test('catalogue: an added practice where the form was, a retired one in its card', async ({
      page,
    }) => {
      const id = stamp();
      const title = `Feedbackpraktijk ${id}`;
      await signIn(page, DEMO.admin);
      await page.goto('/catalogus');
      await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
      const form = page.getByRole('form', { name: 'Praktijk toevoegen' });
      // Without titles the API refuses: the alert is in the form.
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await expect(form.getByRole('alert')).toHaveCount(1);
      await expectInView(page, form.getByRole('alert'));

      await form.getByLabel('Titel (Nederlands)').fill(title);
      await form.getByLabel('Titel (Engels)').fill(`Feedback practice ${id}`);
      await form.getByLabel('Omschrijving (Nederlands)').fill('Even kijken of het antwoord klopt.');
      await form.getByLabel('Omschrijving (Engels)').fill('Checking the answer is in view.');
      await form.getByLabel('Waarom het werkt (Nederlands)').fill('Omdat je het ziet.');
      await form.getByLabel('Waarom het werkt (Engels)').fill('Because you see it.');
      await form.getByLabel('Categorie').fill('test');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await expectAnswer(page, 'status', `"${title}" is toegevoegd.`);
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);

      // Retired from far down the page: the answer is in the card, in view.
      const card = page.getByRole('article', { name: title });
      await card.getByRole('button', { name: `${title} uit de catalogus halen` }).click();
      await expect(card.getByRole('status')).toContainText(
        `"${title}" is uit de catalogus gehaald`,
      );
      await expectInView(page, card.getByRole('status'));
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/catalogue-retired-${viewport.width}.png` });

      await inEnglish(page, async () => {
        const english = page.getByRole('article', { name: `Feedback practice ${id}` });
        await english
          .getByRole('button', { name: `Restore Feedback practice ${id} to the catalogue` })
          .click();
        await expect(english.getByRole('status')).toHaveText(
          `"Feedback practice ${id}" is back in the catalogue.`,
        );
        await expectInView(page, english.getByRole('status'));
        await expectAccessible(page);
      });
    });

    test('my e-mail: the saved choices are answered beside the save button', async ({ page }) => {
      await signIn(page, DEMO.team);
      await page.goto('/instellingen');
      const reminder = page.getByRole('checkbox', {
        name: 'Wekelijkse herinnering aan onze stappen',
      });
      await reminder.uncheck();
      await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
      await expectAnswer(page, 'status', 'Je keuzes zijn opgeslagen.');
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/mail-settings-${viewport.width}.png` });
      await reminder.check();
      await inEnglish(page, async () => {
        await page.getByRole('button', { name: 'Save choices' }).click();
        await expectAnswer(page, 'status', 'Your choices have been saved.');
        await expectAccessible(page);
      });
      await expect(reminder).toBeChecked();
    });
  });
}
