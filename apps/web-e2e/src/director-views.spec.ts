import { APIRequestContext, Browser, expect, Locator, Page, request, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, PASSWORD, signIn } from './support';

/**
 * What a director reaches for in the olievlek view (issue 14, "Directors"): a view they can
 * share, the headline, one team's history from the map or a table, the signals in plain words
 * and the spread graph (a list on a phone). Each test runs at 1280 and 360 px, in Dutch and in
 * English.
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
    mapImage: /^Kaart van /,
    sCurve: /^Gestapeld vlakdiagram/,
    signals: 'Signalen',
    span: (count: number, from: string, to: string) =>
      count === 1 ? `1 maand, ${from}` : `${count} maanden, van ${from} tot en met ${to}`,
    spreadTab: 'Verspreiding',
    graph: /^Netwerk van verspreiding/,
    spreadList: 'Wie gaf wat door, nieuwste eerst',
    passedTo: 'gaf door aan',
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
    mapImage: /^Map of /,
    sCurve: /^Stacked area chart/,
    signals: 'Signals',
    span: (count: number, from: string, to: string) =>
      count === 1 ? `1 month, ${from}` : `${count} months, from ${from} to ${to}`,
    spreadTab: 'Spread',
    graph: /^Network of spread/,
    spreadList: 'Who passed what on, latest first',
    passedTo: 'passed it on to',
  },
} as const;

const VARIANTS: Array<{ width: number; language: Language }> = [
  { width: 1280, language: 'nl' },
  { width: 1280, language: 'en' },
  { width: 360, language: 'nl' },
  { width: 360, language: 'en' },
];

/** "februari 2025" / "February 2025", written independently of the app's own formatter. */
const monthName = (language: Language, month: string) =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** What the API says the page should show, read as the signed-in director. */
async function fromApi<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;
}

type Point = { x: number; y: number };

/**
 * The names an SVG chart shows, each as the four corners of its box on the screen: a name on
 * the spread graph's circle is turned along its ray, so its box is not axis-aligned.
 */
async function textShapes(chart: Locator): Promise<Array<{ text: string; corners: Point[] }>> {
  return chart.locator('svg text').evaluateAll((texts) =>
    (texts as SVGTextElement[])
      .filter((t) => (t.textContent ?? '').trim() !== '' && t.getBBox().width > 0)
      .map((t) => {
        const b = t.getBBox();
        const m = t.getScreenCTM() as DOMMatrix;
        const corner = (x: number, y: number) => {
          const p = new DOMPoint(x, y).matrixTransform(m);
          return { x: p.x, y: p.y };
        };
        return {
          text: t.textContent ?? '',
          corners: [
            corner(b.x, b.y),
            corner(b.x + b.width, b.y),
            corner(b.x + b.width, b.y + b.height),
            corner(b.x, b.y + b.height),
          ],
        };
      }),
  );
}

/** Whether two convex shapes overlap by more than a pixel (separating axis test). */
function overlap(a: Point[], b: Point[]): boolean {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const p = shape[i];
      const q = shape[(i + 1) % shape.length];
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const axis = { x: (p.y - q.y) / length, y: (q.x - p.x) / length };
      const project = (s: Point[]) => s.map((c) => c.x * axis.x + c.y * axis.y);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) - 1 <= Math.min(...pb) || Math.max(...pb) - 1 <= Math.min(...pa))
        return false;
    }
  }
  return true;
}

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
  // The sign-in renews the CSRF token: the session's own from here on.
  headers['X-XSRF-TOKEN'] =
    (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return { api, headers };
}

const COLLEAGUE_PASSWORD = 'Zeven paarse kikkers dansen op het dak';

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
      // The demo password is refused for a new account (a public word of this app).
      password: COLLEAGUE_PASSWORD,
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
      await signIn(other, colleague, COLLEAGUE_PASSWORD);
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
    test('opens a team from the map: a click on its area shows its stages and steps', async ({
      page,
    }) => {
      await openAs(page, DEMO.director, width, language);
      await page.goto('/olievlek');
      const map = page.getByRole('img', { name: t.mapImage });
      await expect(map.locator('svg')).toBeVisible();
      // At 1280 px the area carries the whole name; at 360 px it is cut short ("Klantman...").
      const area = map.locator('svg text', { hasText: /^Klantman/ }).first();
      await expect(area).toBeVisible();
      await area.click();
      await expect(page).toHaveURL(/[?&]team=[0-9a-f-]{36}/);
      const heading = page.getByRole('heading', { name: t.teamHeading('Klantmanagement Werk') });
      await expect(heading).toBeFocused();
      const panel = page.getByRole('region', { name: t.teamHeading('Klantmanagement Werk') });
      await expect(panel.getByRole('listitem').filter({ hasText: t.since }).first()).toBeVisible();
      await expect(panel.getByRole('list', { name: t.rhythm }).first()).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
    });

    test('reads each signal in one sentence with its span, the markers above the curve', async ({
      page,
    }, testInfo) => {
      await openAs(page, DEMO.director, width, language);
      await page.goto('/olievlek?tab=trend');
      const adoption = await fromApi<{
        unit: { name: string };
        signals: Array<{ months: string[] }>;
      }>(page, '/api/olievlek/adoption');
      // The demo's directorate has signals on its reach: the list must say each of them.
      expect(adoption.signals.length).toBeGreaterThan(0);
      const list = page.getByRole('list', { name: t.signals });
      const items = list.getByRole('listitem');
      await expect(items).toHaveCount(adoption.signals.length);
      for (const [i, signal] of adoption.signals.entries()) {
        const first = signal.months[0];
        const last = signal.months[signal.months.length - 1];
        const span = t.span(
          monthNumber(last) - monthNumber(first) + 1,
          monthName(language, first),
          monthName(language, last),
        );
        const item = items.nth(i);
        await expect(item).toContainText(`(${span}): `);
        await expect(item).toContainText(adoption.unit.name);
        // One sentence: it ends with a full stop and has no other.
        expect((await item.innerText()).trim()).toMatch(/^[^.]+\.$/);
      }

      // On the S-curve every signal band and its number is painted after (above) the stages.
      const sCurve = page.getByRole('img', { name: t.sCurve });
      await expect(sCurve.locator('svg')).toBeVisible();
      const order = await sCurve.locator('svg').evaluate((svg) => {
        const shapes = Array.from(svg.querySelectorAll('path, polygon, text'));
        const stageFills = ['#08306b', '#2171b5', '#6baed6', '#c6dbef', '#efefef'];
        const index = (test: (e: Element) => boolean) =>
          shapes.map((e, i) => (test(e) ? i : -1)).filter((i) => i >= 0);
        return {
          stages: index((e) => stageFills.includes(e.getAttribute('fill') ?? '')),
          signals: index((e) => /^rgba?\(180, ?83, ?9/.test(e.getAttribute('fill') ?? '')),
          numbers: index((e) => e.tagName === 'text' && /^\d+$/.test(e.textContent ?? '')),
        };
      });
      expect(order.stages.length).toBeGreaterThanOrEqual(5);
      expect(order.signals.length).toBe(adoption.signals.length);
      expect(Math.min(...order.signals)).toBeGreaterThan(Math.max(...order.stages));
      expect(order.numbers.filter((i) => i > Math.max(...order.stages)).length).toBe(
        adoption.signals.length,
      );
      await list.scrollIntoViewIfNeeded();
      // Kept beside the results to be looked at (dist/test-results/web-e2e).
      const shot = testInfo.outputPath(`signals-${width}-${language}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach('signals', { path: shot, contentType: 'image/png' });
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
    });

    test(`reads the spread ${width < 600 ? 'as a list of links' : 'as a graph whose names do not overlap'}`, async ({
      page,
    }, testInfo) => {
      await openAs(page, DEMO.director, width, language);
      // Without motion the chart is drawn at once, so the names are measured where they stay.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/olievlek');
      await page.getByRole('tab', { name: t.spreadTab }).click();
      const spread = await fromApi<{
        links: Array<{ source: { name: string }; target: { name: string } }>;
      }>(page, '/api/olievlek/spread');
      expect(spread.links.length).toBeGreaterThan(1);
      const panel = page.getByRole('tabpanel', { name: t.spreadTab });
      const graph = panel.getByRole('img', { name: t.graph });
      const list = panel.getByRole('list', { name: t.spreadList });
      if (width < 600) {
        await expect(list).toBeVisible();
        await expect(graph).toHaveCount(0);
        const items = list.getByRole('listitem');
        await expect(items).toHaveCount(Math.min(12, spread.links.length));
        for (const [i, link] of spread.links.slice(0, 12).entries()) {
          await expect(items.nth(i)).toContainText(
            `${link.source.name} → ${t.passedTo} ${link.target.name}`,
          );
        }
      } else {
        await expect(graph.locator('svg')).toBeVisible();
        await expect(list).toHaveCount(0);
        // Wait for the names to be drawn, then no two of them overlap.
        await expect.poll(async () => (await textShapes(graph)).length).toBeGreaterThan(1);
        const shapes = await textShapes(graph);
        const overlapping = shapes.flatMap((a, i) =>
          shapes
            .slice(i + 1)
            .filter((b) => overlap(a.corners, b.corners))
            .map((b) => `${a.text} / ${b.text}`),
        );
        expect(overlapping).toEqual([]);
      }
      const shot = testInfo.outputPath(`spread-${width}-${language}.png`);
      await panel.screenshot({ path: shot });
      await testInfo.attach('spread', { path: shot, contentType: 'image/png' });
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
    });
  });
}
