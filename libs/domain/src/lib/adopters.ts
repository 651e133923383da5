import { periodKeyStart } from './board';
import { fromUtcMidnight, LocalDate, maxDate, toUtcMidnight } from './dates';
import { isRooted } from './figures';
import { AgreementFacts, PRACTISED_MIN_DONE, stageAt, TeamFacts } from './stage';
import { meanAndDeviation } from './stats';

const DAY_MS = 86_400_000;

/** The earliest date an agreement could be practised: its 6th done check-off, or its adoption. */
function earliestPossible(agreement: AgreementFacts): LocalDate | null {
  const done = agreement.checkOffs
    .filter((c) => c.state === 'done')
    .map((c) => c.on)
    .sort();
  const adopted = agreement.statusHistory.find((c) => c.status === 'adopted')?.on ?? null;
  const sixth = done.length >= PRACTISED_MIN_DONE ? done[PRACTISED_MIN_DONE - 1] : null;
  if (sixth === null) return adopted;
  return adopted === null || sixth < adopted ? sixth : adopted;
}

/**
 * The first date on or before t at which the team's stage was `practising` or higher (via
 * `stageAt`), or null. The stage can only rise on a date something happens: a case opens, an
 * agreement starts or changes status, or a check-off starts to count (the day it was recorded,
 * or the start of its period if recorded ahead). Only those dates are tried, oldest first, and
 * none before the first date any agreement could be practised at all.
 */
export function firstPractisingDate(team: TeamFacts, t: LocalDate): LocalDate | null {
  let floor: LocalDate | null = null;
  for (const agreement of team.agreements) {
    const possible = earliestPossible(agreement);
    if (possible !== null && (floor === null || possible < floor)) floor = possible;
  }
  if (floor === null || floor > t) return null;
  const candidates = new Set<LocalDate>();
  const consider = (d: LocalDate) => {
    if (d <= t && d >= (floor as LocalDate)) candidates.add(d);
  };
  for (const c of team.cases) consider(c.openedOn);
  for (const agreement of team.agreements) {
    consider(agreement.startDate);
    for (const change of agreement.statusHistory) consider(change.on);
    for (const c of agreement.checkOffs)
      consider(maxDate(c.on, periodKeyStart(c.periodKey) ?? c.on));
  }
  consider(floor);
  for (const d of [...candidates].sort()) {
    if (isRooted(stageAt(team, d))) return d;
  }
  return null;
}

export const ADOPTER_CATEGORIES = [
  'innovators',
  'early-adopters',
  'early-majority',
  'late-majority',
  'laggards',
] as const;
export type AdopterCategory = (typeof ADOPTER_CATEGORIES)[number];

export interface AdopterCategories {
  /** Mean date of first reaching `practising` (rounded to a day); null when no team did. */
  mean: LocalDate | null;
  /** Standard deviation in days (population); null when no team did. */
  sdDays: number | null;
  /** Teams that have reached `practising`: the ones μ and σ are taken over. */
  practising: number;
  counts: Record<AdopterCategory, number>;
  categoryOf: Map<string, AdopterCategory>;
}

/**
 * Adopter categories (Rogers; docs/design.md) by the date each team first reached `practising`,
 * against the mean μ and population standard deviation σ of those dates over the teams given
 * (pass the whole organisation): innovators < μ − 2σ ≤ early adopters < μ − σ ≤ early majority
 * < μ ≤ late majority < μ + σ ≤ laggards, plus laggards for the teams not yet practising (null).
 *
 * Without spread there is nothing to rank by: when σ = 0 — one practising team, or all on the
 * same day — those teams are the first ones there, so they are all innovators. With no practising
 * team at all, every team is a laggard.
 */
export function adopterCategories(
  firstPractising: ReadonlyMap<string, LocalDate | null>,
): AdopterCategories {
  const days = new Map<string, number>();
  for (const [teamId, date] of firstPractising) {
    if (date !== null) days.set(teamId, toUtcMidnight(date) / DAY_MS);
  }
  const stats = meanAndDeviation([...days.values()]);
  const counts = Object.fromEntries(ADOPTER_CATEGORIES.map((c) => [c, 0])) as Record<
    AdopterCategory,
    number
  >;
  const categoryOf = new Map<string, AdopterCategory>();
  for (const teamId of firstPractising.keys()) {
    const day = days.get(teamId);
    const category = day === undefined || stats === null ? 'laggards' : categorise(day, stats);
    categoryOf.set(teamId, category);
    counts[category]++;
  }
  return {
    mean: stats === null ? null : fromUtcMidnight(Math.round(stats.mean) * DAY_MS),
    sdDays: stats?.sd ?? null,
    practising: days.size,
    counts,
    categoryOf,
  };
}

/**
 * Tolerance in days: day numbers are whole, so a σ this small is rounding noise, not spread, and a
 * date this close to a boundary is on it (not below it), whatever the floating point says.
 */
const EPSILON_DAYS = 1e-6;

function categorise(day: number, { mean, sd }: { mean: number; sd: number }): AdopterCategory {
  const below = (bound: number) => day < bound - EPSILON_DAYS;
  if (sd < EPSILON_DAYS) return 'innovators';
  if (below(mean - 2 * sd)) return 'innovators';
  if (below(mean - sd)) return 'early-adopters';
  if (below(mean)) return 'early-majority';
  if (below(mean + sd)) return 'late-majority';
  return 'laggards';
}
