import fc from 'fast-check';
import { addDays } from './dates';
import { rollUp } from './figures';
import { buildOrgIndex } from './org-index';
import {
  orgIndexAt,
  ParentEntry,
  parentAt,
  parentHistory,
  recordMove,
  treeAt,
  treeChangeDates,
} from './org-history';
import { moveUnit, validateOrgTree } from './org-structure';
import { EXAMPLE_UNITS } from './testing/example-org';
import { randomDeepOrgArb } from './testing/random-deep-org';

/** The worked example's parents as recorded by the migration (one entry each, on its first day). */
const START: ParentEntry[] = EXAMPLE_UNITS.map((u) => ({
  unitId: u.id,
  parentId: u.parentId,
  from: '2026-01-01',
}));

describe('org history', () => {
  it('shows a moved team under its old department before the move and its new one after', () => {
    const moved = recordMove(START, 'a1x', 'dep-b2', '2026-06-01');
    if (!moved.ok) throw new Error('refused');
    const history = parentHistory(moved.entries);
    expect(parentAt(history, 'a1x', '2026-05-31', null)).toBe('dep-a1');
    expect(parentAt(history, 'a1x', '2026-06-01', null)).toBe('dep-b2');
    expect(parentAt(history, 'a1x', '2025-12-01', null)).toBe('dep-a1'); // before its first entry
    expect(parentAt(history, 'unknown', '2026-06-01', 'fallback')).toBe('fallback');

    const stages = new Map([['a1x', 'practising' as const]]);
    const at = (t: string) => buildOrgIndex(treeAt(EXAMPLE_UNITS, history, t));
    expect(rollUp(at('2026-05-31'), 'dep-a1', stages, '2026-05-31').teams).toBe(3);
    expect(rollUp(at('2026-05-31'), 'dep-b2', stages, '2026-05-31').teams).toBe(0);
    expect(rollUp(at('2026-06-01'), 'dep-b2', stages, '2026-06-01').stageCounts.practising).toBe(1);
    expect(rollUp(at('2026-06-01'), 'dir-a', stages, '2026-06-01').teams).toBe(3);
    expect(treeChangeDates(history)).toEqual(['2026-06-01']);
  });

  it('builds one org index per version of the tree, the one of the date asked', () => {
    const moved = recordMove(START, 'a1x', 'dep-b2', '2026-06-01');
    if (!moved.ok) throw new Error('refused');
    const history = parentHistory(moved.entries);
    const indexAt = orgIndexAt(EXAMPLE_UNITS, history);
    expect(indexAt('2026-02-01')).toBe(indexAt('2026-05-31'));
    expect(indexAt('2026-06-01')).toBe(indexAt('2026-12-31'));
    expect(indexAt('2026-05-31').departmentOf.get('a1x')).toBe('dep-a1');
    expect(indexAt('2026-06-01').departmentOf.get('a1x')).toBe('dep-b2');
    expect(indexAt('2026-06-01').directorateOf.get('a1x')).toBe('dir-b');
  });

  it('records nothing for a move to the same parent and refuses to rewrite the past', () => {
    expect(recordMove(START, 'a1x', 'dep-a1', '2026-06-01')).toEqual({ ok: true, entries: START });
    const moved = recordMove(START, 'a1x', 'dep-b2', '2026-06-01');
    if (!moved.ok) throw new Error('refused');
    expect(recordMove(moved.entries, 'a1x', 'dep-a2', '2026-05-01')).toEqual({
      ok: false,
      code: 'ORG_MOVE_BEFORE_LAST',
    });
    // Two moves on one day: the later one holds.
    const twice = recordMove(moved.entries, 'a1x', 'dep-a2', '2026-06-01');
    if (!twice.ok) throw new Error('refused');
    expect(parentAt(parentHistory(twice.entries), 'a1x', '2026-06-01', null)).toBe('dep-a2');
  });

  it('gives at every date the tree as it stood after the moves up to then', () => {
    fc.assert(
      fc.property(
        randomDeepOrgArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 })), { maxLength: 12 }),
        (org, moves) => {
          let units = org.units;
          let entries: ParentEntry[] = units.map((u) => ({
            unitId: u.id,
            parentId: u.parentId,
            from: '2026-01-01',
          }));
          let day = '2026-01-01';
          const states: Array<{ on: string; parents: (string | null)[] }> = [];
          for (const [i, j, gap] of moves) {
            const [unitId, parentId] = [units[i % units.length].id, units[j % units.length].id];
            const result = moveUnit(units, unitId, parentId, org.levels);
            if (!result.ok) continue;
            day = addDays(day, gap);
            const recorded = recordMove(entries, unitId, parentId, day);
            if (!recorded.ok) throw new Error('a move in date order was refused');
            units = result.nodes;
            entries = recorded.entries;
            states.push({ on: day, parents: units.map((u) => u.parentId) });
          }
          const history = parentHistory(entries);
          for (const state of states) {
            const holds = states.filter((s) => s.on === state.on).pop() ?? state;
            const then = treeAt(units, history, state.on);
            expect(then.map((u) => u.parentId)).toEqual(holds.parents);
            expect(validateOrgTree(then, org.levels)).toEqual([]);
          }
          expect(treeAt(units, history, '2025-12-31').map((u) => u.parentId)).toEqual(
            org.units.map((u) => u.parentId),
          );
        },
      ),
    );
  });
});
