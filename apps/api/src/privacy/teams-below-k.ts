import { teamBelowK } from '@olievlek/domain';
import type { DataSource } from 'typeorm';
import { TeamMembershipEntity } from '../users/entities/team-membership.entity';
import { UserEntity } from '../users/entities/user.entity';

/**
 * The teams among `teamIds` too small for a director to see figures that follow from individual
 * actions (docs/design.md, Privacy): `teamBelowK` on each team's headcount, or without one on its
 * members with an active account. One query, whatever the number of teams; used by every
 * director-facing per-team figure (the check-off export, one team's rhythm in the olievlek view).
 */
export async function teamsBelowK(
  dataSource: DataSource,
  headcountOf: (teamId: string) => number | null,
  teamIds: readonly string[],
  k: number,
): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const accounts = await dataSource
    .getRepository(TeamMembershipEntity)
    .createQueryBuilder('m')
    .innerJoin(UserEntity, 'u', 'u.id = m.userId AND u.active = :active', { active: true })
    .select('m.orgUnitId', 'teamId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('m.orgUnitId')
    .getRawMany<{ teamId: string; n: number | string }>();
  const accountsOf = new Map(accounts.map((a) => [a.teamId, Number(a.n)]));
  return new Set(teamIds.filter((id) => teamBelowK(headcountOf(id), accountsOf.get(id) ?? 0, k)));
}
