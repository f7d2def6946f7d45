/**
 * What the schedules read for a set of residents — their open enrolments, their visits and their vaccine
 * doses — in three set-based queries keyed by resident id (one array parameter each, served by the
 * resident-keyed indexes), never one query per resident.
 */
import type { GivenDose, ProgramCode, ScheduleEnrolment, ScheduleVisit } from '@chp/core';
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Column, SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { followUp, programEnrolment, vaccination } from '../../schema.js';

export interface ScheduleRecords {
  enrolments: ScheduleEnrolment[];
  visits: ScheduleVisit[];
  doses: GivenDose[];
}

/** `column = any($1)` with the ids as one array parameter (a 3,000-resident village is one parameter). */
export const anyId = (column: Column, ids: readonly number[]): SQL => sql`${column} = any(${sql.param(ids)}::bigint[])`;

function recordsOf(map: Map<number, ScheduleRecords>, residentId: number): ScheduleRecords {
  let records = map.get(residentId);
  if (records === undefined) {
    records = { enrolments: [], visits: [], doses: [] };
    map.set(residentId, records);
  }
  return records;
}

/**
 * The schedule inputs of the residents on `asOf`: enrolments open on that day (started, not ended before),
 * the visits up to it in date order, and every dose given up to it. Residents with none get empty lists.
 */
export async function loadScheduleRecords(
  db: Db,
  countyCode: string,
  residentIds: readonly number[],
  asOf: string
): Promise<Map<number, ScheduleRecords>> {
  const byResident = new Map<number, ScheduleRecords>(
    residentIds.map((id) => [id, { enrolments: [], visits: [], doses: [] }])
  );
  if (residentIds.length === 0) return byResident;
  // Three independent reads, concurrent on a PostgreSQL pool. Visits of enrolments that are not open come
  // along (few) rather than making the visit read wait for the enrolments; the schedules ignore them.
  const [enrolments, visits, doses] = await Promise.all([
    db
      .select({
        id: programEnrolment.id,
        residentId: programEnrolment.residentId,
        program: programEnrolment.program,
        enrolledDate: programEnrolment.enrolledDate,
        endedDate: programEnrolment.endedDate,
        details: programEnrolment.details,
      })
      .from(programEnrolment)
      .where(
        and(
          anyId(programEnrolment.residentId, residentIds),
          lte(programEnrolment.enrolledDate, asOf),
          or(isNull(programEnrolment.endedDate), gte(programEnrolment.endedDate, asOf))
        )
      ),
    db
      .select({
        residentId: followUp.residentId,
        enrolmentId: followUp.enrolmentId,
        program: followUp.program,
        kind: followUp.kind,
        visitDate: followUp.visitDate,
        controlled: followUp.controlled,
        referral: followUp.referral,
        values: followUp.values,
      })
      .from(followUp)
      .where(and(anyId(followUp.residentId, residentIds), lte(followUp.visitDate, asOf)))
      .orderBy(asc(followUp.visitDate), asc(followUp.id)),
    db
      .select({
        residentId: vaccination.residentId,
        vaccine: vaccination.vaccine,
        dose: vaccination.dose,
        date: vaccination.vaccinatedDate,
      })
      .from(vaccination)
      .where(
        and(
          eq(vaccination.countyCode, countyCode),
          anyId(vaccination.residentId, residentIds),
          lte(vaccination.vaccinatedDate, asOf)
        )
      )
      .orderBy(asc(vaccination.vaccinatedDate)),
  ]);
  for (const { residentId, ...enrolment } of enrolments) {
    recordsOf(byResident, residentId).enrolments.push({ ...enrolment, program: enrolment.program as ProgramCode });
  }
  for (const { residentId, ...visit } of visits) {
    recordsOf(byResident, residentId).visits.push({ ...visit, program: visit.program as ProgramCode });
  }
  for (const { residentId, ...dose } of doses) {
    recordsOf(byResident, residentId).doses.push(dose);
  }
  return byResident;
}
