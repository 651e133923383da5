import type { LocalDate } from './dates';
import { AgreementFacts, AgreementStatus, statusAt } from './stage';

/** "Team B took up practice P from team A" (docs/design.md SpreadLink): the edges of the oil stain. */
export interface SpreadLink {
  sourceTeamId: string;
  targetTeamId: string;
  practiceId: string;
  on: LocalDate;
}

/** An agreement with whose it is and which catalogue practice it follows (null: a custom step). */
export interface TeamAgreement extends AgreementFacts {
  teamId: string;
  practiceId: string | null;
}

/**
 * The statuses in which an agreement with a partner team ties the two teams together: it has been
 * agreed and is not dropped. `proposed` is not a tie yet; a paused one still is.
 */
export const TIE_STATUSES: readonly AgreementStatus[] = ['running', 'paused', 'adopted'];

/** An agreement links its team and its partner team at t (two different teams, a tie status). */
export function isTieAt(
  agreement: TeamAgreement,
  t: LocalDate,
): agreement is TeamAgreement & {
  partnerTeamId: string;
} {
  if (agreement.partnerTeamId === null || agreement.partnerTeamId === agreement.teamId) {
    return false;
  }
  const status = statusAt(agreement.statusHistory, t);
  return status !== null && TIE_STATUSES.includes(status);
}

/** A spread link counts from its date on; one from a team to itself never counts. */
export function isSpreadLinkAt(link: SpreadLink, t: LocalDate): boolean {
  return link.on <= t && link.sourceTeamId !== link.targetTeamId;
}
