/** Every indicator computable from the registers, for a county and each of its townships, for one year. */
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { AccessError } from '../../access/errors.js';
import { orgUnit } from '../../schema.js';
import type { ComputedIndicator, IndicatorSpec, OrgUnitLevel } from './computed-indicator.js';
import { emptyTotals, readRegisterTotals } from './register-totals.js';
import type { UnitTotals } from './register-totals.js';
import { RESOURCE_INDICATORS } from './resource-indicators.js';
import { SERVICE_INDICATORS } from './service-indicators.js';
import type { ServiceInputs } from './service-indicators.js';
import { emptyServiceTotals, readServiceTotals } from './service-totals.js';
import { VITAL_INDICATORS } from './vital-indicators.js';

export const REGISTER_INDICATORS: readonly IndicatorSpec<UnitTotals>[] = [...VITAL_INDICATORS, ...RESOURCE_INDICATORS];

/** Every indicator computeIndicators gives, in its order within a unit: registers, then services. */
export const COMPUTED_INDICATORS: readonly Pick<IndicatorSpec<unknown>, 'code' | 'name' | 'unit'>[] = [
  ...REGISTER_INDICATORS,
  ...SERVICE_INDICATORS,
];

/** One unit's rows of the specs. */
function rowsOf<Totals>(
  specs: readonly IndicatorSpec<Totals>[],
  totals: Totals,
  level: OrgUnitLevel,
  unit: { code: string; name: string }
): ComputedIndicator[] {
  return specs.flatMap((spec): ComputedIndicator[] => {
    const result = spec.compute(totals, level);
    if (result === null) return [];
    const { value, numerator, denominator, ...details } = result;
    const base = { code: spec.code, name: spec.name, orgUnit: unit.code, orgUnitName: unit.name };
    return [{ ...base, value, numerator, denominator, unit: spec.unit, ...details }];
  });
}

/**
 * The county first, then its townships by code; for each, the indicators in the order of
 * `COMPUTED_INDICATORS`. Twelve queries in all, whatever the number of townships and residents.
 */
export async function computeIndicators(db: Db, countyCode: string, year: number): Promise<ComputedIndicator[]> {
  const units = await db
    .select({ code: orgUnit.code, name: orgUnit.name, level: orgUnit.level })
    .from(orgUnit)
    .where(or(eq(orgUnit.code, countyCode), and(eq(orgUnit.countyCode, countyCode), eq(orgUnit.level, 4))))
    .orderBy(asc(orgUnit.level), asc(orgUnit.code));
  if (units[0]?.code !== countyCode) {
    throw new AccessError(
      'not_found',
      'county_not_installed',
      `县（区）${countyCode} 尚未添加到平台，请先添加该县（区）`
    );
  }
  const [totals, services] = await Promise.all([
    readRegisterTotals(db, countyCode, year),
    readServiceTotals(db, countyCode, year),
  ]);
  return units.flatMap((unit) => {
    const level: OrgUnitLevel = unit.code === countyCode ? 'county' : 'township';
    const unitTotals = totals.get(unit.code) ?? emptyTotals(year);
    const serviceInputs: ServiceInputs = {
      services: services.get(unit.code) ?? emptyServiceTotals(),
      population: unitTotals.population,
    };
    return [
      ...rowsOf(REGISTER_INDICATORS, unitTotals, level, unit),
      ...rowsOf(SERVICE_INDICATORS, serviceInputs, level, unit),
    ];
  });
}
