/** Households (户) by 户编号: found in the county or created where the first member lives. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { batches } from '../../org-units/upsert.js';
import { household } from '../../schema.js';

export interface HouseholdPlace {
  householdNumber: string;
  townshipCode: string;
  villageCode: string | null;
}

/** The ids of the households with these numbers, creating the missing ones (the first place given wins). */
export async function householdIds(
  db: Db,
  countyCode: string,
  places: readonly HouseholdPlace[]
): Promise<Map<string, number>> {
  const wanted = new Map<string, HouseholdPlace>();
  for (const place of places) if (!wanted.has(place.householdNumber)) wanted.set(place.householdNumber, place);
  if (wanted.size === 0) return new Map();
  const ids = new Map<string, number>();
  for (const numbers of batches([...wanted.keys()])) {
    const existing = await db
      .select({ id: household.id, householdNumber: household.householdNumber })
      .from(household)
      .where(and(eq(household.countyCode, countyCode), inArray(household.householdNumber, numbers)));
    for (const row of existing) ids.set(row.householdNumber, row.id);
  }
  const missing = [...wanted.values()].filter((place) => !ids.has(place.householdNumber));
  for (const batch of batches(missing)) {
    const created = await db
      .insert(household)
      .values(batch.map((place) => ({ countyCode, ...place })))
      .returning({ id: household.id, householdNumber: household.householdNumber });
    for (const row of created) ids.set(row.householdNumber, row.id);
  }
  return ids;
}
