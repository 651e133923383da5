import { computed, inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { percentText, pluralCategory } from '@olievlek/shared';
import type { FractionDto, Locale, PracticeRefDto, StageDto } from '@olievlek/shared';
import { LanguageService } from '../core/language.service';

/** Lowest first: the order of the legend, the tables and the stacked areas. */
export const STAGES: readonly StageDto[] = [
  'not-reached',
  'intake',
  'experimenting',
  'practising',
  'spreading',
];

// The colours are shared with the server's printable report (libs/shared).
export { REACH_COLOURS, reachStep, STAGE_COLOURS } from '@olievlek/shared';

// Kept in a file without Angular, so the pure option builders and their tests can use them.
export { ALERT_COLOUR, NEUTRAL_LINE } from './chart-colours';

export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  );
}

/** ECharts writes tooltips as HTML: every name from the database goes through here first. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const utcDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
};

/** Texts and number formats in the user's language, as signals the charts can follow. */
export class OlievlekFormat {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  /** Emits when the active language's texts are loaded: charts rebuild their options then. */
  private readonly translation = toSignal(this.transloco.selectTranslation(), {
    initialValue: {},
  });

  readonly locale: Signal<Locale> = computed(() => this.language.current());
  private readonly tag = computed(() => (this.locale() === 'nl' ? 'nl-NL' : 'en-GB'));
  private readonly decimalFormat = computed(
    () => new Intl.NumberFormat(this.tag(), { maximumFractionDigits: 1 }),
  );
  private readonly monthLong = computed(
    () => new Intl.DateTimeFormat(this.tag(), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  private readonly dateLong = computed(
    () => new Intl.DateTimeFormat(this.tag(), { dateStyle: 'long', timeZone: 'UTC' }),
  );

  /** A translated text; reading it inside a computed makes that computed follow the language. */
  t(key: string, params?: Record<string, unknown>): string {
    // Read the texts themselves, not only the language: English arrives a moment after the switch.
    this.translation();
    this.locale();
    return this.transloco.translate(key, params);
  }

  /** `key.one` or `key.other` by the language's plural rule, `{{count}}` in its digits. */
  plural(key: string, count: number, params: Record<string, unknown> = {}): string {
    const category = pluralCategory(this.locale(), count);
    return this.t(`${key}.${category}`, { ...params, count: this.decimalFormat().format(count) });
  }

  stage(stage: StageDto): string {
    return this.t('stages.' + stage);
  }

  practice(practice: PracticeRefDto | null): string {
    if (!practice) return '';
    return this.locale() === 'en' ? practice.title.en : practice.title.nl;
  }

  percent(fraction: FractionDto | null): string {
    return percentText(this.locale(), fraction);
  }

  /** A share as a number of percent for tables and CSV (45.5), null when there is nothing to count. */
  percentNumber(fraction: FractionDto | null): number | null {
    return fraction ? Math.round(fraction.value * 1000) / 10 : null;
  }

  decimal(value: number): string {
    return this.decimalFormat().format(value);
  }

  /** "2025-03" or "2025-03-31" → "maart 2025". */
  month(month: string): string {
    return this.monthLong().format(utcDate(month.slice(0, 7) + '-01'));
  }

  date(date: string): string {
    return this.dateLong().format(utcDate(date));
  }

  yesNo(value: boolean): string {
    return this.t(value ? 'olievlek.yes' : 'olievlek.no');
  }
}
