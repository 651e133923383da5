import { expect, Page, request, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, PASSWORD, signIn } from './support';

const KEY_USER_FORUM = 'Gebruikersoverleg zaaksysteem';
const KEY_USER_TEAM = 'Klantmanagement Werk';

/**
 * Yesterday in the organisation's time zone, as the API counts it, and as a Dutch page writes it:
 * a held meeting (attendance can be recorded) on a day the demo forum has none (it meets today).
 */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
  .toISOString()
  .slice(0, 10);
const yesterdayDutch = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
}).format(new Date(`${yesterday}T00:00:00Z`));

// The forum pages carry years of demo meetings; axe over them takes a while on two shared cores.
test.describe.configure({ timeout: 150_000 });

/** At 360 px the signed-in header folds its navigation behind a Menu button. */
async function unfoldMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: /Menu$/ });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
  }
}

async function openForums(page: Page): Promise<void> {
  await unfoldMenu(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Overleggen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overleggen');
}

test.describe('forums at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the houd vol radar lists the sagging forum; the host plans a meeting and records attendance', async ({
    page,
  }) => {
    await signIn(page, DEMO.ambassador);
    await openForums(page);

    const radar = page.getByTestId('houd-vol');
    const sagging = radar.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'Verbeterteam vergunningen' }),
    });
    await expect(sagging).toContainText(
      'Bij de laatste twee bijeenkomsten was minder dan de helft van de teams er',
    );
    await expect(
      radar.getByText(/^Team .+ was er twee van de laatste drie keer niet$/).first(),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(KEY_USER_FORUM) })).toContainText(
      'Gebruikersoverleg',
    );
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('forums-list-1280.png'), fullPage: true });

    await page.getByRole('link', { name: KEY_USER_FORUM }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KEY_USER_FORUM);
    await expect(page.getByText(`sleutelgebruiker`).first()).toBeVisible();

    // Plan a meeting that was held yesterday, so attendance can be recorded at once.
    await page.getByLabel('Datum van de bijeenkomst').fill(yesterday);
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    const planned = page.getByRole('status').filter({ hasText: 'is gepland' });
    await expect(planned).toHaveText(`De bijeenkomst van ${yesterdayDutch} is gepland.`);
    await expect(planned).toBeInViewport();

    const meeting = page.getByRole('article', { name: new RegExp(`^${yesterdayDutch}`) });
    await meeting
      .getByLabel(`Aanwezigheid van ${KEY_USER_TEAM} op ${yesterdayDutch}`)
      .selectOption({
        label: 'Aanwezig',
      });
    const saved = meeting.getByRole('status');
    await expect(saved).toHaveText(`${KEY_USER_TEAM}: Aanwezig is opgeslagen.`);
    await expect(saved).toBeInViewport();
    await expect(meeting).toContainText(
      '1 van de 1 teams met een vastgelegde aanwezigheid waren er',
    );

    await meeting.getByLabel('Verslag').fill('Tips over zaaktypen uitgewisseld.');
    await meeting.getByRole('button', { name: 'Verslag opslaan' }).click();
    await expect(meeting.getByRole('status')).toHaveText('Het verslag is opgeslagen.');
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('forum-host-1280.png') });
  });
  test('minutes saved by someone else in the meantime show beside the draft and are not overwritten', async ({
    page,
    baseURL,
  }) => {
    await signIn(page, DEMO.ambassador);
    await openForums(page);
    await page.getByRole('link', { name: KEY_USER_FORUM }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KEY_USER_FORUM);
    const forumId = page.url().split('/').pop() ?? '';

    // An admin saves the latest held meeting's minutes through the API first.
    const api = await request.newContext({ baseURL });
    await api.get('/api/health');
    const xsrf =
      (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const headers = { 'X-XSRF-TOKEN': xsrf };
    await api.post('/api/auth/login', { data: { email: DEMO.admin, password: PASSWORD }, headers });
    // The sign-in renews the CSRF token: the session's own from here on.
    headers['X-XSRF-TOKEN'] =
      (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const forum = await (await api.get(`/api/forums/${forumId}`)).json();
    const held = (forum.meetings as Array<{ id: string; date: string; version: number }>)
      .filter((m) => m.date <= today)
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    const saved = await api.patch(`/api/meetings/${held.id}`, {
      data: { version: held.version, minutes: 'Formulier ingekort tot één pagina.' },
      headers,
    });
    expect(saved.status()).toBe(200);

    const card = page.locator(`#bijeenkomst-${held.id}`);
    await card.getByLabel('Verslag').fill('Mijn eigen verslag.');
    await card.getByRole('button', { name: 'Verslag opslaan' }).click();
    const alert = card.getByRole('alert');
    await expect(alert).toContainText('Iemand anders');
    await expect(alert).toBeInViewport();
    await expect(card.locator('[data-side="theirs"]')).toContainText(
      'Formulier ingekort tot één pagina.',
    );
    await expect(card.locator('[data-side="mine"]')).toContainText('Mijn eigen verslag.');
    await expect(card.getByLabel('Verslag')).toHaveValue('Mijn eigen verslag.');
    await expectAccessible(page);
    await api.dispose();
  });
});

test.describe('forums at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the key user sees the next meeting on the board and downloads the .ics', async ({
    page,
  }) => {
    await signIn(page, DEMO.team);
    await page.goto('/bord');
    const card = page.getByRole('region', { name: 'Onze overleggen' });
    await expect(card.getByRole('listitem').filter({ hasText: KEY_USER_FORUM })).toContainText(
      /Volgende bijeenkomst: \d{1,2} [a-z]+ \d{4}/,
    );
    await expectNoHorizontalOverflow(page);

    await card.getByRole('link', { name: KEY_USER_FORUM }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KEY_USER_FORUM);
    await expect(page.getByText(/^Volgende bijeenkomst: /)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await page.screenshot({
      path: test.info().outputPath('forum-key-user-360.png'),
      fullPage: true,
    });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Alle bijeenkomsten in je agenda (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain(`SUMMARY:${KEY_USER_FORUM}`);
  });

  test('the forums page reads in English, radar included, on a phone', async ({ page }) => {
    await signIn(page, DEMO.ambassador);
    await openForums(page);
    await unfoldMenu(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forums');
    await expect(page.getByTestId('houd-vol')).toContainText(
      'Fewer than half of the teams came to the last two meetings',
    );
    await expect(page.getByRole('columnheader', { name: 'Last meeting' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await page.screenshot({
      path: test.info().outputPath('forums-list-en-360.png'),
      fullPage: true,
    });
    await unfoldMenu(page);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overleggen');
  });
});
