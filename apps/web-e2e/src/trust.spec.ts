import { Browser, expect, Page, test } from '@playwright/test';
import {
  apiAs,
  DEMO,
  DESKTOP,
  expectAccessible,
  expectInView,
  expectNoHorizontalOverflow,
  freshCase,
  inEnglish,
  PASSWORD,
  PHONE,
  signIn,
} from './support';

/**
 * Issue 13, the client side: every action answers where the person is looking, no edit is lost
 * silently, sign-in returns to where the person was going, and the board works on a phone.
 * Nothing here depends on display names other specs may change (sso.spec renames the ambassador).
 */

/** Reads the API as `email` in a browser of its own, so the page under test stays signed out. */
async function readAs<T>(browser: Browser, email: string, path: string): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL('/');
    return await page.evaluate(async (url) => (await fetch(url)).json(), path);
  } finally {
    await context.close();
  }
}

async function firstStepId(browser: Browser): Promise<string> {
  const board = await readAs<{ teams: Array<{ agreements: Array<{ id: string }> }> }>(
    browser,
    DEMO.team,
    '/api/board',
  );
  return board.teams[0].agreements[0].id;
}

async function anOwnCaseId(browser: Browser): Promise<string> {
  const caseload = await readAs<{ cases: Array<{ id: string }> }>(
    browser,
    DEMO.ambassador,
    '/api/cases/caseload',
  );
  return caseload.cases[0].id;
}

/** Signs in on the sign-in page the app sent the person to. */
async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test.describe('sign-in returns to where the person was going', () => {
  test('the weekly mail link to a step opens that step after a password sign-in', async ({
    page,
    browser,
  }) => {
    const stepId = await firstStepId(browser);
    await page.goto(`/bord?stap=${stepId}`);
    await expect(page).toHaveURL(`/inloggen?terug=${encodeURIComponent(`/bord?stap=${stepId}`)}`);
    await expectAccessible(page);
    await signInHere(page, DEMO.team);
    await expect(page).toHaveURL(`/bord?stap=${stepId}`);
    await expect(page.locator(`#step-card-${stepId}`)).toBeFocused();
  });

  test('a session that ends while working returns to the same page after signing in again', async ({
    page,
    baseURL,
  }) => {
    const caseId = await freshCase(baseURL as string);
    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);
    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    // The session ends (timed out, or signed out elsewhere): the browser no longer holds it, so
    // the next save is answered with 401.
    await page.context().clearCookies({ name: 'olievlek_session' });
    await page.getByLabel('Situatie').fill('Na het verlopen.');
    await page.getByRole('button', { name: 'Intake opslaan' }).click();
    await expect(page).toHaveURL(
      `/inloggen?verlopen=1&terug=${encodeURIComponent(`/casussen/${caseId}`)}`,
    );
    await expect(page.getByText('Je sessie is verlopen. Log opnieuw in.')).toBeVisible();
    await expectAccessible(page);
    await signInHere(page, DEMO.ambassador);
    await expect(page).toHaveURL(`/casussen/${caseId}`);
    // What was typed is still there (kept in the tab), ready to be saved.
    await expect(page.getByLabel('Situatie')).toHaveValue('Na het verlopen.');
    const back = page.getByRole('status').filter({ hasText: 'staat er weer' });
    await expect(back).toHaveText(
      'Wat je typte voordat je sessie verliep, staat er weer. Sla het op als het klopt.',
    );
    await expectInView(page, back);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Intake opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
    await expect(page.getByText('Na het verlopen.')).toBeVisible();
    // Saved: the tab keeps nothing more; a reload shows the saved intake, no draft.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Intake wijzigen' })).toBeVisible();
    await expect(page.getByLabel('Situatie')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'staat er weer' })).toHaveCount(0);
  });

  for (const viewport of [DESKTOP, PHONE]) {
    test(`an observation typed when the session ends is back after signing in, at ${viewport.width} px`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize(viewport);
      const caseId = await freshCase(baseURL as string);
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      const text = page.getByLabel('Observatie', { exact: true });
      await text.fill(`Halverwege getypt, ${viewport.width} px.`);
      await page.context().clearCookies({ name: 'olievlek_session' });
      await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
      await expect(page).toHaveURL(/\/inloggen\?verlopen=1/);
      await signInHere(page, DEMO.ambassador);
      await expect(page).toHaveURL(`/casussen/${caseId}`);
      await expect(text).toHaveValue(`Halverwege getypt, ${viewport.width} px.`);
      const back = page.getByRole('status').filter({ hasText: 'staat er weer' });
      await expectInView(page, back);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/draft-restored-${viewport.width}.png` });
      await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
      await expect(page.getByRole('status')).toHaveText('De observatie is toegevoegd.');
      await page.reload();
      await expect(text).toHaveValue('');
    });
  }

  test('a draft is never shown to someone else signing in on the same tab', async ({
    page,
    baseURL,
  }) => {
    const caseId = await freshCase(baseURL as string);
    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);
    await page.getByLabel('Observatie', { exact: true }).fill('Alleen voor mij.');
    await page.context().clearCookies({ name: 'olievlek_session' });
    await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
    await expect(page).toHaveURL(/\/inloggen\?verlopen=1/);
    // The admin signs in on the same tab and opens the same case.
    await signInHere(page, DEMO.admin);
    await expect(page).toHaveURL(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Alleen voor mij.')).toHaveCount(0);
    const field = page.getByLabel('Observatie', { exact: true });
    if (await field.count()) await expect(field).toHaveValue('');
  });

  test('a link to a case opens that case after signing in with SSO', async ({ page, browser }) => {
    const caseId = await anOwnCaseId(browser);
    await page.goto(`/casussen/${caseId}`);
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
    await page.getByRole('link', { name: 'Inloggen met je organisatieaccount' }).click();
    await page.getByLabel('Gebruikersnaam').fill('ambassadeur');
    await page.getByLabel('Wachtwoord').fill('wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page).toHaveURL(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Afgesproken verbeterstappen' })).toBeVisible();
  });

  for (const hostile of [
    'https://evil.example/bord',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
  ]) {
    test(`a return target ${hostile} lands on the home page`, async ({ page }) => {
      await page.goto(`/inloggen?terug=${encodeURIComponent(hostile)}`);
      await expect(
        page.getByRole('link', { name: 'Inloggen met je organisatieaccount' }),
      ).toHaveAttribute('href', '/api/auth/oidc/start');
      await signInHere(page, DEMO.team);
      await expect(page).toHaveURL('/');
    });
  }
});

const SHOTS = '../../dist/test-results/web-e2e/trust';

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`feedback where the action happened at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('adding an observation answers beside the form; an empty one is told at the field', async ({
      page,
      browser,
    }) => {
      const caseId = await anOwnCaseId(browser);
      await signIn(page, DEMO.ambassador);
      await page.goto(`/casussen/${caseId}`);
      const text = page.getByLabel('Observatie', { exact: true });
      await expect(text).toBeVisible();
      // Nothing is red before anyone submitted.
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
      await expect(page.locator(':invalid')).toHaveCount(0);

      await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
      await expect(text).toHaveAttribute('aria-invalid', 'true');
      await expect(text).toBeFocused();
      await expectInView(page, page.locator('#obs-text-error'));
      await expect(page.locator('#obs-text-error')).toHaveText('Schrijf eerst je observatie.');

      await text.fill(`Rustiger overleg, ${viewport.width} px.`);
      await page.getByRole('button', { name: 'Observatie toevoegen' }).click();
      const status = page.getByRole('status');
      await expect(status).toHaveText('De observatie is toegevoegd.');
      await expectInView(page, status);
      await expect(text).not.toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/observation-${viewport.width}.png` });

      await inEnglish(page, async () => {
        await page.getByRole('button', { name: 'Add observation' }).click();
        await expect(page.locator('#obs-text-error')).toHaveText('Write your observation first.');
        await expectInView(page, page.locator('#obs-text-error'));
      });
    });

    test('a tick keeps its own undo in its card, also after 30 seconds', async ({ page }) => {
      await page.clock.install();
      await signIn(page, DEMO.team);
      await page.goto('/bord');
      const card = page.locator('article.ov-step').first();
      const title = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
      // A step another test left ticked is opened again first.
      const undo = card.getByRole('button', { name: /^Ongedaan maken/ });
      if (await undo.isVisible()) {
        await undo.click();
        await expect(card.getByRole('button', { name: /^Gedaan/ })).toBeVisible();
      }
      await card.getByRole('button', { name: /^Gedaan/ }).click();
      await expectInView(page, card.getByRole('status'));
      await expect(card.getByRole('status')).toContainText('is afgevinkt');

      await page.clock.fastForward('00:31');
      await expect(undo).toBeVisible();
      await expect(undo).toHaveAccessibleName(`Ongedaan maken — ${title}`);
      await expectInView(page, undo);
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/board-ticked-${viewport.width}.png` });

      await undo.click();
      await expect(card.getByRole('status')).toHaveText(
        `Ongedaan gemaakt: ${title} staat weer open.`,
      );
      await expectInView(page, card.getByRole('status'));
      await expect(card.getByRole('button', { name: /^Gedaan/ })).toBeFocused();
    });

    test('a pulse sent with questions open says so beside its button', async ({
      page,
      baseURL,
    }) => {
      // A fresh round for the demo team, so the form is there whatever other tests answered.
      const admin = await apiAs(baseURL as string, DEMO.admin);
      const board = await readAs<{ teams: Array<{ team: { id: string } }> }>(
        page.context().browser() as Browser,
        DEMO.team,
        '/api/board',
      );
      const teamId = board.teams[0].team.id;
      const rounds = await admin.get<Array<{ id: string; closedOn: string | null }>>(
        `/api/pulse-rounds?teamId=${teamId}`,
      );
      for (const r of rounds.filter((x) => !x.closedOn)) {
        await admin.post(`/api/pulse-rounds/${r.id}/close`, {});
      }
      await admin.post('/api/pulse-rounds', { teamId });
      await admin.dispose();

      await signIn(page, DEMO.team);
      await page.goto('/bord');
      const send = page.getByRole('button', { name: 'Antwoorden versturen' });
      await send.click();
      const alert = page.getByRole('alert');
      await expect(alert).toHaveText('Beantwoord alle vragen met een cijfer van 1 tot 5.');
      await expectInView(page, alert);
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/pulse-incomplete-${viewport.width}.png` });
    });
  });
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`no silent overwrite at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('two people edit one intake: the second sees the first one’s text and chooses', async ({
      browser,
      baseURL,
    }) => {
      // Two browsers and axe: more than the default minute on a busy machine.
      test.setTimeout(120_000);
      const caseId = await freshCase(baseURL as string);
      const first = await (await browser.newContext({ viewport })).newPage();
      const second = await (await browser.newContext({ viewport })).newPage();
      for (const page of [first, second]) {
        await signIn(page, DEMO.ambassador);
        await page.goto(`/casussen/${caseId}`);
        await page.getByRole('button', { name: 'Intake vastleggen' }).click();
      }
      await first.getByLabel('Situatie').fill('De eerste: overleg loopt uit.');
      await first.getByRole('button', { name: 'Intake opslaan' }).click();
      await expect(first.getByRole('status')).toHaveText('De intake is opgeslagen.');

      await second.getByLabel('Situatie').fill('De tweede: spanning met de buren.');
      await second.getByRole('button', { name: 'Intake opslaan' }).click();
      const alert = second.getByRole('alert');
      await expect(alert).toHaveText(
        'Iemand anders heeft dit intussen opgeslagen. Er is nog niets overschreven.',
      );
      await expectInView(second, alert);
      const panel = second.getByRole('region', { name: /^Intussen opgeslagen door / });
      await expect(panel.locator('[data-side="theirs"]')).toContainText(
        'De eerste: overleg loopt uit.',
      );
      await expect(panel.locator('[data-side="mine"]')).toContainText(
        'De tweede: spanning met de buren.',
      );
      await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
      await expectAccessible(second);
      await expectNoHorizontalOverflow(second);
      await second.screenshot({ path: `${SHOTS}/intake-conflict-${viewport.width}.png` });

      // Keep mine: saved over the first one's version, knowingly.
      await panel.getByRole('button', { name: 'Mijn versie toch opslaan' }).click();
      await expect(second.getByRole('status')).toHaveText('De intake is opgeslagen.');
      await first.reload();
      await expect(first.getByText('De tweede: spanning met de buren.')).toBeVisible();

      // Take theirs: the draft is dropped and the saved text shows; nothing was overwritten.
      for (const page of [first, second]) {
        await page.getByRole('button', { name: 'Intake wijzigen' }).click();
      }
      await second.getByLabel('Situatie').fill('De tweede, opnieuw.');
      await second.getByRole('button', { name: 'Intake opslaan' }).click();
      await expect(second.getByRole('status')).toHaveText('De intake is opgeslagen.');
      await first.getByLabel('Situatie').fill('De eerste, te laat.');
      await first.getByRole('button', { name: 'Intake opslaan' }).click();
      await first.getByRole('button', { name: 'Hun versie overnemen' }).click();
      await expect(first.getByRole('status')).toHaveText(
        'Je ziet nu de opgeslagen versie; je eigen wijziging is niet bewaard.',
      );
      await expect(first.getByText('De tweede, opnieuw.')).toBeVisible();
      await expect(first.getByText('De eerste, te laat.')).toHaveCount(0);
      await first.context().close();
      await second.context().close();
    });
  });
}

test('two people change one step’s status: the second sees the first one’s and takes it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const caseId = await freshCase(baseURL as string);
  const ambassador = await apiAs(baseURL as string, DEMO.ambassador);
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await ambassador.post(`/api/cases/${caseId}/agreements`, {
    title: 'Eigen stap: samen lunchen',
    cadence: { kind: 'weeks', every: 1 },
    startDate: lastWeek,
    status: 'running',
  });
  await ambassador.dispose();
  const pages = [
    await (await browser.newContext()).newPage(),
    // The second may copy their draft: the clipboard is theirs to write and, here, to read back.
    await (
      await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    ).newPage(),
  ];
  for (const page of pages) {
    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);
    await page.getByRole('button', { name: 'Pauzeren — Eigen stap: samen lunchen' }).click();
  }
  const [first, second] = pages;
  await first.getByLabel('Reden voor "Gepauzeerd"').fill('Zomerstop');
  await first.getByRole('button', { name: 'Opslaan' }).click();
  await expect(first.getByRole('status')).toContainText('Gepauzeerd');

  const step = second.getByRole('article', { name: 'Eigen stap: samen lunchen' });
  await step.getByLabel('Reden voor "Gepauzeerd"').fill('Te druk');
  await step.getByRole('button', { name: 'Opslaan' }).click();
  const panel = step.getByRole('region', { name: /^Intussen opgeslagen door / });
  await expect(panel.getByRole('alert')).toHaveText(
    'Iemand anders heeft dit intussen opgeslagen. Er is nog niets overschreven.',
  );
  await expectInView(second, panel.getByRole('alert'));
  await expect(panel.locator('[data-side="theirs"]')).toContainText('Zomerstop');
  await expect(panel.locator('[data-side="mine"]')).toContainText('Te druk');
  await expectAccessible(second);
  // Copy mine: the own draft goes to the clipboard, to paste after taking theirs.
  await panel.getByRole('button', { name: 'Mijn tekst kopiëren' }).click();
  await expect(panel.getByRole('status')).toHaveText('Je tekst staat op het klembord.');
  await expectInView(second, panel.getByRole('status'));
  expect(await second.evaluate(() => navigator.clipboard.readText())).toContain('Te druk');
  await panel.getByRole('button', { name: 'Hun versie overnemen' }).click();
  await expect(
    step.getByRole('button', { name: 'Starten — Eigen stap: samen lunchen' }),
  ).toBeVisible();
  await expect(second.getByText(/Gepauzeerd — Zomerstop/)).toBeVisible();
  await expect(second.getByText(/Te druk/)).toHaveCount(0);
  for (const page of pages) await page.context().close();
});

test.describe('pages that cannot be shown say why', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`an unknown case is "not found", never an endless wait, at ${viewport.width} px`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await signIn(page, DEMO.ambassador);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'bestaat-niet']) {
        await page.goto(`/casussen/${id}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casus niet gevonden');
        await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
        await expect(page.getByRole('link', { name: /Mijn casussen/ })).toBeVisible();
      }
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/case-not-found-${viewport.width}.png` });
      await inEnglish(page, async () => {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Case not found');
      });
    });

    test(`a page the role may not open says "Geen toegang" with a way back at ${viewport.width} px`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await signIn(page, DEMO.team);
      await page.goto('/beheer/gebruikers');
      await expect(page).toHaveURL('/geen-toegang');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
      await expect(page).toHaveTitle('Geen toegang · Olievlek');
      await expectAccessible(page);
      await page.screenshot({ path: `${SHOTS}/no-access-${viewport.width}.png` });
      await inEnglish(page, async () => {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('No access');
      });
      await page.getByRole('link', { name: 'Terug naar de startpagina' }).click();
      await expect(page).toHaveURL('/');
    });
  }
});

test.describe('forms opened by keyboard take the focus and give it back', () => {
  test('adding a step, closing the case and the intake', async ({ page, baseURL }) => {
    const caseId = await freshCase(baseURL as string);
    await signIn(page, DEMO.ambassador);
    await page.goto(`/casussen/${caseId}`);

    const add = page.getByRole('button', { name: 'Verbeterstap toevoegen' });
    await add.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Uit de catalogus')).toBeFocused();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Enter');
    await expect(add).toBeFocused();

    const close = page.getByRole('button', { name: 'Casus afsluiten' });
    await close.focus();
    await page.keyboard.press('Enter');
    const summary = page.getByLabel('Afsluitende samenvatting');
    await expect(summary).toBeFocused();
    // An empty summary is told at the field, which keeps the focus.
    await page.getByRole('button', { name: 'Afsluiten', exact: true }).press('Enter');
    await expect(summary).toHaveAttribute('aria-invalid', 'true');
    await expect(summary).toBeFocused();
    await expect(page.locator('#close-summary-error')).toHaveText(
      'Schrijf eerst een korte samenvatting.',
    );
    await page.getByRole('button', { name: 'Annuleren' }).press('Enter');
    await expect(close).toBeFocused();

    const intake = page.getByRole('button', { name: 'Intake vastleggen' });
    await intake.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#in-date')).toBeFocused();
    // An empty intake is told at the field.
    await page.getByRole('button', { name: 'Intake opslaan' }).press('Enter');
    await expect(page.locator('#in-situation-error')).toHaveText(
      'Vul minstens de deelnemers, de situatie, de wensen of een thema in.',
    );
    await expect(page.getByLabel('Situatie')).toBeFocused();
    await page.getByRole('button', { name: 'Annuleren' }).press('Enter');
    await expect(intake).toBeFocused();
  });

  test('an empty unit name has its own message', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/organisatie');
    await page
      .getByRole('button', { name: /^Directie toevoegen/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Geef het onderdeel een naam.')).toBeVisible();
    await expect(page.getByText(/Vul je naam in/)).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the header folds into a menu, the first "Gedaan" is in view, no label is cut off', async ({
    page,
  }) => {
    await signIn(page, DEMO.team);
    const header = page.locator('header.ov-header');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(120);
    const menu = page.getByRole('button', { name: /Menu$/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Ons bord' })
      .click();
    await expect(page).toHaveURL('/bord');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(120);

    const first = page.locator('article.ov-step').first();
    const undo = first.getByRole('button', { name: /^Ongedaan maken/ });
    if (await undo.isVisible()) {
      await undo.click();
      await page.reload();
    }
    await expect(first.getByRole('button', { name: /^Gedaan/ })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectInView(page, first.getByRole('button', { name: /^Gedaan/ }));
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, label, a, .utrecht-form-label')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent?.trim()),
    );
    expect(cut).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/board-${PHONE.width}.png` });
  });
});
