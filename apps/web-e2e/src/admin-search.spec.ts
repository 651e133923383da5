import { expect, Locator, Page, test } from '@playwright/test';
import { DEMO, expectAccessible, expectNoHorizontalOverflow, signIn } from './support';

/**
 * Issue 14, the admins: search and filter users (name, e-mail, role, team) and the organisation
 * tree; the audit log names people and units and fits 1280 px without scrolling sideways.
 */

/** The answer is announced and seen where the admin is looking. */
async function expectSeen(status: Locator, text: string | RegExp, page: Page): Promise<void> {
  await expect(status).toHaveText(text);
  const box = await status.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
}

async function xsrfPost(page: Page, path: string, data: unknown) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return page.request.post(path, { data, headers: { 'X-XSRF-TOKEN': xsrf } });
}

/** Back to Dutch, so later specs start in the first language. */
async function dutchAgain(page: Page): Promise<void> {
  const dutch = page.getByRole('button', { name: 'Nederlands' });
  if (!(await dutch.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await dutch.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
}

for (const width of [1280, 360]) {
  test(`the admin finds users by name, role and team, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/gebruikers');
    const table = page.getByRole('table', { name: 'Alle gebruikers' });
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const all = await rows.count();

    const status = page.locator('.ov-users__count');
    await page.getByLabel('Zoek op naam of e-mailadres').fill('ambassadeur@');
    await expectSeen(status, '1 gebruiker gevonden', page);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(DEMO.ambassador.split('@')[0]);

    await page.getByLabel('Zoek op naam of e-mailadres').fill('');
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Directeur' });
    await expect(status).toHaveText(/gebruikers? gevonden/);
    await expect(rows.filter({ hasText: 'directeur@' })).toHaveCount(1);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Directeur');
    expect(await rows.count()).toBeLessThan(all);

    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Teamlid' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Klantmanagement Werk' });
    await expect(rows.filter({ hasText: 'team@' })).toHaveCount(1);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Klantmanagement Werk');
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);

    // The same screen in English.
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Alle rollen' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Alle teams' });
    if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Search by name or e-mail address').fill('directeur@');
    await expectSeen(status, '1 user found', page);
    await expect(page.getByLabel('Role', { exact: true })).toContainText('All roles');
    await expectAccessible(page);
    await dutchAgain(page);
  });

  test(`the admin searches the organisation tree by name and kind, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, DEMO.admin);
    await page.goto('/beheer/organisatie');
    const tree = page.locator('.ov-tree');
    await expect(tree.getByText('Directie Bedrijfsvoering')).toBeVisible();

    await page.getByLabel('Zoek op naam').fill('klantmanagement werk');
    const status = page.locator('.ov-org__count');
    await expectSeen(status, /eenhe(id|den) gevonden/, page);
    // The match is shown in its place, its directorate open above it; other directorates are gone.
    await expect(tree.getByText('Klantmanagement Werk', { exact: true })).toBeVisible();
    await expect(tree.getByText('Directie Bedrijfsvoering')).toHaveCount(0);

    await page.getByLabel('Zoek op naam').fill('');
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Directie' });
    await expectSeen(status, /\d+ eenheden gevonden/, page);
    await expect(tree.getByText('Directie Bedrijfsvoering')).toBeVisible();
    await expect(tree.getByText('Klantmanagement Werk', { exact: true })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);

    if (width < 800) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByLabel('Kind', { exact: true })).toContainText('All kinds');
    await page.getByLabel('Search by name').fill('zzz-no-such-unit');
    await expectSeen(status, '0 units found', page);
    await expectAccessible(page);
    await dutchAgain(page);
  });
}

test('the audit log names the unit an event is about and fits 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO.admin);
  const units = (await (await page.request.get('/api/org-units')).json()) as Array<{
    id: string;
    kind: string;
  }>;
  const department = units.find((u) => u.kind === 'department');
  const created = await xsrfPost(page, '/api/org-units', {
    name: 'Team Auditnamen',
    parentId: department?.id,
  });
  expect(created.status()).toBe(201);
  const unit = (await created.json()) as { id: string };

  await page.goto('/beheer/audit');
  await page.getByLabel('Soort gegeven').selectOption({ label: 'Organisatieonderdeel' });
  await page.getByRole('button', { name: 'Toon gebeurtenissen' }).click();
  const table = page.getByRole('table', { name: /Gebeurtenissen in het auditlog/ });
  const row = table.locator('tbody tr').filter({ hasText: 'Team Auditnamen' }).first();
  await expect(row).toBeVisible();
  // The name to read, the short id to filter by; the full id only in the export.
  await expect(row.getByRole('button', { name: new RegExp(unit.id) })).toHaveText(
    unit.id.slice(0, 8),
  );

  // Sideways scrolling neither of the page nor of the table's own wrapper.
  await page.getByLabel('Soort gegeven').selectOption({ label: 'Alle soorten' });
  await page.getByRole('button', { name: 'Toon gebeurtenissen' }).click();
  await expect(table.locator('tbody tr').nth(10)).toBeVisible();
  const wrapper = page.getByRole('region', { name: /auditlog/i });
  const { scrollWidth, clientWidth } = await wrapper.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
});
