/** Helpers for the synthetic county's tests: a county from the division data alone, and all rows at once. */
import { readTownships, readVillages } from '../../org-units/china-division.js';
import { testIdCipher } from '../../testing.js';
import { mulberry32 } from '../random.js';
import { modelResidentCells } from './cells.js';
import type { HealthCounty } from './county.js';
import { healthRecordBatches } from './produce.js';
import type { HealthRecordPlan } from './produce.js';
import { HEALTH_TABLE_NAMES, ID_TABLES, appendRows, emptyBatch } from './rows.js';
import type { HealthRowBatch } from './rows.js';

/** A county with its townships and villages, a health centre per township and one hospital, without a database. */
export async function divisionCounty(countyCode: string, countyName: string): Promise<HealthCounty> {
  const townships = (await readTownships(countyCode)).map(({ code, name }) => ({ code, name }));
  const villages = (await readVillages(countyCode)).map(({ code, name, townshipCode }) => ({
    code,
    name,
    townshipCode,
  }));
  return {
    countyCode,
    countyName,
    townships,
    villages,
    facilities: {
      centres: new Map(townships.map((township, index) => [township.code, 100 + index])),
      clinics: new Map(villages.map((village, index) => [village.code, 1000 + index])),
      hospital: 1,
      maternalChild: 2,
    },
  };
}

/** A plan of `residents` residents of the model's population, ids from 1. */
export function testPlan(
  county: HealthCounty,
  residents: number,
  seed: number,
  years: { from: number; to: number }
): HealthRecordPlan {
  const cells = modelResidentCells(mulberry32(seed), county.countyCode, county.townships, residents, years.to);
  const idBases = Object.fromEntries(ID_TABLES.map((table) => [table, 1])) as HealthRecordPlan['idBases'];
  return { county, cells, seed, years, idCipher: testIdCipher(), idBases };
}

export function collectRows(plan: HealthRecordPlan): HealthRowBatch {
  const all = emptyBatch();
  for (const batch of healthRecordBatches(plan)) for (const name of HEALTH_TABLE_NAMES) appendRows(all, batch, name);
  return all;
}
