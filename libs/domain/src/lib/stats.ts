/**
 * A share or a mean that keeps its parts, so a screen can explain it ("12 of 40 teams").
 * `value` is `numerator / denominator`; a fraction never has a zero denominator — where there is
 * nothing to divide by, the figure is `null` instead of NaN.
 */
export interface Fraction {
  numerator: number;
  denominator: number;
  value: number;
}

/** `numerator / denominator` with its parts, or null when the denominator is 0 (nothing to count). */
export function fraction(numerator: number, denominator: number): Fraction | null {
  return denominator > 0 ? { numerator, denominator, value: numerator / denominator } : null;
}

/** The median (mean of the two middle values for an even count), or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Mean and population standard deviation (divided by n, not n − 1: the values are the whole
 * organisation, not a sample of it). Null for no values.
 */
export function meanAndDeviation(values: readonly number[]): { mean: number; sd: number } | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}
