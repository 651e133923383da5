import type { OrgUnitRef } from './auth';

/** Mirrors `Cadence` in libs/domain (shared may not import domain). */
export type CadenceDto = { kind: 'once' } | { kind: 'weeks'; every: number } | { kind: 'monthly' };

export const AGREEMENT_STATUS_VALUES = [
  'proposed',
  'running',
  'paused',
  'adopted',
  'dropped',
] as const;
export type AgreementStatusDto = (typeof AGREEMENT_STATUS_VALUES)[number];
export type StageDto = 'not-reached' | 'intake' | 'experimenting' | 'practising' | 'spreading';
export type PeriodStatusDto = 'done' | 'skipped' | 'missed' | 'open' | 'not-due';
export type HabitLevelDto = 'none' | 'building' | 'routine' | 'slipping' | 'lapsed';

export interface Translated {
  nl: string;
  en: string;
}

export interface PracticeDto {
  id: string;
  title: Translated;
  description: Translated;
  why: Translated;
  cadence: CadenceDto;
  category: string;
  needsPartner: boolean;
  retiredAt: string | null;
  version: number;
}

export interface PracticeRequest {
  title: Translated;
  description: Translated;
  why: Translated;
  cadence: CadenceDto;
  category: string;
  needsPartner: boolean;
}

export interface UpdatePracticeRequest extends Partial<PracticeRequest> {
  version: number;
}

export interface ThemeDto {
  id: string;
  name: Translated;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface StalledAgreementDto {
  agreementId: string;
  title: string;
  /** The catalogue's English title where the step kept the practice's title; else null. */
  titleEn: string | null;
  /** Over periods in a row without a check-off. */
  silence: number;
  /** The local date of the last check-off, or null when there never was one. */
  lastCheckOffOn: string | null;
}

export interface CaseSummaryDto {
  id: string;
  team: OrgUnitRef;
  /** The team was archived (by hand or by an import) while the case lives on. */
  teamArchived: boolean;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn: string | null;
  /** What the ambassador wrote on closing; null while open. */
  closingSummary: string | null;
  ambassadors: PersonRef[];
  stage: StageDto;
  agreementCount: number;
  /** ISO instant of the latest change, tick or note on the case. */
  lastActivityAt: string;
  /** The earliest review date of a running or paused agreement on or after today. */
  nextReviewDate: string | null;
  stalled: StalledAgreementDto[];
  version: number;
}

/**
 * GET /api/cases?status=&limit=&offset= — by team name; with `limit` (at most CASE_LIST_MAX) one
 * page of it. The number of all matching cases is in the CASES_TOTAL_HEADER response header.
 */
export const CASE_LIST_PAGE = 100;
export const CASE_LIST_MAX = 500;
export const CASES_TOTAL_HEADER = 'X-Total-Count';

/**
 * GET /api/cases/open-teams — ambassadors and admins: each team with an open case and that case
 * (one open case per team), so a picker can say which teams already have one.
 */
export interface OpenCaseTeamDto {
  teamId: string;
  caseId: string;
}

export interface CaseloadDto {
  cases: CaseSummaryDto[];
  /** Cases with a stalled agreement, longest silence first. */
  stalledRadar: Array<{ case: CaseSummaryDto; longestSilence: number }>;
}

export interface IntakeDto {
  heldOn: string;
  participants: string;
  /** Private: only present for the case's ambassadors and admins. */
  situation?: string;
  wishes: string;
  themes: string[];
  version: number;
  updatedAt: string;
  updatedBy: PersonRef;
}

export interface IntakeRequest {
  /** 0 when the case has no intake yet, else the version you last read. */
  version: number;
  heldOn: string;
  participants: string;
  situation: string;
  wishes: string;
  themes: string[];
}

export interface IntakeRevisionDto {
  version: number;
  changedAt: string;
  changedBy: PersonRef;
  intake: Omit<IntakeDto, 'version' | 'updatedAt' | 'updatedBy'>;
}

export interface RhythmCellDto {
  key: string;
  start: string;
  end: string;
  status: PeriodStatusDto;
}

export interface StatusChangeDto {
  on: string;
  from: AgreementStatusDto | null;
  to: AgreementStatusDto;
  reason: string;
  by: PersonRef;
}

export interface AgreementDto {
  id: string;
  caseId: string;
  team: OrgUnitRef;
  partnerTeam: OrgUnitRef | null;
  practiceId: string | null;
  title: string;
  /** The catalogue's English title where the step kept the practice's title; else null. */
  titleEn: string | null;
  cadence: CadenceDto;
  startDate: string;
  reviewDate: string | null;
  endDate: string | null;
  owner: PersonRef | null;
  successCriterion: string;
  status: AgreementStatusDto;
  allowedTransitions: AgreementStatusDto[];
  /** The last 12 periods, oldest first. */
  rhythm: RhythmCellDto[];
  habit: { score: number; level: HabitLevelDto };
  stalledSilence: number;
  history: StatusChangeDto[];
  /** The team's reflections on the periods in the rhythm, newest first. */
  reflections: Array<{ periodKey: string; text: string; author: PersonRef; at: string }>;
  version: number;
}

export interface AgreementRequest {
  practiceId?: string | null;
  /** Required for a custom step; defaults to the practice's Dutch title. */
  title?: string;
  cadence: CadenceDto;
  startDate: string;
  reviewDate?: string | null;
  endDate?: string | null;
  ownerId?: string | null;
  partnerTeamId?: string | null;
  successCriterion?: string;
  /** `proposed` (default) or `running`. */
  status?: 'proposed' | 'running';
}

export interface UpdateAgreementRequest {
  version: number;
  title?: string;
  cadence?: CadenceDto;
  startDate?: string;
  reviewDate?: string | null;
  endDate?: string | null;
  ownerId?: string | null;
  partnerTeamId?: string | null;
  successCriterion?: string;
}

/** The fields of a step an edit can change, in the order the timeline names them. */
export const AGREEMENT_EDIT_FIELDS = [
  'title',
  'cadence',
  'startDate',
  'reviewDate',
  'endDate',
  'owner',
  'successCriterion',
  'partnerTeam',
] as const;
export type AgreementEditField = (typeof AGREEMENT_EDIT_FIELDS)[number];

export interface AgreementStatusRequest {
  version: number;
  status: AgreementStatusDto;
  /** Local date of the change; today when left out. Not in the future. */
  on?: string;
  reason: string;
}

export interface ObservationDto {
  id: string;
  observedOn: string;
  text: string;
  author: PersonRef;
  createdAt: string;
}

export interface ObservationRequest {
  observedOn: string;
  text: string;
}

export type TimelineEntryDto =
  | { kind: 'case-opened'; on: string; by: PersonRef }
  | { kind: 'case-closed'; on: string; summary: string }
  | { kind: 'case-reopened'; on: string; reason: string; by: PersonRef }
  | { kind: 'intake'; on: string; version: number; by: PersonRef }
  | {
      kind: 'agreement-status';
      on: string;
      agreementId: string;
      title: string;
      titleEn: string | null;
      from: AgreementStatusDto | null;
      to: AgreementStatusDto;
      reason: string;
      by: PersonRef;
    }
  | {
      kind: 'agreement-edit';
      on: string;
      /** ISO instant of the edit. */
      at: string;
      agreementId: string;
      title: string;
      titleEn: string | null;
      fields: AgreementEditField[];
      by: PersonRef;
    }
  | { kind: 'observation'; on: string; observationId: string; by: PersonRef };

export interface CaseDetailDto extends CaseSummaryDto {
  /** The team's case closed before this one was opened. */
  previousCase: { id: string; openedOn: string; closedOn: string | null } | null;
  /** The team's case opened after this one closed, if any. */
  nextCase: { id: string; openedOn: string } | null;
  intake: IntakeDto | null;
  agreements: AgreementDto[];
  /** Private: only present for the case's ambassadors and admins. */
  observations?: ObservationDto[];
  timeline: TimelineEntryDto[];
  /** Whether the signed-in user may change this case and read its private notes. */
  canEdit: boolean;
}

export interface OpenCaseRequest {
  teamId: string;
}

export interface CloseCaseRequest {
  version: number;
  closingSummary: string;
}

export interface ReopenCaseRequest {
  version: number;
  reason: string;
}

export interface ShareCaseRequest {
  userId: string;
}
