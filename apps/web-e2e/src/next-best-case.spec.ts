import { expect, Page, test } from '@playwright/test';
import {
  apiAs,
  DEMO,
  DESKTOP,
  expectAccessible,
  expectInView,
  expectNoHorizontalOverflow,
  inEnglish,
  PHONE,
  signIn,
} from './support';

/**
 * Issue 14, ambassadors: a case is opened from a next-best team's card in one step, and the
 * answer — the case page, or why not — comes where the button was.
 */

interface NextBest {
  teams: Array<{
    team: { id: string };
    department: { id: string } | null;
    sources: Array<{ via: string[] }>;
  }>;
}

/**
 * Two fresh teams in a department where at least two teams practise already: both are next-best
 * (exposure 2 or more from their own department) and no other spec knows them.
 */
async function nextBestTeams(baseURL: string, word: string) {
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const all = await ambassador.get<NextBest>('/api/olievlek/next-best-teams?limit=50');
  const seen = all.teams.find(
    (t) => t.department && t.sources.filter((s) => s.via.includes('department')).length >= 2,
  );
  expect(seen, 'a department with two practising teams in the demo data').toBeTruthy();
  const departmentId = seen?.department?.id as string;
  const admin = await apiAs(baseURL, DEMO.admin);
  const first = await admin.post<{ id: string; name: string }>('/api/org-units', {
    parentId: departmentId,
    name: `${word} Een`,
    headcount: 8,
  });
  const second = await admin.post<{ id: string; name: string }>('/api/org-units', {
    parentId: departmentId,
    name: `${word} Twee`,
    headcount: 8,
  });
  await admin.dispose();
  const mine = await ambassador.get<NextBest>(
    `/api/olievlek/next-best-teams?unitId=${departmentId}&limit=50`,
  );
  expect(mine.teams.map((t) => t.team.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  return { departmentId, first, second, ambassador };
}

async function nextBestCard(page: Page, departmentId: string, team: string) {
  await page.goto(`/olievlek?unitId=${departmentId}&tab=spread`);
  const region = page.getByRole('region', { name: 'Volgende teams om te benaderen' });
  await expect(region.getByRole('listitem').first()).toBeVisible();
  const more = region.getByRole('button', { name: /^Toon meer teams/ });
  if (await more.isVisible()) await more.click();
  return region.getByRole('listitem').filter({ has: page.getByRole('heading', { name: team }) });
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`a case from a next-best team at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('one button opens the case and goes there; the team then leaves the list', async ({
      page,
      baseURL,
    }) => {
      const word = `Kansteam ${viewport.width} ${Date.now().toString(36)}`;
      const { departmentId, first, ambassador } = await nextBestTeams(baseURL as string, word);
      await ambassador.dispose();
      await signIn(page, DEMO.ambassador);
      const card = await nextBestCard(page, departmentId, first.name);
      const open = card.getByRole('button', { name: `Casus openen — ${first.name}` });
      await expect(open).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({
        path: `../../dist/test-results/web-e2e/next-best-case-${viewport.width}.png`,
      });

      await open.click();
      await expect(page).toHaveURL(/\/casussen\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
      await expect(page.getByText('Intake', { exact: true }).first()).toBeVisible();

      // The team is reached now (intake): it leaves the next-best list, and the case is listed.
      const again = await nextBestCard(page, departmentId, first.name);
      await expect(again).toHaveCount(0);
      await page.goto('/casussen');
      await expect(
        page.getByRole('region', { name: 'Mijn lopende casussen' }).getByRole('link', {
          name: first.name,
        }),
      ).toBeVisible();
    });

    test('a refusal is said in the card, in Dutch and in English', async ({ page, baseURL }) => {
      const word = `Kansteam fout ${viewport.width} ${Date.now().toString(36)}`;
      const { departmentId, first, second, ambassador } = await nextBestTeams(
        baseURL as string,
        word,
      );
      await signIn(page, DEMO.ambassador);
      const card = await nextBestCard(page, departmentId, first.name);
      // A colleague opens a case for the team while this page is open.
      await ambassador.post('/api/cases', { teamId: first.id });
      await card.getByRole('button', { name: `Casus openen — ${first.name}` }).click();
      const alert = card.getByRole('alert');
      await expect(alert).toHaveText('Dit team heeft al een lopende casus.');
      await expectInView(page, alert);
      await expect(page).toHaveURL(/\/olievlek/);
      await expectAccessible(page);

      await inEnglish(page, async () => {
        await page.goto(`/olievlek?unitId=${departmentId}&tab=spread`);
        const region = page.getByRole('region', { name: 'Next teams to approach' });
        await expect(region.getByRole('listitem').first()).toBeVisible();
        const more = region.getByRole('button', { name: /^Show more teams/ });
        if (await more.isVisible()) await more.click();
        const en = (name: string) =>
          region.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
        const other = en(second.name);
        await ambassador.post('/api/cases', { teamId: second.id });
        await other.getByRole('button', { name: `Open a case — ${second.name}` }).click();
        await expect(other.getByRole('alert')).toHaveText('This team already has an open case.');
        await expectAccessible(page);
        await expectNoHorizontalOverflow(page);
        await page.screenshot({
          path: `../../dist/test-results/web-e2e/next-best-case-en-${viewport.width}.png`,
        });
      });
      await ambassador.dispose();
    });
  });
}
