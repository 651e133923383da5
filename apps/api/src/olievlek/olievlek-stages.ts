import {
  AdopterCategory,
  CheckOffFact,
  adopterCategories,
  isActiveAt,
  LocalDate,
  TeamAgreement,
} from '@olievlek/domain';
import { OrgSnapshot, ProgrammeFacts } from './olievlek-facts';

/** Per agreement, the check-offs of its last due periods at one date (`recentCheckOffs`). */
export type RecentCheckOffs = ReadonlyMap<string, readonly CheckOffFact[]>;
const NONE: readonly CheckOffFact[] = [];

/** The agreements with a partner team, as the domain's relation figures take them. */
export function partnerAgreements(programme: ProgrammeFacts): TeamAgreement[] {
  return programme.agreements.filter((a) => a.partnerTeamId !== null);
}

/** Every agreement with the check-offs of its last periods (for `isPractised`). */
export function agreementsAt(programme: ProgrammeFacts, recent: RecentCheckOffs): TeamAgreement[] {
  return programme.agreements.map((a) => ({ ...a, checkOffs: recent.get(a.id) ?? NONE }));
}

/**
 * Adopter categories at t (docs/design.md, via `adopterCategories`) of the teams active at t, from
 * the dates the teams first practised (`firstPractising`).
 */
export function adoptersAt(
  org: OrgSnapshot,
  firstDates: ReadonlyMap<string, LocalDate>,
  t: LocalDate,
): Map<string, AdopterCategory> {
  const byTeam = new Map<string, LocalDate | null>();
  for (const teamId of org.index.teamIds) {
    if (!isActiveAt(org.index, teamId, t)) continue;
    const first = firstDates.get(teamId);
    byTeam.set(teamId, first !== undefined && first <= t ? first : null);
  }
  return adopterCategories(byTeam).categoryOf;
}
