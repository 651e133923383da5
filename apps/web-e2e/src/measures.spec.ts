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
 * Issue 16: an ambassador sees whether a step helped — a measure's run chart against its frozen
 * baseline with the effect in words, every value in a table — enters this week's value with a
 * decimal comma, and adds a measure; the answers sit beside the controls.
 */

const DAY = 86_400_000;
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const mondayOf = (date: string) =>
  plusDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** A fresh case with a weekly step begun ten weeks ago, measured before and after its start. */
async function measuredStep(baseURL: string, title: string) {
  const caseId = await freshCase(baseURL, 'Team Meten');
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const start = plusDays(today(), -70);
  const step = await ambassador.post<{ id: string }>(`/api/cases/${caseId}/agreements`, {
    title,
    cadence: { kind: 'weeks', every: 1 },
    startDate: start,
    status: 'running',
  });
  const measure = await ambassador.post<{ id: string }>(`/api/agreements/${step.id}/measures`, {
    name: 'Afhakers op het formulier',
    unit: '%',
    better: 'lower',
    cadence: { kind: 'weeks', every: 1 },
    minValue: 0,
    maxValue: 100,
    expectedResult: 'Van 80 % naar minder dan 40 %',
  });
  const first = mondayOf(start);
  for (let i = -6; i < 10; i++) {
    const status = await ambassador.put(
      `/api/measures/${measure.id}/values/${plusDays(first, 7 * i)}`,
      { value: i < 0 ? 80 : 30 },
    );
    expect(status).toBe(200);
  }
  await ambassador.dispose();
  return caseId;
}

async function openMeasures(page: Page, title: string, summary: string) {
  const step = page.getByRole('article', { name: title });
  await step.getByText(summary, { exact: true }).click();
  return step;
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`measures on the case page at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('shows the effect against the baseline, and takes this week’s value', async ({
      page,
      baseURL,
    }) => {
      const title = `Formulier op één pagina ${viewport.width}`;
      const caseId = await measuredStep(baseURL as string, title);
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      const step = await openMeasures(page, title, 'Meten of het helpt');

      const verdict = step.getByText(/Verbeterd\. 10 metingen op rij aan de goede kant/);
      await expect(verdict).toBeVisible();
      await expect(verdict).toContainText('uitgangswaarde (80 %)');
      await expect(step.getByText(/Uitgangswaarde 80 %: de mediaan van 6 metingen/)).toBeVisible();
      await expect(
        step.getByRole('img', { name: /^Verloop van Afhakers op het formulier/ }),
      ).toBeVisible();

      // Not a number: the message sits at the field.
      const field = step.getByLabel('Waarde (%)');
      await field.fill('veel');
      await step.getByRole('button', { name: 'Opslaan' }).click();
      const wrong = step.getByText('Vul een getal in, bijvoorbeeld 42 of 42,5.');
      await expectInView(page, wrong);
      await expect(field).toHaveAttribute('aria-invalid', 'true');

      await field.fill('25,5');
      await step.getByRole('button', { name: 'Opslaan' }).click();
      const saved = step.getByRole('status').filter({ hasText: /25,5 % opgeslagen voor week \d+/ });
      await expectInView(page, saved);
      // Every value in a table, the chart's alternative: 17 now, the newest first.
      await step.getByText('Alle 17 metingen').click();
      const table = step.getByRole('table', { name: /Alle metingen van Afhakers/ });
      await expect(table.getByRole('row')).toHaveCount(18);
      await expect(table.getByRole('row').nth(1)).toContainText('25,5 %');
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      await step.screenshot({ path: test.info().outputPath(`measures-${viewport.width}.png`) });

      await inEnglish(page, async () => {
        await expect(
          step.getByText(/Improved\. 11 values in a row on the better side/),
        ).toBeVisible();
        await expect(step.getByRole('img', { name: /^Course of Afhakers/ })).toBeVisible();
        await expectAccessible(page);
      });
    });

    test('adds a measure from a form that takes the focus and refuses an empty name', async ({
      page,
      baseURL,
    }) => {
      const title = `Doel vooraf ${viewport.width}`;
      const caseId = await freshCase(baseURL as string, 'Team Nieuwe meting');
      const ambassador = await apiAs(baseURL as string, DEMO.ambassador);
      await ambassador.post(`/api/cases/${caseId}/agreements`, {
        title,
        cadence: { kind: 'weeks', every: 1 },
        startDate: today(),
        status: 'running',
      });
      await ambassador.dispose();
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      const step = await openMeasures(page, title, 'Meten of het helpt');
      await expect(step.getByText('Bij deze stap wordt nog niets gemeten.')).toBeVisible();

      await step.getByRole('button', { name: 'Meting toevoegen' }).click();
      const name = step.getByLabel('Wat meet je?');
      await expect(name).toBeFocused();
      await step.getByRole('button', { name: 'Meting opslaan' }).click();
      await expectInView(page, step.getByText('Geef de meting een naam.'));

      await name.fill('Vergaderingen met een doel vooraf');
      await step.getByLabel('Eenheid (mag leeg)').fill('%');
      await step.getByLabel('Wat is beter?').selectOption('higher');
      await step.getByLabel('Hoe vaak meet je?').selectOption('w2');
      await step.getByRole('button', { name: 'Meting opslaan' }).click();
      await expectInView(
        page,
        step
          .getByRole('status')
          .filter({ hasText: 'Meting "Vergaderingen met een doel vooraf" toegevoegd.' }),
      );
      await expect(
        step.getByRole('heading', { name: 'Vergaderingen met een doel vooraf (%)' }),
      ).toBeVisible();
      await expect(step.getByText('Nog 6 metingen nodig voor een uitgangswaarde.')).toBeVisible();
      await expect(step.getByRole('button', { name: 'Meting toevoegen' })).toBeFocused();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
    });
  });
}

test.describe('a value a colleague entered first', () => {
  test.use({ viewport: DESKTOP });

  test('is not overwritten: the conflict is said beside the form and reloading shows theirs', async ({
    page,
    baseURL,
  }) => {
    const title = 'Formulier op één pagina, tegelijk';
    const caseId = await measuredStep(baseURL as string, title);
    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);
    const step = await openMeasures(page, title, 'Meten of het helpt');
    await expect(step.getByText('Alle 16 metingen')).toBeVisible();

    // Meanwhile a colleague enters this week's value.
    const colleague = await apiAs(baseURL as string, DEMO.admin);
    const detail = await colleague.get<{ agreements: Array<{ id: string; title: string }> }>(
      `/api/cases/${caseId}`,
    );
    const agreement = detail.agreements.find((a) => a.title === title);
    const [measure] = await colleague.get<Array<{ id: string }>>(
      `/api/agreements/${agreement?.id}/measures`,
    );
    expect(
      await colleague.put(`/api/measures/${measure.id}/values/${mondayOf(today())}`, { value: 12 }),
    ).toBe(200);
    await colleague.dispose();

    await step.getByLabel('Waarde (%)').fill('40');
    await step.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = step
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft dit intussen opgeslagen' });
    await expectInView(page, conflict);
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await step.getByText('Alle 17 metingen').click();
    const table = step.getByRole('table', { name: /Alle metingen van Afhakers/ });
    await expect(table.getByRole('row').nth(1)).toContainText('12 %');
    await expectAccessible(page);
  });
});

test.describe('a team member measures on the board, on a phone', () => {
  test.use({ viewport: PHONE });

  test('enters this week’s value in the step’s card and sees it count', async ({
    page,
    baseURL,
  }) => {
    // A measure on the demo team's "half uur" step, made by an admin through the API.
    const admin = await apiAs(baseURL as string, DEMO.admin);
    const member = await apiAs(baseURL as string, DEMO.team);
    const board = await member.get<{
      teams: Array<{ agreements: Array<{ id: string; title: string }> }>;
    }>('/api/board');
    await member.dispose();
    const step = board.teams[0].agreements.find((a) => a.title.includes('half uur'));
    expect(step).toBeTruthy();
    const name = `Minuten overleg ${Date.now().toString(36)}`;
    await admin.post(`/api/agreements/${step?.id}/measures`, {
      name,
      unit: 'min',
      better: 'lower',
      cadence: { kind: 'weeks', every: 1 },
    });
    await admin.dispose();

    await signIn(page, DEMO.team);
    await page.goto('/bord');
    const card = page.getByRole('article', { name: step?.title });
    await card.getByText('Meten of het helpt', { exact: true }).click();
    const measure = card.getByRole('region', { name: `${name} (min)` });
    await expect(measure.getByText('Nog 6 metingen nodig voor een uitgangswaarde.')).toBeVisible();
    // The team enters values but does not change the definition.
    await expect(card.getByRole('button', { name: 'Meting toevoegen' })).toHaveCount(0);

    await measure.getByLabel('Waarde (min)').fill('45');
    await measure.getByRole('button', { name: 'Opslaan' }).click();
    await expectInView(
      page,
      measure.getByRole('status').filter({ hasText: /45 min opgeslagen voor week \d+/ }),
    );
    await expect(measure.getByText('Nog 5 metingen nodig voor een uitgangswaarde.')).toBeVisible();
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);
  });
});
