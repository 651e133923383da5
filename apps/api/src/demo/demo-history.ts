import { addDays, AgreementStatus, Cadence, duePeriods, LocalDate } from '@olievlek/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AgreementEntity,
  AgreementStatusChangeEntity,
  CheckOffEntity,
} from '../agreements/entities/agreement.entity';
import {
  CaseAmbassadorEntity,
  CaseEntity,
  IntakeEntity,
  ObservationEntity,
} from '../cases/entities/case.entity';
import {
  PulseAnswerEntity,
  PulseResponseEntity,
  PulseRoundEntity,
  ReflectionEntity,
} from '../board/entities/board.entities';
import { PracticeEntity } from '../catalogue/entities/practice.entity';
import type { OrgUnitEntity } from '../org-units/entities/org-unit.entity';
import { SpreadLinkEntity } from '../spread-links/entities/spread-link.entity';

/** A small deterministic PRNG (mulberry32): the same demo history on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITUATIONS = [
  'Het team ervaart veel werkdruk en weinig ruimte om elkaar te spreken. Overleggen lopen uit zonder duidelijke uitkomst.',
  'Er is spanning tussen het team en de afdeling ernaast over de overdracht van dossiers; beide kanten voelen zich niet gehoord.',
  'De teamleider is nieuw; het team zoekt naar een gezamenlijk doel. Oude gewoontes houden samenwerking tegen.',
  'Het team werkt hard maar langs elkaar heen. Informatie blijft hangen bij enkele sleutelfiguren.',
  'Er is wantrouwen richting het MT na de reorganisatie. Medewerkers willen eerst zien dat er echt iets verandert.',
  'Het team wil meer samenwerken met andere afdelingen maar weet niet waar te beginnen.',
];
const WISHES = [
  'Kortere en doelgerichtere overleggen.',
  'Betere afspraken over overdrachten met de ketenpartners.',
  'Meer tijd om elkaar te leren kennen.',
  'Zichtbaar maken wat er al goed gaat.',
  'Samen met de buurafdeling één knelpunt oplossen.',
];
const THEME_SETS = [
  ['Vertrouwen', 'Overleg en vergaderen'],
  ['Overdrachten en processen', 'Samenwerken over teamgrenzen'],
  ['Werkdruk', 'Motivatie'],
  ['Machtsdenken', 'Leiderschap'],
  ['Vertrouwen', 'Samenwerken over teamgrenzen'],
];
const OBSERVATIONS = [
  'Goed gesprek gehad; het team pakt het doel vooraf serieus op.',
  'De energie zakt wat weg; aandacht voor houden bij het volgende bezoek.',
  'Twee key users trekken het nu; breder beleggen in het team.',
  'Eerste keer dat de buurafdeling aanschoof. Voorzichtig positief.',
  'Teamleider merkt dat overleggen korter worden.',
  'Het half uur zonder agenda wordt vaak opgeofferd aan drukte.',
];

export interface DemoHistoryInput {
  today: LocalDate;
  teams: OrgUnitEntity[];
  /** Demo ambassadors, the first is the demo account. */
  ambassadorIds: string[];
  adminId: string;
  /** The demo member's team gets a lively case the board can show. */
  memberTeamId: string;
  memberId: string;
  /** Colleagues of the demo member in the same team: they answer pulses and write reflections. */
  colleagueIds: string[];
  pulseQuestionIds: string[];
  /** Team id → its directorate, so some spread links can cross directorates on purpose. */
  directorateOfTeam?: ReadonlyMap<string, string>;
}

interface Rows {
  cases: CaseEntity[];
  caseAmbassadors: CaseAmbassadorEntity[];
  intakes: IntakeEntity[];
  agreements: AgreementEntity[];
  changes: AgreementStatusChangeEntity[];
  checkOffs: CheckOffEntity[];
  observations: ObservationEntity[];
  reflections: ReflectionEntity[];
  pulseRounds: PulseRoundEntity[];
  pulseResponses: PulseResponseEntity[];
  pulseAnswers: PulseAnswerEntity[];
  spreadLinks: SpreadLinkEntity[];
}

const cadenceOf = (p: PracticeEntity): Cadence =>
  p.cadenceKind === 'weeks'
    ? { kind: 'weeks', every: p.cadenceEvery ?? 1 }
    : { kind: p.cadenceKind };

/**
 * A believable programme history over the last two years: about two thirds of the teams have
 * cases, started in waves from the social domain outwards, with agreements in every status,
 * check-offs that thin out for some teams (stalled ones included), observations and closed cases.
 */
export function buildDemoHistory(input: DemoHistoryInput, practices: PracticeEntity[]): Rows {
  const random = prng(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const rows: Rows = {
    cases: [],
    caseAmbassadors: [],
    intakes: [],
    agreements: [],
    changes: [],
    checkOffs: [],
    observations: [],
    reflections: [],
    pulseRounds: [],
    pulseResponses: [],
    pulseAnswers: [],
    spreadLinks: [],
  };
  const active = practices.filter((p) => !p.retiredAt);
  const soloPractices = active.filter((p) => !p.needsPartner);
  const partnerPractices = active.filter((p) => p.needsPartner);
  const at = (date: LocalDate) => `${date}T09:00:00.000Z`;

  // Teams in the order the programme reached them: the member's team first, then a shuffle.
  const others = input.teams.filter((t) => t.id !== input.memberTeamId).sort(() => random() - 0.5);
  const reached = [
    input.teams.find((t) => t.id === input.memberTeamId),
    ...others.slice(0, 39),
  ].filter((t): t is OrgUnitEntity => !!t);

  reached.forEach((team, index) => {
    const isMemberTeam = team.id === input.memberTeamId;
    // Earlier teams started longer ago: from ~700 days back to ~10 days back.
    const ageDays = isMemberTeam
      ? 240
      : Math.round(700 - (index / reached.length) * 690 + random() * 30);
    const openedOn = addDays(input.today, -ageDays);
    const ambassadorId =
      index % 3 === 0 || isMemberTeam
        ? input.ambassadorIds[0]
        : input.ambassadorIds[1 + (index % (input.ambassadorIds.length - 1))];
    const closed = !isMemberTeam && ageDays > 450 && random() < 0.35;
    const caseId = randomUUID();
    const closedOn = closed ? addDays(openedOn, 300 + Math.floor(random() * 100)) : null;
    rows.cases.push({
      id: caseId,
      teamId: team.id,
      status: closed ? 'closed' : 'open',
      openedOn,
      closedOn,
      closingSummary: closed
        ? 'Het team heeft de stappen eigen gemaakt en gaat zelfstandig verder.'
        : null,
      openedBy: ambassadorId,
      version: 1,
      createdAt: at(openedOn),
      updatedAt: at(closedOn ?? openedOn),
    });
    rows.caseAmbassadors.push({ caseId, userId: ambassadorId });

    const heldOn = addDays(openedOn, 7 + Math.floor(random() * 7));
    if (heldOn > input.today) return; // a brand-new case: intake still to come
    rows.intakes.push({
      id: randomUUID(),
      caseId,
      heldOn,
      participants: `Teamleider en ${3 + Math.floor(random() * 8)} teamleden`,
      situation: pick(SITUATIONS),
      wishes: pick(WISHES),
      themes: JSON.stringify(pick(THEME_SETS)),
      version: 1,
      updatedBy: ambassadorId,
      updatedAt: at(heldOn),
    });

    const engagement = isMemberTeam ? 0.9 : 0.45 + random() * 0.5;
    const stallsAfter = !isMemberTeam && random() < 0.25 ? 0.55 + random() * 0.3 : null;
    const count = isMemberTeam ? 2 : 1 + Math.floor(random() * 3);
    const chosen = new Set<PracticeEntity>();
    if (isMemberTeam) {
      chosen.add(
        soloPractices.find((p) => p.titleEn.startsWith('Start every meeting')) as PracticeEntity,
      );
      chosen.add(
        soloPractices.find((p) => p.titleEn.startsWith('A weekly half hour')) as PracticeEntity,
      );
    }
    while (chosen.size < count) chosen.add(pick(soloPractices));
    const withPartner = isMemberTeam || random() < 0.2;

    const plans: Array<{ practice: PracticeEntity; partner: OrgUnitEntity | null }> = [
      ...chosen,
    ].map((practice) => ({ practice, partner: null }));
    if (withPartner) {
      const partner = pick(input.teams.filter((t) => t.id !== team.id));
      plans.push({
        practice: isMemberTeam
          ? (partnerPractices.find((p) => p.cadenceKind === 'weeks') ?? pick(partnerPractices))
          : pick(partnerPractices),
        partner,
      });
    }

    plans.forEach(({ practice, partner }, k) => {
      const startDate = addDays(heldOn, 7 + k * 14 + Math.floor(random() * 10));
      if (startDate > input.today) {
        pushAgreement(rows, {
          caseId,
          teamId: team.id,
          practice,
          partner,
          startDate,
          status: 'proposed',
          history: [{ on: heldOn, status: 'proposed' }],
          ambassadorId,
        });
        return;
      }
      const cadence = cadenceOf(practice);
      const lifeEnd = closedOn ?? input.today;
      const history: Array<{ on: LocalDate; status: AgreementStatus }> = [
        { on: startDate, status: 'running' },
      ];
      const span = Math.max(
        1,
        Math.round((Date.parse(lifeEnd) - Date.parse(startDate)) / 86_400_000),
      );
      const roll = isMemberTeam ? 1 : random();
      if (closed || (span > 200 && roll < 0.3))
        history.push({ on: addDays(startDate, Math.floor(span * 0.8)), status: 'adopted' });
      else if (roll < 0.4)
        history.push({ on: addDays(startDate, Math.floor(span * 0.5)), status: 'dropped' });
      else if (roll < 0.5 && span > 60) {
        history.push({ on: addDays(startDate, Math.floor(span * 0.4)), status: 'paused' });
        history.push({ on: addDays(startDate, Math.floor(span * 0.55)), status: 'running' });
      }
      const status = history[history.length - 1].status;
      const agreement = pushAgreement(rows, {
        caseId,
        teamId: team.id,
        practice,
        partner,
        startDate,
        status,
        history,
        ambassadorId,
      });

      const periods = duePeriods(cadence, startDate, null, lifeEnd);
      periods.forEach((period, p) => {
        const statusThen = history.filter((h) => h.on <= period.end).pop()?.status;
        if (statusThen !== 'running' && statusThen !== 'adopted') return;
        if (period.end >= input.today && (isMemberTeam || random() < 0.5)) return; // the current week: not ticked yet
        // The demo member's team has one week to catch up on, two weeks back.
        if (isMemberTeam && k === 0 && p === periods.length - 3) return;
        if (stallsAfter !== null && p / periods.length > stallsAfter && status === 'running')
          return;
        const r = random();
        const state = r < engagement ? 'done' : r < engagement + 0.06 ? 'skipped' : null;
        if (!state) return;
        const on = period.end < input.today ? period.end : input.today;
        rows.checkOffs.push({
          id: randomUUID(),
          agreementId: agreement.id,
          periodKey: period.key,
          state,
          reason:
            state === 'skipped' ? pick(['Vakantie', 'Verkiezingsdrukte', 'Overleg verviel']) : null,
          userId: isMemberTeam ? input.memberId : null,
          onDate: on,
          at: at(on),
        });
      });
    });

    const observationCount = 1 + Math.floor(random() * 3);
    for (let o = 0; o < observationCount; o++) {
      const observedOn = addDays(heldOn, 20 + Math.floor(random() * Math.max(1, ageDays - 30)));
      if (observedOn > input.today || (closedOn && observedOn > closedOn)) continue;
      rows.observations.push({
        id: randomUUID(),
        caseId,
        observedOn,
        text: pick(OBSERVATIONS),
        authorId: ambassadorId,
        createdAt: at(observedOn),
      });
    }
  });
  addMemberTeamLife(rows, input, random);
  addSpreadLinks(rows, input);
  return rows;
}

const SPREAD_NOTES = [
  'Gezien tijdens een werkbezoek; het team wilde het meteen zelf proberen.',
  'Opgepikt in het sleutelgebruikersoverleg.',
  'De teamleiders spraken elkaar op de leiderschapsdag.',
  null,
  'Via de ambassadeur: het werkte daar goed, dus waarom niet bij ons?',
  null,
];

/**
 * About twenty spread links between the demo's teams: a team took a practice up from a team
 * that had been doing it for a while (six or more done check-offs before). Within departments,
 * across departments and across directorates, so the olievlek view shows spreading teams and a
 * spread factor above zero. Its own random stream: the rest of the history stays as it was.
 */
function addSpreadLinks(rows: Rows, input: DemoHistoryInput): void {
  const random = prng(20261201);
  const departmentOf = new Map(input.teams.map((t) => [t.id, t.parentId]));
  const directorateOf = input.directorateOfTeam ?? new Map<string, string>();
  const doneDates = new Map<string, LocalDate[]>();
  for (const c of rows.checkOffs) {
    if (c.state !== 'done') continue;
    const list = doneDates.get(c.agreementId) ?? [];
    list.push(c.onDate);
    doneDates.set(c.agreementId, list);
  }
  const doneBefore = (agreementId: string, date: LocalDate) =>
    (doneDates.get(agreementId) ?? []).filter((d) => d < date).length;
  const ambassadorOf = new Map(rows.caseAmbassadors.map((ca) => [ca.caseId, ca.userId]));

  type Kind = 'department' | 'directorate' | 'organisation';
  const candidates: Array<{ source: AgreementEntity; target: AgreementEntity; kind: Kind }> = [];
  for (const target of rows.agreements) {
    if (!target.practiceId || target.status === 'proposed') continue;
    for (const source of rows.agreements) {
      if (source.practiceId !== target.practiceId || source.teamId === target.teamId) continue;
      if (source.startDate > addDays(target.startDate, -42)) continue;
      if (doneBefore(source.id, target.startDate) < 6) continue;
      const kind: Kind =
        departmentOf.get(source.teamId) === departmentOf.get(target.teamId)
          ? 'department'
          : directorateOf.size > 0 &&
              directorateOf.get(source.teamId) !== directorateOf.get(target.teamId)
            ? 'organisation'
            : 'directorate';
      candidates.push({ source, target, kind });
    }
  }
  const quota: Record<Kind, number> = { department: 7, directorate: 7, organisation: 8 };
  const taken = new Set<string>();
  const targets = new Set<string>();
  for (const pick of candidates
    .map((c) => ({ c, order: random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ c }) => c)) {
    const key = `${pick.source.teamId}>${pick.target.teamId}>${pick.target.practiceId}`;
    if (quota[pick.kind] === 0 || taken.has(key) || targets.has(pick.target.id)) continue;
    quota[pick.kind]--;
    taken.add(key);
    targets.add(pick.target.id);
    rows.spreadLinks.push({
      id: randomUUID(),
      sourceTeamId: pick.source.teamId,
      targetTeamId: pick.target.teamId,
      practiceId: pick.target.practiceId,
      onDate: pick.target.startDate,
      note: SPREAD_NOTES[rows.spreadLinks.length % SPREAD_NOTES.length],
      recordedBy: ambassadorOf.get(pick.target.caseId) ?? input.adminId,
      createdAt: `${pick.target.startDate}T10:00:00.000Z`,
    });
  }
}

const REFLECTIONS = [
  'Het overleg was korter en iedereen wist waarom we er zaten.',
  'Goed gesprek over de overdracht met Burgerzaken.',
  'Deze week schoot het erbij in; volgende week beter.',
  'Fijn om even zonder agenda bij te praten.',
];

/** Pulse rounds (one above k, one below, one open) and reflections for the demo member's team. */
function addMemberTeamLife(rows: Rows, input: DemoHistoryInput, random: () => number): void {
  const opener = input.ambassadorIds[0];
  const round = (
    daysAgo: number,
    closedDaysAgo: number | null,
    answerers: string[],
    base: number,
  ) => {
    const id = randomUUID();
    rows.pulseRounds.push({
      id,
      teamId: input.memberTeamId,
      openedOn: addDays(input.today, -daysAgo),
      closedOn: closedDaysAgo === null ? null : addDays(input.today, -closedDaysAgo),
      openedBy: opener,
      questionIds: JSON.stringify(input.pulseQuestionIds),
    });
    for (const userId of answerers) {
      rows.pulseResponses.push({ roundId: id, userId });
      for (const questionId of input.pulseQuestionIds) {
        rows.pulseAnswers.push({
          id: randomUUID(),
          roundId: id,
          questionId,
          score: Math.min(5, Math.max(1, base + Math.round(random() * 2 - 1))),
        });
      }
    }
  };
  round(120, 106, input.colleagueIds.slice(0, 7), 3); // closed, 7 answers: figures shown
  round(45, 31, input.colleagueIds.slice(0, 4), 4); // closed, 4 answers: below k, withheld
  round(3, null, input.colleagueIds.slice(0, 2), 4); // open: the demo member has not answered yet
  for (const agreement of rows.agreements.filter(
    (a) => a.teamId === input.memberTeamId && a.status === 'running',
  )) {
    const checkOffs = rows.checkOffs
      .filter((c) => c.agreementId === agreement.id && c.state === 'done')
      .slice(-3);
    checkOffs.forEach((c, i) => {
      rows.reflections.push({
        id: randomUUID(),
        agreementId: agreement.id,
        periodKey: c.periodKey,
        authorId: input.colleagueIds[i % input.colleagueIds.length],
        text: REFLECTIONS[(i + agreement.title.length) % REFLECTIONS.length],
        at: c.at,
      });
    });
  }
}

function pushAgreement(
  rows: Rows,
  a: {
    caseId: string;
    teamId: string;
    practice: PracticeEntity;
    partner: OrgUnitEntity | null;
    startDate: LocalDate;
    status: AgreementStatus;
    history: Array<{ on: LocalDate; status: AgreementStatus }>;
    ambassadorId: string;
  },
): AgreementEntity {
  const agreement: AgreementEntity = {
    id: randomUUID(),
    caseId: a.caseId,
    teamId: a.teamId,
    practiceId: a.practice.id,
    title: a.practice.titleNl,
    cadenceKind: a.practice.cadenceKind,
    cadenceEvery: a.practice.cadenceEvery,
    startDate: a.startDate,
    reviewDate: addDays(a.startDate, 84),
    endDate: null,
    ownerId: null,
    partnerTeamId: a.partner?.id ?? null,
    successCriterion: 'Het team merkt zelf verschil en houdt het vol.',
    status: a.status,
    version: a.history.length,
    createdAt: `${a.startDate}T09:00:00.000Z`,
    updatedAt: `${a.history[a.history.length - 1].on}T09:00:00.000Z`,
  };
  rows.agreements.push(agreement);
  let from: AgreementStatus | null = null;
  for (const change of a.history) {
    rows.changes.push({
      id: randomUUID(),
      agreementId: agreement.id,
      fromStatus: from,
      toStatus: change.status,
      onDate: change.on,
      reason:
        from === null
          ? 'Afgesproken in het teamoverleg'
          : change.status === 'paused'
            ? 'Tijdelijk te druk'
            : change.status === 'adopted'
              ? 'Het team doet dit nu vanzelf'
              : change.status === 'dropped'
                ? 'Paste niet bij het team'
                : 'Weer opgepakt',
      changedBy: a.ambassadorId,
      changedAt: `${change.on}T09:00:00.000Z`,
    });
    from = change.status;
  }
  return agreement;
}

/** Insert in chunks: SQLite allows a limited number of parameters per statement. */
/** Inserts rows 200 at a time (copies: TypeORM writes generated values back into what it inserts). */
export async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  items: readonly T[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    await manager
      .getRepository(target)
      .insert(items.slice(i, i + 200).map((item) => ({ ...item })) as never);
  }
}

export async function insertDemoHistory(manager: EntityManager, rows: Rows): Promise<void> {
  const chunks = <T extends object>(target: new () => T, items: T[]) =>
    insertInChunks(manager, target, items);
  await chunks(CaseEntity, rows.cases);
  await chunks(CaseAmbassadorEntity, rows.caseAmbassadors);
  await chunks(IntakeEntity, rows.intakes);
  await chunks(AgreementEntity, rows.agreements);
  await chunks(AgreementStatusChangeEntity, rows.changes);
  await chunks(SpreadLinkEntity, rows.spreadLinks);
  await chunks(CheckOffEntity, rows.checkOffs);
  await chunks(ObservationEntity, rows.observations);
  await chunks(ReflectionEntity, rows.reflections);
  await chunks(PulseRoundEntity, rows.pulseRounds);
  await chunks(PulseResponseEntity, rows.pulseResponses);
  await chunks(PulseAnswerEntity, rows.pulseAnswers);
}
