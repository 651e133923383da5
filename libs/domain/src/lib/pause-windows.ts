import { addDays, LocalDate, weekdayIndex } from './dates';
import type { Period } from './periods';

/**
 * Pause windows (docs/design.md §Between teams): organisation-wide quiet periods (summer recess,
 * Christmas) or a team's own (a reorganisation, a team outing). A period inside a window is
 * neither due nor missed — for stages, stalled, rhythm, habit strength and mail.
 */
export interface PauseWindow {
  /** First and last day, both inclusive. */
  start: LocalDate;
  end: LocalDate;
}

/**
 * A period is paused when every working day in it (Monday to Friday) lies inside a pause window
 * (several windows may together cover it). A period without working days is never paused.
 */
export function isPaused(
  period: Pick<Period, 'start' | 'end'>,
  windows: readonly PauseWindow[],
): boolean {
  if (windows.length === 0) return false;
  let workingDays = 0;
  // Periods are at most a few weeks ("once" periods are open-ended and never paused).
  if (period.end > addDays(period.start, 400)) return false;
  for (let day = period.start; day <= period.end; day = addDays(day, 1)) {
    if (weekdayIndex(day) >= 5) continue;
    workingDays++;
    if (!windows.some((w) => w.start <= day && day <= w.end)) return false;
  }
  return workingDays > 0;
}

/** The periods that count: those not paused, in their order. */
export function withoutPaused<P extends Pick<Period, 'start' | 'end'>>(
  periods: readonly P[],
  windows: readonly PauseWindow[],
): P[] {
  return windows.length ? periods.filter((p) => !isPaused(p, windows)) : [...periods];
}

/** A window must end on or after it starts; windows are refused, not trimmed. */
export function validPauseWindow(window: PauseWindow): boolean {
  return window.start <= window.end;
}
