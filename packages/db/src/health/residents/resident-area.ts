/** Where a resident lives: a township of the county and, when given, a village of that township. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { orgUnit } from '../../schema.js';
import type { ResidentProblem } from './resident-values.js';

export interface AreaUnit {
  level: number;
  parentCode: string | null;
}

/** The county's org units by code (the import's context holds them all; the API loads the ones named). */
export type AreaLookup = (code: string) => AreaUnit | undefined;

const TOWNSHIP_LEVEL = 4;
const VILLAGE_LEVEL = 5;

export function residentAreaProblems(
  countyCode: string,
  area: { townshipCode: string; villageCode: string | null },
  lookup: AreaLookup
): ResidentProblem[] {
  const { townshipCode, villageCode } = area;
  const township = lookup(townshipCode);
  if (township?.level !== TOWNSHIP_LEVEL) {
    const message =
      township?.level === VILLAGE_LEVEL
        ? `乡镇（街道）代码“${townshipCode}”是村（居）级编码，其所属乡镇（街道）为 ${township.parentCode ?? ''}`
        : `乡镇（街道）代码“${townshipCode}”不是本县（区）${countyCode} 的乡镇（街道）`;
    return [{ field: 'townshipCode', message }];
  }
  if (villageCode === null) return [];
  const village = lookup(villageCode);
  if (village?.level !== VILLAGE_LEVEL) {
    return [{ field: 'villageCode', message: `村（居）代码“${villageCode}”不是本县（区）${countyCode} 的村（居）` }];
  }
  if (village.parentCode !== townshipCode) {
    return [
      {
        field: 'villageCode',
        message: `村（居）“${villageCode}”属于乡镇（街道）${village.parentCode ?? ''}，不属于填写的乡镇（街道）${townshipCode}`,
      },
    ];
  }
  return [];
}

/** A lookup of the named codes among the county's org units. */
export async function loadAreaLookup(db: Db, countyCode: string, codes: readonly string[]): Promise<AreaLookup> {
  const rows = await db
    .select({ code: orgUnit.code, level: orgUnit.level, parentCode: orgUnit.parentCode })
    .from(orgUnit)
    .where(and(eq(orgUnit.countyCode, countyCode), inArray(orgUnit.code, [...codes])));
  const units = new Map(rows.map((row) => [row.code, { level: row.level, parentCode: row.parentCode }]));
  return (code) => units.get(code);
}
