import type { OrgUnitDto } from '@olievlek/shared';
import { filterGroups, teamGroups } from './team-groups';

const unit = (
  id: string,
  parentId: string | null,
  name: string,
  kind: OrgUnitDto['kind'] = 'department',
  archivedAt: string | null = null,
): OrgUnitDto => ({ id, parentId, name, kind, headcount: null, archivedAt, version: 1 });

describe('the team picker of a new case', () => {
  // Five levels deep: organisation > directorate > department > section > team.
  const units: OrgUnitDto[] = [
    unit('org', null, 'Gemeente Voorbeeldstad', 'organisation'),
    unit('dir', 'org', 'Sociaal Domein', 'directorate'),
    unit('dep', 'dir', 'Werk en Inkomen'),
    unit('sec', 'dep', 'Re-integratie'),
    unit('t1', 'sec', 'Jobcoaches', 'team'),
    unit('t2', 'dep', 'Klantmanagement', 'team'),
    unit('t3', 'dep', 'Bijzondere bijstand', 'team'),
    unit('t4', 'org', 'Bestuursondersteuning', 'team'),
    unit('gone', 'dir', 'Oude afdeling', 'department', '2026-01-01T00:00:00Z'),
    unit('t5', 'gone', 'Verweesd team', 'team'),
    unit('t6', 'dep', 'Archiefteam', 'team', '2026-02-01T00:00:00Z'),
  ];
  // As the server sends them: without the archived units.
  const active = units.filter((u) => !u.archivedAt);

  it('groups teams by the path of their parents at any depth, the organisation left out', () => {
    const groups = teamGroups(active, new Set(['t2']));
    expect(groups.map((g) => [g.path, g.teams.map((t) => t.name)])).toEqual([
      ['Gemeente Voorbeeldstad', ['Bestuursondersteuning']],
      ['Sociaal Domein › Werk en Inkomen', ['Bijzondere bijstand', 'Klantmanagement']],
      ['Sociaal Domein › Werk en Inkomen › Re-integratie', ['Jobcoaches']],
    ]);
    expect(groups[1].teams.find((t) => t.id === 't2')?.hasOpenCase).toBe(true);
    expect(groups[1].teams.find((t) => t.id === 't3')?.hasOpenCase).toBe(false);
  });

  it('offers no archived team, nor a team under an archived unit', () => {
    const ids = teamGroups(units, new Set())
      .flatMap((g) => g.teams)
      .map((t) => t.id);
    expect(ids).not.toContain('t6');
    expect(teamGroups(active, new Set()).flatMap((g) => g.teams.map((t) => t.id))).not.toContain(
      't5',
    );
  });

  it('finds teams by their own name or a parent name, without regard to case or accents', () => {
    const groups = teamGroups(active, new Set());
    const names = (q: string, keep?: string) =>
      filterGroups(groups, q, keep).flatMap((g) => g.teams.map((t) => t.name));
    expect(names('KLANT')).toEqual(['Klantmanagement']);
    expect(names('re-integratie')).toEqual(['Jobcoaches']);
    expect(names('werk bijstand')).toEqual(['Bijzondere bijstand']);
    expect(names('bestuursöndersteuning')).toEqual(['Bestuursondersteuning']);
    expect(names('niets')).toEqual([]);
    // The chosen team stays in the list while the search changes.
    expect(names('jobcoach', 't2')).toEqual(['Klantmanagement', 'Jobcoaches']);
    expect(names('  ')).toHaveLength(4);
  });
});
