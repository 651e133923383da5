import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { addDays, habitStrength, LocalDate, periodStatusesAt } from '@olievlek/domain';
import type { FractionDto, Locale, MailKind, Role } from '@olievlek/shared';
import { MAIL_PAGES } from '@olievlek/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { BoardService } from '../board/board.service';
import { CaseViewService } from '../cases/case-view.service';
import { CaseAmbassadorEntity, CaseEntity } from '../cases/entities/case.entity';
import { ApiException } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OlievlekViewService } from '../olievlek/olievlek-view.service';
import type {
  AmbassadorDigestContent,
  DirectorSummaryContent,
  MailContent,
  TeamReminderContent,
} from './mail-templates';

/** A person a mail goes to, as the mail jobs load them. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: Locale;
  teamIds: string[];
  scopeOrgUnitId: string | null;
}

/** Reviews this close to today (either side) are listed in the ambassador's digest. */
const REVIEW_WINDOW_DAYS = 7;

const percent = (f: FractionDto | null): number | null =>
  f === null ? null : Math.round(f.value * 100);

/**
 * What each mail says, gathered with the services the screens use — the board for the team's
 * steps, the case views for the stalled radar, the olievlek view for a director's figures — so a
 * mail never shows more than its recipient may see on screen, and for directors less: only
 * figures, no names.
 */
@Injectable()
export class MailContentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseView: CaseViewService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): LocalDate {
    return this.caseView.today();
  }

  /** Null when there is nothing to tell this person this period. */
  async build(kind: MailKind, recipient: Recipient, period: string): Promise<MailContent | null> {
    switch (kind) {
      case 'team-reminder':
        return this.teamReminder(recipient);
      case 'ambassador-digest':
        return this.ambassadorDigest(recipient);
      case 'director-summary':
        return this.directorSummary(recipient, period);
    }
  }

  private link(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  private asUser(recipient: Recipient, roles: Role[] = recipient.roles): AuthUser {
    return { ...recipient, roles, sessionTokenHash: '' };
  }

  /** The team's steps with a period open now, each linking to the board at that step. */
  private async teamReminder(recipient: Recipient): Promise<TeamReminderContent | null> {
    // The board and the olievlek view belong to their own modules; they are looked up here rather
    // than exported, so those modules keep their shape (their public result is all that is used).
    const board = await this.moduleRef
      .get(BoardService, { strict: false })
      .board(this.asUser(recipient, ['team']));
    const teams = board.teams
      .map((team) => ({
        name: team.team.name,
        steps: team.agreements
          .filter(
            (a) =>
              a.current.key !== '' &&
              a.current.status === 'open' &&
              a.current.start <= board.today &&
              board.today <= a.current.end,
          )
          .map((a) => ({
            title: a.title,
            dueBy: a.current.end,
            weekly: a.cadence.kind === 'weeks' && a.cadence.every === 1,
            link: this.link(
              `${MAIL_PAGES.board}?${MAIL_PAGES.boardStepParam}=${encodeURIComponent(a.id)}`,
            ),
          })),
      }))
      .filter((team) => team.steps.length > 0);
    if (teams.length === 0) return null;
    return { kind: 'team-reminder', teams, boardLink: this.link(MAIL_PAGES.board) };
  }

  /** The stalled radar, new routines and reviews due, over the ambassador's open cases. */
  private async ambassadorDigest(recipient: Recipient): Promise<AmbassadorDigestContent | null> {
    const cases = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(CaseAmbassadorEntity, 'ca', 'ca.case_id = c.id AND ca.user_id = :user', {
        user: recipient.id,
      })
      .where('c.status = :status', { status: 'open' })
      .getMany();
    if (cases.length === 0) return null;
    const facts = await this.caseView.loadFacts(cases);
    const today = facts.today;
    const weekAgo = addDays(today, -7);
    const caseIds = new Set(cases.map((c) => c.id));
    const teamName = (teamId: string) => this.caseView.teamRef(teamId, facts).name;
    const caseLink = (id: string) => this.link(MAIL_PAGES.case(id));
    const byName = <T extends { team: string }>(a: T, b: T) => a.team.localeCompare(b.team, 'nl');

    const stalled = cases
      .map((c) => ({ c, summary: this.caseView.summary(c, facts) }))
      .filter(({ summary }) => summary.stalled.length > 0)
      .sort(
        (a, b) =>
          b.summary.stalled[0].silence - a.summary.stalled[0].silence ||
          a.summary.team.name.localeCompare(b.summary.team.name, 'nl'),
      )
      .map(({ c, summary }) => ({
        team: summary.team.name,
        link: caseLink(c.id),
        steps: summary.stalled.map((s) => ({ title: s.title, silence: s.silence })),
      }));

    const own = facts.agreements.filter((a) => caseIds.has(a.caseId));
    const newRoutines = own
      .filter((a) => a.status === 'running' || a.status === 'adopted')
      .filter((a) => {
        const agreementFacts = this.caseView.agreementFacts(a, facts);
        const level = (t: LocalDate) => habitStrength(periodStatusesAt(agreementFacts, t)).level;
        return level(today) === 'routine' && level(weekAgo) !== 'routine';
      })
      .map((a) => ({ team: teamName(a.teamId), link: caseLink(a.caseId), title: a.title }))
      .sort(byName);
    const reviewsDue = own
      .filter(
        (a) =>
          (a.status === 'running' || a.status === 'paused') &&
          a.reviewDate !== null &&
          a.reviewDate >= addDays(today, -REVIEW_WINDOW_DAYS) &&
          a.reviewDate <= addDays(today, REVIEW_WINDOW_DAYS),
      )
      .map((a) => ({
        team: teamName(a.teamId),
        link: caseLink(a.caseId),
        title: a.title,
        reviewDate: a.reviewDate as string,
      }))
      .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || byName(a, b));

    return {
      kind: 'ambassador-digest',
      stalled,
      newRoutines,
      reviewsDue,
      openCases: cases.length,
      casesLink: this.link('/casussen'),
    };
  }

  /**
   * The figures of the director's scope at the end of the month the summary is for, through the
   * olievlek view as the director alone would see it (a director who is also an admin still gets
   * their own scope). Units and counts only: the view names no person and holds no note.
   */
  private async directorSummary(
    recipient: Recipient,
    month: string,
  ): Promise<DirectorSummaryContent | null> {
    if (!recipient.scopeOrgUnitId) return null;
    const [y, m] = month.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const date = lastDay < this.today() ? lastDay : this.today();
    let view;
    try {
      view = await this.moduleRef
        .get(OlievlekViewService, { strict: false })
        .view(this.asUser(recipient, ['director']), { date });
    } catch (error) {
      // A scope that no longer exists: nothing to summarise until an admin sets a new one.
      if (error instanceof ApiException && error.getStatus() === 403) return null;
      throw error;
    }
    const figures = view.figures;
    return {
      kind: 'director-summary',
      month,
      date: view.date,
      unit: {
        name: view.unit.name,
        teams: figures.teams,
        reach: percent(figures.reach),
        rooted: percent(figures.rooted),
      },
      stages: figures.stages,
      stalledAgreements: figures.stalledAgreements,
      spreadFactor:
        figures.spreadFactor === null ? null : Math.round(figures.spreadFactor.value * 100) / 100,
      crossDepartmentLinks: figures.crossUnitLinks.departments,
      children: view.children.map((c) => ({
        name: c.unit.name,
        teams: c.teams,
        reach: percent(c.reach),
        rooted: percent(c.rooted),
      })),
      olievlekLink: this.link(MAIL_PAGES.olievlek),
    };
  }
}
