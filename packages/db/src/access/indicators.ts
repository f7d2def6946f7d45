/** Plan indicators with the approved county-level values and references their evaluation needs. */
import type {
  Attribute,
  Comparator,
  IndicatorDefinitionType,
  IndicatorSource,
  PlanIndicator,
  YearValue,
} from '@chp/core';
import { ATTRIBUTES, COMPARATORS } from '@chp/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { queryRows } from '../connection.js';
import { indicator, indicatorValue, plan, regionalReference } from '../schema.js';

export interface IndicatorRecord extends PlanIndicator {
  countyCode: string;
  definitionType: IndicatorDefinitionType;
}

type IndicatorRow = typeof indicator.$inferSelect;

/** A county's indicators in plan order. */
export async function listCountyIndicators(db: Db, countyCode: string): Promise<IndicatorRecord[]> {
  const rows = await db
    .select()
    .from(indicator)
    .where(eq(indicator.countyCode, countyCode))
    .orderBy(asc(indicator.sortOrder));
  return rows.map(toIndicatorRecord);
}

export async function getIndicator(db: Db, id: string): Promise<IndicatorRecord | undefined> {
  const [row] = await db.select().from(indicator).where(eq(indicator.id, id));
  return row ? toIndicatorRecord(row) : undefined;
}

/** Indicators that are a standard (catalog) indicator, in the given counties. */
export async function listStandardIndicators(db: Db, countyCodes: string[]): Promise<IndicatorRecord[]> {
  if (countyCodes.length === 0) {
    return [];
  }
  const rows = await db
    .select()
    .from(indicator)
    .where(and(inArray(indicator.countyCode, countyCodes), sql`${indicator.standardCode} is not null`))
    .orderBy(asc(indicator.countyCode), asc(indicator.sortOrder));
  return rows.map(toIndicatorRecord);
}

/**
 * Approved values at county level (the org unit is the county itself), by indicator, in year order,
 * for all indicators of the given counties in one query.
 */
export async function approvedCountySeries(db: Db, countyCodes: string[]): Promise<Map<string, YearValue[]>> {
  const series = new Map<string, YearValue[]>();
  if (countyCodes.length === 0) {
    return series;
  }
  const rows = await db
    .select({ indicatorId: indicatorValue.indicatorId, year: indicatorValue.year, value: indicatorValue.value })
    .from(indicatorValue)
    .where(
      and(
        inArray(indicatorValue.countyCode, countyCodes),
        eq(indicatorValue.status, 'approved'),
        sql`${indicatorValue.orgUnitCode} = ${indicatorValue.countyCode}`
      )
    )
    .orderBy(asc(indicatorValue.indicatorId), asc(indicatorValue.year));
  for (const row of rows) {
    const list = series.get(row.indicatorId) ?? [];
    list.push({ year: row.year, value: row.value });
    series.set(row.indicatorId, list);
  }
  return series;
}

export interface RegionalReferenceRecord {
  indicatorId: string;
  year: number;
  value: number;
  sourceDocument: string | null;
}

export async function listRegionalReferences(db: Db, countyCode: string): Promise<RegionalReferenceRecord[]> {
  return db
    .select({
      indicatorId: regionalReference.indicatorId,
      year: regionalReference.year,
      value: regionalReference.value,
      sourceDocument: regionalReference.sourceDocument,
    })
    .from(regionalReference)
    .where(eq(regionalReference.countyCode, countyCode))
    .orderBy(asc(regionalReference.indicatorId), asc(regionalReference.year));
}

export interface PlanRecord {
  planId: string;
  title: string;
  seedFile: string;
  start: number;
  end: number;
}

export async function getCountyPlan(db: Db, countyCode: string): Promise<PlanRecord | undefined> {
  const [row] = await db
    .select({
      planId: plan.id,
      title: plan.title,
      seedFile: plan.seedFile,
      start: plan.periodStart,
      end: plan.periodEnd,
    })
    .from(plan)
    .where(eq(plan.countyCode, countyCode));
  return row;
}

function toIndicatorRecord(row: IndicatorRow): IndicatorRecord {
  const record: IndicatorRecord = {
    id: row.id,
    countyCode: row.countyCode,
    definitionType: row.definitionType === 'computed' ? 'computed' : 'entered',
    seq: row.seq,
    name: row.name,
    domain: row.domain,
    unit: row.unit,
    baseline: row.baseline,
    baselineText: row.baselineText,
    baselineYear: row.baselineYear,
    target: row.targetText,
    comparator: toComparator(row.comparator),
    targetValue: row.targetValue,
    targetYear: row.targetYear,
    attribute: toAttribute(row.attribute),
    source: toSource(row.source),
    line: row.line,
    quote: row.quote,
    standardCode: row.standardCode,
  };
  if (row.note !== null) {
    record.note = row.note;
  }
  return record;
}

function toComparator(value: string): Comparator {
  const comparator = COMPARATORS.find((c) => c === value);
  if (!comparator) {
    throw new Error(`unknown comparator in indicator table: ${value}`);
  }
  return comparator;
}

function toAttribute(value: string | null): Attribute | null {
  return ATTRIBUTES.find((a) => a === value) ?? null;
}

function toSource(value: string): IndicatorSource {
  return value === 'prose' ? 'prose' : 'table';
}

/**
 * A digest of everything a county's evaluation depends on that can change while the server runs: its
 * approved county-level values and its regional references. Equal digests mean equal evaluations.
 */
export async function countyEvaluationDigest(db: Db, countyCode: string): Promise<string> {
  const rows = await queryRows<{ digest: string }>(
    db,
    sql`select md5(
      coalesce((select string_agg(v.id || ':' || v.version || ':' || v.indicator_id || ':' || v.year || ':' || v.value, ',' order by v.id)
        from indicator_value v
        where v.county_code = ${countyCode} and v.status = 'approved' and v.org_unit_code = v.county_code), '')
      || '|' ||
      coalesce((select string_agg(r.indicator_id || ':' || r.year || ':' || r.value, ',' order by r.id)
        from regional_reference r where r.county_code = ${countyCode}), '')
    ) as digest`
  );
  return rows[0]?.digest ?? '';
}
