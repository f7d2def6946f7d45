/**
 * 孕产妇系统管理 of the deliveries of a 妇幼 statistical year (1 October of the year before to 30 September),
 * by township (ROLLUP, the total row is the county), in one query. Definitions in docs/indicators.md
 * (“Basic public-health service indicators”).
 */
import { PREGNANCY_DAYS } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import type { RollupRow } from './rollup-unit.js';
import { livingAtYearEnd, serviceQueryRows } from './service-sql.js';
import type { ServiceYear } from './service-sql.js';

export type MaternalCounts = {
  /** Deliveries dated in the statistical year. */
  deliveries: number;
  /** Of them, booked before 13 weeks, with ≥ 5 antenatal checks and a postpartum visit within 28 days. */
  deliveriesManaged: number;
};

/** 早孕建册: the booking visit before 13 completed weeks of gestation (规范, 孕产妇健康管理服务规范). */
const BOOKING_BEFORE_DAYS = 13 * 7;
/** ≥ 5 产前检查, the booking being the first. */
const ANTENATAL_CHECKS = 5;
/** 产后访视 within 28 days of the delivery (国家卫生健康统计调查制度, 孕产妇系统管理). */
const POSTPARTUM_VISIT_DAYS = 28;

/** The 妇幼 statistical year ending on 30 September of `year`. */
export function maternalPeriod(year: number): { start: string; end: string } {
  return { start: `${year - 1}-10-01`, end: `${year}-09-30` };
}

export async function readMaternalManagement(
  db: Db,
  countyCode: string,
  year: ServiceYear
): Promise<(RollupRow & MaternalCounts)[]> {
  const period = maternalPeriod(year.year);
  return serviceQueryRows<RollupRow & MaternalCounts>(
    db,
    // Gestational age from the last menstrual period, or 预产期 − 280 days; the delivery date as recorded on
    // the enrolment or else the date of its delivery visit — both as core's maternal schedule reads them.
    sql`with pregnancy as (
      select e.id, e.resident_id,
        coalesce((e.details->>'lmp')::date, (e.details->>'edd')::date - ${PREGNANCY_DAYS}::int) as lmp,
        coalesce((e.details->>'deliveryDate')::date, (select min(d.visit_date) from follow_up d
          where d.county_code = ${countyCode} and d.enrolment_id = e.id and d.kind = 'delivery')) as delivery_date
      from program_enrolment e
      where e.county_code = ${countyCode} and e.program = 'maternal' and e.enrolled_date <= ${period.end}::date
        and (e.ended_date is null or e.ended_date >= ${period.start}::date)
    ), delivery as (
      select p.resident_id,
        bool_or(f.kind = 'booking' and f.visit_date < p.lmp + ${BOOKING_BEFORE_DAYS}::int) as early_booking,
        count(f.id) filter (where f.kind in ('booking', 'antenatal') and f.visit_date <= p.delivery_date) as checks,
        bool_or(f.kind = 'postpartum' and f.visit_date between p.delivery_date
          and p.delivery_date + ${POSTPARTUM_VISIT_DAYS}::int) as postpartum_visit
      from pregnancy p left join follow_up f on f.county_code = ${countyCode} and f.enrolment_id = p.id
      where p.delivery_date between ${period.start}::date and ${period.end}::date
      group by p.id, p.resident_id
    )
    select r.township_code as unit, grouping(r.township_code)::int as "isTotal",
      count(*)::int as deliveries,
      count(*) filter (where d.early_booking and d.checks >= ${ANTENATAL_CHECKS}::int and d.postpartum_visit)::int
        as "deliveriesManaged"
    from delivery d join resident r on r.id = d.resident_id
    where r.county_code = ${countyCode} and ${livingAtYearEnd(year.end)}
    group by rollup(r.township_code)`
  );
}
