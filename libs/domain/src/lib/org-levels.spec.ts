import fc from 'fast-check';
import {
  DEFAULT_ORG_LEVELS,
  legacyKindAt,
  levelName,
  MAX_ORG_DEPTH,
  validateOrgLevels,
} from './org-levels';

const named = (...nl: string[]) => nl.map((n) => ({ nl: n, en: `${n} (en)` }));

describe('org levels', () => {
  it('defaults to today’s levels with the department level at depth 2', () => {
    expect(DEFAULT_ORG_LEVELS.names.map((n) => n.nl)).toEqual(['Directie', 'Afdeling', 'Team']);
    expect(levelName(DEFAULT_ORG_LEVELS, 2, 'en')).toBe('Department');
    expect(levelName(DEFAULT_ORG_LEVELS, 0, 'nl')).toBeNull();
    expect(validateOrgLevels(DEFAULT_ORG_LEVELS)).toEqual({ ok: true, levels: DEFAULT_ORG_LEVELS });
  });

  it('accepts a five-level organisation and trims its names', () => {
    const result = validateOrgLevels({
      names: [{ nl: ' Cluster ', en: 'Cluster' }, ...named('Afdeling', 'Team', 'Subteam')],
      departmentLevel: 2,
    });
    expect(result.ok && result.levels.names[0]).toEqual({ nl: 'Cluster', en: 'Cluster' });
  });

  it('names every error at once and accepts nothing of a bad list', () => {
    const result = validateOrgLevels({
      names: [
        { nl: 'Afdeling', en: 'Department' },
        { nl: 'afdeling', en: '' },
        { nl: 'x'.repeat(61), en: 'Team' },
      ],
      departmentLevel: 4,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: 'ORG_LEVEL_NAME_DUPLICATE', depth: 2, language: 'nl' },
        { code: 'ORG_LEVEL_NAME_TOO_LONG', depth: 3, language: 'nl' },
        { code: 'ORG_LEVEL_NAME_MISSING', depth: 2, language: 'en' },
        { code: 'ORG_DEPARTMENT_LEVEL_INVALID' },
      ],
    });
  });

  it('refuses no levels, more than 8, and fewer than the tree already uses', () => {
    const codes = (names: ReturnType<typeof named>, treeDepth = 0) => {
      const r = validateOrgLevels({ names, departmentLevel: 1 }, treeDepth);
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes([])).toEqual(['ORG_LEVELS_EMPTY']);
    const nine = named(...Array.from({ length: MAX_ORG_DEPTH + 1 }, (_, i) => `L${i}`));
    expect(codes(nine)).toEqual(['ORG_LEVELS_TOO_DEEP']);
    expect(codes(nine.slice(0, 8))).toEqual([]);
    expect(codes(named('Afdeling', 'Team'), 3)).toEqual(['ORG_LEVELS_BELOW_TREE']);
  });

  it('accepts every list of 1–8 distinct names with a department level inside it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z]{1,12}$/), {
          minLength: 1,
          maxLength: 8,
          comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
        }),
        fc.nat(),
        (names, pick) => {
          const departmentLevel = (pick % names.length) + 1;
          const result = validateOrgLevels({ names: named(...names), departmentLevel });
          expect(result.ok).toBe(true);
        },
      ),
    );
  });

  it('maps depths of today’s tree to their legacy kinds', () => {
    expect([0, 1, 2].map((d) => legacyKindAt(d, false))).toEqual([
      'organisation',
      'directorate',
      'department',
    ]);
    expect(legacyKindAt(3, true)).toBe('team');
    expect(legacyKindAt(2, true)).toBeNull();
    expect(legacyKindAt(4, false)).toBeNull();
  });
});
