import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

/**
 * Issue 14, the report a management team can put on the table: the printable report carries the
 * map at the date, the S-curve and the key figures in the screen's words; the same page as a PDF
 * printed on the server; and the S-curve as one PNG for a slide.
 */

const WORDS = {
  nl: {
    page: 'Afdrukbare rapportage (Nederlands)',
    pdf: 'Rapportage als pdf (Nederlands)',
    figures: ['Bereik', 'Geworteld', 'Stilgevallen afspraken', 'Verspreidingsfactor R'],
    map: /^Kaart van Directie Sociaal Domein op /,
    sCurve: /^S-curve van Directie Sociaal Domein/,
    made: /Gemaakt op .* \(Europe\/Amsterdam\)/,
    png: 'Bewaar als afbeelding (PNG): Teams per fase per maand',
  },
  en: {
    page: 'Printable report (English)',
    pdf: 'Report as PDF (English)',
    figures: ['Reach', 'Rooted'],
    map: /^Map of Directie Sociaal Domein at /,
    sCurve: /^S-curve of Directie Sociaal Domein/,
    made: /Made on .* \(Europe\/Amsterdam\)/,
    png: /^Save as image \(PNG\)/,
  },
} as const;

/** The report opens in a tab of its own: follow the link there. */
async function openReport(page: Page, name: string): Promise<Page> {
  const link = page.getByRole('link', { name, exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  const opening = page.context().waitForEvent('page');
  await link.click();
  const report = await opening;
  await report.waitForLoadState();
  return report;
}

for (const [lang, width] of [
  ['nl', 1280],
  ['en', 1280],
  ['nl', 360],
  ['en', 360],
] as const) {
  test(`the director prints the report with map, S-curve and figures, and saves it as PDF (${lang}, ${width} px)`, async ({
    page,
  }) => {
    const w = WORDS[lang];
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, DEMO.director);
    await page.goto('/olievlek');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Olievlek: Directie Sociaal Domein',
    );

    const report = await openReport(page, w.page);
    await report.setViewportSize({ width, height: 900 });
    await expect(report.locator('html')).toHaveAttribute('lang', lang);
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('Directie Sociaal Domein');
    for (const term of w.figures) {
      await expect(report.locator('dt', { hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    const map = report.getByRole('img', { name: w.map });
    const sCurve = report.getByRole('img', { name: w.sCurve });
    for (const chart of [map, sCurve]) {
      await expect(chart.locator('svg')).toBeVisible();
      expect((await chart.locator('svg').boundingBox())?.height).toBeGreaterThan(100);
    }
    await expect(report.getByText(w.made)).toBeVisible();
    await expectAccessible(report);
    await expectNoHorizontalOverflow(report);
    // On paper: one directorate per page, the charts kept whole.
    await report.emulateMedia({ media: 'print' });
    expect(
      await report.locator('section.page').evaluate((s) => getComputedStyle(s).breakAfter),
    ).toBe('auto'); // the last (only) page has no break after it
    expect(await map.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
    await report.close();

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: w.pdf, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      /^olievlek-rapport-directie-sociaal-domein-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
}

for (const width of [1280, 360]) {
  test(`the S-curve saves as one PNG for a slide, Dutch and English, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, DEMO.director);
    // The S-curve lives on the "Verloop" tab.
    await page.goto('/olievlek?tab=trend');
    const button = page.getByRole('button', { name: WORDS.nl.png });
    await expect(button).toBeEnabled();
    const downloading = page.waitForEvent('download');
    await button.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^olievlek-s-curve-\d{4}-\d{2}\.png$/);
    const png = await readFile(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The image is twice the chart's size on screen: sharp on a projector.
    const chartWidth = png.readUInt32BE(16);
    const box = await page.getByRole('img', { name: /^Gestapeld vlakdiagram/ }).boundingBox();
    expect(chartWidth).toBe(Math.round((box?.width ?? 0) * 2));
    await expectAccessible(page);

    if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: WORDS.en.png })).toBeEnabled();
    await expectAccessible(page);
    const dutch = page.getByRole('button', { name: 'Nederlands' });
    if (!(await dutch.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
    await dutch.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });
}
