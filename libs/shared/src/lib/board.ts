import type { OrgUnitRef } from './auth';
import type { CadenceDto, HabitLevelDto, PeriodStatusDto, PersonRef, Translated } from './cases';

export type CheckOffState = 'done' | 'skipped';

export interface BoardCellDto {
  key: string;
  start: string;
  end: string;
  status: PeriodStatusDto;
  reason: string | null;
  /** Can be ticked now: due, not in the future, at most 8 periods back. */
  tickable: boolean;
}

export interface ReflectionDto {
  periodKey: string;
  text: string;
  author: PersonRef;
  at: string;
}

export interface BoardAgreementDto {
  id: string;
  title: string;
  /** The catalogue's English title where the step kept the practice's title; else null. */
  titleEn: string | null;
  team: OrgUnitRef;
  partnerTeam: OrgUnitRef | null;
  cadence: CadenceDto;
  /** The period holding today. */
  current: BoardCellDto;
  /** The last 8 due periods, oldest first (the current one last). */
  grid: BoardCellDto[];
  habit: { score: number; level: HabitLevelDto };
  reflections: ReflectionDto[];
}

export interface PulseQuestionDto {
  id: string;
  text: Translated;
}

export interface OpenPulseDto {
  id: string;
  team: OrgUnitRef;
  openedOn: string;
  questions: PulseQuestionDto[];
  answered: boolean;
}

export interface BoardTeamDto {
  team: OrgUnitRef;
  agreements: BoardAgreementDto[];
  pulses: OpenPulseDto[];
}

export interface BoardDto {
  today: string;
  teams: BoardTeamDto[];
}

export interface CheckOffRequest {
  state: CheckOffState;
  /** Required when skipped. */
  reason?: string;
}

export interface ReflectionRequest {
  text: string;
}

export interface PulseAnswerRequest {
  answers: Array<{ questionId: string; score: number }>;
}

export type PulseFigureDto =
  | { withheld: false; count: number; mean: number; distribution: number[] }
  | { withheld: true; count: number; needed: number };

export interface PulseRoundResultDto {
  id: string;
  team: OrgUnitRef;
  openedOn: string;
  closedOn: string | null;
  /** How many people answered (a count of people is no one's answer). */
  respondents: number;
  k: number;
  questions: Array<{ question: PulseQuestionDto; figure: PulseFigureDto }>;
}

export interface OpenPulseRequest {
  teamId: string;
}
