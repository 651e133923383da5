import { expect, Locator, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

/** "10 van 16 teams" in the Reach figure → [10, 16]. */
async function reach(page: Page): Promise<[number, number]> {
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Bereik', exact: true }) });
  const text = await card.getByText(/^\d+ van \d+ teams$/).innerText();
  const [, x, y] = /^(\d+) van (\d+) teams$/.exec(text) ?? [];
  return [Number(x), Number(y)];
}

/** The charts draw into an SVG once ECharts has loaded and laid them out. */
async function expectDrawn(chart: Locator): Promise<void> {
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg').first()).toBeVisible();
  await expect.poll(async () => chart.locator('svg path, svg rect').count()).toBeGreaterThan(5);
}

test.describe('the olievlek view', () => {
  test('the code of the view and its charts downloads on the way to the menu item, not after the data', async ({
    page,
  }) => {
    await signIn(page, DEMO.director);
    const scripts: string[] = [];
    const loaded: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    page.on('requestfinished', (r) => {
      if (r.resourceType() === 'script') loaded.push(r.url());
    });
    const link = page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Olievlek' });
    await link.hover();
    // The route, the page and ECharts: asked for before anyone clicks.
    await expect.poll(() => scripts.length).toBeGreaterThanOrEqual(3);
    // Their own imports follow: wait until every script asked for has arrived, twice in a row.
    let seen = -1;
    await expect
      .poll(
        () => {
          const now = scripts.length;
          const settled = now === seen && loaded.length === now;
          seen = now;
          return settled;
        },
        { intervals: [1000] },
      )
      .toBe(true);
    const preloaded = scripts.length;
    await link.click();
    await expectDrawn(page.getByRole('img', { name: /^Kaart van Directie Sociaal Domein/ }));
    expect(scripts).toHaveLength(preloaded); // nothing left to download once the data is there
  });

  test('the director replays the oil stain of their directorate, reads it as a table and zooms in', async ({
    page,
  }) => {
    test.setTimeout(120_000); // two tabs, four axe runs and a replay on a shared machine
    await signIn(page, DEMO.director);
    await page.getByRole('link', { name: 'Bekijk de olievlek' }).click();
    // The address names the unit, so a copied link shows a colleague this directorate.
    await expect(page).toHaveURL(/\/olievlek\?unitId=[0-9a-f-]{36}$/);
    await expect(page).toHaveTitle('De olievlek · Olievlek');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Olievlek: Directie Sociaal Domein',
    );
    await expect(
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Olievlek' }),
    ).toHaveAttribute('aria-current', 'page');

    // The map and the key figures of today.
    const map = page.getByRole('img', { name: /^Kaart van Directie Sociaal Domein/ });
    await expectDrawn(map);
    await expect(page.getByRole('heading', { name: /^Kerncijfers op/ })).toBeVisible();
    const [reachedToday, teams] = await reach(page);
    expect(teams).toBe(16);
    expect(reachedToday).toBeGreaterThan(0);
    for (const figure of [
      'Geworteld',
      'Teams per fase',
      'Adoptercategorieën',
      'Stilgevallen afspraken',
      'Verspreidingsfactor R',
      'Verbindingen over grenzen',
    ])
      await expect(page.getByRole('heading', { name: figure, exact: true })).toBeVisible();
    await expect(
      page.getByText('Teams die experimenteren, praktiseren of verspreiden'),
    ).toBeVisible();
    // Directors see no next-best teams: that list is for ambassadors.
    await expect(page.getByRole('heading', { name: 'Volgende teams om te benaderen' })).toHaveCount(
      0,
    );
    await expectAccessible(page);
    await page.getByRole('tab', { name: 'Verloop' }).click();
    await expectDrawn(page.getByRole('img', { name: /^Gestapeld vlakdiagram/ }));
    await expectDrawn(page.getByRole('img', { name: /^Staafdiagram/ }));
    await expectAccessible(page);
    await page.getByRole('tab', { name: 'Kaart en kerncijfers' }).click();

    // Back to the first month with the keyboard: fewer teams were reached then.
    const slider = page.getByRole('slider', { name: 'Stand op datum' });
    const today = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).not.toHaveAttribute('aria-valuetext', today ?? '');
    await expect(slider).toHaveAttribute('aria-valuetext', /^\d{1,2} \p{L}+ \d{4}$/u);
    await expect(slider).toHaveValue('0');
    await expect.poll(async () => (await reach(page))[0]).toBeLessThan(reachedToday);
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('1');
    await page.getByRole('button', { name: 'Naar vandaag' }).click();
    await expect(slider).toHaveAttribute('aria-valuetext', today ?? '');
    await expect.poll(async () => (await reach(page))[0]).toBe(reachedToday);

    // Play runs month by month from the start; pause stops it.
    await page.getByRole('button', { name: 'Afspelen' }).click();
    await expect(slider).toHaveValue('0');
    await expect(slider).not.toHaveValue('0', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Pauzeren' }).click();
    const stoppedAt = await slider.inputValue();
    await page.waitForTimeout(1500);
    await expect(slider).toHaveValue(stoppedAt);
    await page.getByRole('button', { name: 'Naar vandaag' }).click();

    // The map as a table, and the same rows as a CSV file for a Dutch spreadsheet.
    const mapSection = page.getByRole('region', { name: 'Kaart' });
    await mapSection.getByRole('button', { name: /^Toon als tabel/ }).click();
    const table = mapSection.getByRole('table', { name: /^Teams van Directie Sociaal Domein/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText([
      'Team',
      'Afdeling',
      'Bezetting',
      'Fase',
      'Stilgevallen afspraak',
    ]);
    await expect(table.getByRole('rowheader')).toHaveCount(16);
    await expect(table.getByRole('row', { name: /Klantmanagement Werk/ })).toContainText(
      'Werk en Inkomen',
    );
    await expect(mapSection.getByRole('button', { name: /^Verberg tabel/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const downloading = page.waitForEvent('download');
    await mapSection.getByRole('button', { name: /^Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^olievlek-teams-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"Team";"Afdeling";"Bezetting";"Fase";"Stilgevallen afspraak"');
    expect(lines).toHaveLength(17);
    expect(lines.find((l) => l.startsWith('"Klantmanagement Werk";'))).toMatch(
      /^"Klantmanagement Werk";"Werk en Inkomen";"18";"[^"]+";"(ja|nee)"$/,
    );
    await expectAccessible(page);

    // Zoom into a department from the table of units (the keyboard way into the map).
    await page.getByRole('link', { name: 'Inzoomen op Werk en Inkomen' }).click();
    await expect(page).toHaveURL(/\/olievlek\?unitId=[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Olievlek: Werk en Inkomen');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const crumbs = page.getByRole('navigation', { name: 'Waar je bent in de organisatie' });
    await expect(crumbs.getByRole('link', { name: 'Directie Sociaal Domein' })).toBeVisible();
    await expect(crumbs.getByText('Werk en Inkomen')).toHaveAttribute('aria-current', 'page');
    await expectDrawn(page.getByRole('img', { name: /^Kaart van Werk en Inkomen/ }));
    expect((await reach(page))[1]).toBe(6);
    await expectAccessible(page);

    // The breadcrumb leads back up.
    await crumbs.getByRole('link', { name: 'Directie Sociaal Domein' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Olievlek: Directie Sociaal Domein',
    );
  });

  test('holds at 360 px wide: the charts scale and the tables scroll in their own box', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, DEMO.director);
    await page.goto('/olievlek');
    const map = page.getByRole('img', { name: /^Kaart van/ });
    await expectDrawn(map);
    expect((await map.boundingBox())?.width).toBeLessThanOrEqual(360);
    await page
      .getByRole('region', { name: 'Kaart' })
      .getByRole('button', { name: /^Toon als tabel/ })
      .click();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('tab', { name: 'Verloop' }).click();
    await expectDrawn(page.getByRole('img', { name: /^Staafdiagram/ }));
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
  });

  test('a director cannot open a unit outside their scope', async ({ page }) => {
    await signIn(page, DEMO.director);
    const outside = await page.evaluate(async () => {
      const units = (await (await fetch('/api/org-units')).json()) as Array<{
        id: string;
        name: string;
      }>;
      return units.find((u) => u.name === 'Directie Dienstverlening')?.id ?? '';
    });
    await page.goto(`/olievlek?unitId=${outside}`);
    await expect(page.getByRole('alert')).toContainText('Dit onderdeel valt buiten jouw bereik.');
    await page.getByRole('link', { name: 'Terug naar je hele bereik' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Olievlek: Directie Sociaal Domein',
    );
  });

  test('the ambassador sees the next-best teams and records a spread link on a case', async ({
    page,
  }) => {
    await signIn(page, DEMO.ambassador);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Olievlek' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Olievlek: Gemeente Voorbeeldstad',
    );
    await page.getByRole('tab', { name: 'Verspreiding' }).click();
    const next = page.getByRole('region', { name: 'Volgende teams om te benaderen' });
    await expect(next.getByRole('listitem').first()).toBeVisible();
    await expect(
      next.getByText(/\d+ teams? om hen heen (praktiseren|praktiseert) al/).first(),
    ).toBeVisible();
    await expect(next.getByText(/\d+ buurteams? (past|passen) ".+" toe/).first()).toBeVisible();
    await expectDrawn(page.getByRole('img', { name: /^Netwerk van verspreiding/ }));
    await expectAccessible(page);

    // A case of their own: Klantmanagement Werk.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Casussen' })
      .click();
    await page.getByRole('link', { name: 'Klantmanagement Werk' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klantmanagement Werk');
    const spread = page.getByRole('region', { name: 'Verspreiding' });
    await spread.getByRole('button', { name: 'Geïnspireerd door een ander team' }).click();
    const form = spread.getByRole('form', { name: 'Geïnspireerd door een ander team' });
    await expect(form.getByLabel('Zoek een team')).toBeFocused();

    // Without a team the form says what is missing, next to the field.
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(form.getByText('Kies het team waarvan jullie dit overnamen.')).toBeVisible();
    await expect(form.getByLabel('Van welk team?')).toBeFocused();
    await expectAccessible(page);

    await form.getByLabel('Zoek een team').fill('groenbeh');
    await expect(form.getByText('1 team in de keuzelijst')).toBeVisible();
    await form
      .getByLabel('Van welk team?')
      .selectOption({ label: 'Groenbeheer — Beheer Openbare Ruimte' });
    await form
      .getByLabel('Welke praktijk (niet verplicht)')
      .selectOption({ label: 'Begin elk overleg met het doel (doel vooraf)' });
    await expect(form.getByLabel('Sinds wanneer')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Toelichting (niet verplicht)').fill('Gezien bij hun teamoverleg.');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd' })).toHaveText(
      'Vastgelegd: Klantmanagement Werk nam dit over van Groenbeheer.',
    );
    await expect(
      spread.getByRole('listitem').filter({ hasText: 'Overgenomen van Groenbeheer' }),
    ).toContainText('Begin elk overleg met het doel (doel vooraf)');
    await expect(
      spread.getByRole('button', { name: 'Geïnspireerd door een ander team' }),
    ).toBeFocused();

    // The same link twice is refused, with the reason.
    await spread.getByRole('button', { name: 'Geïnspireerd door een ander team' }).click();
    await form.getByLabel('Zoek een team').fill('groenbeh');
    await form
      .getByLabel('Van welk team?')
      .selectOption({ label: 'Groenbeheer — Beheer Openbare Ruimte' });
    await form
      .getByLabel('Welke praktijk (niet verplicht)')
      .selectOption({ label: 'Begin elk overleg met het doel (doel vooraf)' });
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(form.getByRole('alert')).toContainText('Deze verspreiding is al vastgelegd.');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  test('a team member records on the board where a step came from', async ({ page }) => {
    await signIn(page, DEMO.team);
    await page.goto('/bord');
    const open = page.getByRole('button', { name: /^We hebben dit van …/ }).first();
    await open.click();
    const form = page.getByRole('form', { name: /van welk team hebben jullie dit\?$/ });
    await form.getByLabel('Zoek een team').fill('archief');
    await form
      .getByLabel('Van welk team?')
      .selectOption({ label: 'Archief en DIV — Juridische Zaken en Communicatie' });
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Vastgelegd' })).toHaveText(
      'Vastgelegd: Klantmanagement Werk nam dit over van Archief en DIV.',
    );
  });

  test('the catalogue shows what each practice achieved, as a table and a CSV', async ({
    page,
  }) => {
    await signIn(page, DEMO.ambassador);
    await page.goto('/catalogus');
    const evidence = page.getByRole('region', { name: 'Wat de catalogus leert' });
    const table = evidence.getByRole('table', { name: 'Bewijs uit de praktijk per verbeterstap' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText([
      'Praktijk',
      'Geprobeerd (teams)',
      'Vaste gewoonte (teams)',
      'Vaste gewoonte (%)',
      'Mediaan weken tot gewoonte',
      'Gestopt (teams)',
      'Gestopt (%)',
    ]);
    await expect(table.getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByText(/^\d+ teams? probeerden? dit/).first()).toBeVisible();
    const downloading = page.waitForEvent('download');
    await evidence.getByRole('button', { name: /^Download CSV/ }).click();
    const lines = (await readFile(await (await downloading).path()))
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Praktijk";"Geprobeerd (teams)";"Vaste gewoonte (teams)";"Vaste gewoonte (%)";"Mediaan weken tot gewoonte";"Gestopt (teams)";"Gestopt (%)"',
    );
    expect(lines.length).toBeGreaterThan(10);
    await expectAccessible(page);
  });
});
