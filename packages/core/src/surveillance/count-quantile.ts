/**
 * Quantiles of the Poisson and negative binomial distributions, R's `qpois(p, lambda)` and `qnbinom(p, size, prob)`:
 * the smallest count whose distribution function reaches p. The probabilities are summed relative to the mode and
 * normalised by their total, so no gamma function (and no underflow for large means) is involved.
 */

/** R's fuzz that keeps the quantile left-continuous against rounding in the summed probabilities. */
const FUZZ = 1 - 64 * Number.EPSILON;
/** Terms below this fraction of the running total no longer change a double sum. */
const NEGLIGIBLE = 1e-20;

/** `ratio(k)` is P(k+1) / P(k), decreasing in k; `mode` is a count of highest probability. */
function discreteQuantile(p: number, mode: number, ratio: (k: number) => number): number {
  const below: number[] = [];
  let total = 1;
  let term = 1;
  for (let k = mode - 1; k >= 0; k--) {
    term /= ratio(k);
    below.push(term);
    total += term;
    if (term < NEGLIGIBLE * total) break;
  }
  const above: number[] = [];
  term = 1;
  for (let k = mode; ; k++) {
    term *= ratio(k);
    if (!(term >= NEGLIGIBLE * total)) break;
    above.push(term);
    total += term;
  }
  const target = p * FUZZ * total;
  let cumulative = 0;
  const lowest = mode - below.length;
  for (let i = below.length - 1; i >= 0; i--) {
    cumulative += below[i] ?? 0;
    if (cumulative >= target) return lowest + (below.length - 1 - i);
  }
  cumulative += 1;
  if (cumulative >= target) return mode;
  for (let i = 0; i < above.length; i++) {
    cumulative += above[i] ?? 0;
    if (cumulative >= target) return mode + i + 1;
  }
  return mode + above.length;
}

function checkedProbability(p: number): boolean {
  return p >= 0 && p <= 1;
}

export function poissonQuantile(p: number, lambda: number): number {
  if (!checkedProbability(p) || !(lambda >= 0) || !Number.isFinite(lambda)) return Number.NaN;
  if (lambda === 0 || p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return discreteQuantile(p, Math.floor(lambda), (k) => lambda / (k + 1));
}

/** The number of failures before `size` successes of probability `prob` (R's parametrisation). */
export function negativeBinomialQuantile(p: number, size: number, prob: number): number {
  if (!checkedProbability(p) || !(size > 0) || !Number.isFinite(size) || !(prob > 0 && prob <= 1)) return Number.NaN;
  if (prob === 1 || p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const mode = size > 1 ? Math.floor(((size - 1) * (1 - prob)) / prob) : 0;
  return discreteQuantile(p, mode, (k) => ((size + k) / (k + 1)) * (1 - prob));
}
