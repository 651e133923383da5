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
 * Issue 14, ambassadors: an agreed step is edited in place on the case page — the form takes the
 * focus and gives it back, the answer sits beside the step, the timeline says who changed what,
 * and a colleague's newer save is shown, not overwritten.
 */

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A fresh case with one running custom step; returns the case and the step. */
async function caseWithStep(baseURL: string, title: string) {
  const caseId = await freshCase(baseURL, 'Team Stappen');
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const step = await ambassador.post<{ id: string; version: number }>(
    `/api/cases/${caseId}/agreements`,
    { title, cadence: { kind: 'weeks', every: 1 }, startDate: daysAgo(21), status: 'running' },
  );
  await ambassador.dispose();
  return { caseId, step };
}

async function openEdit(page: Page, name: string, title: string) {
  const opener = page.getByRole('button', { name: `${name} — ${title}` });
  await opener.click();
  return opener;
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`editing a step at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('changes title and rhythm in place; the timeline names who changed what', async ({
      page,
      baseURL,
    }) => {
      const title = `Samen lunchen ${viewport.width}`;
      const { caseId } = await caseWithStep(baseURL as string, title);
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);

      await openEdit(page, 'Aanpassen', title);
      const form = page.getByRole('form', { name: 'Verbeterstap aanpassen' });
      const titleField = form.getByLabel('Omschrijving van de stap');
      await expect(titleField).toBeFocused();
      await expect(form.getByText(/afgevinkte perioden blijven staan/)).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);

      const renamed = `Samen wandelen ${viewport.width}`;
      await titleField.fill(renamed);
      await form.getByLabel('Ritme').selectOption({ label: 'Elke maand' });
      await form.getByRole('button', { name: 'Opslaan' }).click();

      const status = page.getByRole('status').filter({ hasText: `"${renamed}" is aangepast.` });
      await expectInView(page, status);
      const opener = page.getByRole('button', { name: `Aanpassen — ${renamed}` });
      await expect(opener).toBeFocused();
      await expect(
        page.getByText(`${renamed} aangepast: omschrijving, ritme (door `),
      ).toBeVisible();
      const step = page.getByRole('article', { name: renamed });
      await expect(step.getByText('Elke maand')).toBeVisible();
      await expectAccessible(page);

      await inEnglish(page, async () => {
        await page.getByRole('button', { name: `Edit — ${renamed}` }).click();
        const english = page.getByRole('form', { name: 'Edit improvement step' });
        await expect(english.getByLabel('Description of the step')).toBeFocused();
        await expect(
          english.getByText(/periods already ticked off stay as they are/),
        ).toBeVisible();
        await expectAccessible(page);
        await english.getByRole('button', { name: 'Cancel' }).click();
        await expect(page.getByRole('button', { name: `Edit — ${renamed}` })).toBeFocused();
        await expect(page.getByText(`${renamed} changed: description, rhythm (by `)).toBeVisible();
      });
    });

    test('a colleague saved first: the form shows their version beside mine and overwrites nothing', async ({
      page,
      baseURL,
    }) => {
      const title = `Vrijdagoverleg ${viewport.width}`;
      const { caseId, step } = await caseWithStep(baseURL as string, title);
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      await openEdit(page, 'Aanpassen', title);
      const form = page.getByRole('form', { name: 'Verbeterstap aanpassen' });
      await form.getByLabel('Wanneer is het gelukt?').fill('Iedereen is er');

      const colleague = await apiAs(baseURL as string, DEMO.admin);
      const res = await colleague.patch(`/api/agreements/${step.id}`, {
        version: step.version,
        successCriterion: 'Elke vrijdag om 10 uur',
      });
      expect(res).toBe(200);
      await colleague.dispose();

      await form.getByRole('button', { name: 'Opslaan' }).click();
      const panel = form.getByRole('region', { name: /^Intussen opgeslagen door / });
      await expectInView(page, panel.getByRole('alert'));
      await expect(panel.locator('[data-side="theirs"]')).toContainText('Elke vrijdag om 10 uur');
      await expect(panel.locator('[data-side="mine"]')).toContainText('Iedereen is er');
      await expectAccessible(page);

      await panel.getByRole('button', { name: 'Mijn versie toch opslaan' }).click();
      await expectInView(
        page,
        page.getByRole('status').filter({ hasText: `"${title}" is aangepast.` }),
      );
      await expect(page.getByText('Gelukt als: Iedereen is er')).toBeVisible();
    });
  });
}
