/**
 * SQL shared by the service-indicator queries (docs/indicators.md, “Basic public-health service
 * indicators”): who is counted in a year, and how the queries are run.
 */
import { CHILD_PROGRAM_END_YEARS, ELDERLY_AGE, addYears } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';

/** A calendar year as the bounds the queries compare dates with. */
export interface ServiceYear {
  year: number;
  /** 1 January, YYYY-MM-DD. */
  start: string;
  /** 31 December, YYYY-MM-DD. */
  end: string;
}

export function serviceYear(year: number): ServiceYear {
  return { year, start: `${year}-01-01`, end: `${year}-12-31` };
}

/** 3岁以下儿童: under 3 at the year end. */
const INFANT_AGE_LIMIT = 3;

/**
 * The age groups at the year end as birth dates — the age on 31 December is the year minus the birth year —
 * with the ages of core key-populations.ts: 65 and over, under 7; and under 3.
 */
export function ageBounds({ end }: ServiceYear): {
  elderlyBornBy: string;
  childBornAfter: string;
  infantBornAfter: string;
} {
  return {
    elderlyBornBy: addYears(end, -ELDERLY_AGE),
    childBornAfter: addYears(end, -CHILD_PROGRAM_END_YEARS),
    infantBornAfter: addYears(end, -INFANT_AGE_LIMIT),
  };
}

/**
 * The residents a year's service indicators count, as a condition on `resident` (aliased `alias`): a master-index entry (not
 * merged into another), born by the year end and still in the county then — an active record, or one that
 * moved out or died after the year end. They count in the township they live in now.
 */
export function livingAtYearEnd(end: string, alias = 'r'): SQL {
  const r = sql.raw(alias);
  return sql`(${r}.merged_into_id is null and ${r}.birth_date <= ${end}::date and case ${r}.record_status
    when 'active' then true
    when 'moved' then ${r}.status_date > ${end}::date
    when 'deceased' then ${r}.death_date > ${end}::date
    else false end)`;
}

/** A list of SQL values for `in (…)`: the codes are constants of core, sent as parameters. */
export function sqlList(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `
  );
}

/**
 * Runs one of the service queries. Each joins sets of a few hundred thousand residents in a large county:
 * PostgreSQL's default 4 MB of work memory would spill their hash tables to disk, and its JIT compiler
 * (on by default, for queries of this estimated cost) takes longer than the query saves. Both are set for
 * this transaction only; PGlite accepts the settings and has no JIT.
 */
export async function serviceQueryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}
