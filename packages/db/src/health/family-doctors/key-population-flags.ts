/**
 * The recorded key-population flags (resident_flag) of residents on a day; core keyPopulationFlags adds
 * those that follow from age and open enrolments (docs/health-records.md §2).
 */
import type { ResidentFlagCode } from '@chp/core';
import { isResidentFlagCode } from '@chp/core';
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { residentFlag } from '../../schema.js';
import { anyId } from '../programs/schedule-inputs.js';

/** The recorded flags (disabled, 脱贫户, 监测户) of each of the residents in force on `asOf`, by resident id. */
export async function recordedFlagsOf(
  db: Db,
  countyCode: string,
  residentIds: readonly number[],
  asOf: string
): Promise<Map<number, ResidentFlagCode[]>> {
  const byResident = new Map<number, ResidentFlagCode[]>();
  if (residentIds.length === 0) return byResident;
  const rows = await db
    .select({ residentId: residentFlag.residentId, flag: residentFlag.flag })
    .from(residentFlag)
    .where(
      and(
        eq(residentFlag.countyCode, countyCode),
        anyId(residentFlag.residentId, residentIds),
        lte(residentFlag.fromDate, asOf),
        or(isNull(residentFlag.toDate), gte(residentFlag.toDate, asOf))
      )
    );
  for (const row of rows) {
    if (!isResidentFlagCode(row.flag)) continue;
    byResident.set(row.residentId, [...(byResident.get(row.residentId) ?? []), row.flag]);
  }
  return byResident;
}
