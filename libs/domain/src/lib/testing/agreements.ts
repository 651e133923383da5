import type { LocalDate } from '../dates';
import type { TeamAgreement } from '../relations';
import type { AgreementStatus } from '../stage';

/** Test support only: a weekly agreement of `teamId` created running on `since`. */
export function teamAgreement(
  teamId: string,
  overrides: Partial<TeamAgreement> = {},
  since: LocalDate = '2026-01-05',
): TeamAgreement {
  return {
    teamId,
    practiceId: 'doel-vooraf',
    cadence: { kind: 'weeks', every: 1 },
    startDate: since,
    endDate: null,
    statusHistory: [{ on: since, status: 'running' }],
    checkOffs: [],
    partnerTeamId: null,
    ...overrides,
  };
}

/** An agreement of `teamId` with `partnerTeamId` whose status since `since` is `status`. */
export function partnerAgreement(
  teamId: string,
  partnerTeamId: string,
  status: AgreementStatus,
  since: LocalDate = '2026-01-05',
): TeamAgreement {
  return teamAgreement(teamId, {
    partnerTeamId,
    statusHistory:
      status === 'proposed'
        ? [{ on: since, status }]
        : [
            { on: '2026-01-05', status: 'running' },
            { on: since, status },
          ],
  });
}
