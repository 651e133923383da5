import type { OrgUnitFacts } from '../org-index';
import type { OrgLevels } from '../org-levels';

/** Test support only: five levels (organisation > cluster > department > team > sub-team). */
export const FIVE_LEVELS: OrgLevels = {
  names: [
    { nl: 'Cluster', en: 'Cluster' },
    { nl: 'Afdeling', en: 'Department' },
    { nl: 'Team', en: 'Team' },
    { nl: 'Subteam', en: 'Sub-team' },
  ],
  departmentLevel: 2,
};

const unit = (
  id: string,
  parentId: string | null,
  isTeam = false,
  headcount: number | null = null,
  code?: string,
): OrgUnitFacts & { isTeam: boolean; code?: string } => ({
  id,
  parentId,
  isTeam,
  headcount,
  ...(code === undefined ? {} : { code }),
});

/**
 * Test support only: the worked example of an organisation of any depth.
 *
 *   org ─ c1 ─ mt1 (management team of cluster c1, 6 people: a team at department level)
 *       │    ├ p1 ─ t1 (team, 4 people) ─ s1 (5), s2 (7) (sub-teams)
 *       │    │    └ t2 (9)
 *       │    └ p2 ─ t3 (11)
 *       └ c2 ─ p3 ─ t4 (3)
 *
 * c1 carries HR code C1 and t1 code T-1.
 */
export const EXAMPLE_DEEP_UNITS = [
  unit('org', null),
  unit('c1', 'org', false, null, 'C1'),
  unit('c2', 'org'),
  unit('mt1', 'c1', true, 6),
  unit('p1', 'c1'),
  unit('p2', 'c1'),
  unit('p3', 'c2'),
  unit('t1', 'p1', true, 4, 'T-1'),
  unit('t2', 'p1', true, 9),
  unit('t3', 'p2', true, 11),
  unit('t4', 'p3', true, 3),
  unit('s1', 't1', true, 5),
  unit('s2', 't1', true, 7),
];
