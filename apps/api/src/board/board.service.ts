import { englishStepTitles } from '../catalogue/step-titles';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  CATCH_UP_PERIODS,
  checkTickable,
  duePeriods,
  habitStrength,
  isOver,
  Period,
  pulseFigure,
  withStatuses,
} from '@olievlek/domain';
import type {
  BoardAgreementDto,
  BoardCellDto,
  BoardDto,
  CadenceDto,
  OrgUnitRef,
  PulseQuestionDto,
  PulseRoundResultDto,
} from '@olievlek/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { AgreementEntity, CheckOffEntity } from '../agreements/entities/agreement.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CaseViewService } from '../cases/case-view.service';
import { TeamTimelineService } from '../olievlek/team-timeline.service';
import { CaseAmbassadorEntity, CaseEntity } from '../cases/entities/case.entity';
import { ApiException, badRequest, conflict, forbidden, notFound } from '../common/api-exception';
import { earlierCadences, toCadence } from '../common/cadence.dto';
import { nowIso } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { OrgUnitsService } from '../org-units/org-units.service';
import { UserEntity } from '../users/entities/user.entity';
import type { CheckOffBody, PulseAnswerBody } from './dto/board.dto';
import {
  PulseAnswerEntity,
  PulseQuestionEntity,
  PulseResponseEntity,
  PulseRoundEntity,
  ReflectionEntity,
} from './entities/board.entities';

const TICK_REFUSALS = {
  future: [
    'CHECKOFF_FUTURE_PERIOD',
    'This period has not started yet; it can be ticked once it has.',
  ],
  'before-start': ['CHECKOFF_BEFORE_START', 'This period lies before the step started.'],
  'after-end': ['CHECKOFF_BEFORE_START', 'This period lies after the step ended.'],
  'too-old': ['CHECKOFF_TOO_OLD', `Only the last ${CATCH_UP_PERIODS} periods can be filled in.`],
} as const;

/** The team's weekly screen: tick off, reflect, answer the anonymous pulse. */
@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly view: CaseViewService,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly timelines: TeamTimelineService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async board(user: AuthUser): Promise<BoardDto> {
    const today = this.view.today();
    if (user.teamIds.length === 0) return { today, teams: [] };
    const agreements = await this.dataSource
      .getRepository(AgreementEntity)
      .createQueryBuilder('a')
      .where('a.status = :running', { running: 'running' })
      .andWhere('(a.team_id IN (:...teams) OR a.partner_team_id IN (:...teams))', {
        teams: user.teamIds,
      })
      .orderBy('a.created_at', 'ASC')
      .getMany();
    const teams = new Map<string, OrgUnitRef>();
    const [built, rounds] = await Promise.all([
      // The member's own teams come with the agreements' teams: one read of org_unit, not two.
      this.build(agreements, today, user.teamIds, teams),
      this.dataSource.getRepository(PulseRoundEntity).find({
        where: { teamId: In(user.teamIds), closedOn: IsNull() },
        order: { openedOn: 'DESC' },
      }),
    ]);
    const answered = rounds.length
      ? new Set(
          (
            await this.dataSource
              .getRepository(PulseResponseEntity)
              .findBy({ roundId: In(rounds.map((r) => r.id)), userId: user.id })
          ).map((r) => r.roundId),
        )
      : new Set<string>();
    const questions = await this.questions(
      rounds.flatMap((r) => JSON.parse(r.questionIds) as string[]),
    );

    return {
      today,
      teams: user.teamIds
        .map((teamId) => ({
          team: teams.get(teamId) ?? { id: teamId, name: '?', kind: 'team' as const },
          agreements: built.filter((a) => a.team.id === teamId || a.partnerTeam?.id === teamId),
          pulses: rounds
            .filter((r) => r.teamId === teamId)
            .map((r) => ({
              id: r.id,
              team: teams.get(teamId) ?? { id: teamId, name: '?', kind: 'team' as const },
              openedOn: r.openedOn,
              questions: (JSON.parse(r.questionIds) as string[])
                .map((id) => questions.get(id))
                .filter((q): q is PulseQuestionDto => !!q),
              answered: answered.has(r.id),
            })),
        }))
        .sort((a, b) => a.team.name.localeCompare(b.team.name, 'nl')),
    };
  }

  async tick(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
    body: CheckOffBody,
    origin?: string,
  ): Promise<BoardAgreementDto> {
    const agreement = await this.tickableAgreement(user, agreementId, periodKey);
    const now = nowIso();
    // One row per (agreement, period): a second tick at the same moment updates it, no error.
    // The team's timeline (the olievlek view) commits with it.
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CheckOffEntity)
        .values({
          id: randomUUID(),
          agreementId,
          periodKey,
          state: body.state,
          reason: body.state === 'skipped' ? (body.reason ?? null) : null,
          userId: user.id,
          onDate: this.view.today(),
          at: now,
        })
        .orUpdate(['state', 'reason', 'user_id', 'on_date', 'at'], ['agreement_id', 'period_key'])
        .execute();
      await manager
        .createQueryBuilder()
        .update(AgreementEntity)
        .set({ lastCheckOffAt: now })
        .where('id = :agreementId', { agreementId })
        .execute();
      await this.timelines.markChanged(manager, [agreement.teamId]);
      // The audit event commits with the change: one commit (one fsync on SQLite), not two.
      await this.audit.record(
        {
          actorId: user.id,
          action: 'checkoff.set',
          objectType: 'agreement',
          objectId: agreementId,
          result: 'success',
          origin,
          detail: { periodKey, state: body.state },
        },
        manager,
      );
    });
    return this.one(agreement);
  }

  async untick(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
    origin?: string,
  ): Promise<BoardAgreementDto> {
    const agreement = await this.tickableAgreement(user, agreementId, periodKey);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CheckOffEntity).delete({ agreementId, periodKey });
      await manager
        .createQueryBuilder()
        .update(AgreementEntity)
        .set({
          lastCheckOffAt: () =>
            '(SELECT MAX(c.at) FROM check_off c WHERE c.agreement_id = agreement.id)',
        })
        .where('id = :agreementId', { agreementId })
        .execute();
      await this.timelines.markChanged(manager, [agreement.teamId]);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'checkoff.undo',
          objectType: 'agreement',
          objectId: agreementId,
          result: 'success',
          origin,
          detail: { periodKey },
        },
        manager,
      );
    });
    return this.one(agreement);
  }

  /**
   * A member removes their own reflection while its period lasts (issue 14); someone else's, or
   * one of a period that is over, stays.
   */
  async removeReflection(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
    origin?: string,
  ): Promise<BoardAgreementDto> {
    const agreement = await this.memberAgreement(user, agreementId);
    const period = this.reflectionPeriod(agreement, periodKey);
    const own = await this.ownReflection(user, agreementId, periodKey);
    if (!own) {
      throw notFound('REFLECTION_NOT_FOUND', 'You have no reflection on this period to remove.');
    }
    this.assertWithinPeriod(period);
    await this.dataSource.getRepository(ReflectionEntity).delete({ id: own.id });
    await this.audit.record({
      actorId: user.id,
      action: 'reflection.remove',
      objectType: 'agreement',
      objectId: agreementId,
      result: 'success',
      origin,
      detail: { periodKey },
    });
    return this.one(agreement);
  }

  /** The due period a reflection belongs to; 400 for a period that has not started or is unknown. */
  private reflectionPeriod(agreement: AgreementEntity, periodKey: string): Period {
    const period = duePeriods(
      toCadence(agreement.cadenceKind, agreement.cadenceEvery),
      agreement.startDate,
      agreement.endDate,
      this.view.today(),
      Infinity,
      earlierCadences(agreement.cadenceEarlier),
    ).find((p) => p.key === periodKey);
    if (!period) {
      throw badRequest(
        'CHECKOFF_UNKNOWN_PERIOD',
        'A reflection belongs to a period that has started.',
        { periodKey: 'not a due period' },
      );
    }
    return period;
  }

  private ownReflection(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
  ): Promise<ReflectionEntity | null> {
    return this.dataSource
      .getRepository(ReflectionEntity)
      .findOneBy({ agreementId, periodKey, authorId: user.id });
  }

  /** A reflection is changed or removed only while its period lasts. */
  private assertWithinPeriod(period: Period): void {
    if (isOver(period, this.view.today())) {
      throw conflict(
        'REFLECTION_PERIOD_OVER',
        'This period is over; its reflections stay as they were written.',
      );
    }
  }

  async reflect(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
    text: string,
    origin?: string,
  ): Promise<BoardAgreementDto> {
    const agreement = await this.memberAgreement(user, agreementId);
    const period = this.reflectionPeriod(agreement, periodKey);
    const own = await this.ownReflection(user, agreementId, periodKey);
    if (own) this.assertWithinPeriod(period);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReflectionEntity)
      .values({ id: randomUUID(), agreementId, periodKey, authorId: user.id, text, at: nowIso() })
      .orUpdate(['text', 'at'], ['agreement_id', 'period_key', 'author_id'])
      .execute();
    await this.audit.record({
      actorId: user.id,
      action: 'reflection.save',
      objectType: 'agreement',
      objectId: agreementId,
      result: 'success',
      origin,
      detail: { periodKey },
    });
    return this.one(agreement);
  }

  async openPulse(user: AuthUser, teamId: string, origin?: string): Promise<PulseRoundResultDto> {
    const team = await this.dataSource.getRepository(OrgUnitEntity).findOneBy({ id: teamId });
    if (!team || team.kind !== 'team' || team.archivedAt) {
      throw badRequest('TEAM_NOT_FOUND', 'Choose an existing, active team.', {
        teamId: 'unknown or archived team',
      });
    }
    await this.assertRunsPulsesFor(user, teamId, 'open');
    const questions = await this.dataSource
      .getRepository(PulseQuestionEntity)
      .find({ where: { active: true }, order: { position: 'ASC' } });
    const round: PulseRoundEntity = {
      id: randomUUID(),
      teamId,
      openedOn: this.view.today(),
      closedOn: null,
      openedBy: user.id,
      questionIds: JSON.stringify(questions.map((q) => q.id)),
    };
    await this.dataSource.getRepository(PulseRoundEntity).insert({ ...round });
    await this.audit.record({
      actorId: user.id,
      action: 'pulse.open',
      objectType: 'pulse_round',
      objectId: round.id,
      result: 'success',
      origin,
    });
    return this.result(round);
  }

  async closePulse(user: AuthUser, roundId: string, origin?: string): Promise<PulseRoundResultDto> {
    const round = await this.round(roundId);
    await this.assertRunsPulsesFor(user, round.teamId, 'any');
    if (!round.closedOn) {
      await this.dataSource
        .getRepository(PulseRoundEntity)
        .update({ id: roundId }, { closedOn: this.view.today() });
      round.closedOn = this.view.today();
      await this.audit.record({
        actorId: user.id,
        action: 'pulse.close',
        objectType: 'pulse_round',
        objectId: roundId,
        result: 'success',
        origin,
      });
    }
    return this.result(round);
  }

  /**
   * Pulse rounds are part of the case work (docs/design.md: ambassadors write only on cases they are
   * assigned to): admins run them for any team, an ambassador only for a team whose case they hold
   * — an open one to start a round, any of the team's cases to close one.
   */
  private async assertRunsPulsesFor(
    user: AuthUser,
    teamId: string,
    cases: 'open' | 'any',
  ): Promise<void> {
    if (user.roles.includes('admin')) return;
    const query = this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(CaseAmbassadorEntity, 'ca', 'ca.case_id = c.id')
      .where('c.team_id = :teamId', { teamId })
      .andWhere('ca.user_id = :userId', { userId: user.id });
    if (cases === 'open') query.andWhere("c.status = 'open'");
    if ((await query.getCount()) === 0) {
      throw forbidden(
        'CASE_NOT_ASSIGNED',
        "Only the ambassadors of this team's case and admins can run its pulse rounds.",
      );
    }
  }

  /** The question set: new rounds take the active questions; a round keeps the ones it opened with. */
  async questionList(): Promise<Array<PulseQuestionDto & { active: boolean; position: number }>> {
    const rows = await this.dataSource
      .getRepository(PulseQuestionEntity)
      .find({ order: { position: 'ASC' } });
    return rows.map((q) => ({
      id: q.id,
      text: { nl: q.textNl, en: q.textEn },
      active: q.active,
      position: q.position,
    }));
  }

  async addQuestion(
    user: AuthUser,
    text: { nl: string; en: string },
    origin?: string,
  ): Promise<PulseQuestionDto> {
    const repo = this.dataSource.getRepository(PulseQuestionEntity);
    const last = await repo.findOne({ where: {}, order: { position: 'DESC' } });
    const question: PulseQuestionEntity = {
      id: randomUUID(),
      textNl: text.nl,
      textEn: text.en,
      position: (last?.position ?? 0) + 1,
      active: true,
    };
    await repo.insert({ ...question });
    await this.audit.record({
      actorId: user.id,
      action: 'pulse_question.create',
      objectType: 'pulse_question',
      objectId: question.id,
      result: 'success',
      origin,
    });
    return { id: question.id, text };
  }

  async updateQuestion(
    user: AuthUser,
    id: string,
    patch: { text?: { nl: string; en: string }; active?: boolean },
    origin?: string,
  ): Promise<PulseQuestionDto> {
    const repo = this.dataSource.getRepository(PulseQuestionEntity);
    const question = await repo.findOneBy({ id });
    if (!question) throw notFound('NOT_FOUND', 'This pulse question does not exist.');
    const changes: Partial<PulseQuestionEntity> = {};
    if (patch.text) Object.assign(changes, { textNl: patch.text.nl, textEn: patch.text.en });
    if (patch.active !== undefined) changes.active = patch.active;
    if (Object.keys(changes).length) await repo.update({ id }, changes);
    await this.audit.record({
      actorId: user.id,
      action: 'pulse_question.update',
      objectType: 'pulse_question',
      objectId: id,
      result: 'success',
      origin,
    });
    const saved = { ...question, ...changes };
    return { id, text: { nl: saved.textNl, en: saved.textEn } };
  }

  async answer(
    user: AuthUser,
    roundId: string,
    body: PulseAnswerBody,
    origin?: string,
  ): Promise<void> {
    const round = await this.round(roundId);
    if (!user.teamIds.includes(round.teamId))
      throw forbidden('PULSE_NOT_MEMBER', 'Only members of this team answer its pulse.');
    if (round.closedOn) throw conflict('PULSE_CLOSED', 'This pulse round has been closed.');
    const expected = new Set(JSON.parse(round.questionIds) as string[]);
    const given = new Set(body.answers.map((a) => a.questionId));
    if (
      given.size !== body.answers.length ||
      given.size !== expected.size ||
      [...given].some((id) => !expected.has(id))
    ) {
      throw badRequest(
        'VALIDATION_FAILED',
        'Answer every question of this round once, with a score from 1 to 5.',
        { answers: 'one score per question' },
      );
    }
    if (
      await this.dataSource.getRepository(PulseResponseEntity).countBy({ roundId, userId: user.id })
    ) {
      throw conflict('PULSE_ALREADY_ANSWERED', 'You have already answered this pulse round.');
    }
    await this.dataSource.transaction(async (manager) => {
      // The primary key still guards against two answers sent at the same moment.
      try {
        await manager.getRepository(PulseResponseEntity).insert({ roundId, userId: user.id });
      } catch {
        throw conflict('PULSE_ALREADY_ANSWERED', 'You have already answered this pulse round.');
      }
      // Shuffled, with random ids and no time: rows cannot be lined up with the response record.
      const rows = body.answers
        .map((a) => ({ id: randomUUID(), roundId, questionId: a.questionId, score: a.score }))
        .sort(() => Math.random() - 0.5);
      await manager.getRepository(PulseAnswerEntity).insert(rows);
      // That this person answered is already on record (the response row); never what they answered.
      await this.audit.record(
        {
          actorId: user.id,
          action: 'pulse.answer',
          objectType: 'pulse_round',
          objectId: roundId,
          result: 'success',
          origin,
        },
        manager,
      );
    });
  }

  /** Rounds of a team, with k-anonymous figures. Who may see: the team, ambassadors, admins, directors in scope. */
  async results(user: AuthUser, teamId: string): Promise<PulseRoundResultDto[]> {
    await this.assertMaySeeTeam(user, teamId);
    const rounds = await this.dataSource
      .getRepository(PulseRoundEntity)
      .find({ where: { teamId }, order: { openedOn: 'DESC' } });
    const results: PulseRoundResultDto[] = [];
    for (const round of rounds) results.push(await this.result(round));
    return results;
  }

  /**
   * Figures appear only once a round is closed and only where at least k answers stand behind
   * them: live figures would let anyone who watches the mean move learn the last person's score.
   */
  private async result(round: PulseRoundEntity): Promise<PulseRoundResultDto> {
    const questionIds = JSON.parse(round.questionIds) as string[];
    const [questions, respondents, answers, teams] = await Promise.all([
      this.questions(questionIds),
      this.dataSource.getRepository(PulseResponseEntity).countBy({ roundId: round.id }),
      round.closedOn
        ? this.dataSource.getRepository(PulseAnswerEntity).findBy({ roundId: round.id })
        : Promise.resolve([]),
      this.teamRefs([round.teamId]),
    ]);
    const k = this.config.pulseK;
    return {
      id: round.id,
      team: teams.get(round.teamId) ?? { id: round.teamId, name: '?', kind: 'team' },
      openedOn: round.openedOn,
      closedOn: round.closedOn,
      respondents,
      k,
      questions: questionIds.map((id) => {
        const question = questions.get(id) ?? { id, text: { nl: '?', en: '?' } };
        const figure = round.closedOn
          ? pulseFigure(
              answers.filter((a) => a.questionId === id).map((a) => a.score),
              k,
            )
          : {
              withheld: true as const,
              count: respondents,
              needed: Math.max(0, Math.max(3, k) - respondents),
            };
        return { question, figure };
      }),
    };
  }

  private async assertMaySeeTeam(user: AuthUser, teamId: string): Promise<void> {
    if (
      user.roles.includes('admin') ||
      user.roles.includes('ambassador') ||
      user.teamIds.includes(teamId)
    )
      return;
    if (
      user.roles.includes('director') &&
      user.scopeOrgUnitId &&
      (await this.orgUnits.subtree(user.scopeOrgUnitId)).has(teamId)
    )
      return;
    throw forbidden('FORBIDDEN_SCOPE', 'This team lies outside what you may see.');
  }

  private async round(id: string): Promise<PulseRoundEntity> {
    const round = await this.dataSource.getRepository(PulseRoundEntity).findOneBy({ id });
    if (!round) throw notFound('PULSE_NOT_FOUND', 'This pulse round does not exist.');
    return round;
  }

  private async questions(ids: string[]): Promise<Map<string, PulseQuestionDto>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(PulseQuestionEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((q) => [q.id, { id: q.id, text: { nl: q.textNl, en: q.textEn } }]));
  }

  private async memberAgreement(user: AuthUser, agreementId: string): Promise<AgreementEntity> {
    const agreement = await this.dataSource
      .getRepository(AgreementEntity)
      .findOneBy({ id: agreementId });
    if (!agreement) throw notFound('AGREEMENT_NOT_FOUND', 'This improvement step does not exist.');
    const member =
      user.teamIds.includes(agreement.teamId) ||
      (!!agreement.partnerTeamId && user.teamIds.includes(agreement.partnerTeamId));
    if (!member)
      throw forbidden(
        'CHECKOFF_NOT_MEMBER',
        'Only members of the team (or its partner team) can tick this step.',
      );
    return agreement;
  }

  /** Member, running, and a period that may be ticked today — else 403 (issue 5) and nothing changes. */
  private async tickableAgreement(
    user: AuthUser,
    agreementId: string,
    periodKey: string,
  ): Promise<AgreementEntity> {
    const agreement = await this.memberAgreement(user, agreementId);
    if (agreement.status !== 'running') {
      throw forbidden(
        'CHECKOFF_AGREEMENT_NOT_RUNNING',
        `This step is ${agreement.status}; only running steps are ticked off.`,
      );
    }
    const check = checkTickable(
      toCadence(agreement.cadenceKind, agreement.cadenceEvery),
      agreement.startDate,
      agreement.endDate,
      this.view.today(),
      periodKey,
      earlierCadences(agreement.cadenceEarlier),
    );
    if (!check.ok) {
      if (check.reason === 'unknown-period') {
        throw badRequest(
          'CHECKOFF_UNKNOWN_PERIOD',
          `"${periodKey}" is not a period of this step.`,
          { periodKey: 'not a period of this step' },
        );
      }
      const [code, message] = TICK_REFUSALS[check.reason];
      throw new ApiException(HttpStatus.FORBIDDEN, code, message);
    }
    return agreement;
  }

  /** A tick, untick or reflection never changes the agreement row itself: no need to read it again. */
  private async one(agreement: AgreementEntity): Promise<BoardAgreementDto> {
    return (await this.build([agreement], this.view.today()))[0];
  }

  private async teamRefs(ids: string[]): Promise<Map<string, OrgUnitRef>> {
    if (!ids.length) return new Map();
    const units = await this.dataSource
      .getRepository(OrgUnitEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return new Map(units.map((u) => [u.id, { id: u.id, name: u.name, kind: u.kind }]));
  }

  /** `alsoTeams` are read with the agreements' teams; every ref read lands in `teamsOut`. */
  private async build(
    agreements: AgreementEntity[],
    today: string,
    alsoTeams: readonly string[] = [],
    teamsOut = new Map<string, OrgUnitRef>(),
  ): Promise<BoardAgreementDto[]> {
    const teamIds = [
      ...alsoTeams,
      ...agreements.flatMap((a) => [a.teamId, ...(a.partnerTeamId ? [a.partnerTeamId] : [])]),
    ];
    if (!agreements.length) {
      for (const [id, ref] of await this.teamRefs(teamIds)) teamsOut.set(id, ref);
      return [];
    }
    const ids = agreements.map((a) => a.id);
    const [checkOffs, reflections, teams, titleEn] = await Promise.all([
      this.dataSource.getRepository(CheckOffEntity).findBy({ agreementId: In(ids) }),
      this.dataSource
        .getRepository(ReflectionEntity)
        .find({ where: { agreementId: In(ids) }, order: { at: 'DESC' } }),
      this.teamRefs(teamIds),
      englishStepTitles(this.dataSource, agreements),
    ]);
    for (const [id, ref] of teams) teamsOut.set(id, ref);
    const authors = reflections.length
      ? new Map(
          (
            await this.dataSource.getRepository(UserEntity).find({
              where: { id: In([...new Set(reflections.map((r) => r.authorId))]) },
              select: { id: true, name: true },
            })
          ).map((u) => [u.id, u.name]),
        )
      : new Map<string, string>();
    return agreements.map((a) => {
      const cadence = toCadence(a.cadenceKind, a.cadenceEvery);
      const own = checkOffs.filter((c) => c.agreementId === a.id);
      const byKey = new Map(own.map((c) => [c.periodKey, c]));
      const periods = withStatuses(
        duePeriods(
          cadence,
          a.startDate,
          a.endDate,
          today,
          Infinity,
          earlierCadences(a.cadenceEarlier),
        ),
        new Map(own.map((c) => [c.periodKey, c.state])),
        today,
      );
      const cells: BoardCellDto[] = periods.slice(-CATCH_UP_PERIODS).map((p) => ({
        key: p.key,
        start: p.start,
        end: p.end,
        status: p.status,
        reason: byKey.get(p.key)?.reason ?? null,
        tickable: true,
      }));
      const keys = new Set(cells.map((c) => c.key));
      return {
        id: a.id,
        title: a.title,
        titleEn: titleEn(a),
        team: teams.get(a.teamId) ?? { id: a.teamId, name: '?', kind: 'team' },
        partnerTeam: a.partnerTeamId ? (teams.get(a.partnerTeamId) ?? null) : null,
        cadence: cadence as CadenceDto,
        current: cells[cells.length - 1] ?? {
          key: '',
          start: a.startDate,
          end: a.startDate,
          status: 'not-due',
          reason: null,
          tickable: false,
        },
        grid: cells,
        habit: (({ score, level }) => ({ score: Math.round(score * 1000) / 1000, level }))(
          habitStrength(periods.map((p) => p.status)),
        ),
        reflections: reflections
          .filter((r) => r.agreementId === a.id && keys.has(r.periodKey))
          .map((r) => ({
            periodKey: r.periodKey,
            text: r.text,
            author: { id: r.authorId, name: authors.get(r.authorId) ?? '?' },
            at: r.at,
          })),
      };
    });
  }
}
