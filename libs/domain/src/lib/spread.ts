import type { LocalDate } from './dates';
import { StageLookup, stageIn } from './figures';
import { departmentKey, directorateKey, isActiveAt, OrgIndex, teamsIn } from './org-index';
import { isSpreadLinkAt, isTieAt, SpreadLink, TeamAgreement } from './relations';
import { Fraction, fraction } from './stats';

/**
 * Spread factor R of a unit at t (docs/design.md): the mean number of teams inspired per spreading
 * team.
 *
 * - Spreading teams: the active teams of the unit's subtree at stage `spreading` at t.
 * - Inspired by a team: the distinct target teams of its spread links dated on or before t
 *   (over all practices; a target counts once however many practices it took up). Targets may
 *   sit outside the unit: the oil stain does not stop at a boundary. A team spreading only as the
 *   partner in a cross-team agreement inspired nobody through a link and counts with 0.
 *
 * `numerator` = teams inspired (summed over the spreading teams), `denominator` = spreading
 * teams; null when the unit has no spreading team. O(links + teams of the unit).
 */
export function spreadFactor(
  index: OrgIndex,
  unitId: string,
  stages: StageLookup,
  links: readonly SpreadLink[],
  t: LocalDate,
): Fraction | null {
  const spreaders = new Set<string>();
  for (const teamId of teamsIn(index, unitId)) {
    if (isActiveAt(index, teamId, t) && stageIn(stages, teamId) === 'spreading') {
      spreaders.add(teamId);
    }
  }
  const inspired = new Map<string, Set<string>>();
  for (const link of links) {
    if (!spreaders.has(link.sourceTeamId) || !isSpreadLinkAt(link, t)) continue;
    const targets = inspired.get(link.sourceTeamId) ?? new Set<string>();
    targets.add(link.targetTeamId);
    inspired.set(link.sourceTeamId, targets);
  }
  let total = 0;
  for (const targets of inspired.values()) total += targets.size;
  return fraction(total, spreaders.size);
}

export interface CrossUnitCount {
  /** Agreements with a partner team that tie the two teams at t. */
  agreements: number;
  /** Spread links dated on or before t. */
  spreadLinks: number;
  total: number;
}

export interface CrossUnitLinks {
  /** Links whose two teams have different department-level units (`crossesUnits`). */
  departments: CrossUnitCount;
  /** Links whose two teams have different units one level above that: in today's tree, different
   * directorates (a subset of the above). */
  directorates: CrossUnitCount;
}

/**
 * Cross-unit links of a unit at t (docs/design.md): agreements and spread links whose two teams'
 * nearest common ancestor lies above the department-level unit of at least one of them
 * (`crossesUnits`, at any depth; in today's tree: different departments) — and, separately, whose
 * units one level above that differ (different directorates).
 *
 * - An agreement counts while it ties its team and partner team at t (`isTieAt`: running, paused
 *   or adopted); a spread link counts from its date on.
 * - A link counts for the unit when at least one of its two teams lies in the unit's subtree, so
 *   the links reaching out of a directorate count for it too. Links whose teams are unknown to
 *   the tree are skipped. Every record counts: two agreements between the same teams are two.
 * - Archived teams keep their links: history keeps them.
 */
export function crossUnitLinks(
  index: OrgIndex,
  unitId: string,
  agreements: readonly TeamAgreement[],
  links: readonly SpreadLink[],
  t: LocalDate,
): CrossUnitLinks {
  const inUnit = new Set(teamsIn(index, unitId));
  const departments = { agreements: 0, spreadLinks: 0, total: 0 };
  const directorates = { agreements: 0, spreadLinks: 0, total: 0 };
  const count = (a: string, b: string, kind: 'agreements' | 'spreadLinks') => {
    if (!index.units.has(a) || !index.units.has(b)) return;
    if (!inUnit.has(a) && !inUnit.has(b)) return;
    if (departmentKey(index, a) !== departmentKey(index, b)) {
      departments[kind]++;
      departments.total++;
    }
    if (directorateKey(index, a) !== directorateKey(index, b)) {
      directorates[kind]++;
      directorates.total++;
    }
  };
  for (const agreement of agreements) {
    if (isTieAt(agreement, t)) count(agreement.teamId, agreement.partnerTeamId, 'agreements');
  }
  for (const link of links) {
    if (isSpreadLinkAt(link, t)) count(link.sourceTeamId, link.targetTeamId, 'spreadLinks');
  }
  return { departments, directorates };
}

/**
 * `spreadFactor` of several units at once, in one pass over the links and the teams instead of
 * one per unit: what a screen of a unit and its children needs at 20,000 teams. Equal to calling
 * `spreadFactor` for each unit (a property test holds it to that).
 */
export function spreadFactorByUnit(
  index: OrgIndex,
  unitIds: readonly string[],
  stages: StageLookup,
  links: readonly SpreadLink[],
  t: LocalDate,
): Map<string, Fraction | null> {
  const wanted = new Set(unitIds);
  const inspired = new Map<string, Set<string>>();
  for (const link of links) {
    if (!isSpreadLinkAt(link, t)) continue;
    const targets = inspired.get(link.sourceTeamId) ?? new Set<string>();
    targets.add(link.targetTeamId);
    inspired.set(link.sourceTeamId, targets);
  }
  const totals = new Map<string, { inspired: number; spreaders: number }>();
  for (const id of wanted) totals.set(id, { inspired: 0, spreaders: 0 });
  for (const teamId of index.teamIds) {
    if (stageIn(stages, teamId) !== 'spreading' || !isActiveAt(index, teamId, t)) continue;
    const count = inspired.get(teamId)?.size ?? 0;
    for (const unitId of index.ancestorsOf.get(teamId) ?? []) {
      const total = totals.get(unitId);
      if (!total) continue;
      total.inspired += count;
      total.spreaders++;
    }
  }
  const result = new Map<string, Fraction | null>();
  for (const [unitId, total] of totals)
    result.set(unitId, fraction(total.inspired, total.spreaders));
  return result;
}

/**
 * `crossUnitLinks` of several units at once, in one pass over the agreements and links (each
 * counted for every wanted unit that holds one of its two teams). Equal to calling
 * `crossUnitLinks` for each unit (a property test holds it to that).
 */
export function crossUnitLinksByUnit(
  index: OrgIndex,
  unitIds: readonly string[],
  agreements: readonly TeamAgreement[],
  links: readonly SpreadLink[],
  t: LocalDate,
): Map<string, CrossUnitLinks> {
  const result = new Map<string, CrossUnitLinks>();
  for (const id of unitIds) {
    result.set(id, {
      departments: { agreements: 0, spreadLinks: 0, total: 0 },
      directorates: { agreements: 0, spreadLinks: 0, total: 0 },
    });
  }
  const count = (a: string, b: string, kind: 'agreements' | 'spreadLinks') => {
    if (!index.units.has(a) || !index.units.has(b)) return;
    const acrossDepartments = departmentKey(index, a) !== departmentKey(index, b);
    const acrossDirectorates = directorateKey(index, a) !== directorateKey(index, b);
    if (!acrossDepartments && !acrossDirectorates) return;
    const units = new Set([
      ...(index.ancestorsOf.get(a) ?? []),
      ...(index.ancestorsOf.get(b) ?? []),
    ]);
    for (const unitId of units) {
      const counts = result.get(unitId);
      if (!counts) continue;
      if (acrossDepartments) {
        counts.departments[kind]++;
        counts.departments.total++;
      }
      if (acrossDirectorates) {
        counts.directorates[kind]++;
        counts.directorates.total++;
      }
    }
  };
  for (const agreement of agreements) {
    if (isTieAt(agreement, t)) count(agreement.teamId, agreement.partnerTeamId, 'agreements');
  }
  for (const link of links) {
    if (isSpreadLinkAt(link, t)) count(link.sourceTeamId, link.targetTeamId, 'spreadLinks');
  }
  return result;
}
