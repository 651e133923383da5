import { APIRequestContext, Browser, expect, Page, request, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, PASSWORD, signIn } from './support';

/**
 * What a director reaches for in the olievlek view (issue 14, "Directors"): a view they can
 * share. Each test runs at 1280 px in Dutch and at 360 px in English.
 */

type Language = 'nl' | 'en';
const TEXT = {
  nl: {
    heading: (unit: string) => `Olievlek: ${unit}`,
    slider: 'Stand op datum',
    trendTab: 'Verloop',
    mapTab: 'Kaart en kerncijfers',
    outside: 'Dit onderdeel valt buiten jouw bereik.',
    back: 'Terug naar je hele bereik',
    zoom: (unit: string) => `Inzoomen op ${unit}`,
    headline: 'In het kort',
    mapRegion: 'Kaart',
    showTable: /^Toon als tabel/,
    openTeam: (team: string) => `Bekijk team ${team}`,
    teamHeading: (team: string) => `Team ${team}`,
    since: /Vanaf \d{1,2} \p{L}+ \d{4}: /u,
    rhythm: 'Ritme per periode, oudste eerst',
    close: 'Sluiten',
    reach: 'Bereik',
    rooted: 'Geworteld',
    sentence:
      /^(\d+)% van de teams bereikt — was \d+% in \p{L}+ \d{4}; (\d+)% heeft het eigen gemaakt\.$/u,
    firstSentence: /^\d+% van de teams bereikt; \d+% heeft het eigen gemaakt\.$/u,
    trend: /^Dat is (\d+(,\d)? procentpunt (meer|minder) dan|evenveel als) eind \p{L}+ \d{4}\.$/u,
  },
  en: {
    heading: (unit: string) => `Oil stain: ${unit}`,
    slider: 'Figures as of',
    trendTab: 'Over time',
    mapTab: 'Map and key figures',
    outside: 'This unit is outside your scope.',
    back: 'Back to your whole scope',
    zoom: (unit: string) => `Zoom into ${unit}`,
    headline: 'In short',
    mapRegion: 'Map',
    showTable: /^Show as table/,
    openTeam: (team: string) => `Show team ${team}`,
    teamHeading: (team: string) => `Team ${team}`,
    since: /From \d{1,2} \p{L}+ \d{4}: /u,
    rhythm: 'Rhythm per period, oldest first',
    close: 'Close',
    reach: 'Reach',
    rooted: 'Rooted',
    sentence:
      /^(\d+)% of teams reached — it was \d+% in \p{L}+ \d{4}; (\d+)% have made it their own\.$/u,
    firstSentence: /^\d+% of teams reached; \d+% have made it their own\.$/u,
    trend:
      /^That is (\d+(\.\d)? percentage points? (more|less) than|the same as) at the end of \p{L}+ \d{4}\.$/u,
  },
} as const;

const VARIANTS: Array<{ width: number; language: Language }> = [
  { width: 1280, language: 'nl' },
  { width: 360, language: 'en' },
];

/** An API session as the admin, with the XSRF header every change needs. */
async function adminApi(
  baseURL: string,
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL });
  await api.get('/api/health');
  const xsrf = (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': xsrf };
  const login = await api.post('/api/auth/login', {
    data: { email: DEMO.admin, password: PASSWORD },
    headers,
  });
  expect(login.ok()).toBe(true);
  return { api, headers };
}

/** A second director, scoped to one department of the demo director's directorate. */
async function createColleague(
  baseURL: string,
  department: string,
  locale: Language,
): Promise<string> {
  const { api, headers } = await adminApi(baseURL);
  const units = (await (await api.get('/api/org-units')).json()) as Array<{
    id: string;
    name: string;
  }>;
  const scope = units.find((u) => u.name === department);
  expect(scope).toBeDefined();
  const email = `collega-${Date.now().toString(36)}@voorbeeldstad.example`;
  const created = await api.post('/api/users', {
    data: {
      email,
      name: 'Collega Directeur',
      roles: ['director'],
      password: PASSWORD,
      scopeOrgUnitId: scope?.id,
      locale,
    },
    headers,
  });
  expect(created.status()).toBe(201);
  await api.dispose();
  return email;
}

async function setLanguage(page: Page, language: Language): Promise<void> {
  const button = page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** A signed-in page at the width and language of the variant (the language is kept per account). */
async function openAs(page: Page, email: string, width: number, language: Language): Promise<void> {
  await signIn(page, email);
  await setLanguage(page, language);
  await page.setViewportSize({ width, height: 900 });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  return context.newPage();
}

// The demo director is given back in Dutch, so the specs after this one meet Dutch screens.
test.afterEach(async ({ page }) => {
  if (page.url().includes('/inloggen') || page.url() === 'about:blank') return;
  await page.setViewportSize({ width: 1280, height: 900 });
  await setLanguage(page, 'nl');
});

for (const { width, language } of VARIANTS) {
  const t = TEXT[language];
  test.describe(`the director at ${width} px in ${language === 'nl' ? 'Dutch' : 'English'}`, () => {
    test('shares a view: the date, the unit and the tab live in the address; reload, Back and a colleague see it', async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      await openAs(page, DEMO.director, width, language);
      await page.goto('/olievlek');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Directie Sociaal Domein'),
      );
      await expect(page).toHaveURL(/\/olievlek\?unitId=[0-9a-f-]{36}$/);
      const directorateUrl = page.url();

      // The unit: zoom into a department, the keyboard way.
      await page.getByRole('link', { name: t.zoom('Werk en Inkomen') }).press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Werk en Inkomen'),
      );

      // The date: the first month, then two months on. The slider says the date once it is shown.
      const slider = page.getByRole('slider', { name: t.slider });
      const press = async (key: string, value: string): Promise<string> => {
        const before = (await slider.getAttribute('aria-valuetext')) ?? '';
        await page.keyboard.press(key);
        await expect(slider).toHaveValue(value);
        await expect(slider).not.toHaveAttribute('aria-valuetext', before);
        return (await slider.getAttribute('aria-valuetext')) ?? '';
      };
      await slider.focus();
      await press('Home', '0');
      await expect(page).toHaveURL(/[?&]date=\d{4}-\d{2}-\d{2}/);
      const monthOne = await press('ArrowRight', '1');
      const monthTwo = await press('ArrowRight', '2');

      // The tab.
      await page.getByRole('tab', { name: t.trendTab }).click();
      await expect(page.getByRole('tab', { name: t.trendTab })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(page.getByRole('tabpanel', { name: t.trendTab })).toBeVisible();
      await expect(page).toHaveURL(/[?&]tab=trend/);
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      const shared = page.url();

      // Reload restores all three.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Werk en Inkomen'),
      );
      await expect(slider).toHaveValue('2');
      await expect(slider).toHaveAttribute('aria-valuetext', monthTwo);
      await expect(page.getByRole('tab', { name: t.trendTab })).toHaveAttribute(
        'aria-selected',
        'true',
      );

      // Back undoes one step at a time: first the tab, then the month, then the unit.
      await page.goBack();
      await expect(page.getByRole('tab', { name: t.mapTab })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(slider).toHaveValue('2');
      await page.goBack();
      await expect(slider).toHaveValue('1');
      await expect(slider).toHaveAttribute('aria-valuetext', monthOne);
      await page.goBack();
      await expect(slider).toHaveValue('0');
      await page.goBack();
      await expect(page).not.toHaveURL(/[?&]date=/);
      await expect(slider).toHaveValue((await slider.getAttribute('max')) ?? '');
      await page.goBack();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Directie Sociaal Domein'),
      );

      // A colleague whose scope is that department opens the copied link: the same view.
      const colleague = await createColleague(baseURL as string, 'Werk en Inkomen', language);
      const other = await newPage(browser);
      await other.setViewportSize({ width, height: 900 });
      await signIn(other, colleague);
      await other.goto(shared);
      await expect(other.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Werk en Inkomen'),
      );
      const otherSlider = other.getByRole('slider', { name: t.slider });
      await expect(otherSlider).toHaveAttribute('aria-valuetext', monthTwo);
      await expect(other.getByRole('tab', { name: t.trendTab })).toHaveAttribute(
        'aria-selected',
        'true',
      );

      // The directorate lies outside the colleague's scope: a clear message, none of its figures.
      await other.goto(directorateUrl);
      const alert = other.getByRole('alert');
      await expect(alert).toHaveText(t.outside);
      const box = await alert.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(900);
      await expect(
        other.getByRole('heading', { name: t.heading('Directie Sociaal Domein') }),
      ).toHaveCount(0);
      await expect(other.getByRole('slider')).toHaveCount(0);
      await expectAccessible(other);
      await other.getByRole('link', { name: t.back }).click();
      await expect(other.getByRole('heading', { level: 1 })).toHaveText(
        t.heading('Werk en Inkomen'),
      );
      await other.context().close();
    });

    test('reads the headline first: one sentence, two numbers, the trend since last month', async ({
      page,
    }) => {
      await openAs(page, DEMO.director, width, language);
      await page.goto('/olievlek');
      const top = page.getByRole('region', { name: t.headline });
      const sentence = top.getByText(t.sentence);
      await expect(sentence).toBeVisible();
      const box = await top.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(900);
      await expect(top.getByText(t.trend)).toBeVisible();

      // The two numbers are the key figures', with the same rounding.
      const [, reach, rooted] = t.sentence.exec(await sentence.innerText()) ?? [];
      const figure = (name: string) =>
        page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name, exact: true }) })
          .getByText(/^\d+%$/);
      await expect(figure(t.reach)).toHaveText(`${reach}%`);
      await expect(figure(t.rooted)).toHaveText(`${rooted}%`);
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);

      // In the first month there is no start to compare with and no month before.
      const slider = page.getByRole('slider', { name: t.slider });
      await slider.focus();
      await page.keyboard.press('Home');
      await expect(top.getByText(t.firstSentence)).toBeVisible();
      await expect(top.getByText(t.trend)).toHaveCount(0);
    });

    test('opens a team from the table: its stages and its steps by period, in scope only', async ({
      page,
    }) => {
      await openAs(page, DEMO.director, width, language);
      await page.goto('/olievlek');
      const map = page.getByRole('region', { name: t.mapRegion, exact: true });
      await map.getByRole('button', { name: t.showTable }).click();
      await map.getByRole('link', { name: t.openTeam('Klantmanagement Werk') }).press('Enter');
      await expect(page).toHaveURL(/[?&]team=[0-9a-f-]{36}/);
      const heading = page.getByRole('heading', { name: t.teamHeading('Klantmanagement Werk') });
      await expect(heading).toBeFocused();
      const panel = page.getByRole('region', { name: t.teamHeading('Klantmanagement Werk') });
      await expect(panel.getByRole('listitem').filter({ hasText: t.since }).first()).toBeVisible();
      const rhythm = panel.getByRole('list', { name: t.rhythm }).first();
      await expect(rhythm.getByRole('listitem').first()).toBeVisible();
      const box = await heading.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);

      // The open team is part of the address too; closing removes it.
      await page.reload();
      await expect(heading).toBeVisible();
      await panel.getByRole('button', { name: t.close }).click();
      await expect(heading).toHaveCount(0);
      await expect(page).not.toHaveURL(/[?&]team=/);

      // A team outside the scope: the panel says so and shows nothing of it.
      const outside = await page.evaluate(async () => {
        const units = (await (await fetch('/api/org-units')).json()) as Array<{
          id: string;
          name: string;
        }>;
        return units.find((u) => u.name === 'Groenbeheer')?.id ?? '';
      });
      await page.goto(`/olievlek?team=${outside}`);
      await expect(page.getByRole('alert')).toHaveText(t.outside);
      await expect(page.getByRole('list', { name: t.rhythm })).toHaveCount(0);
      await expectAccessible(page);
    });
  });
}
