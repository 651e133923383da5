/** The two synthetic organisations (issue 6): a large municipality and a national programme. */
export type SizeName = 'city' | 'national';

export interface SizeSpec {
  name: SizeName;
  organisation: string;
  teams: number;
  directorates: number;
  departments: number;
  /** Years of history, ending at `until`. */
  years: number;
  /** Share of teams the programme can reach at all (the rest never opens a case). */
  reachable: number;
  /** The S-curve: a department's wave starts around `waveMean` (a fraction of the history) … */
  waveMean: number;
  /** … spread by `waveSpread` between departments and `teamSpread` between teams of one. */
  waveSpread: number;
  teamSpread: number;
  /** Mean number of agreements an engaged team keeps running at once: drives the check-off volume. */
  appetite: number;
  /** Days between a team's new steps while it builds up to its appetite. */
  stepGap: readonly [number, number];
  /** Shares of reluctant (rate 0.2–0.55) and keen (0.85–0.97) teams; the rest are in between. */
  reluctant: number;
  keen: number;
  /** Chance that a well-kept step (≥ 72% done) gets marked adopted. */
  adoption: number;
  /** Scales the chance that a step is dropped (the worse kept, the likelier). */
  dropping: number;
  /** Chance that a team taking up a practice learned it from a team in its department / elsewhere. */
  spreadNear: number;
  spreadFar: number;
  /** Teams per ambassador. */
  teamsPerAmbassador: number;
  /** The volume the brief asks for, to print next to what was made. */
  targetCheckOffs: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  // ≈ Rotterdam: ~9 clusters, ~130 departments, 2,000 teams; three years of programme.
  city: {
    name: 'city',
    organisation: 'Gemeente Synthstad',
    teams: 2_000,
    directorates: 9,
    departments: 130,
    years: 3,
    reachable: 0.93,
    waveMean: 0.3,
    waveSpread: 0.22,
    teamSpread: 0.1,
    appetite: 24,
    stepGap: [5, 21],
    reluctant: 0.35,
    keen: 0.2,
    adoption: 0.5,
    dropping: 0.25,
    spreadNear: 0.03,
    spreadFar: 0.01,
    teamsPerAmbassador: 25,
    targetCheckOffs: 1_500_000,
  },
  // A national organisation: 20,000 teams, one year of a programme that spreads fast.
  national: {
    name: 'national',
    organisation: 'Rijksdienst Synthland',
    teams: 20_000,
    directorates: 40,
    departments: 1_300,
    years: 1,
    reachable: 0.95,
    waveMean: 0.12,
    waveSpread: 0.2,
    teamSpread: 0.08,
    appetite: 26,
    stepGap: [2, 8],
    reluctant: 0.35,
    keen: 0.2,
    adoption: 0.5,
    dropping: 0.6,
    spreadNear: 0.03,
    spreadFar: 0.01,
    teamsPerAmbassador: 25,
    targetCheckOffs: 5_200_000,
  },
};

export function sizeSpec(name: string): SizeSpec {
  if (name !== 'city' && name !== 'national') {
    throw new Error(`Unknown size "${name}": use city or national.`);
  }
  return SIZES[name];
}
