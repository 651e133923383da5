import type { LocalDate } from './dates';
import { Cadence, duePeriods, EarlierCadence, Period } from './periods';

/** How far back a team may fill in a missed period (issue: up to 8 periods). */
export const CATCH_UP_PERIODS = 8;

export type TickCheck =
  | { ok: true; period: Period }
  | { ok: false; reason: 'future' | 'before-start' | 'too-old' | 'after-end' | 'unknown-period' };

/**
 * May a check-off be recorded for `periodKey` today? Only due periods count: not a future one,
 * not one before the start (or after the end), and at most 8 periods back.
 */
export function checkTickable(
  cadence: Cadence,
  startDate: LocalDate,
  endDate: LocalDate | null,
  today: LocalDate,
  periodKey: string,
  earlier: readonly EarlierCadence[] = [],
): TickCheck {
  const due = duePeriods(cadence, startDate, endDate, today, Infinity, earlier);
  const index = due.findIndex((p) => p.key === periodKey);
  if (index >= 0) {
    return index >= due.length - CATCH_UP_PERIODS
      ? { ok: true, period: due[index] }
      : { ok: false, reason: 'too-old' };
  }
  // Not a due period: tell why, by comparing the key with the keys around it.
  const keyStart = periodKeyStart(periodKey);
  if (keyStart === null) return { ok: false, reason: 'unknown-period' };
  if (keyStart > today) return { ok: false, reason: 'future' };
  if (endDate && keyStart > endDate) return { ok: false, reason: 'after-end' };
  if (keyStart < startDate) return { ok: false, reason: 'before-start' };
  return { ok: false, reason: 'unknown-period' };
}

const keyStarts = new Map<string, LocalDate | null>();

/** The first day a period key names (`2026-W48` → its Monday, `2026-11` → the 1st), or null. */
export function periodKeyStart(key: string): LocalDate | null {
  // Remembered: the figures ask for the same few hundred keys for every check-off they read.
  const known = keyStarts.get(key);
  if (known !== undefined) return known;
  if (keyStarts.size >= 100_000) keyStarts.clear();
  const start = computeKeyStart(key);
  keyStarts.set(key, start);
  return start;
}

function computeKeyStart(key: string): LocalDate | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    if (n < 1 || n > 53) return null;
    // ISO week 1 holds 4 January; its Monday is the start of week 1.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
    return new Date(monday.getTime() + (n - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? `${month[1]}-${month[2]}-01` : null;
  }
  return key === 'once' ? '0000-01-01' : null;
}

/** k-anonymity for pulse results: k is configurable but never below 3 (docs/design.md). */
export const MIN_K = 3;
export const DEFAULT_K = 5;

export function effectiveK(k: number): number {
  return Math.max(MIN_K, Math.floor(k));
}

export type PulseFigure =
  | { withheld: false; count: number; mean: number; distribution: number[] }
  | { withheld: true; count: number; needed: number };

/**
 * The aggregate of 1–5 scores, or withheld (not rounded, not approximated) when fewer than k
 * answers stand behind it. `distribution[i]` counts the answers with score i + 1.
 */
export function pulseFigure(scores: readonly number[], k: number): PulseFigure {
  const threshold = effectiveK(k);
  if (scores.length < threshold) {
    return { withheld: true, count: scores.length, needed: threshold - scores.length };
  }
  const distribution = [0, 0, 0, 0, 0];
  for (const s of scores) distribution[s - 1]++;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return {
    withheld: false,
    count: scores.length,
    mean: Math.round(mean * 100) / 100,
    distribution,
  };
}
