/**
 * Management of hypertension, type-2 diabetes and severe mental disorder patients in one year, by township
 * (ROLLUP, the total row is the county), in one query from the patients' enrolments and the year's
 * follow-ups. Definitions in docs/indicators.md (“Basic public-health service indicators”).
 */
import type { ProgramCode } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import type { RollupRow } from './rollup-unit.js';
import { livingAtYearEnd, serviceQueryRows, sqlList } from './service-sql.js';
import type { ServiceYear } from './service-sql.js';

export const MANAGED_PROGRAMS = ['hypertension', 'diabetes', 'severe_mental'] as const satisfies readonly ProgramCode[];
export type ManagedProgram = (typeof MANAGED_PROGRAMS)[number];

export type ManagementCounts = {
  /** Patients under management at some time in the year (年内已管理). */
  managed: number;
  /** Of them, followed up as the 规范 asks (规范管理). */
  managedToNorm: number;
  /** Of them, on target at the year's last follow-up (hypertension and diabetes; 0 otherwise). */
  controlled: number;
};

/** Identifiers built from the programme codes (constants of core). */
const column = (program: ManagedProgram, name: string): SQL => sql.raw(`${program}_${name}`);

/**
 * The year's follow-ups per resident: for each programme their number and a code of the last one — days
 * into the year × 3, plus 2 when controlled, 1 when not, 0 when not judged — that a plain max() finds (a
 * same-day tie, which non-overlapping enrolments do not make, goes to the higher code).
 */
function followUpAggregates(countyCode: string, year: ServiceYear): SQL {
  const columns = sql.join(
    MANAGED_PROGRAMS.map((program) => {
      const ofProgram = sql`f.program = ${program}`;
      return sql`count(*) filter (where ${ofProgram}) as ${column(program, 'follow_ups')},
        max((f.visit_date - ${year.start}::date) * 3
          + case f.controlled when true then 2 when false then 1 else 0 end) filter (where ${ofProgram})
          as ${column(program, 'last_follow_up')}`;
    }),
    sql`, `
  );
  return sql`select f.resident_id, ${columns}
    from follow_up f
    where f.county_code = ${countyCode} and f.visit_date between ${year.start}::date and ${year.end}::date
      and f.kind = 'follow_up' and f.program in (${sqlList(MANAGED_PROGRAMS)})
    group by f.resident_id`;
}

/**
 * The enrolments under management at some time in the year, one row per resident with each programme's
 * first enrolment and last end ('infinity' while open): a resident re-enrolled in the year is one patient.
 */
function managedEnrolments(countyCode: string, { start, end }: ServiceYear): SQL {
  const columns = MANAGED_PROGRAMS.map(
    (program) => sql`min(e.enrolled_date) filter (where e.program = ${program}) as ${column(program, 'from')},
      max(coalesce(e.ended_date, 'infinity'::date)) filter (where e.program = ${program}) as ${column(program, 'to')}`
  );
  return sql`select e.resident_id, ${sql.join(columns, sql`, `)}
    from program_enrolment e
    where e.county_code = ${countyCode} and e.program in (${sqlList(MANAGED_PROGRAMS)})
      and e.enrolled_date <= ${end}::date and (e.ended_date is null or e.ended_date >= ${start}::date)
    group by e.resident_id`;
}

/**
 * The calendar quarters of the year wholly under management from `from` to `to`: those ending by `to` less
 * those starting before `from` (Q1 starts 1 January; a quarter starts before `from` when the day before
 * `from` lies in or after it).
 */
function wholeQuarters(from: SQL, to: SQL, { start, end }: ServiceYear): SQL {
  const endedBy = sql`case when ${to} >= ${end}::date then 4 else (extract(month from ${to} + 1)::int - 1) / 3 end`;
  const startedBefore = sql`case when ${from} <= ${start}::date then 0 else (extract(month from ${from} - 1)::int + 2) / 3 end`;
  return sql`(${endedBy} - ${startedBefore})`;
}

/**
 * Per-person conditions over `m` (managedEnrolments) and `v` (followUpAggregates): under management, managed
 * to the norm — one follow-up for each calendar quarter wholly under management in the year (4 for a patient
 * enrolled before the year and still enrolled), at least one — and controlled at the last follow-up.
 */
function managementConditions(year: ServiceYear): SQL {
  return sql.join(
    MANAGED_PROGRAMS.map((program) => {
      const from = sql`m.${column(program, 'from')}`;
      const to = sql`m.${column(program, 'to')}`;
      const required = sql`greatest(1, ${wholeQuarters(from, to, year)})`;
      return sql`${from} is not null as ${column(program, 'managed')},
        coalesce(v.${column(program, 'follow_ups')}, 0) >= ${required} as ${column(program, 'to_norm')},
        v.${column(program, 'last_follow_up')} % 3 = 2 as ${column(program, 'controlled')}`;
    }),
    sql`, `
  );
}

/** The counts of each programme over the persons, as columns "<program>.managed" etc. */
function managementCounts(): SQL {
  return sql.join(
    MANAGED_PROGRAMS.map((program) => {
      const managed = column(program, 'managed');
      return sql`count(*) filter (where ${managed})::int as ${sql.raw(`"${program}.managed"`)},
        count(*) filter (where ${managed} and ${column(program, 'to_norm')})::int as ${sql.raw(`"${program}.managedToNorm"`)},
        count(*) filter (where ${managed} and ${column(program, 'controlled')})::int as ${sql.raw(`"${program}.controlled"`)}`;
    }),
    sql`, `
  );
}

/** A programme's counts from a row with the columns of managementCounts. */
function managementOf(row: Readonly<Record<string, unknown>>, program: ManagedProgram): ManagementCounts {
  const count = (name: keyof ManagementCounts): number => Number(row[`${program}.${name}`] ?? 0);
  return { managed: count('managed'), managedToNorm: count('managedToNorm'), controlled: count('controlled') };
}

export type ManagementRow = RollupRow & { management: Record<ManagedProgram, ManagementCounts> };

export async function readProgrammeManagement(db: Db, countyCode: string, year: ServiceYear): Promise<ManagementRow[]> {
  const rows = await serviceQueryRows<RollupRow>(
    db,
    sql`with managed as (${managedEnrolments(countyCode, year)}
    ), visits as (${followUpAggregates(countyCode, year)}
    ), patient as (
      select r.township_code, ${managementConditions(year)}
      from managed m
        join resident r on r.id = m.resident_id
        left join visits v on v.resident_id = m.resident_id
      where r.county_code = ${countyCode} and ${livingAtYearEnd(year.end)}
    )
    select township_code as unit, grouping(township_code)::int as "isTotal", ${managementCounts()}
    from patient group by rollup(township_code)`
  );
  return rows.map((row) => ({
    unit: row.unit,
    isTotal: row.isTotal,
    management: Object.fromEntries(MANAGED_PROGRAMS.map((program) => [program, managementOf(row, program)])) as Record<
      ManagedProgram,
      ManagementCounts
    >,
  }));
}
