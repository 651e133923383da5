import fc from 'fast-check';
import { habitStrength, PeriodStatus, stalledSilence, withStatuses } from './habit';
import { isPaused, PauseWindow, withoutPaused } from './pause-windows';
import { duePeriods } from './periods';

const summer: PauseWindow = { start: '2026-07-13', end: '2026-08-23' };
const christmas: PauseWindow = { start: '2026-12-21', end: '2027-01-03' };

describe('pause windows', () => {
  it('pauses the weeks whose working days all fall inside a window', () => {
    const weeks = duePeriods({ kind: 'weeks', every: 1 }, '2026-07-06', null, '2026-08-31');
    const paused = weeks.filter((w) => isPaused(w, [summer])).map((w) => w.key);
    expect(paused).toEqual([
      '2026-W29',
      '2026-W30',
      '2026-W31',
      '2026-W32',
      '2026-W33',
      '2026-W34',
    ]);
    // A week with one working day outside is not paused.
    expect(
      isPaused({ start: '2026-07-06', end: '2026-07-12' }, [
        { start: '2026-07-07', end: '2026-07-31' },
      ]),
    ).toBe(false);
    // Two windows may cover one period together; weekends do not count.
    expect(
      isPaused({ start: '2026-12-28', end: '2027-01-10' }, [
        christmas,
        { start: '2027-01-04', end: '2027-01-08' },
      ]),
    ).toBe(true);
  });

  it('keeps a monthly period unless the window covers the whole month', () => {
    expect(isPaused({ start: '2026-07-01', end: '2026-07-31' }, [summer])).toBe(false);
    expect(
      isPaused({ start: '2026-07-01', end: '2026-07-31' }, [
        { start: '2026-06-29', end: '2026-08-02' },
      ]),
    ).toBe(true);
  });

  it('freezes the habit score over the summer instead of letting it fall', () => {
    const weeks = duePeriods({ kind: 'weeks', every: 1 }, '2026-05-04', null, '2026-08-31');
    // Done every week until the recess, nothing during it.
    const done = new Map(
      weeks.filter((w) => w.end < summer.start).map((w) => [w.key, 'done' as const]),
    );
    const all = withStatuses(weeks, done, '2026-08-31');
    const counted = withStatuses(withoutPaused(weeks, [summer]), done, '2026-08-31');
    const beforeRecess = withStatuses(
      weeks.filter((w) => w.end < summer.start),
      done,
      '2026-08-31',
    );
    expect(habitStrength(all.map((p) => p.status)).score).toBeLessThan(0.5);
    expect(stalledSilence(all.map((p) => p.status))).toBeGreaterThan(0);
    // W35 (24–30 August) is after the recess and missed, W36 is open; the rest is as before it.
    expect(counted.slice(-2).map((p) => [p.key, p.status])).toEqual([
      ['2026-W35', 'missed'],
      ['2026-W36', 'open'],
    ]);
    expect(habitStrength(counted.slice(0, -2).map((p) => p.status))).toEqual(
      habitStrength(beforeRecess.map((p) => p.status)),
    );
    expect(stalledSilence(counted.map((p) => p.status))).toBe(0);
  });

  it('never lowers a habit score (property)', () => {
    const statusArb = fc.constantFrom<PeriodStatus>('done', 'skipped', 'missed');
    fc.assert(
      fc.property(
        fc.array(statusArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (statuses, at, length) => {
          // A window over `length` weeks from `at` that the team missed: removing them never scores lower.
          const start = Math.min(at, statuses.length);
          const withMissed = [
            ...statuses.slice(0, start),
            ...Array(length).fill('missed'),
            ...statuses.slice(start),
          ];
          expect(habitStrength(statuses).score).toBeGreaterThanOrEqual(
            habitStrength(withMissed).score - 1e-12,
          );
        },
      ),
    );
  });
});
