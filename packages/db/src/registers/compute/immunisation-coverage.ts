/**
 * Doses of the national immunisation schedule due and given in one year, by vaccine and township, in one
 * query (CUBE: per vaccine and for all vaccines, per township and for the county). Definitions in
 * docs/indicators.md (“Basic public-health service indicators”).
 */
import { IMMUNISATION_ALTERNATIVES, IMMUNISATION_SCHEDULE, addYears } from '@chp/core';
import type { VaccineCode } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { birthMonths, bornReaching } from './birth-ranges.js';
import type { RollupRow } from './rollup-unit.js';
import { livingAtYearEnd, serviceQueryRows } from './service-sql.js';
import type { ServiceYear } from './service-sql.js';

export type ImmunisationCounts = {
  /** Doses whose due age the children reached in the year. */
  dosesDue: number;
  /** Of them, given by the year end. */
  dosesGiven: number;
};

export type ImmunisationRow = RollupRow &
  ImmunisationCounts & {
    /** The vaccine, or null on the rows of all vaccines (`allVaccines` 1). */
    vaccine: VaccineCode | null;
    allVaccines: number;
  };

/**
 * The 程序's doses by month of birth, as SQL rows (vaccine, dose, birth_month, born_from, born_to): for each
 * dose a row per calendar month in which children who reach its due age in the year were born, with their
 * exact birth dates — so that children are matched to their doses by an equality (a hash join on the month
 * of birth), then by the dates.
 */
function dosesByBirthMonth({ start, end }: ServiceYear): { rows: SQL; bornFrom: string } {
  let bornFrom = end;
  const rows = IMMUNISATION_SCHEDULE.flatMap((dose) => {
    const born = bornReaching(dose.dueAge, start, end);
    if (born.from < bornFrom) bornFrom = born.from;
    return birthMonths(born).map(
      (month) => sql`(${dose.vaccine}::text, ${dose.dose}::int, ${month}::date, ${born.from}::date, ${born.to}::date)`
    );
  });
  return { rows: sql`values ${sql.join(rows, sql`, `)}`, bornFrom };
}

/** Whether the child `c` had a dose of the vaccine by the year end. */
function hadVaccine(countyCode: string, end: string, vaccine: VaccineCode): SQL {
  return sql`exists (select 1 from vaccination v where v.county_code = ${countyCode} and v.resident_id = c.id
    and v.vaccine = ${vaccine} and v.vaccinated_date <= ${end}::date)`;
}

/**
 * Whether the dose belongs to the child's series, as core `immunisationSeries`: a dose of an alternative
 * vaccine only when the child is on that one — the inactivated one once a dose of it is recorded (here: by
 * the year end), else the live one (looked up only for the doses of the alternatives).
 */
function inSeries(countyCode: string, end: string): SQL {
  const alternatives = IMMUNISATION_ALTERNATIVES.map(
    ({ live, inactivated }) =>
      sql`when s.vaccine in (${live}, ${inactivated})
        then (s.vaccine = ${inactivated}) = ${hadVaccine(countyCode, end, inactivated)}`
  );
  return sql`case ${sql.join(alternatives, sql` `)} else true end`;
}

export async function readImmunisationCoverage(
  db: Db,
  countyCode: string,
  year: ServiceYear
): Promise<ImmunisationRow[]> {
  const { end } = year;
  const doses = dosesByBirthMonth(year);
  // A dose of the 程序 is not given long before its age: doses of more than a year before are not looked for.
  const givenFrom = addYears(year.start, -1);
  return serviceQueryRows<ImmunisationRow>(
    db,
    sql`with due as (
      select c.township_code, s.vaccine, v.id is not null as given
      from resident c
        join (${doses.rows}) as s(vaccine, dose, birth_month, born_from, born_to)
          on date_trunc('month', c.birth_date::timestamp)::date = s.birth_month
          and c.birth_date between s.born_from and s.born_to
        left join vaccination v on v.county_code = ${countyCode} and v.resident_id = c.id and v.vaccine = s.vaccine
          and v.dose = s.dose and v.vaccinated_date between ${givenFrom}::date and ${end}::date
      where c.county_code = ${countyCode} and c.birth_date >= ${doses.bornFrom}::date
        and ${livingAtYearEnd(end, 'c')} and ${inSeries(countyCode, end)}
    )
    select vaccine, township_code as unit, grouping(vaccine)::int as "allVaccines",
      grouping(township_code)::int as "isTotal", count(*)::int as "dosesDue",
      count(*) filter (where given)::int as "dosesGiven"
    from due group by cube(vaccine, township_code)`
  );
}
