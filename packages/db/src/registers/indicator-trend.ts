/** One register indicator over a range of years, for the county and each township (the township views' trend). */
import type { ComputedTrendPoint, ComputedTrendResponse } from '@chp/core';
import type { Db } from '../connection.js';
import { AccessError } from '../access/errors.js';
import { COMPUTED_INDICATORS, computeIndicators } from './compute/compute-indicators.js';

/**
 * `computeIndicators` for each year from `from` to `to`, kept to one indicator: twelve queries a year,
 * so a plan period costs a few dozen indexed queries. Org units in the order computeIndicators gives.
 */
export async function computeIndicatorTrend(
  db: Db,
  countyCode: string,
  indicatorCode: string,
  from: number,
  to: number
): Promise<ComputedTrendResponse> {
  const spec = COMPUTED_INDICATORS.find((s) => s.code === indicatorCode);
  if (!spec) {
    const known = COMPUTED_INDICATORS.map((s) => s.code).join('、');
    throw new AccessError('invalid', 'unknown_indicator', `没有代码为“${indicatorCode}”的登记数据指标；可用：${known}`);
  }
  const years = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const perYear = await Promise.all(years.map((year) => computeIndicators(db, countyCode, year)));
  const orgUnits = new Map<string, { orgUnit: string; orgUnitName: string; points: ComputedTrendPoint[] }>();
  perYear.forEach((rows, index) => {
    const year = years[index] ?? from;
    for (const row of rows) {
      if (row.code !== indicatorCode) continue;
      const unit = orgUnits.get(row.orgUnit) ?? { orgUnit: row.orgUnit, orgUnitName: row.orgUnitName, points: [] };
      const { value, numerator, denominator, warnings } = row;
      unit.points.push({ year, value, numerator, denominator, ...(warnings ? { warnings } : {}) });
      orgUnits.set(row.orgUnit, unit);
    }
  });
  return { code: spec.code, name: spec.name, unit: spec.unit, years, orgUnits: [...orgUnits.values()] };
}
