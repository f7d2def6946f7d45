/** Signal source sites (哨点): code unique per county, township must lie in the county. */
import type { SiteKind, SurveillanceSiteInput, SurveillanceSiteView } from '@chp/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { orgUnit, surveillanceSite } from '../../schema.js';

const TOWNSHIP_LEVEL = 4;

/** A site change that breaks a rule; the message is for the user. */
export class SiteError extends Error {
  constructor(
    readonly code: 'duplicate_code' | 'bad_township' | 'not_found',
    message: string
  ) {
    super(message);
  }
}

type SiteRow = typeof surveillanceSite.$inferSelect;

function toView(row: SiteRow): SurveillanceSiteView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as SiteKind,
    townshipCode: row.townshipCode,
    villageCode: row.villageCode,
    facilityId: row.facilityId,
    active: row.active,
  };
}

/** The county's sites, optionally only those in some townships (a township user's scope). */
export async function listSites(db: Db, countyCode: string, townships?: string[]): Promise<SurveillanceSiteView[]> {
  const where =
    townships === undefined
      ? eq(surveillanceSite.countyCode, countyCode)
      : and(eq(surveillanceSite.countyCode, countyCode), inArray(surveillanceSite.townshipCode, townships));
  const rows = await db.select().from(surveillanceSite).where(where).orderBy(asc(surveillanceSite.code));
  return rows.map(toView);
}

export async function findSite(db: Db, countyCode: string, id: number): Promise<SurveillanceSiteView | null> {
  const [row] = await db
    .select()
    .from(surveillanceSite)
    .where(and(eq(surveillanceSite.countyCode, countyCode), eq(surveillanceSite.id, id)));
  return row === undefined ? null : toView(row);
}

async function assertTownship(db: Db, countyCode: string, townshipCode: string): Promise<void> {
  const [row] = await db
    .select({ code: orgUnit.code })
    .from(orgUnit)
    .where(and(eq(orgUnit.code, townshipCode), eq(orgUnit.countyCode, countyCode), eq(orgUnit.level, TOWNSHIP_LEVEL)));
  if (row === undefined) throw new SiteError('bad_township', `乡镇（街道）${townshipCode} 不属于本县`);
}

async function assertCodeFree(db: Db, countyCode: string, code: string, exceptId: number | null): Promise<void> {
  const [row] = await db
    .select({ id: surveillanceSite.id })
    .from(surveillanceSite)
    .where(and(eq(surveillanceSite.countyCode, countyCode), eq(surveillanceSite.code, code)));
  if (row !== undefined && row.id !== exceptId) throw new SiteError('duplicate_code', `哨点编码 ${code} 已存在`);
}

export async function createSite(
  db: Db,
  countyCode: string,
  input: SurveillanceSiteInput
): Promise<SurveillanceSiteView> {
  await assertTownship(db, countyCode, input.townshipCode);
  await assertCodeFree(db, countyCode, input.code, null);
  const [row] = await db
    .insert(surveillanceSite)
    .values({
      countyCode,
      code: input.code,
      name: input.name,
      kind: input.kind,
      townshipCode: input.townshipCode,
      villageCode: input.villageCode ?? null,
      facilityId: input.facilityId ?? null,
      active: input.active ?? true,
    })
    .returning();
  if (row === undefined) throw new Error('site insert returned no row');
  return toView(row);
}

export async function updateSite(
  db: Db,
  countyCode: string,
  id: number,
  input: SurveillanceSiteInput
): Promise<SurveillanceSiteView> {
  await assertTownship(db, countyCode, input.townshipCode);
  await assertCodeFree(db, countyCode, input.code, id);
  const [row] = await db
    .update(surveillanceSite)
    .set({
      code: input.code,
      name: input.name,
      kind: input.kind,
      townshipCode: input.townshipCode,
      villageCode: input.villageCode ?? null,
      facilityId: input.facilityId ?? null,
      active: input.active ?? true,
    })
    .where(and(eq(surveillanceSite.countyCode, countyCode), eq(surveillanceSite.id, id)))
    .returning();
  if (row === undefined) throw new SiteError('not_found', '哨点不存在');
  return toView(row);
}
