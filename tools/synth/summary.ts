import {
  AgreementFacts,
  emptyStageCounts,
  stageAt,
  StageCounts,
  TeamFacts,
} from '@olievlek/domain';
import { dateOf } from './days';
import type { History } from './history';
import type { Org } from './org';

/**
 * Teams per stage at a few dates, straight from the generated history (before it is written):
 * shows whether the stages vary as intended. Uses the domain's own `stageAt`.
 */
export function stageSummary(
  org: Org,
  history: History,
  days: number[],
): Array<{ date: string; stages: StageCounts }> {
  const checkOffs = new Map<number, AgreementFacts['checkOffs'][number][]>();
  const c = history.checkOffs;
  for (let i = 0; i < c.length; i++) {
    const list = checkOffs.get(c.agreement[i]) ?? [];
    list.push({
      periodKey: c.keys[c.key[i]],
      state: c.skipped[i] ? 'skipped' : 'done',
      on: dateOf(c.day[i]),
    });
    checkOffs.set(c.agreement[i], list);
  }
  const facts = org.teams.map(
    (): TeamFacts & {
      agreements: AgreementFacts[];
      partnerAgreements: AgreementFacts[];
      spreadSourceDates: string[];
    } => ({
      cases: [],
      agreements: [],
      partnerAgreements: [],
      spreadSourceDates: [],
    }),
  );
  for (const k of history.cases) {
    (facts[k.team].cases as Array<{ openedOn: string; closedOn: string | null }>).push({
      openedOn: dateOf(k.openedDay),
      closedOn: k.closedDay === null ? null : dateOf(k.closedDay),
    });
  }
  history.agreements.forEach((a, index) => {
    const agreement: AgreementFacts = {
      cadence: a.cadence,
      startDate: dateOf(a.startDay),
      endDate: null,
      statusHistory: a.history.map((h) => ({ on: dateOf(h.day), status: h.status })),
      checkOffs: checkOffs.get(index) ?? [],
      partnerTeamId: a.partner === null ? null : org.teams[a.partner].id,
    };
    facts[a.team].agreements.push(agreement);
    if (a.partner !== null) facts[a.partner].partnerAgreements.push(agreement);
  });
  for (const link of history.spreadLinks)
    facts[link.source].spreadSourceDates.push(dateOf(link.day));
  return days.map((day) => {
    const stages = emptyStageCounts();
    org.teams.forEach((team, i) => {
      if (team.archivedDay !== null && team.archivedDay <= day) return;
      stages[stageAt(facts[i], dateOf(day))]++;
    });
    return { date: dateOf(day), stages };
  });
}
