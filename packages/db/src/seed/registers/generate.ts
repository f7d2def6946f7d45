/**
 * A reproducible synthetic register for one county: population aggregates, births, deaths, facilities,
 * beds, health workers and childcare places (issue 3, item 7). The same seed gives the same rows.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { batches } from '../../org-units/upsert.js';
import {
  childcarePlaces,
  death,
  facility,
  facilityBeds,
  healthWorker,
  liveBirth,
  orgUnit,
  populationAggregate,
} from '../../schema.js';
import { deriveSeed, mulberry32 } from '../random.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { readCountyFigures } from './county-figures.js';
import { planFacilities } from './facilities-plan.js';
import { syntheticPopulation } from './population.js';
import { syntheticResources } from './resources.js';
import { syntheticEvents } from './vital-events.js';

export interface RegisterDemoOptions {
  countyCode: string;
  residents: number;
  seed: number;
  years: { from: number; to: number };
}

export interface RegisterDemoCounts {
  /** Resident population of the first year (equals `residents`). */
  population: number;
  /** Live-birth and death records written. */
  births: number;
  deaths: number;
  /** Facility records, village clinics and childcare institutions included. */
  facilities: number;
  /** 实有 beds (all facilities, 'total' department) in the last year. */
  beds: number;
  /** Health-worker employment spells (one per person). */
  workers: number;
  /** 托位 in the last year. */
  childcare: number;
}

/** Thrown for options that cannot be generated and for a county that is not ready; messages in Chinese. */
export class RegisterDemoError extends Error {}

function checkOptions(options: RegisterDemoOptions): void {
  const { residents, years, seed } = options;
  if (!Number.isInteger(residents) || residents < 100 || residents > 10_000_000) {
    throw new RegisterDemoError(`常住人口数“${String(residents)}”无效：应为 100 至 10000000 之间的整数`);
  }
  if (!Number.isInteger(seed)) throw new RegisterDemoError(`随机种子“${String(seed)}”无效：应为整数`);
  if (
    !Number.isInteger(years.from) ||
    !Number.isInteger(years.to) ||
    years.from > years.to ||
    years.from < 1950 ||
    years.to > 2100
  ) {
    throw new RegisterDemoError(`年份范围 ${String(years.from)}–${String(years.to)} 无效：起始年份不应晚于结束年份`);
  }
}

/**
 * Generates the county's registers. The county's org units must be loaded (addCounty); a county whose
 * registers already hold data is refused, so nothing is mixed with real records.
 */
export async function generateRegisterDemo(db: Db, options: RegisterDemoOptions): Promise<RegisterDemoCounts> {
  checkOptions(options);
  const { countyCode, residents } = options;
  const years = Array.from(
    { length: options.years.to - options.years.from + 1 },
    (_, index) => options.years.from + index
  );
  const units = await db
    .select({ code: orgUnit.code, name: orgUnit.name, level: orgUnit.level, parentCode: orgUnit.parentCode })
    .from(orgUnit)
    .where(eq(orgUnit.countyCode, countyCode))
    .orderBy(asc(orgUnit.code));
  const county = units.find((unit) => unit.level === 3);
  const townships = units.filter((unit) => unit.level === 4);
  if (county === undefined || townships.length === 0) {
    throw new RegisterDemoError(`县（区）${countyCode} 尚未载入乡镇（街道），请先添加该县（区）`);
  }
  const villages = units
    .filter((unit) => unit.level === 5)
    .map((unit) => ({ code: unit.code, name: unit.name, townshipCode: unit.parentCode ?? countyCode }));

  return db.transaction(async (tx) => {
    for (const table of [populationAggregate, liveBirth, death, facility] as const) {
      const [row] = await tx
        .select({ n: count() })
        .from(table)
        .where(and(eq(table.countyCode, countyCode)));
      if ((row?.n ?? 0) > 0) {
        throw new RegisterDemoError(`县（区）${countyCode} 的登记数据已存在，演示数据只能生成到空的登记库中`);
      }
    }
    const figures = readCountyFigures(countyCode);
    const random = mulberry32(deriveSeed(options.seed, `registers:${countyCode}`));
    const population = syntheticPopulation(random, countyCode, townships, residents, years);
    const events = syntheticEvents(random, countyCode, population.resident, years);
    const firstYear = years[0] ?? options.years.from;
    const firstYearResidents = new Map<string, number>();
    const yearResidents = years.map(() => 0);
    for (const cell of population.resident) {
      yearResidents[cell.year - firstYear] = (yearResidents[cell.year - firstYear] ?? 0) + cell.count;
      if (cell.year === firstYear) {
        firstYearResidents.set(cell.township, (firstYearResidents.get(cell.township) ?? 0) + cell.count);
      }
    }
    const townshipResidents = townships.map((township) => firstYearResidents.get(township.code) ?? 0);
    const planned = planFacilities(random, {
      countyCode,
      countyName: county.name,
      townships,
      townshipResidents,
      villages,
      residents,
      firstYear,
      figures,
    });
    const ids: number[] = [];
    for (const batch of batches(planned)) {
      const rows = await tx
        .insert(facility)
        .values(batch.map((plannedFacility) => ({ ...plannedFacility.input, countyCode })))
        .returning({ id: facility.id });
      ids.push(...rows.map((row) => row.id));
    }
    const resources = syntheticResources(random, countyCode, planned, ids, yearResidents, years, figures);
    await insertRows(tx, populationAggregate, population.rows);
    await insertRows(tx, liveBirth, events.births);
    await insertRows(tx, death, events.deaths);
    await insertRows(tx, facilityBeds, resources.beds);
    await insertRows(tx, healthWorker, resources.workers);
    await insertRows(tx, childcarePlaces, resources.childcare);
    const lastYear = years[years.length - 1];
    return {
      population: residents,
      births: events.births.length,
      deaths: events.deaths.length,
      facilities: planned.length,
      beds: resources.beds
        .filter((row) => row.year === lastYear && row.department === 'total')
        .reduce((sum, row) => sum + (row.actual ?? 0), 0),
      workers: resources.workers.length,
      childcare: resources.childcare.filter((row) => row.year === lastYear).reduce((sum, row) => sum + row.places, 0),
    };
  });
}
