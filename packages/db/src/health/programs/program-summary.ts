/**
 * The programmes by township for a year (GET …/programs/summary): residents enrolled in the year, visits in
 * the year (doses for immunisation), and items due and overdue on the as-of date — computed by the same core
 * schedules as the worklist, one township at a time so a county's figures never sit in memory at once.
 */
import type { ProgramSummaryResponse, ProgramSummaryRow } from '@chp/core';
import {
  IMMUNISATION_END_YEARS,
  PROGRAM_CODES,
  addYears,
  dueItems,
  isDueWithin,
  isOverdue,
  isWithinScope,
} from '@chp/core';
import { and, asc, between, count, countDistinct, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { followUp, orgUnit, programEnrolment, resident, vaccination } from '../../schema.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { MATERNAL_CHILD_PROGRAMS, dueCandidates, showsItem, worklistResident } from './due-candidates.js';
import type { DueProgram } from './due-candidates.js';
import { loadScheduleRecords } from './schedule-inputs.js';

export interface ProgramSummaryQuery {
  countyCode: string;
  scope: ResidentScope;
  year: number;
  /** Due and overdue are counted on this date (today, or 31 December of a past year). */
  asOf: string;
}

const DUE_PROGRAMS: readonly DueProgram[] = [...PROGRAM_CODES, 'immunisation'];

type Counts = Pick<ProgramSummaryRow, 'enrolled' | 'visits' | 'due' | 'overdue'>;

class SummaryTable {
  private readonly rows = new Map<string, Counts>();

  add(program: string, townshipCode: string, field: keyof Counts, value: number): void {
    const key = `${program}|${townshipCode}`;
    const row = this.rows.get(key) ?? { enrolled: 0, visits: 0, due: 0, overdue: 0 };
    row[field] += value;
    this.rows.set(key, row);
  }

  townships(): string[] {
    return [...new Set([...this.rows.keys()].map((key) => key.split('|')[1] ?? ''))].sort();
  }

  counts(program: string, townshipCode: string): Counts {
    return this.rows.get(`${program}|${townshipCode}`) ?? { enrolled: 0, visits: 0, due: 0, overdue: 0 };
  }
}

/** Residents seen through an area of a role other than maternal_child see every programme. */
function fullAccess(scope: ResidentScope): SQL {
  return residentInScope(scope.filter((area) => !area.maternalChildOnly));
}

/**
 * Rows of residents in the scope and not merged that the scope may see by the 妇幼 rule: `program` is the
 * rows' programme column, null for immunisation (which 妇幼 staff see like the maternal and child programmes).
 */
function visibleRows(query: ProgramSummaryQuery, program: SQL | null): SQL | undefined {
  const maternalChild = program === null ? sql`true` : sql`${program} in ('maternal', 'child')`;
  return and(
    eq(resident.countyCode, query.countyCode),
    isNull(resident.mergedIntoId),
    residentInScope(query.scope),
    or(fullAccess(query.scope), maternalChild)
  );
}

async function countRecords(db: Db, query: ProgramSummaryQuery, table: SummaryTable): Promise<void> {
  const start = `${query.year}-01-01`;
  const end = `${query.year}-12-31`;
  const enrolled = await db
    .select({ program: programEnrolment.program, township: resident.townshipCode, n: countDistinct(resident.id) })
    .from(programEnrolment)
    .innerJoin(resident, eq(resident.id, programEnrolment.residentId))
    .where(
      and(
        eq(programEnrolment.countyCode, query.countyCode),
        lte(programEnrolment.enrolledDate, end),
        or(isNull(programEnrolment.endedDate), gte(programEnrolment.endedDate, start)),
        visibleRows(query, sql`${programEnrolment.program}`)
      )
    )
    .groupBy(programEnrolment.program, resident.townshipCode);
  for (const row of enrolled) table.add(row.program, row.township, 'enrolled', row.n);
  const visits = await db
    .select({ program: followUp.program, township: resident.townshipCode, n: count() })
    .from(followUp)
    .innerJoin(resident, eq(resident.id, followUp.residentId))
    .where(
      and(
        eq(followUp.countyCode, query.countyCode),
        between(followUp.visitDate, start, end),
        visibleRows(query, sql`${followUp.program}`)
      )
    )
    .groupBy(followUp.program, resident.townshipCode);
  for (const row of visits) table.add(row.program, row.township, 'visits', row.n);
  const children = await db
    .select({ township: resident.townshipCode, n: count() })
    .from(resident)
    .where(
      and(
        visibleRows(query, null),
        eq(resident.recordStatus, 'active'),
        lte(resident.birthDate, query.asOf),
        gt(resident.birthDate, addYears(query.asOf, -IMMUNISATION_END_YEARS))
      )
    )
    .groupBy(resident.townshipCode);
  for (const row of children) table.add('immunisation', row.township, 'enrolled', row.n);
  const doses = await db
    .select({ township: resident.townshipCode, n: count() })
    .from(vaccination)
    .innerJoin(resident, eq(resident.id, vaccination.residentId))
    .where(
      and(
        eq(vaccination.countyCode, query.countyCode),
        between(vaccination.vaccinatedDate, start, end),
        visibleRows(query, null)
      )
    )
    .groupBy(resident.townshipCode);
  for (const row of doses) table.add('immunisation', row.township, 'visits', row.n);
}

/** Due and overdue items of one township's residents on the as-of date. */
async function countDue(db: Db, query: ProgramSummaryQuery, townshipCode: string, table: SummaryTable): Promise<void> {
  const candidates = await dueCandidates(db, { ...query, townshipCode });
  const records = await loadScheduleRecords(
    db,
    query.countyCode,
    candidates.map((candidate) => candidate.id),
    query.asOf
  );
  for (const candidate of candidates) {
    const own = records.get(candidate.id);
    if (own === undefined) continue;
    const input = worklistResident(candidate, own, undefined);
    for (const item of dueItems(input.resident, input.enrolments, input.visits, input.vaccinations, query.asOf)) {
      if (!showsItem(candidate, item, undefined)) continue;
      if (isOverdue(item, query.asOf)) table.add(item.program, townshipCode, 'overdue', 1);
      else if (isDueWithin(item, query.asOf, 0)) table.add(item.program, townshipCode, 'due', 1);
    }
  }
}

export async function programSummary(db: Db, query: ProgramSummaryQuery): Promise<ProgramSummaryResponse> {
  const table = new SummaryTable();
  await countRecords(db, query, table);
  const townships = await db
    .select({ code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.countyCode, query.countyCode), eq(orgUnit.level, 4)))
    .orderBy(asc(orgUnit.code));
  for (const township of townships) {
    const inScope = query.scope.some(
      (area) => isWithinScope(area.orgUnitCode, township.code) || isWithinScope(township.code, area.orgUnitCode)
    );
    if (inScope) await countDue(db, query, township.code, table);
  }
  const names = new Map(townships.map((township) => [township.code, township.name]));
  const programs = query.scope.some((area) => !area.maternalChildOnly) ? DUE_PROGRAMS : MATERNAL_CHILD_PROGRAMS;
  const rows = programs.flatMap((program) =>
    table.townships().map((townshipCode) => ({
      program,
      townshipCode,
      townshipName: names.get(townshipCode) ?? townshipCode,
      ...table.counts(program, townshipCode),
    }))
  );
  return { year: query.year, asOf: query.asOf, rows };
}
