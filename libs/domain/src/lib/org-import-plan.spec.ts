import fc from 'fast-check';
import {
  applyOrgImportPlan,
  ExistingOrgUnit,
  OrgImportRow,
  planOrgImport,
} from './org-import-plan';
import { departmentUnitOf, orgStructure, validateOrgTree } from './org-structure';
import { FIVE_LEVELS } from './testing/example-deep-org';
import { randomDeepOrgArb } from './testing/random-deep-org';

const FIVE = FIVE_LEVELS;
const ROOT: ExistingOrgUnit = { id: 'org', parentId: null, name: 'Gemeente', isTeam: false };
const row = (
  line: number,
  code: string,
  parentCode: string | null,
  name: string,
  isTeam?: boolean,
): OrgImportRow => ({ line, code, parentCode, name, ...(isTeam === undefined ? {} : { isTeam }) });

/** An HR file of five levels (organisation > cluster > department > team > sub-team), children
 * listed before their parents on purpose, with a cluster management team. */
const HR_FILE: OrgImportRow[] = [
  row(2, 'S-1', 'T-1', 'Subteam Noord'),
  row(3, 'S-2', 'T-1', 'Subteam Zuid'),
  row(4, 'T-1', 'A-1', 'Team Wijkzorg', true),
  row(5, 'T-2', 'A-1', 'Team Jeugd'),
  row(6, 'A-1', 'C-1', 'Afdeling Zorg'),
  row(7, 'MT-1', 'C-1', 'MT Sociaal Domein', true),
  row(8, 'C-1', '', 'Cluster Sociaal Domein'),
  row(9, 'A-2', 'C-2', 'Afdeling Wegen'),
  row(10, 't-3', 'a-2', 'Team Onderhoud'), // codes compare case-insensitively
  row(11, 'C-2', null, 'Cluster Fysiek'),
];

function importInto(existing: ExistingOrgUnit[], rows: OrgImportRow[], levels = FIVE) {
  const plan = planOrgImport(existing, rows, levels);
  const applied = applyOrgImportPlan(
    existing,
    plan,
    (code) => `id-${code}`,
    (u) => u,
  );
  return { plan, applied };
}

describe('planOrgImport by code and parent code', () => {
  it('builds a five-level tree from an HR file, parents before children', () => {
    const { plan, applied } = importInto([ROOT], HR_FILE);
    expect(plan.errors).toEqual([]);
    expect(plan.summary).toEqual({ new: 10, moved: 0, renamed: 0, unchanged: 0 });
    if (!applied.ok) throw new Error('refused');
    expect(validateOrgTree(applied.units, FIVE)).toEqual([]);
    const order = applied.created;
    expect(order.indexOf('id-T-1')).toBeLessThan(order.indexOf('id-S-1'));
    expect(order.indexOf('id-C-1')).toBeLessThan(order.indexOf('id-A-1'));
    const byId = new Map(applied.units.map((u) => [u.id, u]));
    expect(byId.get('id-t-3')?.parentId).toBe('id-A-2');
    // Teams: the leaves, the management team and the team with sub-teams; not the others.
    expect(
      applied.units
        .filter((u) => u.isTeam)
        .map((u) => u.id)
        .sort(),
    ).toEqual(['id-MT-1', 'id-S-1', 'id-S-2', 'id-T-1', 'id-T-2', 'id-t-3'].sort());
    const tree = orgStructure(applied.units, FIVE);
    expect(tree.depth.get('id-S-1')).toBe(4);
    expect(departmentUnitOf(tree, 'id-S-1')).toBe('id-A-1');
  });

  it('detects moves and renames by code, not by name, and leaves the rest unchanged', () => {
    const first = importInto([ROOT], HR_FILE);
    if (!first.applied.ok) throw new Error('refused');
    const next = HR_FILE.map((r) =>
      r.code === 'T-2'
        ? { ...r, parentCode: 'A-2' } // moved to another cluster's department
        : r.code === 'A-1'
          ? { ...r, name: 'Afdeling Zorg en Welzijn' }
          : r,
    ).filter((r) => r.code !== 'S-2');
    const { plan, applied } = importInto(first.applied.units, next);
    expect(plan.summary).toEqual({ new: 0, moved: 1, renamed: 1, unchanged: 7 });
    expect(plan.units.find((u) => u.code === 'T-2')).toMatchObject({
      unitId: 'id-T-2',
      status: 'changed',
      moved: true,
      renamed: false,
      parent: { unitId: 'id-A-2' },
    });
    expect(plan.absent).toEqual(['id-S-2']);
    if (!applied.ok) throw new Error('refused');
    expect(applied.moves).toEqual([{ unitId: 'id-T-2', parentId: 'id-A-2' }]);
    expect(applied.units.find((u) => u.id === 'id-A-1')?.name).toBe('Afdeling Zorg en Welzijn');
    expect(applied.created).toEqual([]);
  });

  it('names every error with its line and applies nothing', () => {
    const existing: ExistingOrgUnit[] = [
      ROOT,
      { id: 'x', parentId: 'org', name: 'Bestaand', code: 'X', isTeam: false },
    ];
    const rows = [
      row(2, 'A', 'B', 'A'),
      row(3, 'B', 'A', 'B'), // A and B hang under each other
      row(4, 'C', 'NOPE', 'C'),
      row(5, 'D', 'X', 'D'),
      row(6, 'd ', 'X', 'D again'),
      row(7, '', 'X', 'No code'),
      row(8, 'E', 'D', 'E'),
      row(9, 'F', 'E', 'F'), // org > X > D > E > F: four levels, three allowed
      row(10, 'G', 'C', 'Below the unknown one'),
    ];
    const { plan, applied } = importInto(existing, rows, {
      names: FIVE.names.slice(0, 3),
      departmentLevel: 2,
    });
    expect(plan.errors).toEqual([
      { line: 2, code: 'IMPORT_CYCLE', value: 'A' },
      { line: 3, code: 'IMPORT_CYCLE', value: 'B' },
      { line: 4, code: 'IMPORT_UNKNOWN_PARENT', value: 'NOPE' },
      { line: 6, code: 'IMPORT_DUPLICATE_CODE', value: 'd ', otherLine: 5 },
      { line: 7, code: 'IMPORT_CODE_MISSING' },
      { line: 9, code: 'IMPORT_TOO_DEEP', value: 'F' },
    ]);
    expect(applied).toEqual({ ok: false, errors: plan.errors });
  });

  it('reads back any tree it was exported from: unchanged on itself, rebuilt from scratch', () => {
    fc.assert(
      fc.property(randomDeepOrgArb, (org) => {
        const existing = org.units.map((u) => ({ ...u, name: `Unit ${u.id}`, code: `C${u.id}` }));
        const rows = existing
          .filter((u) => u.parentId !== null)
          .reverse()
          .map((u, i) =>
            row(i + 2, u.code, u.parentId === 'org' ? null : `C${u.parentId}`, u.name, u.isTeam),
          );
        const again = planOrgImport(existing, rows, org.levels);
        expect(again.errors).toEqual([]);
        expect(again.summary.unchanged).toBe(rows.length);

        const root = { ...existing[0], code: null };
        const { applied } = importInto([root], rows, org.levels);
        if (!applied.ok) throw new Error('refused');
        const parentCode = new Map(
          applied.units.map((u) => [u.id, applied.units.find((p) => p.id === u.parentId)?.code]),
        );
        for (const u of existing.slice(1)) {
          const rebuilt = applied.units.find((a) => a.code === u.code);
          expect(parentCode.get(rebuilt?.id as string) ?? null).toBe(
            u.parentId === 'org' ? null : `C${u.parentId}`,
          );
          expect(rebuilt?.isTeam).toBe(u.isTeam);
        }
      }),
    );
  });
});
