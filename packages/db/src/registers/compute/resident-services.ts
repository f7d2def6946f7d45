/**
 * The residents' service counts of a county for one year by township (ROLLUP, the total row is the county),
 * in one query: health records, family-doctor contracts, key populations, the 65+ health check and the
 * children's checks. Definitions in docs/indicators.md (“Basic public-health service indicators”).
 */
import { INFANT_CHECK_MONTHS, RESIDENT_FLAG_CODES } from '@chp/core';
import type { ProgramCode } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { bornReaching } from './birth-ranges.js';
import type { RollupRow } from './rollup-unit.js';
import { ageBounds, livingAtYearEnd, serviceQueryRows, sqlList } from './service-sql.js';
import type { ServiceYear } from './service-sql.js';

export type ResidentServiceCounts = {
  /** Residents living in the unit at the year end (the denominator when the population register has none). */
  residents: number;
  /** Of them, with a health record (建档) by the year end. */
  recorded: number;
  /** With a family-doctor contract in force on some day of the year. */
  contracted: number;
  /** In a key population (重点人群) at the year end, and of them contracted. */
  keyPopulation: number;
  keyPopulationContracted: number;
  /** Aged 65 or more at the year end, and of them with the year's 65+ health check. */
  elderly: number;
  elderlyChecked: number;
  /** Aged 0–6 at the year end, and of them with a newborn visit or child check in the year. */
  children: number;
  childrenVisited: number;
  /** Under 3 at the year end with an infant check due in the year, and of them with every due check made. */
  infants: number;
  infantsManaged: number;
};

/** The programmes whose open enrolment makes a key population (core key-populations.ts, PROGRAM_FLAGS). */
const KEY_POPULATION_PROGRAMS: readonly ProgramCode[] = [
  'hypertension',
  'diabetes',
  'severe_mental',
  'tuberculosis',
  'maternal',
];

/*
 * The facts about a resident come from four tables as rows (resident_id, contract, flag, elderly_check,
 * child_visit, child_check), added up per resident in one aggregate and joined to the residents once.
 */

/**
 * A fact row for each contract in force on some day of the year, by core `lastDayInForce`: from the start to
 * the end date, a terminated contract until the day before its termination (never when terminated on its
 * start date or undated).
 */
function contractedInYear(countyCode: string, { start, end }: ServiceYear): SQL {
  const lastDay = sql`case when c.status = 'terminated'
      then least(coalesce(c.terminated_date, c.start_date) - 1, c.end_date) else c.end_date end`;
  return sql`select c.resident_id, 1 as contract, 0 as flag, 0 as elderly_check, 0 as child_visit, 0 as child_check
    from family_doctor_contract c
    where c.county_code = ${countyCode} and c.start_date <= ${end}::date
      and ${lastDay} >= ${start}::date and ${lastDay} >= c.start_date`;
}

/**
 * A fact row for each reason other than age that puts a resident in a key population at the year end, by the rules of core
 * `keyPopulationFlags`: enrolled in a disease or the maternal programme that day (an enrolment ended on a
 * day is closed that day), or holding a recorded flag in force that day.
 */
function flaggedAtYearEnd(countyCode: string, end: string): SQL {
  return sql`select e.resident_id, 0, 1, 0, 0, 0 from program_enrolment e
      where e.county_code = ${countyCode} and e.program in (${sqlList(KEY_POPULATION_PROGRAMS)})
        and e.enrolled_date <= ${end}::date and (e.ended_date is null or e.ended_date > ${end}::date)
    union all
    select f.resident_id, 0, 1, 0, 0, 0 from resident_flag f
      where f.county_code = ${countyCode} and f.flag in (${sqlList(RESIDENT_FLAG_CODES)})
        and f.from_date <= ${end}::date and (f.to_date is null or f.to_date >= ${end}::date)`;
}

/** The year's 65+ health checks and children's visits. */
function visitsInYear(countyCode: string, { start, end }: ServiceYear): SQL {
  return sql`select f.resident_id, 0, 0,
      (f.program = 'elderly' and f.kind = 'annual_check')::int,
      (f.program = 'child' and f.kind in ('newborn_visit', 'child_check'))::int,
      (f.program = 'child' and f.kind = 'child_check')::int
    from follow_up f
    where f.county_code = ${countyCode} and f.visit_date between ${start}::date and ${end}::date
      and f.program in ('elderly', 'child')`;
}

/**
 * The infant checks (core INFANT_CHECK_MONTHS: 3, 6, 8, 12, 18, 24, 30, 36 months) a child under 3 at the
 * year end reaches in the year, by the birth dates that reach each age in the year.
 */
function infantChecksDue({ start, end }: ServiceYear, infantBornAfter: string): SQL {
  const ranges = INFANT_CHECK_MONTHS.map((months) => {
    const born = bornReaching({ months }, start, end);
    return sql`(${born.from}::date, ${born.to}::date)`;
  });
  return sql`case when r.birth_date > ${infantBornAfter}::date then (select count(*)
    from (values ${sql.join(ranges, sql`, `)}) as m(born_from, born_to)
    where r.birth_date between m.born_from and m.born_to) else 0 end`;
}

export async function readResidentServices(
  db: Db,
  countyCode: string,
  year: ServiceYear
): Promise<(RollupRow & ResidentServiceCounts)[]> {
  const { end } = year;
  const { elderlyBornBy, childBornAfter, infantBornAfter } = ageBounds(year);
  return serviceQueryRows<RollupRow & ResidentServiceCounts>(
    db,
    // One hash aggregate and one join, whatever the number of residents (an `in (subquery)` per resident
    // would not fit in memory in a large county and run once per resident).
    sql`with fact as (
      ${contractedInYear(countyCode, year)}
      union all ${flaggedAtYearEnd(countyCode, end)}
      union all ${visitsInYear(countyCode, year)}
    ), facts as (
      select resident_id, max(contract) as contract, max(flag) as flag, sum(elderly_check) as elderly_checks,
        sum(child_visit) as child_visits, sum(child_check) as child_checks
      from fact group by resident_id
    ), person as (
      select r.township_code,
        r.record_date <= ${end}::date as recorded,
        coalesce(p.contract, 0) = 1 as contracted,
        (r.birth_date <= ${elderlyBornBy}::date or r.birth_date > ${childBornAfter}::date
          or coalesce(p.flag, 0) = 1) as key_population,
        r.birth_date <= ${elderlyBornBy}::date as elderly,
        r.birth_date > ${childBornAfter}::date as child,
        ${infantChecksDue(year, infantBornAfter)} as infant_checks_due,
        coalesce(p.elderly_checks, 0) as elderly_checks,
        coalesce(p.child_visits, 0) as child_visits,
        coalesce(p.child_checks, 0) as child_checks
      from resident r left join facts p on p.resident_id = r.id
      where r.county_code = ${countyCode} and ${livingAtYearEnd(end)}
    )
    select township_code as unit, grouping(township_code)::int as "isTotal",
      count(*)::int as residents,
      count(*) filter (where recorded)::int as recorded,
      count(*) filter (where contracted)::int as contracted,
      count(*) filter (where key_population)::int as "keyPopulation",
      count(*) filter (where key_population and contracted)::int as "keyPopulationContracted",
      count(*) filter (where elderly)::int as elderly,
      count(*) filter (where elderly and elderly_checks > 0)::int as "elderlyChecked",
      count(*) filter (where child)::int as children,
      count(*) filter (where child and child_visits > 0)::int as "childrenVisited",
      count(*) filter (where infant_checks_due > 0)::int as infants,
      count(*) filter (where infant_checks_due > 0 and child_checks >= infant_checks_due)::int as "infantsManaged"
    from person group by rollup(township_code)`
  );
}
