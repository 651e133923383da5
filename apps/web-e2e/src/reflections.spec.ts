import { expect, Page, test } from '@playwright/test';
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
 * Issue 14, ambassadors: a team member edits or removes their own reflection on the board while
 * its period lasts; a reflection of a period that is over stays as it was written.
 */

const MEMBER_PASSWORD = 'een-lang-wachtwoord-voor-reflecties';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface BoardStep {
  id: string;
  current: { key: string };
  grid: Array<{ key: string }>;
}

/**
 * A fresh team with one running weekly step and a member of its own, who wrote a reflection last
 * week (a period that is over). Returns the member's e-mail, the step's title and its periods.
 */
async function memberWithStep(baseURL: string, width: number) {
  const caseId = await freshCase(baseURL, 'Team Reflecties');
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const c = await ambassador.get<{ team: { id: string } }>(`/api/cases/${caseId}`);
  const title = `Terugblik op vrijdag ${width}`;
  const step = await ambassador.post<{ id: string }>(`/api/cases/${caseId}/agreements`, {
    title,
    cadence: { kind: 'weeks', every: 1 },
    startDate: daysAgo(21),
    status: 'running',
  });
  await ambassador.dispose();

  const email = `reflecties-${width}-${Date.now().toString(36)}@voorbeeldstad.example`;
  const admin = await apiAs(baseURL, DEMO.admin);
  await admin.post('/api/users', {
    email,
    name: `Lid Reflecties ${width}`,
    roles: ['team'],
    password: MEMBER_PASSWORD,
    teamIds: [c.team.id],
  });
  await admin.dispose();

  const member = await apiAs(baseURL, email, MEMBER_PASSWORD);
  const board = await member.get<{ teams: Array<{ agreements: BoardStep[] }> }>('/api/board');
  const mine = board.teams[0].agreements.find((a) => a.id === step.id) as BoardStep;
  const lastWeek = mine.grid[mine.grid.length - 2].key;
  expect(
    await member.put(`/api/agreements/${step.id}/reflections/${lastWeek}`, {
      text: 'Vorige week liep het stroef.',
    }),
  ).toBe(200);
  return { email, title, stepId: step.id, currentKey: mine.current.key, member };
}

async function openBoard(page: Page, email: string) {
  await signIn(page, email, MEMBER_PASSWORD);
  await page.goto('/bord');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ons bord');
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`reflections at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a member edits and removes their own reflection this week, with an undo; last week offers no edit', async ({
      page,
      baseURL,
    }) => {
      const { email, title, member } = await memberWithStep(baseURL as string, viewport.width);
      await openBoard(page, email);
      const card = page.getByRole('article', { name: title });

      // Last week's reflection is shown, without a way to change it.
      const past = card.getByRole('listitem').filter({ hasText: 'Vorige week liep het stroef.' });
      await expect(past).toBeVisible();
      await expect(past.getByRole('button')).toHaveCount(0);

      // This week's: written once, then edited in place.
      await card.getByLabel('Wat bracht het deze periode?').fill('Korte ronde, goed gesprek.');
      await card.getByRole('button', { name: 'Reflectie opslaan' }).click();
      await expect(card.getByRole('status')).toHaveText('Je reflectie is opgeslagen.');
      // One reflection per member per period: the field to add one gives way to "Edit".
      await expect(card.getByLabel('Wat bracht het deze periode?')).toHaveCount(0);
      const edit = card.getByRole('button', { name: `Reflectie bewerken — ${title}` });
      await expect(edit).toBeFocused();
      await expectAccessible(page);

      await edit.click();
      const field = card.getByLabel(/^Je reflectie over week \d+/);
      await expect(field).toBeFocused();
      await expect(field).toHaveValue('Korte ronde, goed gesprek.');
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({
        path: `../../dist/test-results/web-e2e/reflection-edit-${viewport.width}.png`,
        fullPage: false,
      });
      await field.fill('');
      await card.getByRole('button', { name: 'Wijziging opslaan' }).click();
      await expect(card.getByText('Schrijf je reflectie, of verwijder haar.')).toBeVisible();
      await expect(field).toBeFocused();
      await field.fill('Korte ronde; iedereen kwam aan het woord.');
      await card.getByRole('button', { name: 'Wijziging opslaan' }).click();
      const saved = card.getByRole('status');
      await expect(saved).toHaveText('Je reflectie is bijgewerkt.');
      await expectInView(page, saved);
      await expect(card.getByText('Korte ronde; iedereen kwam aan het woord.')).toBeVisible();
      await expect(card.getByText('Korte ronde, goed gesprek.')).toHaveCount(0);
      await expect(edit).toBeFocused();

      // Removed with one tap; "Undo" beside the message puts it back.
      await card.getByRole('button', { name: `Reflectie verwijderen — ${title}` }).click();
      const removed = card.getByRole('status');
      await expect(removed).toContainText('Je reflectie is verwijderd.');
      await expectInView(page, removed);
      await expect(card.getByText('Korte ronde; iedereen kwam aan het woord.')).toHaveCount(0);
      const undo = removed.getByRole('button', { name: `Ongedaan maken — ${title}` });
      await expect(undo).toBeFocused();
      await expectAccessible(page);
      await undo.click();
      await expect(card.getByRole('status')).toHaveText('Je reflectie staat er weer.');
      await expect(card.getByText('Korte ronde; iedereen kwam aan het woord.')).toBeVisible();

      // Removed for good: after a reload it is gone, and last week's still stands.
      await card.getByRole('button', { name: `Reflectie verwijderen — ${title}` }).click();
      await expect(card.getByRole('status')).toContainText('Je reflectie is verwijderd.');
      await page.reload();
      await expect(card.getByText('Korte ronde; iedereen kwam aan het woord.')).toHaveCount(0);
      await expect(card.getByText('Vorige week liep het stroef.')).toBeVisible();
      await expect(card.getByLabel('Wat bracht het deze periode?')).toBeVisible();
      await member.dispose();
    });

    test('a refusal from the server is said in the card, in Dutch and in English', async ({
      page,
      baseURL,
    }) => {
      const { email, title, stepId, currentKey, member } = await memberWithStep(
        baseURL as string,
        viewport.width,
      );
      const path = `/api/agreements/${stepId}/reflections/${currentKey}`;
      expect(await member.put(path, { text: 'Eerst zo geschreven.' })).toBe(200);
      await openBoard(page, email);
      const card = page.getByRole('article', { name: title });
      await expect(card.getByText('Eerst zo geschreven.')).toBeVisible();

      // Removed on another device meanwhile: removing here says there is none (404).
      expect(await member.delete(path)).toBe(200);
      await card.getByRole('button', { name: `Reflectie verwijderen — ${title}` }).click();
      const alert = card.getByRole('alert');
      await expect(alert).toHaveText('Je hebt in deze periode geen reflectie om te verwijderen.');
      await expectInView(page, alert);
      // What is gone is no longer shown; the field to write one is back, with the focus.
      await expect(card.getByText('Eerst zo geschreven.')).toHaveCount(0);
      await expect(card.getByLabel('Wat bracht het deze periode?')).toBeFocused();
      await expectAccessible(page);

      await inEnglish(page, async () => {
        await page.reload();
        const en = page.getByRole('article', { name: title });
        const past = en.getByRole('listitem').filter({ hasText: 'Vorige week liep het stroef.' });
        await expect(past.getByRole('button')).toHaveCount(0);
        await en.getByLabel('What did it bring this period?').fill('Short and to the point.');
        await en.getByRole('button', { name: 'Save reflection' }).click();
        await expect(en.getByRole('status')).toHaveText('Your reflection has been saved.');
        await en.getByRole('button', { name: `Edit reflection — ${title}` }).click();
        await expect(en.getByLabel(/^Your reflection on week \d+/)).toBeFocused();
        await expectAccessible(page);
        await expectNoHorizontalOverflow(page);
        await en.getByLabel(/^Your reflection on week \d+/).fill('Short, and everyone spoke.');
        await en.getByRole('button', { name: 'Save change' }).click();
        await expect(en.getByRole('status')).toHaveText('Your reflection has been updated.');
        expect(await member.delete(path)).toBe(200);
        await en.getByRole('button', { name: `Remove reflection — ${title}` }).click();
        await expect(en.getByRole('alert')).toHaveText(
          'You have no reflection on this period to remove.',
        );
        await expect(en.getByText('Short, and everyone spoke.')).toHaveCount(0);
        await page.screenshot({
          path: `../../dist/test-results/web-e2e/reflection-error-en-${viewport.width}.png`,
        });
      });
      await member.dispose();
    });
  });
}
