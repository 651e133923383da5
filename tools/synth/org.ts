import { orgStructure, validateOrgTree } from '@olievlek/domain';
import type { Random } from './random';
import type { SizeSpec } from './sizes';

export type UnitKind = 'organisation' | 'directorate' | 'department' | 'team';

/**
 * The organisation's shape. `classic`: organisation > directorate > department > team (what the
 * bench measures). `five-level` (issue 17): the same units, with in every cluster a management
 * team beside its departments and, in every department of 6 teams or more, two teams turned into
 * sub-teams of its first team: organisation > cluster > department > team > sub-team. The teams
 * and the random draws that make them stay those of `classic` (the same seed gives the same teams,
 * only placed differently), so the bench compares the two at the same size.
 */
export type OrgShape = 'classic' | 'five-level';
export const ORG_SHAPES: readonly OrgShape[] = ['classic', 'five-level'];

export interface Unit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  headcount: number | null;
  /** Teams only: the day it was archived, if it was (history keeps it). */
  archivedDay: number | null;
}

export interface Team extends Unit {
  /**
   * Index of its department in `Org.departments`: the department-level unit it sits in (a
   * sub-team: its parent team's). A management team sits beside the departments; this is the
   * department it was drawn from, whose wave it follows.
   */
  department: number;
  directorate: number;
  /** `five-level` only: the index in `Org.teams` of the team a sub-team sits under. */
  parentTeam?: number;
  /** `five-level` only: set on the management team of its directorate. */
  managementTeam?: true;
}

export interface Org {
  shape: OrgShape;
  root: Unit;
  directorates: Unit[];
  departments: Array<Unit & { directorate: number; teams: number[] }>;
  teams: Team[];
}

const CITY_DIRECTORATES = [
  'Maatschappelijke Ontwikkeling',
  'Stadsontwikkeling',
  'Dienstverlening',
  'Stadsbeheer',
  'Werk en Inkomen',
  'Veiligheid',
  'Bestuurs- en Concernondersteuning',
  'Jeugd en Onderwijs',
  'Wonen en Wijken',
];
const NATIONAL_DIRECTORATES = [
  'Belastingen',
  'Toeslagen',
  'Douane',
  'Rijkswaterstaat',
  'Uitvoering Werknemersverzekeringen',
  'Sociale Verzekeringen',
  'Immigratie en Naturalisatie',
  'Justitiële Inrichtingen',
  'Rijksvastgoed',
  'Onderwijsuitvoering',
  'Voedsel en Waren',
  'Wegverkeer',
  'Kadaster',
  'Rijksdienst Ondernemend Nederland',
  'Centraal Justitieel Incassobureau',
  'Nationaal Archief',
];
const DEPARTMENT_WORDS = [
  'Publiekszaken',
  'Belastingen',
  'Vergunningen',
  'Toezicht',
  'Groenbeheer',
  'Wegen en Water',
  'Afvalinzameling',
  'Wijkteams',
  'Schuldhulp',
  'Jeugdhulp',
  'Leerplicht',
  'Inkoop',
  'Informatievoorziening',
  'HR-advies',
  'Juridische Zaken',
  'Communicatie',
  'Archief en DIV',
  'Gebiedsontwikkeling',
  'Projectbureau',
  'Subsidies',
  'Sport',
  'Cultuur',
  'Mobiliteit',
  'Parkeren',
  'Handhaving',
  'Klantcontact',
  'Re-integratie',
  'Inkomensondersteuning',
  'Zorg en Welzijn',
  'Financiën',
  'Planning en Control',
  'Data en Analyse',
  'Facilitaire Zaken',
  'Bezwaar en Beroep',
  'Vastgoed',
];
const AREAS = [
  'Noord',
  'Zuid',
  'Oost',
  'West',
  'Centrum',
  'Charlois',
  'Delfshaven',
  'Feijenoord',
  'IJsselmonde',
  'Kralingen',
  'Hillegersberg',
  'Prins Alexander',
  'Overschie',
  'Hoogvliet',
];
const TEAM_WORDS = [
  'Balie',
  'Backoffice',
  'Frontoffice',
  'Advies',
  'Uitvoering',
  'Beleid',
  'Projecten',
  'Regie',
  'Buitendienst',
  'Intake',
  'Kwaliteit',
  'Ondersteuning',
];

/** Split `total` into `parts` counts of at least `min`, sized by log-normal weights. */
function allocate(random: Random, total: number, parts: number, min: number): number[] {
  const counts = new Array<number>(parts).fill(min);
  const weights = counts.map(() => Math.exp(0.6 * random.normal()));
  const sum = weights.reduce((s, w) => s + w, 0);
  let rest = total - parts * min;
  const extra = weights.map((w) => Math.floor((w / sum) * rest));
  extra.forEach((e, i) => (counts[i] += e));
  rest -= extra.reduce((s, e) => s + e, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) counts[i]++;
  return counts;
}

function nameOf(list: readonly string[], index: number): string {
  const round = Math.floor(index / list.length);
  return round === 0 ? list[index] : `${list[index % list.length]} ${round + 1}`;
}

/** A headcount around 11 (3 to 60); about 4% of teams have none recorded. */
function headcount(random: Random): number | null {
  if (random.chance(0.04)) return null;
  return Math.min(60, Math.max(3, Math.round(Math.exp(Math.log(11) + 0.5 * random.normal()))));
}

export function buildOrg(
  spec: SizeSpec,
  random: Random,
  ids: Random,
  shape: OrgShape = 'classic',
): Org {
  const root: Unit = {
    id: ids.uuid(),
    parentId: null,
    kind: 'organisation',
    name: spec.organisation,
    headcount: null,
    archivedDay: null,
  };
  const directorateNames = spec.name === 'city' ? CITY_DIRECTORATES : NATIONAL_DIRECTORATES;
  const directorates: Unit[] = [];
  for (let d = 0; d < spec.directorates; d++) {
    directorates.push({
      id: ids.uuid(),
      parentId: root.id,
      kind: 'directorate',
      name: `${spec.name === 'city' ? 'Cluster' : 'Directie'} ${nameOf(directorateNames, d)}`,
      headcount: null,
      archivedDay: null,
    });
  }
  const departmentsPerDirectorate = allocate(random, spec.departments, spec.directorates, 3);
  const teamsPerDepartment = allocate(random, spec.teams, spec.departments, 3);
  const departments: Org['departments'] = [];
  const teams: Team[] = [];
  const usedNames = new Set<string>();
  directorates.forEach((directorate, d) => {
    for (let k = 0; k < departmentsPerDirectorate[d]; k++) {
      let name = `${random.pick(DEPARTMENT_WORDS)} ${random.pick(AREAS)}`;
      for (let n = 2; usedNames.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
      usedNames.add(name);
      const index = departments.length;
      const department = {
        id: ids.uuid(),
        parentId: directorate.id,
        kind: 'department' as const,
        name,
        headcount: null,
        archivedDay: null,
        directorate: d,
        teams: [] as number[],
      };
      departments.push(department);
      for (let t = 0; t < teamsPerDepartment[index]; t++) {
        department.teams.push(teams.length);
        teams.push({
          id: ids.uuid(),
          parentId: department.id,
          kind: 'team',
          name: `Team ${name} ${nameOf(TEAM_WORDS, t)}`,
          headcount: headcount(random),
          archivedDay: null,
          department: index,
          directorate: d,
        });
      }
    }
  });
  const org: Org = { shape: 'classic', root, directorates, departments, teams };
  return shape === 'five-level' ? fiveLevels(org) : org;
}

/** Departments of at least this many teams get sub-teams in the `five-level` shape. */
const SUB_TEAMS_FROM = 6;

/**
 * Reshapes a classic organisation into five levels without a random draw (see `OrgShape`): the
 * last team of each cluster's first department of 4 teams or more becomes the cluster's management
 * team; in each department of `SUB_TEAMS_FROM` teams or more, its last two teams become sub-teams
 * of its first team (their department stays theirs). Teams keep their order in `Org.teams`, so a
 * parent team is always written before its sub-teams.
 */
function fiveLevels(org: Org): Org {
  org.directorates.forEach((directorate, d) => {
    const department = org.departments.find((p) => p.directorate === d && p.teams.length >= 4);
    if (!department) return;
    const index = department.teams.pop() as number;
    const team = org.teams[index];
    team.parentId = directorate.id;
    team.name = `Managementteam ${directorate.name}`;
    team.managementTeam = true;
  });
  for (const department of org.departments) {
    if (department.teams.length < SUB_TEAMS_FROM) continue;
    const parent = department.teams[0];
    department.teams.slice(-2).forEach((index, k) => {
      const team = org.teams[index];
      team.parentId = org.teams[parent].id;
      team.name = `${org.teams[parent].name} ${k === 0 ? 'Noord' : 'Zuid'}`;
      team.parentTeam = parent;
    });
  }
  return { ...org, shape: 'five-level' };
}

/** One line for the dry run: the tree's depth, its teams by place, and whether it is a valid tree. */
export function treeSummary(org: Org): string {
  const units = [org.root, ...org.directorates, ...org.departments, ...org.teams];
  const levels = {
    names: [
      { nl: 'Cluster', en: 'Cluster' },
      { nl: 'Afdeling', en: 'Department' },
      { nl: 'Team', en: 'Team' },
      { nl: 'Subteam', en: 'Sub-team' },
    ],
    departmentLevel: 2,
  };
  const depth = Math.max(...orgStructure(units, levels).depth.values());
  const management = org.teams.filter((t) => t.managementTeam).length;
  const sub = org.teams.filter((t) => t.parentTeam !== undefined).length;
  const problems = validateOrgTree(units, levels).length;
  return (
    `${org.shape} tree: ${depth} levels below the organisation, ${org.teams.length} teams ` +
    `(${management} management teams, ${sub} sub-teams), ${problems} problems`
  );
}
