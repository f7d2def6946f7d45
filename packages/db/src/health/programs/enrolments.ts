/**
 * Enrolment of residents in the basic public-health programmes: one open enrolment per programme and
 * resident, enrolment periods that do not overlap (so a visit's date names one enrolment), programme facts
 * checked by core, every change audited.
 */
import type {
  CreateEnrolmentRequest,
  EnrolmentDetails,
  EnrolmentEndReason,
  ProgramCode,
  ProgramEnrolment,
  UpdateEnrolmentRequest,
} from '@chp/core';
import { PROGRAMS, checkEnrolment } from '@chp/core';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { followUp, programEnrolment } from '../../schema.js';
import { assertEventDate, lockResident } from './program-resident.js';
import type { ProgramResident } from './program-resident.js';

export type EnrolmentRow = typeof programEnrolment.$inferSelect;

export function toEnrolment(row: EnrolmentRow): ProgramEnrolment {
  return {
    id: row.id,
    residentId: row.residentId,
    program: row.program as ProgramCode,
    enrolledDate: row.enrolledDate,
    endedDate: row.endedDate,
    endReason: row.endReason as EnrolmentEndReason | null,
    facilityId: row.facilityId,
    details: row.details,
  };
}

/** The resident's enrolments, oldest first. */
export async function listEnrolments(db: Db, residentId: number): Promise<ProgramEnrolment[]> {
  const rows = await db
    .select()
    .from(programEnrolment)
    .where(eq(programEnrolment.residentId, residentId))
    .orderBy(asc(programEnrolment.enrolledDate), asc(programEnrolment.id));
  return rows.map(toEnrolment);
}

function period(row: EnrolmentRow): string {
  return `${row.enrolledDate} 至 ${row.endedDate ?? '今'}`;
}

function checkedDetails(
  person: ProgramResident,
  program: ProgramCode,
  enrolledDate: string,
  details: EnrolmentDetails
): EnrolmentDetails {
  const check = checkEnrolment(program, person, enrolledDate, details);
  if (!check.ok) throw new AccessError('invalid', 'invalid_enrolment', check.message);
  return check.details;
}

/** Enrols the resident; refused while an enrolment in the programme is open or when periods would overlap. */
export async function enrol(
  db: Db,
  actor: Actor,
  person: ProgramResident,
  input: CreateEnrolmentRequest,
  today: string
): Promise<ProgramEnrolment> {
  const { program, enrolledDate } = input;
  const label = PROGRAMS[program].label;
  assertEventDate(person, { field: 'enrolledDate', label: '登记日期', date: enrolledDate }, today);
  const details = checkedDetails(person, program, enrolledDate, input.details ?? {});
  return db.transaction(async (tx) => {
    await lockResident(tx, person.id);
    const [latest] = await tx
      .select()
      .from(programEnrolment)
      .where(and(eq(programEnrolment.residentId, person.id), eq(programEnrolment.program, program)))
      .orderBy(desc(programEnrolment.enrolledDate))
      .limit(1);
    if (latest?.endedDate === null) {
      throw new AccessError(
        'conflict',
        'enrolment_open',
        `该居民已在${label}健康管理中（${latest.enrolledDate} 登记，尚未结案），同一项目只能有一个在管登记。`
      );
    }
    if (latest !== undefined && enrolledDate <= latest.endedDate) {
      throw new AccessError(
        'conflict',
        'enrolment_overlap',
        `登记日期 ${enrolledDate} 不晚于该居民上一次${label}健康管理的结案日期（${period(latest)}），两次登记不能重叠。`
      );
    }
    const [row] = await tx
      .insert(programEnrolment)
      .values({
        countyCode: person.countyCode,
        residentId: person.id,
        program,
        enrolledDate,
        facilityId: input.facilityId ?? null,
        details: { ...details },
      })
      .returning();
    if (!row) throw new Error('insert into program_enrolment returned no row');
    const enrolment = toEnrolment(row);
    await writeAudit(tx, actor, {
      action: 'program_enrolment.create',
      entity: 'program_enrolment',
      entityId: row.id,
      countyCode: person.countyCode,
      after: enrolment,
    });
    return enrolment;
  });
}

/**
 * Ends an open enrolment (date and reason together) or changes its details (e.g. the delivery date). An
 * ended enrolment is history and stays as it is.
 */
export async function updateEnrolment(
  db: Db,
  actor: Actor,
  person: ProgramResident,
  enrolmentId: number,
  changes: UpdateEnrolmentRequest,
  today: string
): Promise<ProgramEnrolment> {
  if ((changes.endedDate === undefined) !== (changes.endReason === undefined)) {
    throw new AccessError(
      'invalid',
      'invalid_enrolment',
      '结案须同时填写结案日期（endedDate）和结案原因（endReason）。'
    );
  }
  return db.transaction(async (tx) => {
    await lockResident(tx, person.id);
    const [before] = await tx
      .select()
      .from(programEnrolment)
      .where(and(eq(programEnrolment.id, enrolmentId), eq(programEnrolment.residentId, person.id)));
    if (!before) {
      throw new AccessError('not_found', 'enrolment_not_found', `该居民没有编号为 ${enrolmentId} 的项目登记。`);
    }
    const program = before.program as ProgramCode;
    const label = PROGRAMS[program].label;
    if (before.endedDate !== null) {
      throw new AccessError(
        'conflict',
        'enrolment_ended',
        `该${label}健康管理登记已于 ${before.endedDate} 结案，不能再修改。`
      );
    }
    const details =
      changes.details === undefined
        ? (before.details as EnrolmentDetails)
        : checkedDetails(person, program, before.enrolledDate, {
            ...(before.details as EnrolmentDetails),
            ...changes.details,
          });
    if (changes.endedDate !== undefined) {
      await assertEndDate(tx, person, before, changes.endedDate, today);
    }
    const [row] = await tx
      .update(programEnrolment)
      .set({ details: { ...details }, endedDate: changes.endedDate ?? null, endReason: changes.endReason ?? null })
      .where(eq(programEnrolment.id, enrolmentId))
      .returning();
    if (!row) throw new Error(`program_enrolment ${enrolmentId} vanished`);
    const enrolment = toEnrolment(row);
    await writeAudit(tx, actor, {
      action: changes.endedDate === undefined ? 'program_enrolment.update' : 'program_enrolment.end',
      entity: 'program_enrolment',
      entityId: enrolmentId,
      countyCode: person.countyCode,
      before: toEnrolment(before),
      after: enrolment,
    });
    return enrolment;
  });
}

/** An enrolment ends on or after its start and its last visit, and not after death or today. */
async function assertEndDate(
  tx: Db,
  person: ProgramResident,
  enrolment: EnrolmentRow,
  endedDate: string,
  today: string
): Promise<void> {
  assertEventDate(person, { field: 'endedDate', label: '结案日期', date: endedDate }, today);
  if (endedDate < enrolment.enrolledDate) {
    throw new AccessError('invalid', 'invalid_date', `结案日期 ${endedDate} 早于登记日期 ${enrolment.enrolledDate}。`);
  }
  const [last] = await tx
    .select({ date: max(followUp.visitDate) })
    .from(followUp)
    // The county leads follow_up_unique, whose second column is the enrolment.
    .where(and(eq(followUp.countyCode, person.countyCode), eq(followUp.enrolmentId, enrolment.id)));
  if (last?.date != null && endedDate < last.date) {
    throw new AccessError('invalid', 'invalid_date', `结案日期 ${endedDate} 早于该登记最后一次随访日期 ${last.date}。`);
  }
}
