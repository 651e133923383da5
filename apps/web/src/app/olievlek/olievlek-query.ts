/**
 * The olievlek view's state lives in its address, so a reload, Back and a copied link all show
 * the same view: `?unitId=` (the unit; written in once the view knows it, so a colleague gets
 * the same unit and not the top of their own scope), `?date=` (the month end the slider stands
 * on; absent means today) and `?tab=` (the open tab; absent means the map). The server checks
 * the unit against the reader's scope on every request.
 */

/** The tabs of the view, the default first. */
export const OLIEVLEK_TABS = ['map', 'trend', 'spread'] as const;
export type OlievlekTab = (typeof OLIEVLEK_TABS)[number];

/** An unknown or absent `?tab=` opens the map rather than an empty page. */
export function tabOf(value: string | null | undefined): OlievlekTab {
  return (OLIEVLEK_TABS as readonly string[]).includes(value ?? '')
    ? (value as OlievlekTab)
    : OLIEVLEK_TABS[0];
}

/** The default tab is left out of the address: `/olievlek` and `?tab=map` are one view. */
export function tabParam(tab: OlievlekTab): OlievlekTab | null {
  return tab === OLIEVLEK_TABS[0] ? null : tab;
}

/**
 * Where the slider stands for a date from the address: the first month end on or after it;
 * today (the last position) without a date or after the last month end.
 */
export function sliderIndex(months: readonly string[], date: string | null | undefined): number {
  const last = Math.max(0, months.length - 1);
  if (!date) return last;
  const i = months.findIndex((end) => end >= date);
  return i < 0 ? last : i;
}

/** The `?date=` for a slider position: none for the last one (today), else its month end. */
export function dateParam(months: readonly string[], index: number): string | null {
  return months.length === 0 || index >= months.length - 1 ? null : months[Math.max(0, index)];
}
