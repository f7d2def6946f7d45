/**
 * The counts behind the basic public-health service indicators of a county for one year, by org unit: four
 * set-based queries (the residents' records, contracts and checks, programme management, maternal care,
 * immunisation) run together, each grouped by ROLLUP of the resident's township so that the total row is
 * the county.
 */
import type { VaccineCode } from '@chp/core';
import type { Db } from '../../connection.js';
import { readImmunisationCoverage } from './immunisation-coverage.js';
import type { ImmunisationCounts } from './immunisation-coverage.js';
import { readMaternalManagement } from './maternal-management.js';
import type { MaternalCounts } from './maternal-management.js';
import { MANAGED_PROGRAMS, readProgrammeManagement } from './programme-management.js';
import type { ManagedProgram, ManagementCounts } from './programme-management.js';
import { readResidentServices } from './resident-services.js';
import type { ResidentServiceCounts } from './resident-services.js';
import { rollupUnit } from './rollup-unit.js';
import type { RollupRow } from './rollup-unit.js';
import { serviceYear } from './service-sql.js';

export interface ServiceTotals extends ResidentServiceCounts, MaternalCounts, ImmunisationCounts {
  management: Record<ManagedProgram, ManagementCounts>;
  /** Doses due and given by vaccine; a vaccine with no dose due in the year is absent. */
  byVaccine: Map<VaccineCode, ImmunisationCounts>;
}

export function emptyServiceTotals(): ServiceTotals {
  const management = Object.fromEntries(
    MANAGED_PROGRAMS.map((program) => [program, { managed: 0, managedToNorm: 0, controlled: 0 }])
  ) as Record<ManagedProgram, ManagementCounts>;
  return {
    residents: 0,
    recorded: 0,
    contracted: 0,
    keyPopulation: 0,
    keyPopulationContracted: 0,
    elderly: 0,
    elderlyChecked: 0,
    children: 0,
    childrenVisited: 0,
    infants: 0,
    infantsManaged: 0,
    management,
    deliveries: 0,
    deliveriesManaged: 0,
    dosesDue: 0,
    dosesGiven: 0,
    byVaccine: new Map(),
  };
}

/** Every service count of the county and its townships (those with any resident) for the year. */
export async function readServiceTotals(db: Db, countyCode: string, year: number): Promise<Map<string, ServiceTotals>> {
  const bounds = serviceYear(year);
  const [residents, management, maternal, immunisation] = await Promise.all([
    readResidentServices(db, countyCode, bounds),
    readProgrammeManagement(db, countyCode, bounds),
    readMaternalManagement(db, countyCode, bounds),
    readImmunisationCoverage(db, countyCode, bounds),
  ]);
  const totals = new Map<string, ServiceTotals>();
  const unitOf = (row: RollupRow): ServiceTotals | null => {
    const key = rollupUnit(row, countyCode);
    if (key === null) return null;
    let unit = totals.get(key);
    if (unit === undefined) {
      unit = emptyServiceTotals();
      totals.set(key, unit);
    }
    return unit;
  };
  for (const { unit: code, isTotal, ...counts } of [...residents, ...maternal]) {
    const unit = unitOf({ unit: code, isTotal });
    if (unit) Object.assign(unit, counts);
  }
  for (const { unit: code, isTotal, management: counts } of management) {
    const unit = unitOf({ unit: code, isTotal });
    if (unit) unit.management = counts;
  }
  for (const { unit: code, isTotal, vaccine, allVaccines, ...counts } of immunisation) {
    const unit = unitOf({ unit: code, isTotal });
    if (unit === null) continue;
    if (allVaccines === 1) Object.assign(unit, counts);
    else if (vaccine !== null) unit.byVaccine.set(vaccine, counts);
  }
  return totals;
}
