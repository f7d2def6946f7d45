/** Mean and standard deviation computed as R's `mean` and `sd` do, so that thresholds agree with R's to rounding. */

/** R's `mean`: the sum divided by n, refined by the mean of the residuals (R's second pass). */
export function mean(values: readonly number[]): number {
  const n = values.length;
  const first = values.reduce((sum, value) => sum + value, 0) / n;
  if (!Number.isFinite(first)) return first;
  return first + values.reduce((sum, value) => sum + (value - first), 0) / n;
}

/** R's `sd`: the sample standard deviation (divisor n − 1); NaN for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const centre = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (n - 1));
}
