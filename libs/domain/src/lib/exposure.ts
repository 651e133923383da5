import type { LocalDate } from './dates';
import { isRooted, StageLookup, stageIn } from './figures';
import { isActiveAt, OrgIndex } from './org-index';
import { isSpreadLinkAt, isTieAt, SpreadLink, TeamAgreement } from './relations';
import { isPractised } from './stage';

/**
 * How a practising team is seen from a team: the same parent unit, a shared agreement, a spread
 * link. The first is still called `department` (the API and screens key their texts by it): in
 * today's four-level tree a team's parent unit is its department.
 */
export type ExposureRelation = 'department' | 'agreement' | 'spread-link';

export interface ExposureSource {
  teamId: string;
  via: ExposureRelation[];
  /** Catalogue practices the source team practises at t (its agreements that are practised). */
  practiceIds: string[];
}

export interface NextBestTeam {
  teamId: string;
  exposure: number;
  sources: ExposureSource[];
  /** Per practice, the source teams that practise it — most teams first — for "3 neighbouring
   * teams practise 'doel vooraf'". */
  practices: { practiceId: string; teamIds: string[] }[];
}

export interface NextBestOptions {
  /** Lowest exposure to list; docs/design.md says 2 ("sees it from more than one side"). */
  minExposure?: number;
  limit?: number;
  /** Only these teams are candidates (e.g. the ambassador's scope); all teams when absent. */
  candidates?: ReadonlySet<string>;
}

/** The practising (or spreading) active teams per parent unit and the ties of every team to them. */
function exposureGraph(
  index: OrgIndex,
  stages: StageLookup,
  agreements: readonly TeamAgreement[],
  links: readonly SpreadLink[],
  t: LocalDate,
) {
  const practising = (teamId: string) =>
    isActiveAt(index, teamId, t) && isRooted(stageIn(stages, teamId));
  const practisingByParent = new Map<string, string[]>();
  for (const [parent, teamIds] of index.teamsByParent) {
    practisingByParent.set(parent, teamIds.filter(practising));
  }
  /** Team → practising teams tied to it, with how. */
  const ties = new Map<string, Map<string, Set<ExposureRelation>>>();
  const tie = (a: string, b: string, via: ExposureRelation) => {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      if (!practising(to) || !index.units.has(from)) continue;
      const mine = ties.get(from) ?? new Map<string, Set<ExposureRelation>>();
      mine.set(to, (mine.get(to) ?? new Set<ExposureRelation>()).add(via));
      ties.set(from, mine);
    }
  };
  for (const a of agreements) if (isTieAt(a, t)) tie(a.teamId, a.partnerTeamId, 'agreement');
  for (const l of links)
    if (isSpreadLinkAt(l, t)) tie(l.sourceTeamId, l.targetTeamId, 'spread-link');
  return { practisingByParent, ties };
}

/**
 * Exposure at t (docs/design.md) of every active team not yet reached (stage `not-reached`): the
 * number of distinct practising teams (stage `practising` or `spreading`) among its neighbours —
 * the other teams with the same parent unit (at any depth: sibling sub-teams of a team, the
 * management teams of one directorate; in today's tree, the teams of its department) — and its
 * partners: teams linked to it by an agreement that
 * ties them at t (`isTieAt`) or by a spread link dated on or before t, in either direction.
 * O(teams + agreements + links).
 */
export function exposures(
  index: OrgIndex,
  stages: StageLookup,
  agreements: readonly TeamAgreement[],
  links: readonly SpreadLink[],
  t: LocalDate,
): Map<string, number> {
  return exposuresIn(index, stages, exposureGraph(index, stages, agreements, links, t), t);
}

function exposuresIn(
  index: OrgIndex,
  stages: StageLookup,
  { practisingByParent, ties }: ReturnType<typeof exposureGraph>,
  t: LocalDate,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const teamId of index.teamIds) {
    if (!isActiveAt(index, teamId, t) || stageIn(stages, teamId) !== 'not-reached') continue;
    const parent = index.parentOf.get(teamId) ?? null;
    let exposure = parent === null ? 0 : (practisingByParent.get(parent) ?? []).length;
    for (const other of ties.get(teamId)?.keys() ?? []) {
      if (parent === null || index.parentOf.get(other) !== parent) exposure++;
    }
    result.set(teamId, exposure);
  }
  return result;
}

/**
 * Next-best teams for an ambassador (docs/design.md): unreached teams with exposure ≥ 2, highest
 * first (ties by team id, so the order is stable), each with its reasons: which practising teams
 * it sees, how, and which catalogue practices they practise at t. `total` counts them all, when
 * `limit` keeps only the first.
 */
export function nextBestTeams(
  index: OrgIndex,
  stages: StageLookup,
  agreements: readonly TeamAgreement[],
  links: readonly SpreadLink[],
  t: LocalDate,
  options: NextBestOptions = {},
): { teams: NextBestTeam[]; total: number } {
  const minExposure = options.minExposure ?? 2;
  const graph = exposureGraph(index, stages, agreements, links, t);
  const { practisingByParent, ties } = graph;
  const qualifying = [...exposuresIn(index, stages, graph, t)]
    .filter(([teamId, e]) => e >= minExposure && (options.candidates?.has(teamId) ?? true))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const ranked = qualifying.slice(0, options.limit ?? Infinity);
  const total = qualifying.length;
  if (ranked.length === 0) return { teams: [], total };

  const agreementsByTeam = new Map<string, TeamAgreement[]>();
  for (const a of agreements) {
    if (a.practiceId === null) continue;
    const list = agreementsByTeam.get(a.teamId) ?? [];
    list.push(a);
    agreementsByTeam.set(a.teamId, list);
  }
  const practicesCache = new Map<string, string[]>();
  const practicesOf = (teamId: string): string[] => {
    let practices = practicesCache.get(teamId);
    if (!practices) {
      const own = (agreementsByTeam.get(teamId) ?? []).filter((a) => isPractised(a, t));
      practices = [...new Set(own.map((a) => a.practiceId as string))].sort();
      practicesCache.set(teamId, practices);
    }
    return practices;
  };

  const teams = ranked.map(([teamId, exposure]) => {
    const via = new Map<string, Set<ExposureRelation>>();
    const parent = index.parentOf.get(teamId) ?? null;
    if (parent !== null) {
      for (const other of practisingByParent.get(parent) ?? []) {
        via.set(other, new Set(['department']));
      }
    }
    for (const [other, how] of ties.get(teamId) ?? []) {
      via.set(other, new Set([...(via.get(other) ?? []), ...how]));
    }
    const sources = [...via.keys()].sort().map((other) => ({
      teamId: other,
      via: [...(via.get(other) as Set<ExposureRelation>)].sort(),
      practiceIds: practicesOf(other),
    }));
    const byPractice = new Map<string, string[]>();
    for (const source of sources) {
      for (const practiceId of source.practiceIds) {
        const teamIds = byPractice.get(practiceId);
        if (teamIds) teamIds.push(source.teamId);
        else byPractice.set(practiceId, [source.teamId]);
      }
    }
    const practices = [...byPractice]
      .map(([practiceId, teamIds]) => ({ practiceId, teamIds }))
      .sort(
        (a, b) =>
          b.teamIds.length - a.teamIds.length ||
          (a.practiceId < b.practiceId ? -1 : a.practiceId > b.practiceId ? 1 : 0),
      );
    return { teamId, exposure, sources, practices };
  });
  return { teams, total };
}
