// Writes apps/web/src/theme-tokens.css: the design tokens of the NL Design System "voorbeeld"
// theme that the app actually uses, instead of all of them (theme.css declares thousands of
// custom properties; shipping them all would double the initial CSS).
//
//   node tools/scripts/theme-tokens.mjs           (npm run theme) regenerate the file
//   node tools/scripts/theme-tokens.mjs --check   exit 1 when the file is out of date (npm test)
//
// What counts as used: every custom property referenced as `var(--name…)` in
//   - apps/web/src/styles.css and the CSS files it @imports from node_modules (the Utrecht
//     component CSS; the theme itself excepted),
//   - every .css, .ts and .html file under apps/web/src (component styles, inline `styles:`,
//     templates, SVG attributes), theme-tokens.css itself excepted,
// plus, transitively, every property referenced by the value of a used token (tokens refer to
// other tokens). The output keeps the selector(s) and the declaration order of theme.css, so
// the cascade is unchanged; it is formatted with the repository's Prettier settings. The result
// depends only on the input files: run it again after using a new component or token.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const THEME_IMPORT = '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
const THEME = join(ROOT, 'node_modules', THEME_IMPORT);
const WEB_SRC = join(ROOT, 'apps/web/src');
const STYLES = join(WEB_SRC, 'styles.css');
const OUTPUT = join(WEB_SRC, 'theme-tokens.css');
const check = process.argv.includes('--check');

/** Names of all custom properties referenced with var(), fallbacks included. */
function references(text) {
  return [...text.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

function stripComments(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Splits a declaration block on the semicolons outside strings and parentheses. */
function splitDeclarations(block) {
  const parts = [];
  let start = 0;
  let depth = 0;
  let quote = null;
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ';' && depth === 0) {
      parts.push(block.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(block.slice(start));
  return parts;
}

/**
 * The rules of theme.css: `selector { --name: value; … }` at the top level, nothing else
 * (the generated token files look like that; anything else is refused rather than dropped).
 */
function parseTheme(css) {
  const rules = [];
  const body = stripComments(css);
  const rule = /([^{}]+)\{([^{}]*)\}/g;
  let end = 0;
  for (const m of body.matchAll(rule)) {
    if (body.slice(end, m.index).trim() !== '') break;
    end = m.index + m[0].length;
    const selector = m[1].trim();
    if (selector.startsWith('@')) throw new Error(`unsupported at-rule in theme: ${selector}`);
    const declarations = [];
    for (const part of splitDeclarations(m[2])) {
      const text = part.trim();
      if (!text) continue;
      const colon = text.indexOf(':');
      const name = text.slice(0, colon).trim();
      if (colon < 0 || !name.startsWith('--')) {
        throw new Error(`unexpected declaration in theme (${selector}): ${text.slice(0, 80)}`);
      }
      declarations.push({ name, value: text.slice(colon + 1).trim() });
    }
    rules.push({ selector, declarations });
  }
  if (body.slice(end).trim() !== '') {
    throw new Error(
      `theme.css has content this script does not understand near: ${body.slice(end, end + 80)}`,
    );
  }
  return rules;
}

function filesUnder(dir, pattern) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** The CSS files styles.css imports from node_modules (the component CSS), theme excepted. */
function importedCss() {
  const styles = readFileSync(STYLES, 'utf8');
  return [...stripComments(styles).matchAll(/@import\s+(?:url\()?['"]([^'"]+)['"]/g)]
    .map((m) => m[1])
    .filter((spec) => !spec.startsWith('.') && spec !== THEME_IMPORT)
    .map((spec) => join(ROOT, 'node_modules', spec));
}

const sources = [...importedCss(), ...filesUnder(WEB_SRC, /\.(css|ts|html)$/)].filter(
  (file) => file !== OUTPUT,
);
for (const file of sources) {
  if (!existsSync(file)) throw new Error(`cannot read ${relative(ROOT, file)}`);
}

const rules = parseTheme(readFileSync(THEME, 'utf8'));
const valueOf = new Map();
for (const { declarations } of rules) {
  for (const { name, value } of declarations) {
    valueOf.set(name, [...(valueOf.get(name) ?? []), value]);
  }
}

// The closure: start from what the app and the components reference, follow token values.
const used = new Set();
const queue = sources.flatMap((file) => references(readFileSync(file, 'utf8')));
while (queue.length > 0) {
  const name = queue.pop();
  if (used.has(name)) continue;
  used.add(name);
  for (const value of valueOf.get(name) ?? []) queue.push(...references(value));
}

const total = rules.reduce((sum, rule) => sum + rule.declarations.length, 0);
const kept = rules
  .map(({ selector, declarations }) => ({
    selector,
    declarations: declarations.filter(({ name }) => used.has(name)),
  }))
  .filter((rule) => rule.declarations.length > 0);
const keptCount = kept.reduce((sum, rule) => sum + rule.declarations.length, 0);

const header = `/*
 * Generated by tools/scripts/theme-tokens.mjs: do not edit. Regenerate with \`npm run theme\`.
 * The design tokens of ${THEME_IMPORT}
 * that apps/web uses (directly or through other tokens): ${keptCount} of ${total}.
 */
`;
const css =
  header +
  kept
    .map(
      ({ selector, declarations }) =>
        `${selector} {\n${declarations.map(({ name, value }) => `  ${name}: ${value};`).join('\n')}\n}\n`,
    )
    .join('\n');
const formatted = await prettier.format(css, {
  ...(await prettier.resolveConfig(OUTPUT)),
  filepath: OUTPUT,
});

const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : null;
if (check) {
  if (current !== formatted) {
    console.error(
      `${relative(ROOT, OUTPUT)} is out of date with the tokens the app uses: run "npm run theme" and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${relative(ROOT, OUTPUT)} is up to date (${keptCount} of ${total} tokens).`);
} else {
  if (current !== formatted) writeFileSync(OUTPUT, formatted);
  console.log(`${relative(ROOT, OUTPUT)}: ${keptCount} of ${total} tokens.`);
}
