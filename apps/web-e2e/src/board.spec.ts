import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

test.use({ viewport: { width: 360, height: 740 } });

test('a team member ticks, skips, undoes, catches up, reflects and answers the pulse on a phone', async ({
  page,
}) => {
  await signIn(page, DEMO.team);
  await page.getByRole('link', { name: 'Naar ons bord' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ons bord');
  await expect(page.getByRole('heading', { level: 2, name: 'Klantmanagement Werk' })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);

  const doel = page.getByRole('article', { name: 'Begin elk overleg met het doel (doel vooraf)' });
  const halfUur = page.getByRole('article', { name: 'Wekelijks een half uur zonder agenda' });
  const third = page.locator('article.ov-step').nth(2);
  const thirdTitle = (await third.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';

  // Two steps done with one tap each.
  await doel.getByRole('button', { name: /^Gedaan/ }).click();
  await expect(page.getByRole('status')).toContainText('is afgevinkt');
  await expect(doel.getByText('✓ Gedaan')).toBeVisible();
  await halfUur.getByRole('button', { name: /^Gedaan/ }).click();
  await expect(halfUur.getByText('✓ Gedaan')).toBeVisible();

  // Undo the last one, in its own card.
  await halfUur.getByRole('button', { name: /^Ongedaan maken/ }).click();
  await expect(halfUur.getByRole('status')).toHaveText(
    'Ongedaan gemaakt: Wekelijks een half uur zonder agenda staat weer open.',
  );
  await expect(halfUur.getByRole('button', { name: /^Gedaan/ })).toBeVisible();

  // Skip one, with a reason.
  await third.getByRole('button', { name: /^Overslaan/ }).click();
  await third.getByLabel('Waarom sla je deze over?').fill('Teamdag, geen overleg');
  await third.getByRole('button', { name: 'Overslaan', exact: true }).click();
  await expect(third.getByText('Overgeslagen — Teamdag, geen overleg')).toBeVisible();

  // Fill in a missed week.
  await doel.getByText('Inhalen: de laatste 8 perioden').click();
  const fillIn = doel.getByRole('button', { name: /alsnog afvinken: Begin elk overleg/ }).first();
  // The label reads "week 48 alsnog afvinken: …": the period is what comes before "alsnog".
  const missedPeriod = ((await fillIn.getAttribute('aria-label')) ?? '').split(' alsnog')[0];
  await fillIn.click();
  await expect(
    doel.locator('.ov-catchup__item', { hasText: missedPeriod }).getByText('gedaan'),
  ).toBeVisible();

  // A reflection.
  await doel
    .getByLabel('Wat bracht het deze periode?')
    .fill('Korter overleg, iedereen wist waarom.');
  await doel.getByRole('button', { name: 'Reflectie opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Je reflectie is opgeslagen.');
  await expect(doel.getByText('Korter overleg, iedereen wist waarom.')).toBeVisible();

  // The anonymous pulse.
  const questions = page.locator('fieldset.ov-pulse-question');
  const count = await questions.count();
  expect(count).toBe(4);
  for (let i = 0; i < count; i++) await questions.nth(i).locator('label', { hasText: '4' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
  await expect(page.getByRole('status')).toHaveText('Bedankt! Je antwoord is anoniem opgeslagen.');

  // Everything is still there after a reload.
  await page.reload();
  await expect(doel.getByText('✓ Gedaan')).toBeVisible();
  await expect(halfUur.getByRole('button', { name: /^Gedaan/ })).toBeVisible();
  await expect(
    page.locator('article.ov-step').nth(2).getByText('Overgeslagen — Teamdag, geen overleg'),
  ).toBeVisible();
  expect(thirdTitle.length).toBeGreaterThan(0);
  await expect(doel.getByText('Korter overleg, iedereen wist waarom.')).toBeVisible();
  await doel.getByText('Inhalen: de laatste 8 perioden').click();
  await expect(
    doel.locator('.ov-catchup__item', { hasText: missedPeriod }).getByText('gedaan'),
  ).toBeVisible();
  await expect(page.getByText('Je hebt deze ronde al beantwoord. Bedankt!')).toBeVisible();
  // Results: one closed round above k shows averages, one below k says how many answers were missing.
  await expect(page.getByText(/Gemiddeld \d(\.\d+)? uit 5 \(7 antwoorden\)/).first()).toBeVisible();
  await expect(
    page.getByText('Niet zichtbaar: nog 1 antwoorden nodig (minimaal 5)').first(),
  ).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
});
