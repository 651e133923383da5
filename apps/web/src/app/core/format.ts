import { computed, inject, Injectable, Pipe, type PipeTransform } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@olievlek/shared';
import { AuthService } from './auth.service';
import { LanguageService } from './language.service';

/**
 * The one place where the client writes numbers, dates, periods and plurals for people: a
 * decimal comma in Dutch, "3 december 2026", "week 49", "november 2026", "1 antwoord" and
 * "2 antwoorden", instants in the organisation's time zone. The API and exports keep ISO keys
 * (`2026-12-03`, `2026-W49`); only the screen turns them into words. Pure functions first (they
 * take the language), then a service and pipes that follow the active language.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const tagOf = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'nl-NL');

const utcDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
};

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(tagOf(locale), { maximumFractionDigits }).format(value);
}

/** A share 0–1 as "45 %" (nl) or "45%" (en). */
export function formatPercent(locale: Locale, share: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(tagOf(locale), { style: 'percent', maximumFractionDigits }).format(
    share,
  );
}

/** `2026-12-03` → "3 december 2026" / "3 December 2026". */
export function formatDate(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(tagOf(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    utcDate(date),
  );
}

/** `2026-11` (or a date in it) → "november 2026". */
export function formatMonth(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(month.slice(0, 7) + '-01'));
}

/** `2026-W49` → "week 49 van 2026" / "week 49 of 2026"; without the year in `currentYear`. */
export function formatWeek(locale: Locale, week: string, currentYear?: number): string {
  const match = WEEK.exec(week);
  if (!match) return week;
  const [, year, number] = match;
  const n = Number(number);
  if (Number(year) === currentYear) return `week ${n}`;
  return locale === 'en' ? `week ${n} of ${year}` : `week ${n} van ${year}`;
}

/**
 * A period key as people say it: a week, a month, a day; `once` (the one period of a one-off
 * step) is left to the caller's translation.
 */
export function formatPeriod(locale: Locale, period: string, currentYear?: number): string {
  if (WEEK.test(period)) return formatWeek(locale, period, currentYear);
  if (MONTH.test(period)) return formatMonth(locale, period);
  if (DAY.test(period)) return formatDate(locale, period);
  return period;
}

/** An ISO instant → "3 december 2026 14:05" in the organisation's time zone (not UTC). */
export function formatDateTime(locale: Locale, instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}

/** The plural category of a count in a language ("one", "other"), for `{ one, other }` texts. */
export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  return new Intl.PluralRules(tagOf(locale)).select(count) === 'one' ? 'one' : 'other';
}

/** Formats in the active language and the organisation's time zone; follows a switch. */
@Injectable({ providedIn: 'root' })
export class Formatter {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);
  /** Emits when the active language's texts are loaded (English arrives a moment later). */
  private readonly translation = toSignal(this.transloco.selectTranslation(), {
    initialValue: {},
  });

  readonly locale = computed(() => this.language.current());
  readonly timeZone = computed(() => this.auth.me()?.timeZone ?? DEFAULT_TIME_ZONE);

  number(value: number | null | undefined, digits = 1): string {
    return value === null || value === undefined ? '—' : formatNumber(this.locale(), value, digits);
  }

  percent(share: number | null | undefined, digits = 0): string {
    return share === null || share === undefined
      ? '—'
      : formatPercent(this.locale(), share, digits);
  }

  date(date: string | null | undefined): string {
    return date ? formatDate(this.locale(), date) : '—';
  }

  month(month: string): string {
    return formatMonth(this.locale(), month);
  }

  period(period: string): string {
    if (period === 'once') return this.t('format.once');
    return formatPeriod(this.locale(), period, new Date().getFullYear());
  }

  dateTime(instant: string | null | undefined): string {
    return instant ? formatDateTime(this.locale(), instant, this.timeZone()) : '—';
  }

  /** `key.one` or `key.other` with `{{count}}` written in the language's digits. */
  plural(key: string, count: number, params: Record<string, unknown> = {}): string {
    const category = pluralCategory(this.locale(), count);
    return this.t(`${key}.${category}`, { ...params, count: this.number(count, 0) });
  }

  /** A translated text; inside a computed it makes that computed follow the language. */
  t(key: string, params?: Record<string, unknown>): string {
    this.translation();
    this.locale();
    return this.transloco.translate(key, params);
  }
}

/** `{{ '2026-12-03' | ovDate }}` → "3 december 2026"; periods and instants with `: 'period'`. */
@Pipe({ name: 'ovDate', pure: false })
export class DatePipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(value: string | null | undefined, as: 'date' | 'period' | 'dateTime' = 'date'): string {
    if (!value) return '—';
    if (as === 'period') return this.format.period(value);
    if (as === 'dateTime') return this.format.dateTime(value);
    return this.format.date(value);
  }
}

/** `{{ 12.5 | ovNumber }}` → "12,5" in Dutch. */
@Pipe({ name: 'ovNumber', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(value: number | null | undefined, digits = 1): string {
    return this.format.number(value, digits);
  }
}

/** `{{ 'board.answers' | ovPlural: n }}` → "1 antwoord", "2 antwoorden". */
@Pipe({ name: 'ovPlural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly format = inject(Formatter);
  transform(key: string, count: number, params?: Record<string, unknown>): string {
    return this.format.plural(key, count, params);
  }
}
