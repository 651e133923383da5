/**
 * Array helpers for lists of any length. Spreading an array into a call (`xs.push(...ys)`,
 * `Math.max(...ys)`) puts every element on the call stack: past roughly 100,000 elements that
 * throws `RangeError: Maximum call stack size exceeded` (issue 19: a city's check-offs did).
 * These loop instead.
 */

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max: number | undefined;
  for (const v of values) if (max === undefined || v > max) max = v;
  return max ?? empty;
}

/** The smallest value, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min: number | undefined;
  for (const v of values) if (min === undefined || v < min) min = v;
  return min ?? empty;
}
