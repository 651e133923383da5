import type { OrgUnitFacts } from '../org-index';

/**
 * Test support only: the worked-example organisation.
 *
 *   org ─ dir-a ─ dep-a1: a1x (10 people), a1y (20), a1z (headcount unknown)
 *       │       └ dep-a2: a2x (5)
 *       └ dir-b ─ dep-b1: b1x (8), b1y (12, archived on 2026-06-30)
 *               └ dep-b2: (no teams)
 */
export const EXAMPLE_UNITS: OrgUnitFacts[] = [
  { id: 'org', parentId: null, kind: 'organisation', headcount: null },
  { id: 'dir-a', parentId: 'org', kind: 'directorate', headcount: null },
  { id: 'dir-b', parentId: 'org', kind: 'directorate', headcount: null },
  { id: 'dep-a1', parentId: 'dir-a', kind: 'department', headcount: null },
  { id: 'dep-a2', parentId: 'dir-a', kind: 'department', headcount: null },
  { id: 'dep-b1', parentId: 'dir-b', kind: 'department', headcount: null },
  { id: 'dep-b2', parentId: 'dir-b', kind: 'department', headcount: null },
  { id: 'a1x', parentId: 'dep-a1', kind: 'team', headcount: 10 },
  { id: 'a1y', parentId: 'dep-a1', kind: 'team', headcount: 20 },
  { id: 'a1z', parentId: 'dep-a1', kind: 'team', headcount: null },
  { id: 'a2x', parentId: 'dep-a2', kind: 'team', headcount: 5 },
  { id: 'b1x', parentId: 'dep-b1', kind: 'team', headcount: 8 },
  { id: 'b1y', parentId: 'dep-b1', kind: 'team', headcount: 12, archivedOn: '2026-06-30' },
];
