import { SERVER_TEXTS } from '.';
import { renderMail, type AmbassadorDigestContent } from '../../mail/mail-templates';

/**
 * The API's own texts hold together like the client's (apps/web/src/app/i18n/translations.spec.ts):
 * each store has the same keys in Dutch and English, the same `{{placeholders}}` in a text, and a
 * text that is a function takes the same arguments and shows each of them in both languages.
 */

type Leaf = string | ((...args: never[]) => string);
type Tree = { [key: string]: Leaf | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || typeof value === 'function') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** What a text lets through: its `{{names}}`, or for a function its arity and which arguments it shows. */
function shape(leaf: Leaf): string {
  if (typeof leaf === 'string') {
    return [...leaf.matchAll(/{{\s*(\w+)\s*}}/g)]
      .map((m) => m[1])
      .sort()
      .join();
  }
  const markers = Array.from({ length: leaf.length }, (_, i) => `⟦${i}⟧`);
  const text = (leaf as (...args: string[]) => string)(...markers);
  return `(${leaf.length}) ${markers.filter((m) => text.includes(m)).join()}`;
}

type Store = { nl: Tree; en: Tree };
const STORES = Object.entries(SERVER_TEXTS as unknown as Record<string, Store>);

describe("the API's texts", () => {
  it.each(STORES)('%s: the same keys in Dutch and English, none empty', (_, store) => {
    const nl = leaves(store.nl);
    const en = leaves(store.en);
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    const empty = [...nl, ...en].filter(([, t]) => typeof t === 'string' && t.trim() === '');
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it.each(STORES)('%s: the same placeholders and arguments in both languages', (_, store) => {
    const nl = leaves(store.nl);
    const en = leaves(store.en);
    const different = [...nl]
      .filter(([key, text]) => !en.has(key) || shape(text) !== shape(en.get(key) as Leaf))
      .map(
        ([key, text]) =>
          `${key}: ${shape(text)} / ${en.has(key) ? shape(en.get(key) as Leaf) : '—'}`,
      );
    expect(different).toEqual([]);
    // Every function shows every argument it takes (a dropped count is a silent bug).
    const hidden = [...nl, ...en]
      .filter(
        ([, t]) =>
          typeof t === 'function' &&
          !shape(t).endsWith(Array.from({ length: t.length }, (_, i) => `⟦${i}⟧`).join()),
      )
      .map(([k]) => k);
    expect(hidden).toEqual([]);
  });

  it('keep plural forms in pairs', () => {
    const halves = STORES.flatMap(([name, store]) =>
      [...leaves(store.nl).keys(), ...leaves(store.en).keys()]
        .filter((k) => /\.(one|other)$/.test(k))
        .filter(
          (k, _, all) =>
            !all.includes(k.replace(/(one|other)$/, (f) => (f === 'one' ? 'other' : 'one'))),
        )
        .map((k) => `${name}.${k}`),
    );
    expect(halves).toEqual([]);
  });

  it('fail on a store whose languages differ (the check can fail)', () => {
    const broken: Store = {
      nl: { a: 'Hallo {{name}}', b: (n: number) => `${n} stappen`, c: 'alleen nl' },
      en: { a: 'Hello {{who}}', b: () => 'steps' },
    };
    expect([...leaves(broken.en).keys()].sort()).not.toEqual([...leaves(broken.nl).keys()].sort());
    expect(shape(broken.nl.a as Leaf)).not.toBe(shape(broken.en.a as Leaf));
    expect(shape(broken.nl.b as Leaf)).not.toBe(shape(broken.en.b as Leaf));
  });
});

describe('the mails count in the right form', () => {
  const frame = (locale: 'nl' | 'en') => ({
    locale,
    name: 'Sam',
    unsubscribeLink: 'https://x/af',
    settingsLink: 'https://x/mails',
  });
  const digest = (openCases: number, silence: number): AmbassadorDigestContent => ({
    kind: 'ambassador-digest' as const,
    stalled: [{ team: 'Team A', link: 'https://x/c', steps: [{ title: 'Doel', silence }] }],
    newRoutines: [],
    reviewsDue: [],
    openCases,
    casesLink: 'https://x/casussen',
  });

  it('says "1 lopende casus" and "3 lopende casussen", "1 periode" and "4 perioden"', () => {
    const one = renderMail(digest(1, 1), frame('nl'));
    expect(one.subject).toBe('Olievlek: je weekoverzicht (1 stilgevallen casus)');
    expect(one.text).toContain('Je hebt 1 lopende casus.');
    expect(one.text).toContain('Doel: 1 periode zonder afvinken');
    const more = renderMail(digest(3, 4), frame('nl'));
    expect(more.text).toContain('Je hebt 3 lopende casussen.');
    expect(more.text).toContain('Doel: 4 perioden zonder afvinken');
    const en = renderMail(digest(1, 1), frame('en'));
    expect(en.subject).toBe('Olievlek: your weekly digest (1 stalled case)');
    expect(en.text).toContain('You have 1 open case.');
    expect(en.text).toContain('Doel: 1 period without a tick');
  });
});
