/** Timestamps are stored as ISO-8601 UTC strings: portable, sortable, no time-zone surprises. */
export const nowIso = (): string => new Date().toISOString();

export const isoMinus = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) - ms).toISOString();
export const isoPlus = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString();
