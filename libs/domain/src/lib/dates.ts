/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic runs on UTC midnights, which have no
 * daylight-saving jumps, so a date plus seven days is always the same weekday a week later.
 */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return (
    d.getUTCFullYear() === +match[1] &&
    d.getUTCMonth() === +match[2] - 1 &&
    d.getUTCDate() === +match[3]
  );
}

/**
 * Date strings ⇄ UTC midnights, remembered: the figures convert the same few thousand dates
 * millions of times (every period of every agreement at every date of a series), and parsing or
 * formatting a date costs a `Date` each time. Bounded, so odd input cannot grow them for ever.
 */
const CACHE_LIMIT = 100_000;
const msOfDate = new Map<string, number>();
const dateOfMs = new Map<number, string>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function toUtcMidnight(date: LocalDate): number {
  const known = msOfDate.get(date);
  if (known !== undefined) return known;
  const match = DATE_PATTERN.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return remember(msOfDate, date, Date.UTC(+match[1], +match[2] - 1, +match[3]));
}

export function fromUtcMidnight(ms: number): LocalDate {
  const known = dateOfMs.get(ms);
  if (known !== undefined) return known;
  return remember(dateOfMs, ms, new Date(ms).toISOString().slice(0, 10));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: LocalDate): number {
  return (new Date(toUtcMidnight(date)).getUTCDay() + 6) % 7;
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -weekdayIndex(date));
}

/** The calendar date of an instant in a time zone (the organisation's, e.g. Europe/Amsterdam). */
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
