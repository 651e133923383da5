import type { LocalDate } from './dates';
import { isOver, Period } from './periods';

export type CheckOffState = 'done' | 'skipped';
/** `open`: the period is not over yet and nobody ticked it — not (yet) missed. */
export type PeriodStatus = 'done' | 'skipped' | 'missed' | 'open';

export interface PeriodWithStatus extends Period {
  status: PeriodStatus;
}

/** A period with neither done nor skipped is missed once it is over (docs/design.md, CheckOff). */
export function withStatuses(
  periods: readonly Period[],
  checkOffs: ReadonlyMap<string, CheckOffState>,
  today: LocalDate,
): PeriodWithStatus[] {
  return periods.map((period) => {
    const state = checkOffs.get(period.key);
    return { ...period, status: state ?? (isOver(period, today) ? 'missed' : 'open') };
  });
}

export const HABIT_HALF_LIFE = 5;
export const ROUTINE_THRESHOLD = 0.75;
export const LAPSED_THRESHOLD = 0.5;

export type HabitLevel = 'none' | 'building' | 'routine' | 'slipping' | 'lapsed';

export interface HabitStrength {
  score: number;
  /** The highest score reached so far. */
  peak: number;
  level: HabitLevel;
}

/**
 * Habit strength (docs/design.md): over the due periods oldest first,
 * `score = score · m + done · (1 − m)` with `m = 0.5^(1/h)`, h = 5 periods.
 * Skipped and missed count as 0. A period still open counts only once it is done, so a tick
 * shows at once and an unticked current week does not pull the score down before it is over.
 * `routine` at ≥ 0.75; `lapsed` below 0.5 after having been routine; `slipping` in between.
 */
export function habitStrength(
  statuses: readonly PeriodStatus[],
  halfLife = HABIT_HALF_LIFE,
): HabitStrength {
  const m = Math.pow(0.5, 1 / halfLife);
  let score = 0;
  let peak = 0;
  let counted = 0;
  for (const status of statuses) {
    if (status === 'open') continue;
    score = score * m + (status === 'done' ? 1 - m : 0);
    peak = Math.max(peak, score);
    counted++;
  }
  let level: HabitLevel;
  if (counted === 0) level = 'none';
  else if (score >= ROUTINE_THRESHOLD) level = 'routine';
  else if (peak >= ROUTINE_THRESHOLD) level = score < LAPSED_THRESHOLD ? 'lapsed' : 'slipping';
  else level = 'building';
  return { score, peak, level };
}

export const STALLED_AFTER_PERIODS = 3;

/**
 * Stalled (docs/design.md): no check-off (done or skipped) in the last 3 due periods that are over.
 * Returns the silence: how many over periods in a row, counted back from the latest, have no
 * check-off — 0 when the agreement is not stalled.
 */
export function stalledSilence(statuses: readonly PeriodStatus[]): number {
  const over = statuses.filter((s) => s !== 'open');
  let silence = 0;
  for (let i = over.length - 1; i >= 0 && over[i] === 'missed'; i--) silence++;
  return silence >= STALLED_AFTER_PERIODS ? silence : 0;
}
