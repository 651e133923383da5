import { Inject, Injectable } from '@nestjs/common';
import { byDutch } from '../common/collation';
import {
  AdopterCategory,
  crossUnitLinks,
  crossUnitLinksByUnit,
  CrossUnitLinks,
  departmentKey,
  directorateKey,
  isActiveAt,
  isSpreadLinkAt,
  knownHeadcount,
  LocalDate,
  rollUp,
  rollUpAll,
  spreadFactor,
  spreadFactorByUnit,
  Fraction,
  stageIn,
  teamsIn,
  UnitRollUp,
} from '@olievlek/domain';
import { SPREAD_LINKS_DEFAULT } from '@olievlek/shared';
import type {
  MapUnitDto,
  OlievlekViewDto,
  SpreadGraphDto,
  SpreadLinkDto,
  UnitFiguresDto,
} from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { OlievlekViewQueryDto, SpreadQueryDto } from './dto/olievlek-query.dto';
import { OlievlekFactsService } from './olievlek-facts.service';
import { LinkRow, OrgSnapshot, PracticeTitles, ProgrammeFacts } from './olievlek-facts';
import { dateFor, pathTo, subtreeOf, unitFor, unitRef, Viewer, viewerOf } from './olievlek-scope';
import { DateFigures, OlievlekSnapshotsService } from './olievlek-snapshots.service';
import { partnerAgreements } from './olievlek-stages';
import { firstCaseMonth } from './olievlek-trends.service';

/** One date's figures with what they are computed over. */
interface Context {
  org: OrgSnapshot;
  /** The ties between teams only (`OlievlekFactsService.ties`). */
  programme: ProgrammeFacts;
  figures: DateFigures;
  t: LocalDate;
  rollUps: ReadonlyMap<string, UnitRollUp>;
  ties: ReturnType<typeof partnerAgreements>;
  /** R and cross-unit links of the unit and its children, computed in one pass each. */
  spreadFactors: ReadonlyMap<string, Fraction | null>;
  crossLinks: ReadonlyMap<string, CrossUnitLinks>;
}

/**
 * The olievlek view (docs/design.md): the map and key figures of a unit's subtree at a date, and the
 * spread graph. Directors see their scope only; nothing here names a person or holds a case note.
 */
@Injectable()
export class OlievlekViewService {
  constructor(
    private readonly facts: OlievlekFactsService,
    private readonly snapshots: OlievlekSnapshotsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who asks, for which unit and date: refused before anything is computed. */
  private async resolve(user: AuthUser, query: OlievlekViewQueryDto) {
    const base = await this.snapshots.viewBase();
    const viewer = viewerOf(user, base.org);
    const unitId = unitFor(viewer, base.org, query.unitId);
    const t = dateFor(query.date, base.today);
    return { viewer, unitId, t };
  }

  /**
   * The map and figures of a unit's subtree. Above `olievlekMapTeamsMax` teams the map leaves the
   * teams out and stops at the departments (`teamsShown: false`); `allTeams` keeps them (the
   * spreadsheet download lists every team).
   */
  async view(
    user: AuthUser,
    query: OlievlekViewQueryDto,
    options: { allTeams?: boolean } = {},
  ): Promise<OlievlekViewDto> {
    const { viewer, unitId, t } = await this.resolve(user, query);
    const { base, figures } = await this.snapshots.at(t);
    const { org, ties: programme } = base;
    const active = (id: string) => isActiveAt(org.index, id, t);
    const ties = partnerAgreements(programme);
    const figured = [unitId, ...(org.children.get(unitId) ?? []).filter(active)];
    const context: Context = {
      org,
      programme,
      figures,
      t,
      rollUps: rollUpAll(org.index, figures.stages, t),
      ties,
      spreadFactors: spreadFactorByUnit(org.index, figured, figures.stages, programme.links, t),
      crossLinks: crossUnitLinksByUnit(org.index, figured, ties, programme.links, t),
    };
    const mapTeamsMax = this.config.olievlekMapTeamsMax;
    const teamsShown =
      options.allTeams === true || this.rollUpOf(context, unitId).teams <= mapTeamsMax;
    const onMap = (id: string) =>
      active(id) && (teamsShown || id === unitId || org.units.get(id)?.kind !== 'team');
    return {
      date: t,
      firstDate: firstCaseMonth(org, figures.firstReached, viewer.top),
      today: base.today,
      unit: unitRef(org, unitId),
      path: pathTo(org, viewer.top, unitId),
      units: subtreeOf(org, unitId)
        .filter(onMap)
        .map((id) => this.mapUnit(context, id)),
      teamsShown,
      mapTeamsMax,
      figures: this.unitFigures(context, unitId),
      children: (org.children.get(unitId) ?? [])
        .filter(active)
        .map((id) => this.unitFigures(context, id)),
    };
  }

  /** GET /api/olievlek/spread: the links inside or touching a subtree, as a graph. */
  /** The latest `limit` links (issue 19: all of a city's were 957 kB); the figures count all. */
  async spread(user: AuthUser, query: SpreadQueryDto): Promise<SpreadGraphDto> {
    const { viewer, unitId, t } = await this.resolve(user, query);
    const { base, figures } = await this.snapshots.at(t);
    const { org, ties: programme } = base;
    const inUnit = new Set(teamsIn(org.index, unitId));
    const limit = query.limit ?? SPREAD_LINKS_DEFAULT;
    const all = programme.links.filter(
      (l) =>
        isSpreadLinkAt(l, t) &&
        (inUnit.has(l.sourceTeamId) || inUnit.has(l.targetTeamId)) &&
        org.units.has(l.sourceTeamId) &&
        org.units.has(l.targetTeamId),
    );
    const links = [...all]
      .sort((a, b) => (a.on > b.on ? -1 : a.on < b.on ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
    const linked = [...new Set(links.flatMap((l) => [l.sourceTeamId, l.targetTeamId]))];
    const cross = crossUnitLinks(
      org.index,
      unitId,
      partnerAgreements(programme),
      programme.links,
      t,
    );
    return {
      unit: unitRef(org, unitId),
      date: t,
      teams: linked
        .filter((id) => org.units.has(id))
        .map((id) => {
          const department = org.index.departmentOf.get(id) ?? null;
          return {
            ...unitRef(org, id),
            stage: stageIn(figures.stages, id),
            department: department === null ? null : unitRef(org, department),
          };
        })
        .sort((a, b) => byDutch(a.name, b.name)),
      links: await this.linkDtos(org, links, viewer),
      linkCount: all.length,
      limit,
      spreadFactor: spreadFactor(org.index, unitId, figures.stages, programme.links, t),
      crossUnitLinks: {
        departments: cross.departments.total,
        directorates: cross.directorates.total,
      },
    };
  }

  private async linkDtos(
    org: OrgSnapshot,
    links: readonly LinkRow[],
    viewer: Viewer,
  ): Promise<SpreadLinkDto[]> {
    const titles: PracticeTitles = links.some((l) => l.practice !== null)
      ? await this.facts.practiceTitles()
      : new Map();
    return links
      .filter((l) => org.units.has(l.sourceTeamId) && org.units.has(l.targetTeamId))
      .map((l) => ({
        id: l.id,
        source: unitRef(org, l.sourceTeamId),
        target: unitRef(org, l.targetTeamId),
        practice:
          l.practice === null
            ? null
            : { id: l.practice, title: titles.get(l.practice)?.title ?? { nl: '?', en: '?' } },
        on: l.on,
        note: viewer.seesNotes ? l.note : null,
        crossDepartment:
          departmentKey(org.index, l.sourceTeamId) !== departmentKey(org.index, l.targetTeamId),
        crossDirectorate:
          directorateKey(org.index, l.sourceTeamId) !== directorateKey(org.index, l.targetTeamId),
      }));
  }

  private rollUpOf(context: Context, unitId: string): UnitRollUp {
    return (
      context.rollUps.get(unitId) ??
      rollUp(context.org.index, unitId, context.figures.stages, context.t)
    );
  }

  /** One area of the map; built field by field: the whole organisation has thousands. */
  private mapUnit(context: Context, id: string): MapUnitDto {
    const unit = context.org.units.get(id);
    if (unit?.kind === 'team') {
      return {
        id,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parentId,
        headcount: knownHeadcount(unit.headcount),
        stage: stageIn(context.figures.stages, id),
        stalled: context.figures.stalled.has(id),
        stages: null,
      };
    }
    const r = this.rollUpOf(context, id);
    return {
      ...unitRef(context.org, id),
      parentId: unit?.parentId ?? null,
      headcount: r.weighted.teamsWithHeadcount > 0 ? r.weighted.headcount : null,
      stage: null,
      stalled: false,
      stages: r.stageCounts,
    };
  }

  private unitFigures(context: Context, unitId: string): UnitFiguresDto {
    const { org, t, figures, programme } = context;
    const r = this.rollUpOf(context, unitId);
    const adopters: Record<AdopterCategory, number> = {
      innovators: 0,
      'early-adopters': 0,
      'early-majority': 0,
      'late-majority': 0,
      laggards: 0,
    };
    let stalledAgreements = 0;
    for (const teamId of teamsIn(org.index, unitId)) {
      if (!isActiveAt(org.index, teamId, t)) continue;
      adopters[figures.adopters.get(teamId) ?? 'laggards']++;
      stalledAgreements += figures.stalled.get(teamId) ?? 0;
    }
    const cross =
      context.crossLinks.get(unitId) ??
      crossUnitLinks(org.index, unitId, context.ties, programme.links, t);
    return {
      unit: unitRef(org, unitId),
      teams: r.teams,
      stages: r.stageCounts,
      reach: r.reach,
      rooted: r.rooted,
      reachWeighted: r.weighted.reach,
      rootedWeighted: r.weighted.rooted,
      teamsWithoutHeadcount: r.weighted.teamsWithoutHeadcount,
      stalledAgreements,
      spreadFactor: context.spreadFactors.has(unitId)
        ? (context.spreadFactors.get(unitId) ?? null)
        : spreadFactor(org.index, unitId, figures.stages, programme.links, t),
      crossUnitLinks: {
        departments: cross.departments.total,
        directorates: cross.directorates.total,
      },
      adopters,
    };
  }
}
