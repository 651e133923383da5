import { Injectable } from '@nestjs/common';
import { byDutch } from '../common/collation';
import {
  ExposureRelation,
  nextBestTeams,
  practiceEvidence,
  PracticeEvidence,
  teamsIn,
} from '@olievlek/domain';
import {
  NEXT_BEST_DEFAULT,
  NEXT_BEST_MAX,
  NEXT_BEST_PRACTICES,
  NEXT_BEST_SOURCES,
} from '@olievlek/shared';
import type {
  NextBestTeamDto,
  NextBestTeamsDto,
  PracticeEvidenceDto,
  PracticeRefDto,
} from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import type { NextBestQueryDto } from './dto/olievlek-query.dto';
import { OlievlekFactsService } from './olievlek-facts.service';
import { AgreementRow, PracticeTitles } from './olievlek-facts';
import { unitFor, unitRef, viewerOf } from './olievlek-scope';
import { Base, OlievlekSnapshotsService, TODAY_RESULT } from './olievlek-snapshots.service';
import { agreementsAt } from './olievlek-stages';

const VIA: Record<ExposureRelation, NextBestTeamDto['sources'][number]['via'][number]> = {
  department: 'department',
  agreement: 'agreement',
  'spread-link': 'spread',
};

function practiceRef(titles: PracticeTitles, id: string): PracticeRefDto {
  return { id, title: titles.get(id)?.title ?? { nl: '?', en: '?' } };
}

/** What the programme can learn from: where to go next, and which practices take root. */
@Injectable()
export class OlievlekInsightsService {
  constructor(
    private readonly facts: OlievlekFactsService,
    private readonly snapshots: OlievlekSnapshotsService,
  ) {}

  /**
   * GET /api/olievlek/next-best-teams: unreached teams that see practising teams from 2+ sides,
   * the first `limit` of them with the few reasons a card shows (issue 19: the whole list with
   * every source was 1.35 MB at city scale). Computed once a day per unit for the most a caller
   * may ask, and cut per request.
   */
  async nextBest(user: AuthUser, query: NextBestQueryDto): Promise<NextBestTeamsDto> {
    const { org } = await this.snapshots.current();
    const unitId = unitFor(viewerOf(user, org), org, query.unitId);
    const limit = query.limit ?? NEXT_BEST_DEFAULT;
    const all = await this.snapshots.result(
      `${TODAY_RESULT}next-best ${unitId}`,
      async ({ programme, today }) => {
        // Exposure looks at neighbours and partners anywhere: every team's stage counts.
        const [{ figures }, recent, titles] = await Promise.all([
          this.snapshots.at(today),
          this.facts.recentCheckOffs(today, programme.agreements),
          this.facts.practiceTitles(),
        ]);
        const { teams, total } = nextBestTeams(
          org.index,
          figures.stages,
          agreementsAt(programme, recent),
          programme.links,
          today,
          { candidates: new Set(teamsIn(org.index, unitId)), limit: NEXT_BEST_MAX },
        );
        const dtos = teams.map((team): NextBestTeamDto => {
          const department = org.index.departmentOf.get(team.teamId) ?? null;
          const sources = [...team.sources].sort(
            (a, b) =>
              b.practiceIds.length - a.practiceIds.length ||
              (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0),
          );
          return {
            team: unitRef(org, team.teamId),
            department: department === null ? null : unitRef(org, department),
            exposure: team.exposure,
            sourceCount: team.sources.length,
            sources: sources.slice(0, NEXT_BEST_SOURCES).map((s) => ({
              team: unitRef(org, s.teamId),
              via: s.via.map((v) => VIA[v]),
              practices: s.practiceIds.map((id) => practiceRef(titles, id)),
            })),
            practices: team.practices.slice(0, NEXT_BEST_PRACTICES).map((p) => ({
              practice: practiceRef(titles, p.practiceId),
              teams: p.teamIds.length,
            })),
          };
        });
        return { teams: dtos, total };
      },
    );
    return { teams: all.teams.slice(0, limit), total: all.total, limit };
  }

  /**
   * GET /api/olievlek/practice-evidence: per catalogue practice, over the teams of the caller's
   * scope — the whole organisation, or a director's subtree. Counts of teams only: no team is
   * named. Practices nobody tried yet follow with zeros, so the catalogue can show them all.
   */
  async practiceEvidence(user: AuthUser): Promise<PracticeEvidenceDto[]> {
    const { org } = await this.snapshots.current();
    const orgWide =
      user.roles.includes('admin') ||
      user.roles.includes('ambassador') ||
      !user.roles.includes('director');
    const top = orgWide ? null : viewerOf(user, org).top;
    return this.snapshots.result(`evidence ${top ?? 'organisation'}`, async (base) =>
      this.evidence(base, top),
    );
  }

  private async evidence(base: Base, top: string | null): Promise<PracticeEvidenceDto[]> {
    const { org, programme, today } = base;
    const inScope = top === null ? null : new Set(teamsIn(org.index, top));
    const [done, titles] = await Promise.all([
      this.facts.doneCheckOffs(today),
      this.facts.practiceTitles(),
    ]);
    const byPractice = new Map<string, AgreementRow[]>();
    for (const a of programme.agreements) {
      if (a.practiceId === null || (inScope !== null && !inScope.has(a.teamId))) continue;
      const list = byPractice.get(a.practiceId) ?? [];
      list.push(a);
      byPractice.set(a.practiceId, list);
    }
    // One practice at a time: only its agreements' histories are parsed at once.
    const evidence: PracticeEvidence[] = [];
    for (const agreements of byPractice.values()) {
      evidence.push(
        ...practiceEvidence(
          agreements.map((a) => ({ ...a, checkOffs: done.list(a.id) })),
          today,
        ),
      );
    }
    evidence.sort(
      (a, b) =>
        b.teamsTried - a.teamsTried ||
        (a.practiceId < b.practiceId ? -1 : a.practiceId > b.practiceId ? 1 : 0),
    );
    const tried = new Set(evidence.map((e) => e.practiceId));
    const untried = [...titles]
      .filter(([id, p]) => !tried.has(id) && !p.retired)
      .sort(([, a], [, b]) => byDutch(a.title.nl, b.title.nl));
    return [
      ...evidence.map((e) => ({
        practice: practiceRef(titles, e.practiceId),
        tried: e.teamsTried,
        reachedRoutine: e.reachedRoutine,
        medianWeeksToRoutine:
          e.medianWeeksToRoutine === null ? null : Math.round(e.medianWeeksToRoutine * 10) / 10,
        dropped: e.dropped,
      })),
      ...untried.map(([id]) => ({
        practice: practiceRef(titles, id),
        tried: 0,
        reachedRoutine: null,
        medianWeeksToRoutine: null,
        dropped: null,
      })),
    ];
  }
}
