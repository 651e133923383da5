import { ERROR_CODES, FIELD_RULES, IMPORT_ROW_ERROR_CODES } from '@olievlek/shared';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';
import { nl } from './nl';

/**
 * The client's texts hold together: both languages have the same keys with the same
 * placeholders, every key the code asks for exists, every key exists because the code asks for
 * it, and every error code the API can answer with has its own sentence in both languages (so
 * the client never falls back to the API's English message).
 */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

function node(tree: Tree, path: string): string | Tree | undefined {
  let current: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (current === undefined || typeof current === 'string') return undefined;
    current = current[part];
  }
  return current;
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const NL = leaves(nl as unknown as Tree);
const EN = leaves(en as unknown as Tree);
const GROUPS = new Set(Object.keys(nl));
/** Literals that look like keys and are not: the browser's storage key for the language. */
const NOT_KEYS = new Set(['olievlek.language']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return (name.endsWith('.ts') && !name.endsWith('.spec.ts')) || name.endsWith('.html')
      ? [path]
      : [];
  });
}

/**
 * Key references in the client's code: quoted literals (in code and in inline templates) that
 * start with a group of the texts, and the fixed start of template literals
 * (`importExport.field.${field}`). A trailing dot marks a prefix completed at run time.
 */
function references(): { full: Set<string>; prefixes: Set<string> } {
  const full = new Set<string>();
  const prefixes = new Set<string>();
  const key = /^[a-zA-Z]+(?:\.[\w-]+)+\.?$|^[a-zA-Z]+\.$/;
  for (const file of sourceFiles(join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    // Separate passes: a template's "…" attribute holds '…' literals of its own.
    const found = [
      ...[...text.matchAll(/'([^'\n]*)'/g)].map((m) => [m[1], false] as const),
      ...[...text.matchAll(/"([^"\n]*)"/g)].map((m) => [m[1], false] as const),
      ...[...text.matchAll(/`([^`$]*)\$\{/g)].map((m) => [m[1], true] as const),
    ];
    for (const [literal, templated] of found) {
      if (!literal || !key.test(literal) || !GROUPS.has(literal.split('.')[0])) continue;
      if (NOT_KEYS.has(literal)) continue;
      if (templated || literal.endsWith('.')) {
        prefixes.add(literal.endsWith('.') ? literal : `${literal}.`);
      } else full.add(literal);
    }
  }
  // The key figures' words are FIGURE_WORDS (libs/shared), read there as `w.<name>` by the
  // functions the screen and the server's report share.
  const shared = readFileSync(
    join(__dirname, '../../../../../libs/shared/src/lib/figure-words.ts'),
    'utf8',
  );
  for (const [, name] of shared.matchAll(/\bw\.(\w+)/g)) full.add(`olievlek.figures.${name}`);
  return { full, prefixes };
}

describe('the translations', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    expect([...EN.keys()].sort()).toEqual([...NL.keys()].sort());
    const empty = [...NL, ...EN].filter(([, text]) => text.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const different = [...NL]
      .filter(([k, text]) => placeholders(text).join() !== placeholders(EN.get(k) ?? '').join())
      .map(([k]) => k);
    expect(different).toEqual([]);
  });

  it('have a sentence for every error code the API answers with, in both languages', () => {
    const missing = ERROR_CODES.filter(
      (code) => typeof node(nl as unknown as Tree, `errors.${code}`) !== 'string',
    );
    expect(missing).toEqual([]);
    const rowMissing = IMPORT_ROW_ERROR_CODES.filter(
      (code) => typeof node(nl as unknown as Tree, `importExport.rowErrors.${code}`) !== 'string',
    );
    expect(rowMissing).toEqual([]);
    const ruleMissing = FIELD_RULES.filter(
      (rule) => typeof node(nl as unknown as Tree, `fieldRules.${rule}`) !== 'string',
    );
    expect(ruleMissing).toEqual([]);
  });

  it('hold every key the code asks for (no untranslated key)', () => {
    const { full, prefixes } = references();
    const unknown = [...full].filter((k) => node(nl as unknown as Tree, k) === undefined);
    const unknownPrefixes = [...prefixes].filter(
      (p) => typeof node(nl as unknown as Tree, p.slice(0, -1)) !== 'object',
    );
    expect([...unknown, ...unknownPrefixes].sort()).toEqual([]);
  });

  it('say a count in running text with its plural forms, never "casus(sen)"', () => {
    // A `{{count}}` in a sentence takes the form of the word beside it ("1 antwoord",
    // "2 antwoorden"), so it must sit in a `{ one, other }` pair that `Formatter.plural` picks
    // from. A tally in brackets or after a colon ("Fouten (3)", "Bezetting: 12") has no such word.
    const tally = (text: string) =>
      text.replace(/\([^()]*\)/g, '()').replace(/:\s*{{\s*count\s*}}/g, ':');
    const withoutForms = (texts: Map<string, string>) =>
      [...texts]
        .filter(([key, text]) => {
          const form = key.split('.').at(-1);
          return /{{\s*count\s*}}/.test(tally(text)) && form !== 'one' && form !== 'other';
        })
        .map(([key]) => key);
    expect(withoutForms(NL)).toEqual([]);
    expect(withoutForms(EN)).toEqual([]);
    // Both forms or neither: a lone `one` or `other` with a count is a typo.
    const halfPairs = [...NL]
      .filter(([k, text]) => /\.(one|other)$/.test(k) && /{{\s*count\s*}}/.test(text))
      .map(([k]) => k)
      .filter((k) => !NL.has(k.replace(/(one|other)$/, (f) => (f === 'one' ? 'other' : 'one'))));
    expect(halfPairs).toEqual([]);
    // The bracketed fallbacks for a plural that the forms replace.
    const fallbacks = [...NL, ...EN]
      .filter(([, text]) => /\p{L}\((s|en|sen|n|es)\)/u.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(fallbacks).toEqual([]);
  });

  it('hold no key the code never asks for', () => {
    const { full, prefixes } = references();
    // A key is used by its full path, by a prefix the code completes at run time, or through
    // its parent (plural forms `one`/`other` picked by count).
    const used = (path: string) =>
      full.has(path) ||
      [...prefixes].some((p) => path.startsWith(p)) ||
      [...full].some((f) => path.startsWith(`${f}.`));
    const unused = [...NL.keys()].filter((k) => !used(k));
    expect(unused).toEqual([]);
  });
});
