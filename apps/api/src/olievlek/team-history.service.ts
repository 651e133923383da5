import { Inject, Injectable } from '@nestjs/common';
import { effectiveK } from '@olievlek/domain';
import type { StageDto, TeamHistoryDto, TeamStepDto } from '@olievlek/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CaseViewService } from '../cases/case-view.service';
import { CaseEntity } from '../cases/entities/case.entity';
import { notFound } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { TeamStageSpanEntity } from './entities/team-timeline.entity';
import { pathTo, unitFor, unitRef, viewerOf } from './olievlek-scope';
import { teamsBelowK } from '../privacy/teams-below-k';
import { OlievlekSnapshotsService } from './olievlek-snapshots.service';
import { TeamTimelineService } from './team-timeline.service';

/**
 * One team seen from the olievlek view (docs/design.md §Privacy): its stage history and its steps
 * with their rhythm, in the caller's scope only. No notes, no owner, no reflections, no names of
 * who ticked; for directors the rhythm and habit strength (they follow from individual
 * check-offs) only where the team is not below k (`teamsBelowK`: its headcount, or without one
 * its members with an account), else they are withheld rather than rounded.
 */
@Injectable()
export class TeamHistoryService {
  constructor(
    private readonly snapshots: OlievlekSnapshotsService,
    private readonly caseView: CaseViewService,
    private readonly timelines: TeamTimelineService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async team(user: AuthUser, teamId: string): Promise<TeamHistoryDto> {
    const { org, today } = await this.snapshots.viewBase();
    const viewer = viewerOf(user, org);
    const id = unitFor(viewer, org, teamId);
    if (org.units.get(id)?.kind !== 'team') {
      throw notFound('ORG_UNIT_NOT_FOUND', 'This unit is not a team.');
    }
    const k = effectiveK(this.config.pulseK);
    const [stages, cases, unit] = await Promise.all([
      this.stageHistory(id, today),
      this.dataSource.getRepository(CaseEntity).findBy({ teamId: id }),
      this.dataSource.getRepository(OrgUnitEntity).findOneBy({ id }),
    ]);
    const facts = await this.caseView.loadFacts(cases);
    const rhythmWithheld =
      !viewer.wholeOrganisation &&
      (await teamsBelowK(this.dataSource, () => unit?.headcount ?? null, [id], k)).has(id);
    const steps: TeamStepDto[] = facts.agreements
      .filter((a) => a.teamId === id)
      .map((a) => {
        const full = this.caseView.agreement(a, facts);
        return {
          id: full.id,
          title: { nl: full.title, en: full.titleEn },
          cadence: full.cadence,
          startDate: full.startDate,
          endDate: full.endDate,
          status: full.status,
          rhythm: rhythmWithheld
            ? null
            : full.rhythm.map(({ key, start, end, status }) => ({ key, start, end, status })),
          habit: rhythmWithheld ? null : full.habit.level,
        };
      });
    return {
      team: unitRef(org, id),
      path: pathTo(org, viewer.top, id),
      today,
      stage: stages.at(-1)?.stage ?? 'not-reached',
      stages,
      steps,
      rhythmWithheld,
      k,
    };
  }

  /** The team's stored timeline up to today, one entry per change of stage (one query). */
  private async stageHistory(
    teamId: string,
    today: string,
  ): Promise<Array<{ from: string; stage: StageDto }>> {
    await this.timelines.settle();
    const rows = (await this.dataSource
      .getRepository(TeamStageSpanEntity)
      .createQueryBuilder('s')
      .select('s.from_date', 'from')
      .addSelect('s.stage', 'stage')
      .distinct(true)
      .where('s.team_id = :teamId AND s.from_date <= :today', { teamId, today })
      .orderBy('s.from_date')
      .getRawMany()) as Array<{ from: string; stage: StageDto }>;
    const history: Array<{ from: string; stage: StageDto }> = [];
    for (const row of rows) {
      // A piece also starts where only the stalled count changes: that is no change of stage.
      if (history.at(-1)?.stage !== row.stage) history.push({ from: row.from, stage: row.stage });
    }
    return history;
  }
}
