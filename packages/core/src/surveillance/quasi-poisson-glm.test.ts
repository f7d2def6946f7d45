import { describe, expect, it } from 'vitest';
import { fitQuasiPoisson, hatValues } from './quasi-poisson-glm.js';

describe('fitQuasiPoisson', () => {
  // R: glm(y ~ x, family = quasipoisson, data = data.frame(y = c(3, 5, 2, 8, 6, 9, 12, 7), x = 1:8))
  const y = [3, 5, 2, 8, 6, 9, 12, 7];
  const design = { rows: 8, columns: 2, x: Float64Array.from(y.flatMap((_, i) => [1, i + 1])) };
  const fit = fitQuasiPoisson(design, y);

  it('matches R glm: coefficients, dispersion, covariance and hat values', () => {
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(1.1173174058441466, 10);
    expect(fit.coefficients[1]).toBeCloseTo(0.15400212969383295, 10);
    expect(fit.dispersion).toBeCloseTo(0.8909813002982879, 10);
    expect(fit.dfResidual).toBe(6);
    expect(fit.unscaledCovariance[0]).toBeCloseTo(0.12970502248588373, 10);
    expect(fit.unscaledCovariance[1]).toBeCloseTo(-0.02088968581940204, 10);
    expect(fit.unscaledCovariance[3]).toBeCloseTo(0.003950050602889178, 10);
    const hat = hatValues(fit, design);
    expect(hat[0]).toBeCloseTo(0.3275885190583651, 10);
    expect(hat[7]).toBeCloseTo(0.5058363572585806, 10);
  });

  it('reports a singular design as not converged', () => {
    const singular = { rows: 3, columns: 2, x: Float64Array.from([1, 1, 1, 1, 1, 1]) };
    expect(fitQuasiPoisson(singular, [1, 2, 3]).converged).toBe(false);
  });
});
