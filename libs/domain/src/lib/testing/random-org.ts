import fc from 'fast-check';
import type { LocalDate } from '../dates';
import type { OrgUnitFacts } from '../org-index';
import { Stage, STAGES } from '../stage';

/** Test support only (not exported from the library): random org trees for property tests. */
export interface RandomTeam {
  directorate: number;
  department: number;
  stage: Stage;
  headcount: number | null;
  archivedOn: LocalDate | null;
}

export const randomTeamArb: fc.Arbitrary<RandomTeam> = fc.record({
  directorate: fc.nat({ max: 2 }),
  department: fc.nat({ max: 2 }),
  stage: fc.constantFrom(...STAGES),
  headcount: fc.option(fc.nat({ max: 50 }), { nil: null }),
  archivedOn: fc.option(fc.constantFrom('2026-03-31', '2026-09-30'), { nil: null }),
});

/**
 * An organisation `org` with directorates `d0`..`d2`, departments `d0-p0`..`d2-p2` (some of them
 * empty) and the teams `t0`, `t1`, … under them, with their stages.
 */
export function randomOrg(teams: readonly RandomTeam[]): {
  units: OrgUnitFacts[];
  stages: Map<string, Stage>;
} {
  const units: OrgUnitFacts[] = [
    { id: 'org', parentId: null, kind: 'organisation', headcount: null },
  ];
  for (let d = 0; d < 3; d++) {
    units.push({ id: `d${d}`, parentId: 'org', kind: 'directorate', headcount: null });
    for (let p = 0; p < 3; p++) {
      units.push({ id: `d${d}-p${p}`, parentId: `d${d}`, kind: 'department', headcount: null });
    }
  }
  const stages = new Map<string, Stage>();
  teams.forEach((team, i) => {
    units.push({
      id: `t${i}`,
      parentId: `d${team.directorate}-p${team.department}`,
      kind: 'team',
      headcount: team.headcount,
      archivedOn: team.archivedOn,
    });
    stages.set(`t${i}`, team.stage);
  });
  return { units, stages };
}
