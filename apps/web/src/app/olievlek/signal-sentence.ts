import { monthSpan } from '@olievlek/domain';
import type { Locale, RunChartSignalDto } from '@olievlek/shared';
import { formatMonth, pluralCategory } from '../core/format';
import type { Translate } from './headline';

export interface SignalSentenceInput {
  signal: RunChartSignalDto;
  /** The unit the view shows ("Directie Sociaal Domein"). */
  unit: string;
  /** The last month of the unit's series (YYYY-MM): a signal that reaches it still holds. */
  lastMonth: string;
}

/**
 * The calendar months a signal covers, as people say it: "11 maanden, van februari 2025 tot en
 * met november 2026", "1 maand, juni 2026". The count is the span from its first to its last
 * month (`monthSpan`), not its number of points: a shift skips the months on the median.
 */
export function signalSpan(locale: Locale, t: Translate, months: readonly string[]): string {
  const count = monthSpan(months);
  const from = months[0] ?? '';
  const to = months[months.length - 1] ?? '';
  return t(`olievlek.adoption.span.${pluralCategory(locale, count)}`, {
    count,
    from: from ? formatMonth(locale, from) : '',
    to: to ? formatMonth(locale, to) : '',
  });
}

/**
 * What a run-chart signal means for the unit, in one sentence: what the series did over the
 * span and what that says about the change in the unit — "Meer nieuwe teams bereikt dan de
 * mediaan (6 maanden, van juni 2026 tot en met november 2026): de verspreiding in Sociaal Domein
 * versnelt sinds juni 2026." A signal that reaches the last month still holds and is told in
 * the present tense; one that ended before it, in the past. `docs/design.md` §The olievlek view
 * for directors lists the sentences.
 */
export function signalSentence(locale: Locale, t: Translate, input: SignalSentenceInput): string {
  const { signal, unit, lastMonth } = input;
  const first = signal.months[0] ?? '';
  const last = signal.months[signal.months.length - 1] ?? '';
  const tense = last !== '' && last === lastMonth ? 'now' : 'past';
  return t(`olievlek.adoption.sentence.${signal.series}.${signal.direction}.${tense}`, {
    span: signalSpan(locale, t, signal.months),
    unit,
    since: first ? formatMonth(locale, first) : '',
  });
}
