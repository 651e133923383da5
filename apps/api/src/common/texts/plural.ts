import { pluralCategory, type Locale } from '@olievlek/shared';

/** A text with a number in it, in both forms: `one` for "1 stap", `other` for "2 stappen". */
export interface PluralFns {
  one: (n: number) => string;
  other: (n: number) => string;
}

/** The form that fits `n` by the language's rule (`pluralCategory`, as on screen). */
export const pluralText = (locale: Locale, forms: PluralFns, n: number): string =>
  forms[pluralCategory(locale, n)](n);
