import type { AdoptionMonthDto, FractionDto, Locale } from '@olievlek/shared';
import { formatMonth, formatNumber, formatPercent, pluralCategory } from '../core/format';

/** A translation lookup, as Transloco's `translate` (the page) or a plain dictionary (the tests). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface HeadlineInput {
  /** The view's own figures at its date: the headline says what the key figures say. */
  reach: FractionDto | null;
  rooted: FractionDto | null;
  /** The date the view stands on (YYYY-MM-DD). */
  date: string;
  /** The unit's months (the S-curve), oldest first. */
  months: ReadonlyArray<Pick<AdoptionMonthDto, 'month' | 'stages' | 'teams'>>;
}

export interface Headline {
  /** "69% van de teams bereikt — was 6% in februari 2025; 44% heeft het eigen gemaakt." */
  sentence: string;
  /** "Dat is 2,5 procentpunt meer dan eind november 2026."; null without an earlier month. */
  trend: string | null;
}

const reachOf = (m: HeadlineInput['months'][number]) =>
  (m.stages.experimenting + m.stages.practising + m.stages.spreading) / m.teams;

/**
 * The view's headline in one sentence and two numbers: the share of teams reached (and what it
 * was in the programme's first month in the unit), the share that made it their own (rooted),
 * and the change in reach since the end of the month before the view's date, in percentage
 * points to one decimal. Whole percents, as the key figures write them. Null without teams.
 */
export function headline(locale: Locale, t: Translate, input: HeadlineInput): Headline | null {
  if (!input.reach || !input.rooted) return null;
  const reach = formatPercent(locale, input.reach.value);
  const rooted = formatPercent(locale, input.rooted.value);
  const current = input.date.slice(0, 7);
  const earlier = input.months.filter((m) => m.teams > 0 && m.month < current);
  const first = earlier[0];
  const sentence = first
    ? t('olievlek.headline.sentence', {
        reach,
        rooted,
        start: formatPercent(locale, reachOf(first)),
        since: formatMonth(locale, first.month),
      })
    : t('olievlek.headline.sentenceNoStart', { reach, rooted });
  const previous = earlier.at(-1);
  if (!previous) return { sentence, trend: null };
  const points = Math.round((input.reach.value - reachOf(previous)) * 1000) / 10;
  const month = formatMonth(locale, previous.month);
  if (points === 0) return { sentence, trend: t('olievlek.headline.same', { month }) };
  const size = Math.abs(points);
  const direction = points > 0 ? 'up' : 'down';
  return {
    sentence,
    trend: t(`olievlek.headline.${direction}.${pluralCategory(locale, size)}`, {
      points: formatNumber(locale, size, 1),
      month,
    }),
  };
}
