import type { Locale } from './roles';

/**
 * The one place where numbers, dates, periods and plurals are written for people — on screen and
 * in the server's printable report and PDF alike: a
 * decimal comma in Dutch, "3 december 2026", "week 49", "november 2026", "1 antwoord" and
 * "2 antwoorden", instants in the organisation's time zone. The API and exports keep ISO keys
 * (`2026-12-03`, `2026-W49`); the screen and the report turn them into words. These pure functions
 * take the language; the client's `Formatter` and its pipes follow the active one.
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

/** A share 0–1 as "45,5%" (nl) or "45.5%" (en), as Intl writes it in each language. */
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
export function formatDateTime(
  locale: Locale,
  instant: string,
  timeZone: string,
  seconds = false,
): string {
  return new Intl.DateTimeFormat(tagOf(locale), {
    dateStyle: 'long',
    timeStyle: seconds ? 'medium' : 'short',
    timeZone,
  }).format(new Date(instant));
}

/** The plural category of a count in a language ("one", "other"), for `{ one, other }` texts. */
export function pluralCategory(locale: Locale, count: number): 'one' | 'other' {
  return new Intl.PluralRules(tagOf(locale)).select(count) === 'one' ? 'one' : 'other';
}

/**
 * The calendar day it is at `now` in the organisation's time zone (`timeZone` from
 * `/api/auth/me`), as `YYYY-MM-DD` — the day the API calls "today", whatever the browser's zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
