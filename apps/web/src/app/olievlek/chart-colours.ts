/** Stalled teams, signals and cross-department links: a dark orange that stands apart from the blues. */
export const ALERT_COLOUR = '#b45309';
export const NEUTRAL_LINE = '#6b6b6b';
