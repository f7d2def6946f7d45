/** The townships and villages of a county that family-doctor teams belong to and serve. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { orgUnit } from '../../schema.js';

export const TOWNSHIP_LEVEL = 4;
export const VILLAGE_LEVEL = 5;

export interface CountyArea {
  code: string;
  name: string;
  level: number;
}

/** Those of `codes` that are townships or villages of the county, by code. */
export async function countyAreas(
  db: Db,
  countyCode: string,
  codes: readonly string[]
): Promise<Map<string, CountyArea>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: orgUnit.code, name: orgUnit.name, level: orgUnit.level })
    .from(orgUnit)
    .where(
      and(
        eq(orgUnit.countyCode, countyCode),
        inArray(orgUnit.level, [TOWNSHIP_LEVEL, VILLAGE_LEVEL]),
        inArray(orgUnit.code, [...new Set(codes)])
      )
    );
  return new Map(rows.map((row) => [row.code, row]));
}
