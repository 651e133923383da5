import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  BoardAgreementDto,
  BoardDto,
  CheckOffRequest,
  PulseAnswerRequest,
  PulseRoundResultDto,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** The team board's endpoints, typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  board(): Promise<BoardDto> {
    return firstValueFrom(this.http.get<BoardDto>(API.board));
  }
  tick(agreementId: string, periodKey: string, body: CheckOffRequest): Promise<BoardAgreementDto> {
    return firstValueFrom(
      this.http.put<BoardAgreementDto>(API.checkOff(agreementId, periodKey), body),
    );
  }
  untick(agreementId: string, periodKey: string): Promise<BoardAgreementDto> {
    return firstValueFrom(
      this.http.delete<BoardAgreementDto>(API.checkOff(agreementId, periodKey)),
    );
  }
  reflect(agreementId: string, periodKey: string, text: string): Promise<BoardAgreementDto> {
    return firstValueFrom(
      this.http.put<BoardAgreementDto>(API.reflection(agreementId, periodKey), { text }),
    );
  }
  removeReflection(agreementId: string, periodKey: string): Promise<BoardAgreementDto> {
    return firstValueFrom(
      this.http.delete<BoardAgreementDto>(API.reflection(agreementId, periodKey)),
    );
  }
  answer(roundId: string, body: PulseAnswerRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>(API.pulseAnswers(roundId), body));
  }
  results(teamId: string): Promise<PulseRoundResultDto[]> {
    return firstValueFrom(
      this.http.get<PulseRoundResultDto[]>(API.pulseRounds, { params: { teamId } }),
    );
  }
}

/** Retry a save a few times when the network drops (status 0), then give up loudly. */
export async function withRetry<T>(action: () => Promise<T>, attempts = 3): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await action();
    } catch (error) {
      lastError = error;
      const status = (error as { status?: number }).status;
      if (status !== 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * (i + 1)));
    }
  }
  throw lastError;
}
