import fc from 'fast-check';
import { childKindOf, parentKindOf, subtreeIds, wouldCreateCycle } from './org-tree';

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
