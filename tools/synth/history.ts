import { Cadence, duePeriods, minOf } from '@olievlek/domain';
import { dateOf, dayOf } from './days';
import type { Org } from './org';
import type { Random } from './random';
import type { SizeSpec } from './sizes';

/** A catalogue practice as the seed migration stores it. */
export interface Practice {
  id: string;
  title: string;
  cadenceKind: 'once' | 'weeks' | 'monthly';
  cadenceEvery: number | null;
  needsPartner: boolean;
}

export type Status = 'proposed' | 'running' | 'paused' | 'adopted' | 'dropped';

export interface CasePlan {
  id: string;
  team: number;
  ambassador: number;
  openedDay: number;
  closedDay: number | null;
  intakeDay: number | null;
}

export interface AgreementPlan {
  id: string;
  caseIndex: number;
  team: number;
  partner: number | null;
  practice: Practice | null;
  title: string;
  cadence: Cadence;
  startDay: number;
  history: Array<{ day: number; status: Status }>;
}

export interface SpreadPlan {
  source: number;
  target: number;
  practiceId: string;
  day: number;
}

export interface ObservationPlan {
  caseIndex: number;
  day: number;
  text: number;
}

/**
 * Check-offs, millions of them, in parallel typed arrays instead of objects: agreement index,
 * period key (an index into `keys`), the day it was recorded, and done/skipped.
 */
export class CheckOffs {
  length = 0;
  agreement = new Int32Array(1 << 16);
  key = new Uint16Array(1 << 16);
  day = new Int32Array(1 << 16);
  skipped = new Uint8Array(1 << 16);
  readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();

  push(agreement: number, key: string, day: number, skipped: boolean): void {
    if (this.length === this.agreement.length) this.grow();
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, k);
    }
    const i = this.length++;
    this.agreement[i] = agreement;
    this.key[i] = k;
    this.day[i] = day;
    this.skipped[i] = skipped ? 1 : 0;
  }

  private grow(): void {
    const n = this.agreement.length * 2;
    const copy = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.agreement = copy(this.agreement, new Int32Array(n));
    this.key = copy(this.key, new Uint16Array(n));
    this.day = copy(this.day, new Int32Array(n));
    this.skipped = copy(this.skipped, new Uint8Array(n));
  }

  /** Indices ordered by the day recorded (a counting sort): rows go in as they would in real life. */
  chronological(): Int32Array {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < this.length; i++) {
      if (this.day[i] < min) min = this.day[i];
      if (this.day[i] > max) max = this.day[i];
    }
    const order = new Int32Array(this.length);
    if (this.length === 0) return order;
    const counts = new Int32Array(max - min + 2);
    for (let i = 0; i < this.length; i++) counts[this.day[i] - min + 1]++;
    for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < this.length; i++) order[counts[this.day[i] - min]++] = i;
    return order;
  }
}

export interface History {
  fromDay: number;
  untilDay: number;
  cases: CasePlan[];
  agreements: AgreementPlan[];
  checkOffs: CheckOffs;
  observations: ObservationPlan[];
  spreadLinks: SpreadPlan[];
}

const CUSTOM_STEPS: Array<[string, Cadence]> = [
  ['Elke week één overdracht samen nalopen', { kind: 'weeks', every: 1 }],
  ['Vrijdagochtend: wat hebben we deze week van elkaar geleerd?', { kind: 'weeks', every: 1 }],
  ['Om de week een collega van een ander team mee laten kijken', { kind: 'weeks', every: 2 }],
  ['Tweewekelijks de klantsignalen samen bespreken', { kind: 'weeks', every: 2 }],
  ['Maandelijks een knelpunt voorleggen aan de buurafdeling', { kind: 'monthly' }],
];

const cadenceOf = (p: Practice): Cadence =>
  p.cadenceKind === 'weeks'
    ? { kind: 'weeks', every: p.cadenceEvery ?? 1 }
    : p.cadenceKind === 'monthly'
      ? { kind: 'monthly' }
      : { kind: 'once' };

/** How often teams choose a practice: mostly weekly, two-weekly and monthly ones. */
function practiceWeight(p: Practice): number {
  if (p.needsPartner) return 0.15;
  if (p.cadenceKind === 'once') return 3;
  if (p.cadenceKind === 'monthly') return 8;
  return p.cadenceEvery === 1 ? 10 : 9;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The programme's history: every team's case (opened along an S-curve, department by department:
 * the oil stain), its intake, agreements with status histories, check-offs at a rate that varies per
 * team and over time (some teams stall), observations, and spread links between teams that share a
 * practice. Teams are simulated in the order the programme reached them.
 */
export function buildHistory(
  spec: SizeSpec,
  org: Org,
  practices: readonly Practice[],
  ambassadors: number,
  untilDay: number,
  random: Random,
  ids: Random,
): History {
  const fromDay = untilDay - Math.round(spec.years * 365.25);
  const span = untilDay - fromDay;
  const history: History = {
    fromDay,
    untilDay,
    cases: [],
    agreements: [],
    checkOffs: new CheckOffs(),
    observations: [],
    spreadLinks: [],
  };
  const weights = practices.map(practiceWeight);
  const choices: Array<Practice | null> = [...practices, null];
  const choiceWeights = [...weights, 6];

  // A few teams are archived during the history; their case ends then.
  for (const team of org.teams) {
    if (random.chance(0.01))
      team.archivedDay = fromDay + Math.round(span * random.between(0.3, 0.95));
  }

  // The S-curve: each department starts around its wave, its teams around that.
  const departmentWave = org.departments.map(
    () => fromDay + span * (spec.waveMean + spec.waveSpread * random.normal()),
  );
  const openings: Array<{ team: number; day: number }> = [];
  org.teams.forEach((team, index) => {
    if (!random.chance(spec.reachable)) return;
    let day = Math.round(
      departmentWave[team.department] + span * spec.teamSpread * random.normal(),
    );
    // The first teams: a pilot in the first weeks, not before the programme began.
    if (day < fromDay + 14) day = fromDay + 14 + random.int(0, 45);
    if (day > untilDay) return;
    if (team.archivedDay !== null && day >= team.archivedDay) return;
    openings.push({ team: index, day });
  });
  openings.sort((a, b) => a.day - b.day || a.team - b.team);

  // Who practises what, where: the places a practice can spread from.
  type Source = { team: number; fromDay: number; toDay: number };
  const sourcesByDepartment = new Map<string, Source[]>();
  const sourcesByPractice = new Map<string, Source[]>();
  const spreadSource = (team: number, practiceId: string, day: number): number | null => {
    const department = org.teams[team].department;
    const near = (sourcesByDepartment.get(`${department}:${practiceId}`) ?? []).filter(
      (s) => s.team !== team && s.fromDay <= day && day <= s.toDay,
    );
    if (near.length > 0 && random.chance(spec.spreadNear)) return random.pick(near).team;
    const far = sourcesByPractice.get(practiceId) ?? [];
    if (far.length > 0 && random.chance(spec.spreadFar)) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const s = random.pick(far);
        if (s.team !== team && s.fromDay <= day && day <= s.toDay) return s.team;
      }
    }
    return null;
  };

  for (const { team, day: openedDay } of openings) {
    const unit = org.teams[team];
    const caseIndex = history.cases.length;
    const ambassador = random.int(0, ambassadors - 1);
    let closedDay: number | null = null;
    if (untilDay - openedDay > 480 && random.chance(0.18)) {
      closedDay = openedDay + random.int(420, untilDay - openedDay);
    }
    if (unit.archivedDay !== null && (closedDay === null || unit.archivedDay < closedDay)) {
      closedDay = unit.archivedDay;
    }
    const lifeEnd = Math.min(closedDay ?? untilDay, untilDay);
    const intakeDay = openedDay + random.int(5, 20);
    const plan: CasePlan = {
      id: ids.uuid(),
      team,
      ambassador,
      openedDay,
      closedDay,
      intakeDay: intakeDay <= lifeEnd ? intakeDay : null,
    };
    history.cases.push(plan);
    if (plan.intakeDay === null) continue;

    // The team: how engaged (a mix of reluctant, ordinary and keen teams), how that drifts, and
    // whether it falls silent for a while (a stalled case).
    const mix = random.next();
    const engagement =
      mix < spec.reluctant
        ? random.between(0.2, 0.55)
        : mix < 1 - spec.keen
          ? random.between(0.5, 0.85, 2)
          : random.between(0.85, 0.97);
    const drift = 0.08 * random.normal();
    const stall = random.chance(0.2)
      ? (() => {
          const from = intakeDay + random.int(60, Math.max(61, lifeEnd - intakeDay));
          return { from, to: from + random.int(30, 400) };
        })()
      : null;
    const rateAt = (day: number) =>
      clamp(engagement + (drift * (day - intakeDay)) / 365, 0.05, 0.98);
    const appetite = Math.max(
      1,
      Math.round(spec.appetite * Math.exp(0.45 * random.normal() - 0.1)),
    );

    for (let o = intakeDay + random.int(20, 60); o <= lifeEnd; o += random.int(45, 120)) {
      history.observations.push({ caseIndex, day: o, text: random.int(0, 1000) });
    }

    // Agreements: a first few after the intake, then new ones as old ones settle, up to the
    // team's appetite for running agreements at once. A dropped step can discourage a team:
    // its appetite shrinks, and a team that gave up on everything is back at `intake`.
    const active: Array<{ until: number; practice: string; discourages: boolean }> = [];
    let day = intakeDay + random.int(7, 60);
    while (day <= lifeEnd) {
      const running = active.filter((a) => a.until > day);
      const room = appetite - active.filter((a) => a.discourages && a.until <= day).length;
      if (room <= 0) break;
      if (running.length >= room) {
        const next = minOf(running.map((a) => a.until));
        if (!Number.isFinite(next)) break;
        day = next + random.int(7, 42);
        continue;
      }
      let practice = random.weighted(choices, choiceWeights);
      for (
        let attempt = 0;
        attempt < 3 && practice && running.some((a) => a.practice === practice?.id);
        attempt++
      ) {
        practice = random.weighted(choices, choiceWeights);
      }
      const agreement = makeAgreement(day, practice);
      active.push({
        until: agreement.until,
        practice: practice?.id ?? '',
        discourages: agreement.dropped && random.chance(engagement < 0.5 ? 0.4 : 0.05),
      });
      day += random.int(spec.stepGap[0], spec.stepGap[1]);
    }
    // Now and then a step agreed for later: still proposed at the end of the history.
    if (closedDay === null && random.chance(0.15)) {
      const practice = random.weighted(choices, choiceWeights);
      const start = untilDay + random.int(3, 30);
      const agreed = Math.max(intakeDay, untilDay - random.int(0, 14));
      history.agreements.push({
        id: ids.uuid(),
        caseIndex,
        team,
        partner: null,
        practice,
        title: practice?.title ?? CUSTOM_STEPS[0][0],
        cadence: practice ? cadenceOf(practice) : CUSTOM_STEPS[0][1],
        startDay: start,
        history: [{ day: agreed, status: 'proposed' }],
      });
    }

    function makeAgreement(
      startDay: number,
      practice: Practice | null,
    ): { until: number; dropped: boolean } {
      const custom = random.pick(CUSTOM_STEPS);
      const cadence = practice ? cadenceOf(practice) : custom[1];
      let partner: number | null = null;
      if (practice?.needsPartner) {
        const colleagues = org.departments[unit.department].teams.filter((t) => t !== team);
        partner =
          colleagues.length > 0 && random.chance(0.7)
            ? random.pick(colleagues)
            : random.int(0, org.teams.length - 1);
        if (partner === team) partner = null;
      }
      const events: Array<{ day: number; status: Status }> = [];
      if (random.chance(0.25)) {
        events.push({ day: Math.max(intakeDay, startDay - random.int(3, 14)), status: 'proposed' });
      }
      events.push({ day: startDay, status: 'running' });
      // How it ends: a step the team keeps up well gets marked adopted; a poorly kept one is
      // likelier dropped; some pause on the way.
      const rate = clamp(engagement + 0.1 * random.normal(), 0.02, 0.99);
      let end: { day: number; status: Status } | null = null;
      if (cadence.kind === 'once') {
        const after = startDay + random.int(14, 60);
        if (random.next() < rate) end = { day: after, status: 'adopted' };
        else if (random.chance(0.8)) end = { day: after, status: 'dropped' };
      } else {
        if (rate >= 0.72 && random.chance(spec.adoption)) {
          end = { day: startDay + random.int(90, 420), status: 'adopted' };
        } else if (random.chance(spec.dropping * (1.2 - rate))) {
          end = { day: startDay + random.int(28, 360), status: 'dropped' };
        }
        if (random.chance(0.12)) {
          const pause = startDay + random.int(28, 200);
          const resume = pause + random.int(14, 90);
          if (!end || pause < end.day) {
            events.push({ day: pause, status: 'paused' });
            if (!end || resume < end.day) events.push({ day: resume, status: 'running' });
          }
        }
      }
      if (end) events.push(end);
      // A closed (or archived) case: what still runs is adopted or dropped on that day.
      const cut = closedDay;
      let steps = events.filter((e) => cut === null || e.day < cut);
      if (cut !== null) {
        if (steps.length === 0)
          steps.push({ day: Math.max(intakeDay, cut - 7), status: 'proposed' });
        const last = steps[steps.length - 1].status;
        if (last === 'running' || last === 'paused' || last === 'proposed') {
          steps.push({
            day: cut,
            status: random.chance(0.6) && last !== 'proposed' ? 'adopted' : 'dropped',
          });
        }
      }
      steps = steps.filter((e) => e.day <= untilDay);
      if (steps.length === 0) steps = [{ day: Math.min(startDay, untilDay), status: 'proposed' }];

      const index = history.agreements.length;
      const plan: AgreementPlan = {
        id: ids.uuid(),
        caseIndex,
        team,
        partner,
        practice,
        title: practice?.title ?? custom[0],
        cadence,
        startDay,
        history: steps,
      };
      history.agreements.push(plan);

      if (practice && !practice.needsPartner) {
        const source = spreadSource(team, practice.id, startDay);
        if (source !== null) {
          history.spreadLinks.push({
            source,
            target: team,
            practiceId: practice.id,
            day: startDay,
          });
        }
      }

      tick(plan, index, rate);

      const stopped = steps.find((e) => e.status === 'dropped')?.day ?? Infinity;
      if (practice && rate >= 0.7) {
        const every = cadence.kind === 'weeks' ? cadence.every : cadence.kind === 'monthly' ? 4 : 1;
        const source = { team, fromDay: startDay + 7 * 7 * every, toDay: stopped };
        const byDepartment = `${unit.department}:${practice.id}`;
        if (!sourcesByDepartment.has(byDepartment)) sourcesByDepartment.set(byDepartment, []);
        sourcesByDepartment.get(byDepartment)?.push(source);
        if (!sourcesByPractice.has(practice.id)) sourcesByPractice.set(practice.id, []);
        sourcesByPractice.get(practice.id)?.push(source);
      }
      // It stops taking up the team's attention once adopted or dropped.
      const settled = steps.find((e) => e.status === 'adopted' || e.status === 'dropped')?.day;
      return {
        until: settled ?? Infinity,
        dropped: steps.some((e) => e.status === 'dropped'),
      };
    }

    /** Check-offs for the due periods in which the agreement ran (or was adopted and kept up). */
    function tick(plan: AgreementPlan, index: number, rate: number): void {
      const last = Math.min(lifeEnd, untilDay);
      if (plan.startDay > last) return;
      const statusOn = (day: number): Status | null => {
        let status: Status | null = null;
        for (const e of plan.history) if (e.day <= day) status = e.status;
        return status;
      };
      const own = rate - engagement;
      const periods = duePeriods(plan.cadence, dateOf(plan.startDay), null, dateOf(last));
      for (const period of periods) {
        const start = Math.max(dayOf(period.start), plan.startDay);
        const end = plan.cadence.kind === 'once' ? start + 30 : dayOf(period.end);
        const current = end >= untilDay;
        const status = statusOn(Math.min(end, untilDay));
        if (status !== 'running' && status !== 'adopted') continue;
        if (stall && status === 'running' && start >= stall.from && start < stall.to) continue;
        if (current && random.chance(0.5)) continue; // this week: not ticked yet
        const rate = clamp(rateAt(start) + own, 0.02, 0.99) * (status === 'adopted' ? 0.85 : 1);
        const r = random.next();
        const state = r < rate ? 'done' : r < rate + 0.05 ? 'skipped' : null;
        if (!state) continue;
        let on: number;
        if (current) on = random.int(start, untilDay);
        else if (random.chance(0.85)) on = random.int(start, end);
        else on = Math.min(end + random.int(1, 10), untilDay);
        history.checkOffs.push(index, period.key, on, state === 'skipped');
      }
    }
  }
  return history;
}
