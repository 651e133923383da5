import { fromUtcMidnight, LocalDate, toUtcMidnight } from '@olievlek/domain';

/**
 * Dates as whole day numbers (days since 1970-01-01) inside the generator: millions of periods
 * are compared and shifted, and numbers are cheaper than `YYYY-MM-DD` strings for that.
 */
const DAY_MS = 86_400_000;
const dates = new Map<number, LocalDate>();
const days = new Map<LocalDate, number>();

export function dayOf(date: LocalDate): number {
  let day = days.get(date);
  if (day === undefined) {
    day = Math.round(toUtcMidnight(date) / DAY_MS);
    days.set(date, day);
  }
  return day;
}

export function dateOf(day: number): LocalDate {
  let date = dates.get(day);
  if (date === undefined) {
    date = fromUtcMidnight(day * DAY_MS);
    dates.set(day, date);
  }
  return date;
}

/** An instant on a day, as the schema stores it (ISO-8601 UTC, 24 characters). */
export function instantOf(day: number, hourUtc = 9, minute = 0): string {
  const hh = String(hourUtc).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${dateOf(day)}T${hh}:${mm}:00.000Z`;
}

/** The most recent Sunday on or before a date: the default end of the history (stable for a week). */
export function lastSunday(date: LocalDate): LocalDate {
  const day = dayOf(date);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 7) % 7; // Sunday = 0
  return dateOf(day - weekday);
}
