/**
 * Dutch alphabetical order, for sorting names. One shared collator: `localeCompare(b, 'nl')`
 * builds a new one on every comparison, which made sorting the 2,000 units of a large
 * organisation cost ~20 ms instead of ~4.
 */
export const byDutch: (a: string, b: string) => number = new Intl.Collator('nl').compare;
