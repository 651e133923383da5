import { expect, Page, test } from '@playwright/test';
import { DEMO, signIn } from './support';

/**
 * Dutch everywhere in Dutch, English everywhere in English: every main screen, for every role,
 * in both languages. The visible text, tooltips (`title`) and accessible names (`aria-label`)
 * may hold no word of the other language from a stop-list of words that leaked before (the
 * case timeline's "agreed", the rhythm's "once", "yes → no" in the import, the adopter
 * categories), no raw translation key, and no ISO date or week key (people read "3 december
 * 2026" and "week 49"). Text marked with another `lang` (the language switch) is left out, and
 * so are form values, which are the person's own.
 */

/** English words that must not show on a Dutch screen. */
const ENGLISH = [
  'agreed',
  'once',
  'yes',
  'no',
  'innovators',
  'early adopters',
  'early majority',
  'late majority',
  'laggards',
  'running',
  'paused',
  'proposed',
  'adopted',
  'dropped',
  'weekly',
  'monthly',
  'skipped',
  'missed',
  'answers',
  'meetings',
  'trust',
  'collaboration',
  'improvement',
  'process',
  'create',
  'update',
  'archive',
  'login',
  'logout',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Invalid Date',
];

/** Dutch words that must not show on an English screen. */
const DUTCH = [
  'eenmalig',
  'ja',
  'nee',
  'gedaan',
  'overgeslagen',
  'gemist',
  'loopt',
  'gepauzeerd',
  'voorgesteld',
  'vernieuwers',
  'achterblijvers',
  'antwoorden',
  'elke week',
  'opslaan',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
];

/** Top-level translation groups: `word.word(.word)` that starts with one of them is a raw key. */
const RAW_KEY =
  /\b(?:app|nav|roles|kinds|org|users|cases|board|catalogue|stages|cadence|errors|audit|olievlek|importExport|importSafety|mail|home|login|spread|format|orgOpenCase|caseTeamArchived|notFound|pulse|agreement|agreements|status|statuses|case)\.[a-zA-Z][\w-]*(?:\.[\w-]+)*\b/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-W\d{2}\b/;

/** What a person reads or hears on the page in its language. */
async function readable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const foreign = (el: Element | null) => {
      const marked = el?.closest('[lang]');
      return !!marked && marked.getAttribute('lang') !== lang;
    };
    const hidden = (el: Element | null) => {
      if (!el) return true;
      if (el.closest('[hidden], script, style, template, noscript')) return true;
      const style = getComputedStyle(el);
      return style.display === 'none' || style.visibility === 'hidden';
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || hidden(el) || foreign(el)) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [alt]'))) {
      if (foreign(el)) continue;
      for (const name of ['title', 'aria-label', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    // Option texts of selects count too (they are visible when opened).
    for (const option of Array.from(document.querySelectorAll('option'))) {
      if (!foreign(option) && option.textContent?.trim()) out.push(option.textContent.trim());
    }
    return out;
  });
}

function findProblems(texts: string[], stopList: string[]): string[] {
  const problems: string[] = [];
  const words = stopList.map(
    (w) => [w, new RegExp(`(^|[^\\p{L}@.])${w}(?=$|[^\\p{L}@])`, 'iu')] as const,
  );
  for (const text of texts) {
    // E-mail addresses, URLs and labels a chart cut short ("Sociaal Wijkteam No...") are data.
    const clean = text.replace(/\S+@\S+|https?:\/\/\S+|\S+(\.\.\.|…)/g, ' ');
    for (const [word, pattern] of words) {
      if (pattern.test(clean)) problems.push(`"${word}" in: ${text.slice(0, 120)}`);
    }
    const key = RAW_KEY.exec(clean);
    if (key) problems.push(`raw key ${key[0]} in: ${text.slice(0, 120)}`);
    const iso = ISO_DATE.exec(clean);
    if (iso) problems.push(`ISO date ${iso[0]} in: ${text.slice(0, 120)}`);
  }
  return problems;
}

async function setLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
  const button = page.getByRole('button', { name: language === 'en' ? 'English' : 'Nederlands' });
  if (await button.isVisible()) {
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Waits until the page has settled: no "loading" text left and the network idle. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^(Bezig met laden…|Loading…)$/)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const SCREENS: Record<keyof typeof DEMO, string[]> = {
  ambassador: ['/', '/casussen', 'first-case', '/catalogus', '/olievlek', '/instellingen'],
  team: ['/', '/bord'],
  director: ['/', '/olievlek'],
  admin: ['/beheer/organisatie', '/beheer/gebruikers', '/beheer/audit', '/beheer/import'],
};

// The language is kept per account: give every account back in Dutch, whatever the test found,
// so the specs after this one meet the Dutch screens they expect.
test.afterEach(async ({ page }) => {
  if (page.url().includes('/inloggen') || page.url() === 'about:blank') return;
  await setLanguage(page, 'nl');
});

for (const language of ['nl', 'en'] as const) {
  for (const role of Object.keys(SCREENS) as Array<keyof typeof DEMO>) {
    test(`${role}'s screens in ${language === 'nl' ? 'Dutch' : 'English'} hold no word of the other language and no raw key`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, DEMO[role]);
      await setLanguage(page, language);
      const problems: string[] = [];
      for (const screen of SCREENS[role]) {
        if (screen === 'first-case') {
          await page.goto('/casussen');
          await settle(page);
          await page.locator('a[href^="/casussen/"]').first().click();
          await page.waitForURL(/\/casussen\/[0-9a-f-]{36}$/);
        } else {
          await page.goto(screen);
        }
        await settle(page);
        const found = findProblems(await readable(page), language === 'nl' ? ENGLISH : DUTCH).map(
          (p) => `${page.url().replace(/^https?:\/\/[^/]+/, '')}: ${p}`,
        );
        problems.push(...found);
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
}
