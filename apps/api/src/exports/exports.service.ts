import { Inject, Injectable } from '@nestjs/common';
import { effectiveK, subtreeIds } from '@olievlek/domain';
import type {
  MapUnitDto,
  OlievlekViewDto,
  OrgUnitKind,
  ReportLanguage,
  StageDto,
  UnitFiguresDto,
} from '@olievlek/shared';
import { DataSource } from 'typeorm';
import { AgreementEntity, CheckOffEntity } from '../agreements/entities/agreement.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseSummariesService } from '../cases/case-summaries.service';
import { CaseEntity } from '../cases/entities/case.entity';
import { forbidden, notFound } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OlievlekViewService } from '../olievlek/olievlek-view.service';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { teamsBelowK } from '../privacy/teams-below-k';
import { UserEntity } from '../users/entities/user.entity';
import { words } from '../common/texts';
import type { SheetTable } from './spreadsheet';

export const STAGES: StageDto[] = [
  'not-reached',
  'intake',
  'experimenting',
  'practising',
  'spreading',
];

interface Unit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  headcount: number | null;
}

/**
 * The tables behind every download. Scope is the screens' scope: the olievlek figures come from
 * OlievlekViewService itself (a director gets 403 outside their subtree, exactly as on screen);
 * the check-off history follows the same rule, and directors get it without who ticked or why.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: OlievlekViewService,
    private readonly cases: CaseSummariesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(user: AuthUser, origin: string, action: string, detail: Record<string, unknown>) {
    return this.audit.record({
      actorId: user.id,
      action,
      objectType: 'export',
      result: 'success',
      origin,
      detail,
    });
  }

  async olievlek(
    user: AuthUser,
    query: { unitId?: string; date?: string },
    lang: ReportLanguage,
  ): Promise<{ view: OlievlekViewDto; figures: SheetTable; units: SheetTable }> {
    // The spreadsheet lists every team, also where the map shows departments only.
    const view = await this.view.view(
      user,
      { unitId: query.unitId, date: query.date },
      { allTeams: true },
    );
    const w = words(lang);
    const share = (f: { value: number } | null) => (f === null ? null : f.value);
    const figuresRow = (f: UnitFiguresDto) => [
      f.unit.name,
      w.kind[f.unit.kind],
      f.teams,
      ...STAGES.map((s) => f.stages[s]),
      share(f.reach),
      share(f.rooted),
      share(f.reachWeighted),
      share(f.rootedWeighted),
      f.teamsWithoutHeadcount,
      f.stalledAgreements,
      f.spreadFactor === null ? null : Math.round(f.spreadFactor.value * 100) / 100,
      f.crossUnitLinks.departments,
      f.crossUnitLinks.directorates,
    ];
    const figures: SheetTable = {
      name: w.sheet.figures,
      columns: [
        { header: w.col.unit },
        { header: w.col.kind },
        { header: w.col.teams, kind: 'number' },
        ...STAGES.map((s) => ({ header: w.stage[s], kind: 'number' as const })),
        { header: w.col.reach, kind: 'percent' },
        { header: w.col.rooted, kind: 'percent' },
        { header: w.col.reachWeighted, kind: 'percent' },
        { header: w.col.rootedWeighted, kind: 'percent' },
        { header: w.col.withoutHeadcount, kind: 'number' },
        { header: w.col.stalled, kind: 'number' },
        { header: w.col.spreadFactor, kind: 'number' },
        { header: w.col.crossDepartments, kind: 'number' },
        { header: w.col.crossDirectorates, kind: 'number' },
      ],
      rows: [figuresRow(view.figures), ...view.children.map(figuresRow)],
    };
    const byId = new Map(view.units.map((u) => [u.id, u]));
    const pathOf = (u: MapUnitDto) => {
      const names: string[] = [];
      for (
        let p: MapUnitDto | undefined = u;
        p;
        p = p.parentId ? byId.get(p.parentId) : undefined
      ) {
        names.unshift(p.name);
      }
      return names.join(' / ');
    };
    const units: SheetTable = {
      name: w.sheet.units,
      columns: [
        { header: w.col.path },
        { header: w.col.kind },
        { header: w.col.headcount, kind: 'number' },
        { header: w.col.stage },
        { header: w.col.stalledTeam },
        ...STAGES.map((s) => ({ header: w.stage[s], kind: 'number' as const })),
      ],
      rows: view.units.map((u) => [
        pathOf(u),
        w.kind[u.kind],
        u.headcount,
        u.stage === null ? null : w.stage[u.stage],
        u.kind === 'team' ? (u.stalled ? w.yes : w.no) : null,
        ...STAGES.map((s) => (u.stages ? u.stages[s] : null)),
      ]),
    };
    return { view, figures, units };
  }

  /** Every case without a note: team, status, dates, ambassadors, stage, steps. */
  async caseList(lang: ReportLanguage): Promise<SheetTable> {
    const w = words(lang);
    const entities = await this.dataSource
      .getRepository(CaseEntity)
      .find({ order: { openedOn: 'DESC' } });
    const units = await this.units();
    const byId = new Map(units.map((u) => [u.id, u]));
    const summaries = (await this.cases.summaries(entities)).sort((a, b) =>
      a.team.name.localeCompare(b.team.name, 'nl'),
    );
    return {
      name: w.sheet.cases,
      columns: [
        { header: w.col.directorate },
        { header: w.col.department },
        { header: w.col.team },
        { header: w.col.status },
        { header: w.col.openedOn },
        { header: w.col.closedOn },
        { header: w.col.ambassadors },
        { header: w.col.stage },
        { header: w.col.agreements, kind: 'number' },
        { header: w.col.stalledSteps, kind: 'number' },
        { header: w.col.nextReview },
        { header: w.col.lastActivity },
      ],
      rows: summaries.map((s) => {
        const team = byId.get(s.team.id);
        const department = team?.parentId ? byId.get(team.parentId) : undefined;
        const directorate = department?.parentId ? byId.get(department.parentId) : undefined;
        return [
          directorate?.name ?? null,
          department?.name ?? null,
          s.team.name,
          w.caseStatus[s.status],
          s.openedOn,
          s.closedOn,
          s.ambassadors.map((a) => a.name).join(', '),
          w.stage[s.stage],
          s.agreementCount,
          s.stalled.length,
          s.nextReviewDate,
          s.lastActivityAt.slice(0, 10),
        ];
      }),
    };
  }

  /**
   * The check-off history of a subtree. Admins and ambassadors see who ticked and the reason for
   * a skip; directors see what happened, never who did it or their words (docs/design.md privacy),
   * and of a team below k (teamBelowK: one or two people) only one row saying it is withheld: its
   * periods and dates would be one person's tick history.
   */
  async checkOffs(
    user: AuthUser,
    unitId: string | undefined,
    lang: ReportLanguage,
  ): Promise<{ table: SheetTable; unitId: string; personal: boolean }> {
    const w = words(lang);
    const units = await this.units();
    const byId = new Map(units.map((u) => [u.id, u]));
    const personal = user.roles.includes('admin') || user.roles.includes('ambassador');
    const top = personal
      ? (units.find((u) => u.parentId === null && u.kind === 'organisation') ?? units[0])?.id
      : user.scopeOrgUnitId;
    if (!top || !byId.has(top)) {
      throw forbidden(
        'FORBIDDEN_SCOPE',
        'You have no part of the organisation to look at yet: ask an admin to set your scope.',
      );
    }
    const scope = subtreeIds(units, top);
    const chosen = unitId ?? top;
    if (!byId.has(chosen)) throw notFound('ORG_UNIT_NOT_FOUND', 'This unit does not exist.');
    if (!scope.has(chosen)) {
      throw forbidden(
        'FORBIDDEN_SCOPE',
        'This unit lies outside the part of the organisation you may see.',
      );
    }
    const teams = subtreeIds(units, chosen);
    const qb = this.dataSource
      .getRepository(CheckOffEntity)
      .createQueryBuilder('c')
      .innerJoin(AgreementEntity, 'a', 'a.id = c.agreementId')
      .select('a.teamId', 'teamId')
      .addSelect('a.title', 'title')
      .addSelect('c.periodKey', 'periodKey')
      .addSelect('c.state', 'state')
      .addSelect('c.onDate', 'onDate')
      .orderBy('a.teamId')
      .addOrderBy('a.title')
      .addOrderBy('c.periodKey');
    if (personal) {
      qb.leftJoin(UserEntity, 'u', 'u.id = c.userId')
        .addSelect('c.reason', 'reason')
        .addSelect('u.name', 'who');
    }
    const rows = (
      await qb.getRawMany<{
        teamId: string;
        title: string;
        periodKey: string;
        state: 'done' | 'skipped';
        onDate: string;
        reason?: string | null;
        who?: string | null;
      }>()
    ).filter((r) => teams.has(r.teamId));
    const withheld = personal ? new Set<string>() : await this.teamsBelowK(units, rows);
    const pathOf = (id: string) => {
      const team = byId.get(id);
      const department = team?.parentId ? byId.get(team.parentId) : undefined;
      const directorate = department?.parentId ? byId.get(department.parentId) : undefined;
      return [directorate?.name ?? null, department?.name ?? null, team?.name ?? null];
    };
    const table: SheetTable = {
      name: w.sheet.checkOffs,
      columns: [
        { header: w.col.directorate },
        { header: w.col.department },
        { header: w.col.team },
        { header: w.col.step },
        { header: w.col.period },
        { header: w.col.state },
        { header: w.col.onDate },
        ...(personal ? [{ header: w.col.reason }, { header: w.col.who }] : []),
      ],
      rows: [
        ...rows.filter((r) => !withheld.has(r.teamId)),
        ...[...withheld].map((teamId) => ({ teamId, withheld: true as const })),
      ]
        .map((r) =>
          'withheld' in r
            ? [
                ...pathOf(r.teamId),
                null,
                null,
                w.withheldBelowK(effectiveK(this.config.pulseK)),
                null,
              ]
            : [
                ...pathOf(r.teamId),
                r.title,
                r.periodKey,
                w.checkState[r.state],
                r.onDate,
                ...(personal ? [r.reason ?? null, r.who ?? null] : []),
              ],
        )
        .sort((a, b) => String(a.slice(0, 5)).localeCompare(String(b.slice(0, 5)), 'nl')),
    };
    return { table, unitId: chosen, personal };
  }

  private async units(): Promise<Unit[]> {
    return this.dataSource
      .getRepository(OrgUnitEntity)
      .find({ select: { id: true, parentId: true, kind: true, name: true, headcount: true } });
  }

  /** The teams among these rows whose size is below k (docs/design.md, Privacy). */
  private async teamsBelowK(units: Unit[], rows: Array<{ teamId: string }>): Promise<Set<string>> {
    const byId = new Map(units.map((u) => [u.id, u]));
    return teamsBelowK(
      this.dataSource,
      (id) => byId.get(id)?.headcount ?? null,
      [...new Set(rows.map((r) => r.teamId))],
      this.config.pulseK,
    );
  }
}
