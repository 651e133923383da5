import { effectiveK } from './board';

export type KAnonymous<T> =
  { withheld: false; count: number; value: T } | { withheld: true; count: number; needed: number };

/**
 * The k-anonymity guard of docs/design.md for any aggregate over people's answers, generalising
 * `pulseFigure`: the figure is computed only when at least k contributions stand behind it
 * (k never below 3, via `effectiveK`); below k it is withheld — not rounded, not approximated —
 * and `compute` is not even called, so nothing of it can leak.
 */
export function guardK<T>(count: number, k: number, compute: () => T): KAnonymous<T> {
  const threshold = effectiveK(k);
  return count < threshold
    ? { withheld: true, count, needed: threshold - count }
    : { withheld: false, count, value: compute() };
}

/**
 * The team size behind a per-team figure a director sees that follows from individual actions
 * (ticks, skips, attendance): the team's headcount, or without one the number of its members
 * with an account. Below k (never below 3) the figure is withheld from directors, or counted at
 * the parent unit only (docs/design.md, Privacy).
 */
export function teamBelowK(headcount: number | null, memberAccounts: number, k: number): boolean {
  return (headcount ?? memberAccounts) < effectiveK(k);
}
