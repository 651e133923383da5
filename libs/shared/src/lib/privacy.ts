import type { OrgUnitRef } from './auth';
import type { Locale, Role } from './roles';
import type { UserDto } from './users';

/** The name an anonymised person carries from then on (followed by a short stable suffix). */
export const FORMER_USER_NAME = 'Voormalig gebruiker';

export type DataExportFormat = 'json' | 'html';

/**
 * Everything Olievlek holds about one person (AVG art. 15), as produced by
 * `GET /api/users/:id/data-export`. Secrets (password hash, session tokens) are never in it;
 * pulse answers cannot be in it, because they are stored without a person (see `explanations`).
 */
export interface DataExportDto {
  kind: 'olievlek-data-export';
  formatVersion: 1;
  generatedAt: string;
  explanations: string[];
  person: {
    id: string;
    name: string;
    email: string;
    locale: Locale;
    active: boolean;
    createdAt: string;
    updatedAt: string;
    anonymisedAt: string | null;
    /** Whether a password is set (never the password or its hash). */
    hasPassword: boolean;
  };
  roles: Role[];
  teams: OrgUnitRef[];
  scope: OrgUnitRef | null;
  /** Live sign-in sessions: times only. */
  sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string }>;
  /** Failed sign-ins on this e-mail address still kept for the rate limit. */
  failedSignIns: string[];
  cases: Array<{
    id: string;
    team: OrgUnitRef;
    status: 'open' | 'closed';
    openedOn: string;
    closedOn: string | null;
    /** How the person is linked to the case. */
    involvement: Array<'ambassador' | 'opened'>;
  }>;
  /** Intakes the person last edited (the current version). */
  intakes: Array<{
    caseId: string;
    team: OrgUnitRef;
    heldOn: string;
    participants: string;
    situation: string;
    wishes: string;
    themes: string[];
    version: number;
    updatedAt: string;
  }>;
  /** Earlier versions of intakes that the person wrote. */
  intakeRevisions: Array<{
    caseId: string;
    team: OrgUnitRef;
    version: number;
    changedAt: string;
    intake: Record<string, unknown>;
  }>;
  observations: Array<{
    id: string;
    caseId: string;
    team: OrgUnitRef;
    observedOn: string;
    text: string;
    createdAt: string;
  }>;
  reflections: Array<{
    agreementId: string;
    agreementTitle: string;
    team: OrgUnitRef;
    periodKey: string;
    text: string;
    at: string;
  }>;
  agreementsOwned: Array<{
    id: string;
    title: string;
    team: OrgUnitRef;
    status: string;
    startDate: string;
    endDate: string | null;
  }>;
  agreementStatusChanges: Array<{
    agreementId: string;
    agreementTitle: string;
    from: string | null;
    to: string;
    onDate: string;
    reason: string;
    changedAt: string;
  }>;
  checkOffs: Array<{
    agreementId: string;
    agreementTitle: string;
    team: OrgUnitRef;
    periodKey: string;
    state: 'done' | 'skipped';
    reason: string | null;
    onDate: string;
    at: string;
  }>;
  /** Pulse rounds the person answered: that they answered, never what. */
  pulseParticipation: Array<{ roundId: string; team: OrgUnitRef; openedOn: string }>;
  pulseRoundsOpened: Array<{
    roundId: string;
    team: OrgUnitRef;
    openedOn: string;
    closedOn: string | null;
  }>;
  /** The audit trail of what the person did in Olievlek. */
  auditEvents: Array<{
    at: string;
    action: string;
    objectType: string | null;
    objectId: string | null;
    result: string;
    origin: string | null;
    detail: unknown;
  }>;
}

export interface AnonymiseUserRequest {
  /** The version of the user you last read. */
  version: number;
  /** Must be `true`: anonymising cannot be undone. */
  confirm: true;
}

export interface AnonymiseUserResultDto {
  user: UserDto;
  sessionsEnded: number;
  membershipsEnded: number;
  /** Open cases the person was an ambassador of: assign another ambassador there. */
  openCasesAsAmbassador: number;
}

/** What one run of the retention job removed. */
export interface RetentionRunDto {
  retentionDays: number;
  /** Cases closed before this local date had their private notes removed. */
  closedBefore: string;
  cases: number;
  observationsDeleted: number;
  intakeSituationsCleared: number;
  intakeRevisionsCleared: number;
  expiredSessionsDeleted: number;
  loginFailuresDeleted: number;
}
