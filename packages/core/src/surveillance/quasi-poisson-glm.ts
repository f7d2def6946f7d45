/**
 * A quasi-Poisson GLM with log link fitted by iteratively reweighted least squares, reproducing R's `glm.fit`:
 * start μ = y + 0.1, convergence when |dev − dev_old| / (|dev| + 0.1) < 1e-8 within 25 iterations, step halving on
 * an infinite deviance. Like R, the covariance (and so standard errors and hat values) uses the working weights
 * from the start of the last iteration while the fitted values are the final ones.
 */

const EPSILON = 1e-8;

/** R's log link: the inverse (and its derivative) is exp(η) floored at the machine epsilon. */
export function inverseLogLink(eta: number): number {
  return Math.max(Math.exp(eta), Number.EPSILON);
}
const MAX_ITERATIONS = 25;

export interface GlmFit {
  readonly converged: boolean;
  readonly coefficients: Float64Array;
  /** Final fitted means μ. */
  readonly fitted: Float64Array;
  /** (X'WX)⁻¹, row-major p × p, with R's working weights W. */
  readonly unscaledCovariance: Float64Array;
  /** R's working weights: prior weight × μ at the start of the last iteration. */
  readonly workingWeights: Float64Array;
  /** summary.glm's dispersion: Σ w·((y − μ)/μ)² / df (NaN when df = 0). */
  readonly dispersion: number;
  readonly dfResidual: number;
}

/** The design matrix, row-major n × p. */
export interface Design {
  readonly rows: number;
  readonly columns: number;
  readonly x: Float64Array;
}

function deviance(y: ArrayLike<number>, mu: Float64Array, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < mu.length; i++) {
    const yi = y[i] ?? 0;
    const mi = mu[i] ?? 0;
    sum += 2 * (weights[i] ?? 0) * ((yi === 0 ? 0 : yi * Math.log(yi / mi)) - (yi - mi));
  }
  return sum;
}

/** In-place inverse of a symmetric positive-definite matrix by Cholesky; false when it is not positive definite. */
function invertSymmetric(a: Float64Array, p: number): boolean {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j] ?? 0;
    for (let k = 0; k < j; k++) diagonal -= (l[j * p + k] ?? 0) ** 2;
    if (!(diagonal > 0)) return false;
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let value = a[i * p + j] ?? 0;
      for (let k = 0; k < j; k++) value -= (l[i * p + k] ?? 0) * (l[j * p + k] ?? 0);
      l[i * p + j] = value / root;
    }
  }
  // L⁻¹ (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const inverse = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inverse[j * p + j] = 1 / (l[j * p + j] ?? 1);
    for (let i = j + 1; i < p; i++) {
      let value = 0;
      for (let k = j; k < i; k++) value -= (l[i * p + k] ?? 0) * (inverse[k * p + j] ?? 0);
      inverse[i * p + j] = value / (l[i * p + i] ?? 1);
    }
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let value = 0;
      for (let k = i; k < p; k++) value += (inverse[k * p + i] ?? 0) * (inverse[k * p + j] ?? 0);
      a[i * p + j] = value;
      a[j * p + i] = value;
    }
  }
  return true;
}

/** Fits log E[y] = Xβ with prior weights (all 1 when absent). */
export function fitQuasiPoisson(design: Design, y: ArrayLike<number>, priorWeights?: ArrayLike<number>): GlmFit {
  const { rows: n, columns: p, x } = design;
  const weights = priorWeights ?? new Float64Array(n).fill(1);
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] ?? 0) + 0.1;
    eta[i] = Math.log(mu[i] ?? 0);
  }
  let devold = deviance(y, mu, weights);
  const coefficients = new Float64Array(p);
  let previous: Float64Array | undefined;
  const working = new Float64Array(n);
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  let converged = false;
  let invertible = true;
  for (let iteration = 1; iteration <= MAX_ITERATIONS && !converged; iteration++) {
    xtwx.fill(0);
    xtwz.fill(0);
    for (let i = 0; i < n; i++) {
      const m = mu[i] ?? 0;
      const w = (weights[i] ?? 0) * m;
      working[i] = w;
      if (!(w > 0)) continue;
      const z = (eta[i] ?? 0) + ((y[i] ?? 0) - m) / m;
      for (let r = 0; r < p; r++) {
        const xr = (x[i * p + r] ?? 0) * w;
        xtwz[r] = (xtwz[r] ?? 0) + xr * z;
        for (let c = 0; c <= r; c++) xtwx[r * p + c] = (xtwx[r * p + c] ?? 0) + xr * (x[i * p + c] ?? 0);
      }
    }
    for (let r = 0; r < p; r++) for (let c = r + 1; c < p; c++) xtwx[r * p + c] = xtwx[c * p + r] ?? 0;
    if (!invertSymmetric(xtwx, p)) {
      invertible = false;
      break;
    }
    for (let r = 0; r < p; r++) {
      let value = 0;
      for (let c = 0; c < p; c++) value += (xtwx[r * p + c] ?? 0) * (xtwz[c] ?? 0);
      coefficients[r] = value;
    }
    let dev = updateMeans(design, coefficients, eta, mu, y, weights);
    // R halves the step towards the previous coefficients while the deviance or the means are invalid.
    for (let halving = 0; !(Number.isFinite(dev) && mu.every((m) => m > 0 && Number.isFinite(m))); halving++) {
      if (previous === undefined || halving >= MAX_ITERATIONS) return failed(design, weights);
      for (let r = 0; r < p; r++) coefficients[r] = ((coefficients[r] ?? 0) + (previous[r] ?? 0)) / 2;
      dev = updateMeans(design, coefficients, eta, mu, y, weights);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < EPSILON) converged = true;
    else {
      devold = dev;
      previous = Float64Array.from(coefficients);
    }
  }
  if (!invertible) return failed(design, weights);
  let sum = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    if (!((weights[i] ?? 0) > 0)) continue;
    used++;
    const m = mu[i] ?? 0;
    const residual = ((y[i] ?? 0) - m) / m;
    sum += (working[i] ?? 0) * residual * residual;
  }
  const dfResidual = used - p;
  return {
    converged,
    coefficients,
    fitted: mu,
    unscaledCovariance: xtwx,
    workingWeights: working,
    dispersion: dfResidual > 0 ? sum / dfResidual : Number.NaN,
    dfResidual,
  };
}

function updateMeans(
  design: Design,
  coefficients: Float64Array,
  eta: Float64Array,
  mu: Float64Array,
  y: ArrayLike<number>,
  weights: ArrayLike<number>
): number {
  const { rows: n, columns: p, x } = design;
  for (let i = 0; i < n; i++) {
    let value = 0;
    for (let c = 0; c < p; c++) value += (x[i * p + c] ?? 0) * (coefficients[c] ?? 0);
    eta[i] = value;
    mu[i] = inverseLogLink(value);
  }
  return deviance(y, mu, weights);
}

function failed(design: Design, weights: ArrayLike<number>): GlmFit {
  const p = design.columns;
  return {
    converged: false,
    coefficients: new Float64Array(p).fill(Number.NaN),
    fitted: new Float64Array(design.rows).fill(Number.NaN),
    unscaledCovariance: new Float64Array(p * p).fill(Number.NaN),
    workingWeights: Float64Array.from({ length: design.rows }, (_, i) => weights[i] ?? 0),
    dispersion: Number.NaN,
    dfResidual: design.rows - p,
  };
}

/** x₀'Cx₀ for a row x₀ and the unscaled covariance C: the variance of the linear predictor over the dispersion. */
export function quadraticForm(fit: GlmFit, row: ArrayLike<number>): number {
  const p = fit.coefficients.length;
  let sum = 0;
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < p; c++) sum += (row[r] ?? 0) * (fit.unscaledCovariance[r * p + c] ?? 0) * (row[c] ?? 0);
  }
  return sum;
}

/** The leverages (R's hatvalues): w_i · x_i'Cx_i. */
export function hatValues(fit: GlmFit, design: Design): Float64Array {
  const { rows: n, columns: p, x } = design;
  const hat = new Float64Array(n);
  for (let i = 0; i < n; i++)
    hat[i] = (fit.workingWeights[i] ?? 0) * quadraticForm(fit, x.subarray(i * p, (i + 1) * p));
  return hat;
}
