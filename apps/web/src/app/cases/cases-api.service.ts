import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AgreementDto,
  AgreementRequest,
  AgreementStatusRequest,
  UpdateAgreementRequest,
  API,
  CASE_LIST_PAGE,
  CaseDetailDto,
  CASES_TOTAL_HEADER,
  CaseloadDto,
  CaseSummaryDto,
  CloseCaseRequest,
  ReopenCaseRequest,
  IntakeDto,
  IntakeRequest,
  ObservationDto,
  ObservationRequest,
  OpenCaseTeamDto,
  OrgUnitDto,
  PersonRef,
  PulseRoundResultDto,
  PracticeDto,
  ThemeDto,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** The case-flow endpoints, typed by the shared contracts. Components build no URLs. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  caseload(): Promise<CaseloadDto> {
    return firstValueFrom(this.http.get<CaseloadDto>(API.caseload));
  }
  /** One page of the open cases, by team name, and how many there are in all. */
  openPage(offset: number): Promise<{ cases: CaseSummaryDto[]; total: number }> {
    return this.page('open', offset);
  }
  /** One page of the closed cases, by team name, and how many there are in all. */
  closedPage(offset: number): Promise<{ cases: CaseSummaryDto[]; total: number }> {
    return this.page('closed', offset);
  }
  private async page(
    status: 'open' | 'closed',
    offset: number,
  ): Promise<{ cases: CaseSummaryDto[]; total: number }> {
    const res = await firstValueFrom(
      this.http.get<CaseSummaryDto[]>(API.cases, {
        params: { status, limit: CASE_LIST_PAGE, offset },
        observe: 'response',
      }),
    );
    const cases = res.body ?? [];
    return { cases, total: Number(res.headers.get(CASES_TOTAL_HEADER) ?? cases.length) };
  }
  /** Which teams have an open case, and which case. */
  openTeams(): Promise<OpenCaseTeamDto[]> {
    return firstValueFrom(this.http.get<OpenCaseTeamDto[]>(API.openCaseTeams));
  }
  get(id: string): Promise<CaseDetailDto> {
    return firstValueFrom(this.http.get<CaseDetailDto>(API.case(id)));
  }
  open(teamId: string): Promise<CaseDetailDto> {
    return firstValueFrom(this.http.post<CaseDetailDto>(API.cases, { teamId }));
  }
  reopen(id: string, body: ReopenCaseRequest): Promise<CaseDetailDto> {
    return firstValueFrom(this.http.post<CaseDetailDto>(API.caseReopen(id), body));
  }
  close(id: string, body: CloseCaseRequest): Promise<CaseDetailDto> {
    return firstValueFrom(this.http.post<CaseDetailDto>(API.caseClose(id), body));
  }
  saveIntake(id: string, body: IntakeRequest): Promise<IntakeDto> {
    return firstValueFrom(this.http.put<IntakeDto>(API.caseIntake(id), body));
  }
  addObservation(id: string, body: ObservationRequest): Promise<ObservationDto> {
    return firstValueFrom(this.http.post<ObservationDto>(API.caseObservations(id), body));
  }
  addAgreement(id: string, body: AgreementRequest): Promise<AgreementDto> {
    return firstValueFrom(this.http.post<AgreementDto>(API.caseAgreements(id), body));
  }
  updateAgreement(agreementId: string, body: UpdateAgreementRequest): Promise<AgreementDto> {
    return firstValueFrom(this.http.patch<AgreementDto>(API.agreement(agreementId), body));
  }
  changeStatus(agreementId: string, body: AgreementStatusRequest): Promise<AgreementDto> {
    return firstValueFrom(this.http.post<AgreementDto>(API.agreementStatus(agreementId), body));
  }
  ambassadors(): Promise<PersonRef[]> {
    return firstValueFrom(this.http.get<PersonRef[]>(API.ambassadors));
  }
  share(id: string, userId: string): Promise<PersonRef[]> {
    return firstValueFrom(this.http.post<PersonRef[]>(API.caseAmbassadors(id), { userId }));
  }
  unassign(id: string, userId: string): Promise<PersonRef[]> {
    return firstValueFrom(this.http.delete<PersonRef[]>(API.caseAmbassador(id, userId)));
  }
  pulseResults(teamId: string): Promise<PulseRoundResultDto[]> {
    return firstValueFrom(
      this.http.get<PulseRoundResultDto[]>(API.pulseRounds, { params: { teamId } }),
    );
  }
  openPulse(teamId: string): Promise<PulseRoundResultDto> {
    return firstValueFrom(this.http.post<PulseRoundResultDto>(API.pulseRounds, { teamId }));
  }
  closePulse(roundId: string): Promise<PulseRoundResultDto> {
    return firstValueFrom(this.http.post<PulseRoundResultDto>(API.pulseClose(roundId), {}));
  }
  practices(): Promise<PracticeDto[]> {
    return firstValueFrom(this.http.get<PracticeDto[]>(API.practices));
  }
  themes(): Promise<ThemeDto[]> {
    return firstValueFrom(this.http.get<ThemeDto[]>(API.themes));
  }
  /** The active units of the organisation (the server leaves archived ones out). */
  activeUnits(): Promise<OrgUnitDto[]> {
    return firstValueFrom(this.http.get<OrgUnitDto[]>(API.orgUnits));
  }
  teams(): Promise<OrgUnitDto[]> {
    return firstValueFrom(this.http.get<OrgUnitDto[]>(API.orgUnits)).then((units) =>
      units.filter((u) => u.kind === 'team').sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    );
  }
}
