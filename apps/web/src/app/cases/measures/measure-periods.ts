import { addDays, isoWeekKey, periodContaining } from '@olievlek/domain';
import type { MeasureCadenceDto } from '@olievlek/shared';

/**
 * The periods of a measure a person can enter a value for, newest first: the current one and the
 * ones before it, back to `count` periods (the API keys a value by its period's first day; the
 * periods are anchored on the step's start date like the step's own).
 */
export function recentPeriods(
  cadence: MeasureCadenceDto,
  stepStart: string,
  today: string,
  count: number,
): Array<{ start: string; key: string }> {
  const out: Array<{ start: string; key: string }> = [];
  let day = today;
  while (out.length < count) {
    const period = periodContaining(cadence, stepStart, day);
    out.push({ start: period.start, key: period.key });
    day = addDays(period.start, -1);
  }
  return out;
}

/** The key a period is said by: its ISO week (`2026-W49`) or its month (`2026-12`). */
export function periodKey(cadence: MeasureCadenceDto, start: string): string {
  return cadence.kind === 'monthly' ? start.slice(0, 7) : isoWeekKey(start);
}
