/** Counties installed on the platform and their org-unit trees. */
import type { CountySummary, OrgUnitNode } from '@chp/core';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { queryRows } from '../connection.js';
import { county, orgUnit } from '../schema.js';

interface CountySummaryRow extends Record<string, unknown> {
  county_code: string;
  name: string;
  province_name: string;
  city_name: string;
  township_count: number;
  village_count: number;
  indicator_count: number;
  project_count: number;
  has_plan: boolean;
}

/** Summaries of the installed counties (all of them, or the given codes), in one query. */
export async function listCountySummaries(db: Db, codes?: string[]): Promise<CountySummary[]> {
  if (codes?.length === 0) {
    return [];
  }
  const filter = codes
    ? sql`where c.county_code in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `
      )})`
    : sql``;
  const rows = await queryRows<CountySummaryRow>(
    db,
    sql`select c.county_code, c.name, c.province_name, c.city_name,
      (select count(*)::int from org_unit o where o.county_code = c.county_code and o.level = 4) as township_count,
      (select count(*)::int from org_unit o where o.county_code = c.county_code and o.level = 5) as village_count,
      (select count(*)::int from indicator i where i.county_code = c.county_code) as indicator_count,
      (select count(*)::int from project p where p.county_code = c.county_code) as project_count,
      exists (select 1 from plan p where p.county_code = c.county_code) as has_plan
    from county c ${filter} order by c.county_code`
  );
  return rows.map((row) => ({
    countyCode: row.county_code,
    name: row.name,
    provinceName: row.province_name,
    cityName: row.city_name,
    townshipCount: row.township_count,
    villageCount: row.village_count,
    indicatorCount: row.indicator_count,
    projectCount: row.project_count,
    hasPlan: row.has_plan,
  }));
}

export async function listInstalledCountyCodes(db: Db): Promise<string[]> {
  const rows = await db.select({ code: county.countyCode }).from(county).orderBy(asc(county.countyCode));
  return rows.map((r) => r.code);
}

/** Children of an org unit, or the provinces of the installed counties when no parent is given. */
export async function listOrgUnitChildren(db: Db, parentCode: string | null): Promise<OrgUnitNode[]> {
  const rows =
    parentCode === null
      ? await db.select().from(orgUnit).where(isNull(orgUnit.parentCode)).orderBy(asc(orgUnit.code))
      : await db.select().from(orgUnit).where(eq(orgUnit.parentCode, parentCode)).orderBy(asc(orgUnit.code));
  return rows.map(toNode);
}

export async function getOrgUnits(db: Db, codes: string[]): Promise<OrgUnitNode[]> {
  if (codes.length === 0) {
    return [];
  }
  const rows = await db.select().from(orgUnit).where(inArray(orgUnit.code, codes)).orderBy(asc(orgUnit.code));
  return rows.map(toNode);
}

/** A county's org units below the county itself (townships and villages), by code. */
export async function listCountyOrgUnits(db: Db, countyCode: string, maxLevel = 5): Promise<OrgUnitNode[]> {
  const rows = await db
    .select()
    .from(orgUnit)
    .where(sql`${orgUnit.countyCode} = ${countyCode} and ${orgUnit.level} <= ${maxLevel}`)
    .orderBy(asc(orgUnit.code));
  return rows.map(toNode);
}

function toNode(row: typeof orgUnit.$inferSelect): OrgUnitNode {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parentCode, countyCode: row.countyCode };
}
