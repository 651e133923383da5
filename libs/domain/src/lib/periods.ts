import {
  addDays,
  daysBetween,
  LocalDate,
  minDate,
  mondayOf,
  toUtcMidnight,
  fromUtcMidnight,
} from './dates';

/** How often an agreement recurs: once, every N weeks (N = 1 is weekly), or monthly. */
export type Cadence = { kind: 'once' } | { kind: 'weeks'; every: number } | { kind: 'monthly' };

export interface Period {
  /** Stable key, unique per agreement: `2026-W48`, `2026-11`, or `once`. */
  key: string;
  /** First and last calendar day of the period (both inclusive). */
  start: LocalDate;
  end: LocalDate;
}

/** The ISO-8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: LocalDate): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = +thursday.slice(0, 4);
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  return { year, week: 1 + daysBetween(firstThursday, thursday) / 7 };
}

export function isoWeekKey(date: LocalDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function lastDayOfMonth(date: LocalDate): LocalDate {
  const d = new Date(toUtcMidnight(date));
  return fromUtcMidnight(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

function validate(cadence: Cadence): void {
  if (
    cadence.kind === 'weeks' &&
    (!Number.isInteger(cadence.every) || cadence.every < 1 || cadence.every > 52)
  ) {
    throw new RangeError(`A cadence of every ${cadence.every} weeks is not valid (1 to 52).`);
  }
}

/**
 * The period of an agreement that contains `date` (on or after the start date).
 * Every-N-weeks periods are N-week blocks counted from the Monday of the start week.
 */
export function periodContaining(cadence: Cadence, startDate: LocalDate, date: LocalDate): Period {
  validate(cadence);
  switch (cadence.kind) {
    case 'once':
      return { key: 'once', start: startDate, end: '9999-12-31' };
    case 'monthly': {
      const first = `${date.slice(0, 7)}-01`;
      return { key: date.slice(0, 7), start: first, end: lastDayOfMonth(date) };
    }
    case 'weeks': {
      const origin = mondayOf(startDate);
      const block = Math.floor(daysBetween(origin, mondayOf(date)) / 7 / cadence.every);
      const start = addDays(origin, block * cadence.every * 7);
      return { key: isoWeekKey(start), start, end: addDays(start, cadence.every * 7 - 1) };
    }
  }
}

/**
 * The due periods of an agreement at `today`, oldest first: from the period holding the start
 * date to the one holding the end date or today, whichever is earlier. None before the start.
 * A `once` agreement has its one period, ending on its end date if it has one.
 * `lastCount` keeps only the latest ones (the same as `.slice(-lastCount)`, without building the
 * older weeks first).
 */
export function duePeriods(
  cadence: Cadence,
  startDate: LocalDate,
  endDate: LocalDate | null,
  today: LocalDate,
  lastCount = Infinity,
  earlier: readonly EarlierCadence[] = [],
): Period[] {
  if (earlier.length > 0) {
    return changedDuePeriods(cadence, startDate, endDate, today, lastCount, earlier);
  }
  validate(cadence);
  if (today < startDate) return [];
  if (cadence.kind === 'once') {
    return [{ key: 'once', start: startDate, end: endDate ?? '9999-12-31' }];
  }
  const last = endDate ? minDate(endDate, today) : today;
  if (last < startDate) return [];
  if (cadence.kind === 'weeks') return weekBlocks(cadence.every, startDate, last, lastCount);
  return monthBlocks(startDate, last, lastCount);
}

/**
 * A cadence an agreement had before a change: it applied from the start (or the previous change)
 * up to the day before `until`, the first day of the next cadence's periods.
 */
export interface EarlierCadence {
  cadence: Cadence;
  until: LocalDate;
}

/**
 * The first day of the periods of `cadence` when an agreement changes to it on `on`: the first
 * period boundary on or after that day — a Monday for weeks, the 1st for monthly, the day itself
 * for once — so a new period never starts in the middle of a week or month.
 */
export function cadenceChangeStart(cadence: Cadence, on: LocalDate): LocalDate {
  validate(cadence);
  switch (cadence.kind) {
    case 'once':
      return on;
    case 'weeks': {
      const monday = mondayOf(on);
      return monday === on ? on : addDays(monday, 7);
    }
    case 'monthly': {
      const first = `${on.slice(0, 7)}-01`;
      return first === on ? on : addDays(lastDayOfMonth(on), 1);
    }
  }
}

/**
 * The earlier cadences after changing from `current` to another cadence whose periods start on
 * `from` (see `cadenceChangeStart`): the cadences up to `from` keep their periods, the last of
 * them cut short on the day before; a cadence that would not have had a single day is left out.
 * A change that takes effect on or before the start date replaces the whole history.
 */
export function withCadenceChange(
  earlier: readonly EarlierCadence[],
  current: Cadence,
  startDate: LocalDate,
  from: LocalDate,
): EarlierCadence[] {
  const spans = [...earlier, { cadence: current, until: from }];
  const result: EarlierCadence[] = [];
  let spanStart = startDate;
  for (const span of spans) {
    const until = span.until < from ? span.until : from;
    if (until > spanStart) result.push({ cadence: span.cadence, until });
    if (until >= from) break;
    spanStart = until;
  }
  return result;
}

/**
 * Due periods across cadence changes: each cadence's own periods from the day it began (the start
 * date, then each `until`) to the day before the next one's, the last of them cut short there.
 * Check-offs keep their period keys: the periods before a change are the ones they were.
 */
function changedDuePeriods(
  cadence: Cadence,
  startDate: LocalDate,
  endDate: LocalDate | null,
  today: LocalDate,
  lastCount: number,
  earlier: readonly EarlierCadence[],
): Period[] {
  const periods: Period[] = [];
  let spanStart = startDate;
  const spans = [
    ...earlier.map((e) => ({ ...e, until: e.until as LocalDate | null })),
    { cadence, until: null },
  ];
  for (const span of spans) {
    const lastDay = span.until === null ? null : addDays(span.until, -1);
    const spanEnd =
      lastDay === null ? endDate : endDate !== null && endDate < lastDay ? endDate : lastDay;
    if (spanEnd !== null && spanEnd < spanStart) break;
    for (const p of duePeriods(span.cadence, spanStart, spanEnd, today)) {
      periods.push(lastDay !== null && p.end > lastDay ? { ...p, end: lastDay } : p);
    }
    if (span.until === null || span.until > today) break;
    spanStart = span.until;
  }
  return lastCount < periods.length ? periods.slice(periods.length - lastCount) : periods;
}

const DAY_MS = 86_400_000;

/**
 * The N-week blocks from the start week to the one holding `last` — the same periods as stepping
 * with `periodContaining`, but on numbers: the figures compute these for thousands of agreements
 * at several dates, and date-string arithmetic per week made that the hot path.
 */
function weekBlocks(
  every: number,
  startDate: LocalDate,
  last: LocalDate,
  lastCount: number,
): Period[] {
  const step = every * 7 * DAY_MS;
  const origin = toUtcMidnight(mondayOf(startDate));
  const blocks = Math.floor((toUtcMidnight(last) - origin) / step) + 1;
  const periods: Period[] = [];
  for (let b = Math.max(0, blocks - lastCount); b < blocks; b++) {
    const ms = origin + b * step;
    periods.push({
      key: isoWeekKeyOfMonday(ms),
      start: fromUtcMidnight(ms),
      end: fromUtcMidnight(ms + step - DAY_MS),
    });
  }
  return periods;
}

/**
 * The calendar months from the start date's to the one holding `last` — the same periods as
 * stepping with `periodContaining`, on month numbers, building only the last `lastCount`.
 */
function monthBlocks(startDate: LocalDate, last: LocalDate, lastCount: number): Period[] {
  const monthNumber = (date: LocalDate) => +date.slice(0, 4) * 12 + (+date.slice(5, 7) - 1);
  const first = monthNumber(startDate);
  const final = monthNumber(last);
  const periods: Period[] = [];
  for (let m = Math.max(first, final - lastCount + 1); m <= final; m++) {
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    periods.push({ key, start: `${key}-01`, end: lastDayOfMonth(`${key}-01`) });
  }
  return periods;
}

const weekKeys = new Map<number, string>();

/** `isoWeekKey` for a Monday given as UTC midnight: week 1 is the week holding 4 January. */
function isoWeekKeyOfMonday(mondayMs: number): string {
  const known = weekKeys.get(mondayMs);
  if (known !== undefined) return known;
  if (weekKeys.size >= 100_000) weekKeys.clear();
  const key = computeIsoWeekKeyOfMonday(mondayMs);
  weekKeys.set(mondayMs, key);
  return key;
}

function computeIsoWeekKeyOfMonday(mondayMs: number): string {
  const year = new Date(mondayMs + 3 * DAY_MS).getUTCFullYear(); // the year of its Thursday
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((mondayMs - week1Monday) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A period is over once its last day has passed: only then can it count as missed. */
export const isOver = (period: Period, today: LocalDate): boolean => period.end < today;
