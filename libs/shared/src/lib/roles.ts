/** The four roles of docs/design.md. A user may hold several. */
export const ROLES = ['admin', 'ambassador', 'team', 'director'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
