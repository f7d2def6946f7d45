/**
 * Installs a county: its province, city, the county itself, its townships and villages as org units
 * (levels 1–5 with materialised paths), and its `county` row. Re-adding refreshes names, never duplicates.
 */
import { orgUnit, county } from '../schema.js';
import type { Db } from '../connection.js';
import { findCity, findCounty, findProvince, readTownships, readVillages } from './china-division.js';
import { UnknownCountyError } from './unknown-county-error.js';
import { batches, takeExcluded } from './upsert.js';

export interface AddedCounty {
  countyCode: string;
  name: string;
  townships: number;
  villages: number;
}

type OrgUnitRow = typeof orgUnit.$inferInsert;

export async function addCounty(db: Db, countyCode: string): Promise<AddedCounty> {
  const code = countyCode.trim();
  const division = /^\d{6}$/.test(code) ? findCounty(code) : undefined;
  if (division === undefined) {
    throw new UnknownCountyError(code);
  }
  const province = findProvince(division.provinceCode);
  const city = findCity(division.cityCode);
  if (province === undefined || city === undefined) {
    throw new UnknownCountyError(code);
  }
  const [townships, villages] = await Promise.all([readTownships(code), readVillages(code)]);

  const provincePath = `/${province.code}/`;
  const cityPath = `${provincePath}${city.code}/`;
  const countyPath = `${cityPath}${code}/`;
  const rows: OrgUnitRow[] = [
    { code: province.code, name: province.name, level: 1, parentCode: null, countyCode: null, path: provincePath },
    { code: city.code, name: city.name, level: 2, parentCode: province.code, countyCode: null, path: cityPath },
    { code, name: division.name, level: 3, parentCode: city.code, countyCode: code, path: countyPath },
    ...townships.map((township) => ({
      code: township.code,
      name: township.name,
      level: 4,
      parentCode: code,
      countyCode: code,
      path: `${countyPath}${township.code}/`,
    })),
    ...villages.map((village) => ({
      code: village.code,
      name: village.name,
      level: 5,
      parentCode: village.townshipCode,
      countyCode: code,
      path: `${countyPath}${village.townshipCode}/${village.code}/`,
    })),
  ];

  await db.transaction(async (tx) => {
    for (const batch of batches(rows)) {
      await tx
        .insert(orgUnit)
        .values(batch)
        .onConflictDoUpdate({
          target: orgUnit.code,
          set: takeExcluded(orgUnit, ['name', 'level', 'parentCode', 'countyCode', 'path']),
        });
    }
    await tx
      .insert(county)
      .values({ countyCode: code, name: division.name, provinceName: province.name, cityName: city.name })
      .onConflictDoUpdate({
        target: county.countyCode,
        set: takeExcluded(county, ['name', 'provinceName', 'cityName']),
      });
  });
  return { countyCode: code, name: division.name, townships: townships.length, villages: villages.length };
}
