import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Locator, Page, request } from '@playwright/test';

export const PASSWORD = 'olievlek-demo';
export const DEMO = {
  admin: 'admin@voorbeeldstad.example',
  ambassador: 'ambassadeur@voorbeeldstad.example',
  team: 'team@voorbeeldstad.example',
  director: 'directeur@voorbeeldstad.example',
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL('/');
}

/** WCAG 2.2 AA as axe checks it: no violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** The page body never scrolls sideways (tables scroll inside their own wrapper). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** The API as `email`, with the CSRF header, for setting up what a test needs. */
export async function apiAs(baseURL: string, email: string, password = PASSWORD) {
  const api: APIRequestContext = await request.newContext({ baseURL });
  await api.get('/api/health');
  const xsrf = (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': xsrf };
  const login = await api.post('/api/auth/login', { data: { email, password }, headers });
  expect(login.ok()).toBe(true);
  // The sign-in renews the CSRF token: the session's own from here on.
  headers['X-XSRF-TOKEN'] =
    (await api.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return {
    get: async <T>(path: string): Promise<T> => (await api.get(path)).json() as Promise<T>,
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const res = await api.post(path, { data, headers });
      expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
      return (await res.json()) as T;
    },
    /** The answer's status code, for a change that may be refused. */
    patch: async (path: string, data: unknown): Promise<number> =>
      (await api.patch(path, { data, headers })).status(),
    put: async (path: string, data: unknown): Promise<number> =>
      (await api.put(path, { data, headers })).status(),
    delete: async (path: string): Promise<number> => (await api.delete(path, { headers })).status(),
    dispose: () => api.dispose(),
  };
}

/** A fresh team with an open case of the demo ambassador: no other spec touches it. */
export async function freshCase(baseURL: string, prefix = 'Team Vertrouwen'): Promise<string> {
  const admin = await apiAs(baseURL, DEMO.admin);
  const units = await admin.get<Array<{ id: string; name: string }>>('/api/org-units');
  const department = units.find((u) => u.name === 'Publiekszaken');
  const team = await admin.post<{ id: string }>('/api/org-units', {
    parentId: department?.id,
    name: `${prefix} ${Date.now().toString(36)}`,
    headcount: 6,
  });
  await admin.dispose();
  const ambassador = await apiAs(baseURL, DEMO.ambassador);
  const opened = await ambassador.post<{ id: string }>('/api/cases', { teamId: team.id });
  await ambassador.dispose();
  return opened.id;
}

/** The element's whole box lies inside the viewport: the person sees it without scrolling. */
export async function expectInView(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

/** Switches the signed-in person to English for `body`, and back: other tests expect Dutch. */
export async function inEnglish(page: Page, body: () => Promise<void>): Promise<void> {
  const menu = page.getByRole('button', { name: /Menu$/ });
  const openMenu = async () => {
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
      await menu.click();
    }
  };
  await openMenu();
  await page.getByRole('button', { name: 'English' }).click();
  try {
    await body();
  } finally {
    await openMenu();
    await page.getByRole('button', { name: 'Nederlands' }).click();
  }
}
