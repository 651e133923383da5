import { holdsAtEnd, monthSpan } from '@olievlek/domain';
import type { AdoptionDto, Locale, RunChartSignalDto } from '@olievlek/shared';
import { formatMonth, pluralCategory } from '../core/format';
import type { Translate } from './headline';

export interface SignalSentenceInput {
  signal: RunChartSignalDto;
  /** The unit the view shows ("Directie Sociaal Domein"). */
  unit: string;
  /** Whether it still holds at the series' last month (`signalHolds`). */
  holds: boolean;
}

/** A series of the adoption curve as the server judged it: reach per month, or new teams. */
function seriesOf(adoption: AdoptionDto, series: RunChartSignalDto['series']): (number | null)[] {
  return adoption.months.map((m) =>
    series === 'newlyReached'
      ? m.newlyReached
      : m.teams > 0
        ? (m.stages.experimenting + m.stages.practising + m.stages.spreading) / m.teams
        : null,
  );
}

/**
 * Whether a signal of the unit's curve still holds at its last month: nothing after it broke it
 * (`holdsAtEnd` in libs/domain — later months on the median, or like the last, do not).
 */
export function signalHolds(adoption: AdoptionDto, signal: RunChartSignalDto): boolean {
  const median = adoption.medians[signal.series];
  const months = adoption.months.map((m) => m.month);
  const indices = signal.months.map((m) => months.indexOf(m));
  if (median === null || indices.length === 0 || indices.includes(-1)) return false;
  const judged =
    signal.kind === 'shift'
      ? { kind: 'shift' as const, side: signal.direction as 'above' | 'below', indices }
      : { kind: 'trend' as const, direction: signal.direction as 'up' | 'down', indices };
  return holdsAtEnd(seriesOf(adoption, signal.series), judged, median);
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
 * versnelt sinds juni 2026." A signal that still holds is told in the present tense; one that
 * was broken before the last month, in the past. `docs/design.md` §The olievlek view for
 * directors lists the sentences.
 */
export function signalSentence(locale: Locale, t: Translate, input: SignalSentenceInput): string {
  const { signal, unit, holds } = input;
  const first = signal.months[0] ?? '';
  const tense = holds ? 'now' : 'past';
  return t(`olievlek.adoption.sentence.${signal.series}.${signal.direction}.${tense}`, {
    span: signalSpan(locale, t, signal.months),
    unit,
    since: first ? formatMonth(locale, first) : '',
  });
}
