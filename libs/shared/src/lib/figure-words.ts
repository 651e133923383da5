import { formatNumber, formatPercent, pluralCategory } from './format';
import type { FractionDto } from './olievlek';
import type { Locale } from './roles';

/**
 * The words of the key figures, shared by the olievlek screen (its `olievlek.figures` texts) and
 * the printable report / PDF made on the server, so both say the same thing the same way.
 * Placeholders are written `{{name}}` as in the client's texts; `fillWords` fills them.
 */
const NL = {
  heading: 'Kerncijfers op {{date}}',
  reach: 'Bereik',
  reachHow:
    'Teams die experimenteren, praktiseren of verspreiden, als deel van alle actieve teams.',
  rooted: 'Geworteld',
  rootedHow:
    'Teams die praktiseren of verspreiden: minstens één stap 6 van de laatste 8 keer gedaan, of eigen gemaakt.',
  ofTeams: '{{x}} van {{y}} teams',
  noTeams: 'Geen teams om te tellen',
  ofPeople: 'Naar bezetting: {{percent}} ({{x}} van {{y}} medewerkers).',
  noHeadcount: 'Naar bezetting: geen bezetting bekend.',
  withoutHeadcount: {
    one: '{{count}} team zonder bekende bezetting telt daar niet mee.',
    other: '{{count}} teams zonder bekende bezetting tellen daar niet mee.',
  },
  stages: 'Teams per fase',
  stagesHow: 'De hoogste fase die op de datum geldt, van {{teams}} actieve teams.',
  adopters: 'Adoptercategorieën',
  adoptersHow:
    'Naar de datum waarop een team ging praktiseren, vergeleken met het gemiddelde in de organisatie (Rogers). Wie nog niet praktiseert, telt als achterblijver.',
  stalled: 'Stilgevallen afspraken',
  stalledHow: 'Lopende afspraken zonder afvinken in de laatste 3 perioden.',
  spreadFactor: 'Verspreidingsfactor R',
  spreadFactorDetail:
    '{{inspired}} keer een team geïnspireerd door {{spreading}} verspreidende teams',
  noSpreading: 'Nog geen verspreidende teams.',
  spreadFactorHow: 'Het gemiddelde aantal teams dat een verspreidend team inspireerde.',
  crossUnit: 'Verbindingen over grenzen',
  crossUnitDetail: '{{departments}} tussen afdelingen, waarvan {{directorates}} tussen directies',
  crossUnitHow:
    'Afspraken en verspreidingslinks waarvan de twee teams in verschillende afdelingen zitten.',
  perUnit: 'Per onderdeel',
  perUnitHint: 'Klik op een naam om in te zoomen.',
  perUnitCaption: 'Kerncijfers per onderdeel van {{unit}} op {{date}}',
  unit: 'Onderdeel',
  teams: 'Teams',
  reachedTeams: 'Bereikt (teams)',
  reachPercent: 'Bereik (%)',
  rootedTeams: 'Geworteld (teams)',
  rootedPercent: 'Geworteld (%)',
  reachWeightedPercent: 'Bereik naar bezetting (%)',
  crossDepartments: 'Verbindingen tussen afdelingen',
};

export type FigureWords = typeof NL;

const EN: FigureWords = {
  heading: 'Key figures on {{date}}',
  reach: 'Reach',
  reachHow: 'Teams experimenting, practising or spreading, as a share of all active teams.',
  rooted: 'Rooted',
  rootedHow:
    'Teams practising or spreading: at least one step done 6 of its last 8 times, or adopted.',
  ofTeams: '{{x}} of {{y}} teams',
  noTeams: 'No teams to count',
  ofPeople: 'By headcount: {{percent}} ({{x}} of {{y}} staff).',
  noHeadcount: 'By headcount: no headcount known.',
  withoutHeadcount: {
    one: '{{count}} team without a known headcount is left out of it.',
    other: '{{count}} teams without a known headcount are left out of it.',
  },
  stages: 'Teams per stage',
  stagesHow: 'The highest stage that holds on the date, of {{teams}} active teams.',
  adopters: 'Adopter categories',
  adoptersHow:
    'By the date a team started practising, against the mean of the organisation (Rogers). Teams not practising yet count as laggards.',
  stalled: 'Stalled agreements',
  stalledHow: 'Running agreements without a check-off in their last 3 periods.',
  spreadFactor: 'Spread factor R',
  spreadFactorDetail: '{{inspired}} times a team inspired by {{spreading}} spreading teams',
  noSpreading: 'No spreading teams yet.',
  spreadFactorHow: 'The mean number of teams inspired per spreading team.',
  crossUnit: 'Links across boundaries',
  crossUnitDetail:
    '{{departments}} across departments, {{directorates}} of them across directorates',
  crossUnitHow: 'Agreements and spread links whose two teams sit in different departments.',
  perUnit: 'Per unit',
  perUnitHint: 'Click a name to zoom in.',
  perUnitCaption: 'Key figures per unit of {{unit}} on {{date}}',
  unit: 'Unit',
  teams: 'Teams',
  reachedTeams: 'Reached (teams)',
  reachPercent: 'Reach (%)',
  rootedTeams: 'Rooted (teams)',
  rootedPercent: 'Rooted (%)',
  reachWeightedPercent: 'Reach by headcount (%)',
  crossDepartments: 'Links across departments',
};

export const FIGURE_WORDS: Readonly<Record<'nl' | 'en', FigureWords>> = { nl: NL, en: EN };

/** `{{name}}` placeholders filled from `params`, as Transloco fills them on screen. */
export function fillWords(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The `{ one, other }` forms of a text for people. */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * The form of `forms` that fits `count` in the language (`pluralCategory`, the one rule for
 * plurals), with `{{count}}` written in the language's digits: "1 team", "4 teams".
 */
export function pluralWords(
  locale: Locale,
  forms: PluralForms,
  count: number,
  params: Record<string, string | number> = {},
): string {
  return fillWords(forms[pluralCategory(locale, count)], {
    ...params,
    count: formatNumber(locale, count, 0),
  });
}

/** "12 van 40 teams", or that there is nothing to count: the line under reach and rooted. */
export function teamsOfText(locale: Locale, fraction: FractionDto | null): string {
  const w = FIGURE_WORDS[locale];
  return fraction
    ? fillWords(w.ofTeams, { x: fraction.numerator, y: fraction.denominator })
    : w.noTeams;
}

/** The share by headcount, and how many teams without a headcount it leaves out. */
export function weightedText(
  locale: Locale,
  fraction: FractionDto | null,
  teamsWithoutHeadcount: number,
): string {
  const w = FIGURE_WORDS[locale];
  const base = fraction
    ? fillWords(w.ofPeople, {
        percent: formatPercent(locale, fraction.value),
        x: fraction.numerator,
        y: fraction.denominator,
      })
    : w.noHeadcount;
  if (teamsWithoutHeadcount <= 0) return base;
  return `${base} ${pluralWords(locale, w.withoutHeadcount, teamsWithoutHeadcount)}`;
}

/** A share as on screen: whole percents, "—" when there is nothing to count. */
export const percentText = (locale: Locale, fraction: FractionDto | null): string =>
  fraction ? formatPercent(locale, fraction.value) : '—';

/** The spread factor R as on screen: one decimal, "—" without spreading teams. */
export const spreadFactorText = (locale: Locale, factor: FractionDto | null): string =>
  factor ? formatNumber(locale, factor.value, 1) : '—';
