import fc from 'fast-check';
import {
  childKindOf,
  parentKindOf,
  searchText,
  subtreeIds,
  treeSearch,
  wouldCreateCycle,
} from './org-tree';

describe('org tree levels', () => {
  it('gives each level the next one as child kind and a team none', () => {
    expect(childKindOf('organisation')).toBe('directorate');
    expect(childKindOf('directorate')).toBe('department');
    expect(childKindOf('department')).toBe('team');
    expect(childKindOf('team')).toBeNull();
  });

  it('has parentKindOf as the inverse of childKindOf', () => {
    expect(parentKindOf('organisation')).toBeNull();
    for (const kind of ['directorate', 'department', 'team'] as const) {
      const parent = parentKindOf(kind);
      expect(parent).not.toBeNull();
      expect(childKindOf(parent as NonNullable<typeof parent>)).toBe(kind);
    }
  });
});

describe('subtreeIds', () => {
  const units = [
    { id: 'org', parentId: null },
    { id: 'dir-a', parentId: 'org' },
    { id: 'dir-b', parentId: 'org' },
    { id: 'dep-a1', parentId: 'dir-a' },
    { id: 'team-a1x', parentId: 'dep-a1' },
    { id: 'dep-b1', parentId: 'dir-b' },
  ];

  it('returns the root and everything below it, nothing beside it', () => {
    expect([...subtreeIds(units, 'dir-a')].sort()).toEqual(['dep-a1', 'dir-a', 'team-a1x']);
    expect(subtreeIds(units, 'org').size).toBe(units.length);
    expect([...subtreeIds(units, 'team-a1x')]).toEqual(['team-a1x']);
  });

  it('returns nothing for an unknown root', () => {
    expect(subtreeIds(units, 'nope').size).toBe(0);
  });

  it('terminates on a loop in corrupted data', () => {
    const loop = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...subtreeIds(loop, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('refuses to move a unit below itself', () => {
    expect(wouldCreateCycle(units, 'dir-a', 'team-a1x')).toBe(true);
    expect(wouldCreateCycle(units, 'dir-a', 'dir-a')).toBe(true);
    expect(wouldCreateCycle(units, 'dep-a1', 'dir-b')).toBe(false);
  });

  it('partitions any random tree: the subtrees of the root children are disjoint and cover the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (parents) => {
        // Node i+1 hangs under some node 0..i: always a tree rooted at 0.
        const tree = [{ id: 'n0', parentId: null as string | null }];
        parents.forEach((p, i) => tree.push({ id: `n${i + 1}`, parentId: `n${p % (i + 1)}` }));
        const rootChildren = tree.filter((u) => u.parentId === 'n0');
        const seen = new Set<string>();
        for (const child of rootChildren) {
          for (const id of subtreeIds(tree, child.id)) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
        }
        expect(seen.size).toBe(tree.length - 1);
      }),
    );
  });
});

describe('searching the tree', () => {
  const units = [
    { id: 'org', parentId: null, name: 'Gemeente' },
    { id: 'd1', parentId: 'org', name: 'Directie Sociaal Domein' },
    { id: 'a1', parentId: 'd1', name: 'Afdeling Werk' },
    { id: 't1', parentId: 'a1', name: 'Team Café Werkgeversservice' },
    { id: 't2', parentId: 'a1', name: 'Team Schuldhulp' },
    { id: 'd2', parentId: 'org', name: 'Directie Bedrijfsvoering' },
  ];
  const find = (term: string) =>
    treeSearch(units, (u) => searchText(u.name).includes(searchText(term)));

  it('shows each match with the units above it, not its siblings or what lies below', () => {
    const result = find('cafe');
    expect([...result.matches]).toEqual(['t1']);
    expect([...result.shown].sort()).toEqual(['a1', 'd1', 'org', 't1']);
    expect([...result.ancestors].sort()).toEqual(['a1', 'd1', 'org']);

    const werk = find('WERK');
    expect([...werk.matches].sort()).toEqual(['a1', 't1']);
    expect(werk.shown.has('t2')).toBe(false);
    expect(werk.shown.has('d2')).toBe(false);
  });

  it('finds nothing for a term nobody carries, and survives a loop in the parent chain', () => {
    expect(find('zwembad').shown.size).toBe(0);
    const looped = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect([...treeSearch(looped, () => true).shown].sort()).toEqual(['x', 'y']);
  });

  it('has every shown unit either matching or above a match (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (flags) => {
        const result = treeSearch(units, (u) => flags[units.indexOf(u)]);
        for (const id of result.shown) {
          const isMatch = result.matches.has(id);
          const aboveMatch = [...result.matches].some((m) => subtreeIds(units, id).has(m));
          expect(isMatch || aboveMatch).toBe(true);
        }
        for (const id of result.matches) expect(result.shown.has(id)).toBe(true);
      }),
    );
  });
});
