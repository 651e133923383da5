import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AdoptionDto,
  CreateSpreadLinkRequest,
  NextBestTeamsDto,
  OLIEVLEK_ROUTES,
  OlievlekViewDto,
  PracticeEvidenceDto,
  SpreadGraphDto,
  SpreadLinkDto,
  TeamHistoryDto,
} from '@olievlek/shared';
import { firstValueFrom, Observable } from 'rxjs';

/** Only the parameters that are set: an absent unit means "the top of my scope", no date "today". */
function params(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

/**
 * The olievlek endpoints, typed by the shared contracts. Figures at a date never change once the
 * date is past, so answers are kept for the session: replaying the programme month by month asks
 * the server once per month. Opening the view or recording a spread link clears them.
 */
@Injectable({ providedIn: 'root' })
export class OlievlekApi {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Promise<unknown>>();

  view(unitId: string | null, date: string | null): Promise<OlievlekViewDto> {
    return this.cached(`view|${unitId}|${date}`, () =>
      this.http.get<OlievlekViewDto>(OLIEVLEK_ROUTES.view, { params: params({ unitId, date }) }),
    );
  }

  adoption(unitId: string): Promise<AdoptionDto> {
    return this.cached(`adoption|${unitId}`, () =>
      this.http.get<AdoptionDto>(OLIEVLEK_ROUTES.adoption, { params: params({ unitId }) }),
    );
  }

  spread(unitId: string, date: string | null): Promise<SpreadGraphDto> {
    return this.cached(`spread|${unitId}|${date}`, () =>
      this.http.get<SpreadGraphDto>(OLIEVLEK_ROUTES.spread, { params: params({ unitId, date }) }),
    );
  }

  /** The first `limit` next-best teams (the server's default when not given) and their total. */
  nextBest(unitId: string, limit?: number): Promise<NextBestTeamsDto> {
    return this.cached(`next|${unitId}|${limit ?? ''}`, () =>
      this.http.get<NextBestTeamsDto>(OLIEVLEK_ROUTES.nextBest, {
        params: params({ unitId, limit: limit === undefined ? undefined : String(limit) }),
      }),
    );
  }

  /** One team's stage history and steps, fresh from the server (scope checked there). */
  team(teamId: string): Promise<TeamHistoryDto> {
    return firstValueFrom(this.http.get<TeamHistoryDto>(OLIEVLEK_ROUTES.team(teamId)));
  }

  practiceEvidence(): Promise<PracticeEvidenceDto[]> {
    return firstValueFrom(this.http.get<PracticeEvidenceDto[]>(OLIEVLEK_ROUTES.practiceEvidence));
  }

  /** The links of one team (as source or target), fresh from the server. */
  teamLinks(teamId: string): Promise<SpreadGraphDto> {
    return firstValueFrom(
      this.http.get<SpreadGraphDto>(OLIEVLEK_ROUTES.spread, { params: { unitId: teamId } }),
    );
  }

  async createSpreadLink(request: CreateSpreadLinkRequest): Promise<SpreadLinkDto> {
    const link = await firstValueFrom(
      this.http.post<SpreadLinkDto>(OLIEVLEK_ROUTES.spreadLinks, request),
    );
    this.cache.clear();
    return link;
  }

  /** Forget kept answers: a screen that opens wants today's figures as they are now. */
  forget(): void {
    this.cache.clear();
  }

  private cached<T>(key: string, load: () => Observable<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = firstValueFrom(load());
      this.cache.set(key, hit);
      // A failure is not kept: the next ask tries again.
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }
}
