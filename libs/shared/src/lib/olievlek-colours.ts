import type { StageDto } from './cases';

/**
 * A calm sequential blue scale (ColorBrewer "Blues"): one hue rising in darkness, so it reads
 * the same for every kind of colour blindness and in greyscale. The text colour keeps at least
 * 4.5:1 contrast on each fill. The stage name is always written next to it as well.
 */
export const STAGE_COLOURS: Record<StageDto, { fill: string; text: string }> = {
  'not-reached': { fill: '#efefef', text: '#1a1a1a' },
  intake: { fill: '#c6dbef', text: '#1a1a1a' },
  experimenting: { fill: '#6baed6', text: '#0b1f33' },
  practising: { fill: '#2171b5', text: '#ffffff' },
  spreading: { fill: '#08306b', text: '#ffffff' },
};

/**
 * Units on the map when the teams are left out (above MAP_TEAMS_MAX): filled by their share of
 * reached teams in five steps of 20 %, the same blues as the stages (light: few reached, dark:
 * most), so the map reads the same way in both modes. Text colours keep 4.5:1 on each fill.
 */
export const REACH_COLOURS: ReadonlyArray<{
  from: number;
  to: number;
  fill: string;
  text: string;
}> = [
  { from: 0, to: 19, fill: '#eff3ff', text: '#1a1a1a' },
  { from: 20, to: 39, fill: '#c6dbef', text: '#1a1a1a' },
  { from: 40, to: 59, fill: '#6baed6', text: '#0b1f33' },
  { from: 60, to: 79, fill: '#2171b5', text: '#ffffff' },
  { from: 80, to: 100, fill: '#08306b', text: '#ffffff' },
];

/** The step of REACH_COLOURS for a share in whole percents (0–100). */
export function reachStep(percent: number): (typeof REACH_COLOURS)[number] {
  return REACH_COLOURS[Math.min(REACH_COLOURS.length - 1, Math.max(0, Math.floor(percent / 20)))];
}
