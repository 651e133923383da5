import type { OrgUnitDto } from '@olievlek/shared';

/** One group of the picker: the teams under one path of parent units. */
export interface TeamGroup {
  /** "Sociaal Domein › Werk en Inkomen": the parents' names, the organisation left out. */
  path: string;
  teams: Array<{ id: string; name: string; hasOpenCase: boolean }>;
}

/** Lower case without accents, so "reunie" finds "Reünie". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/**
 * The active teams grouped by the path of their parent units, at any depth. The one root (the
 * organisation itself) is left out of the path unless a team hangs right under it.
 */
export function teamGroups(units: OrgUnitDto[], openTeamIds: ReadonlySet<string>): TeamGroup[] {
  const active = units.filter((u) => !u.archivedAt);
  const byId = new Map(active.map((u) => [u.id, u]));
  const roots = active.filter((u) => !u.parentId);
  const groups = new Map<string, TeamGroup>();
  for (const team of active) {
    if (team.kind !== 'team') continue;
    const names: string[] = [];
    const seen = new Set<string>();
    let top: OrgUnitDto = team;
    for (let p = team.parentId ? byId.get(team.parentId) : undefined; p;) {
      if (seen.has(p.id)) break; // a cycle would be a bug elsewhere; never loop on it here
      seen.add(p.id);
      names.unshift(p.name);
      top = p;
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    // An archived parent (left out by the server) takes its subtree out of the picker.
    if (top.parentId) continue;
    if (roots.length === 1 && names.length > 1) names.shift();
    const path = names.join(' › ');
    const group = groups.get(path) ?? { path, teams: [] };
    group.teams.push({ id: team.id, name: team.name, hasOpenCase: openTeamIds.has(team.id) });
    groups.set(path, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, teams: g.teams.sort((a, b) => a.name.localeCompare(b.name, 'nl')) }))
    .sort((a, b) => a.path.localeCompare(b.path, 'nl'));
}

/** The groups whose team name or path holds every word of the search; `keep` stays in. */
export function filterGroups(groups: TeamGroup[], search: string, keep = ''): TeamGroup[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((g) => {
      const path = fold(g.path);
      return {
        ...g,
        teams: g.teams.filter(
          (t) => t.id === keep || words.every((w) => fold(t.name).includes(w) || path.includes(w)),
        ),
      };
    })
    .filter((g) => g.teams.length > 0);
}
