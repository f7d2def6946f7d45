/**
 * Programme visits (follow_up): values validated by core, dated within the person's life and the enrolment,
 * `controlled` judged at the resident's age on the visit day, one visit of a kind per enrolment and day.
 */
import type { FollowUpInput, ProgramCode, SavedFollowUp, VisitKind } from '@chp/core';
import { PROGRAMS, completedYears, isControlled, validateFollowUpValues, visitKindLabel } from '@chp/core';
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { followUp, programEnrolment } from '../../schema.js';
import type { EnrolmentRow } from './enrolments.js';
import { assertEventDate, lockResident } from './program-resident.js';
import type { ProgramResident } from './program-resident.js';

type FollowUpRow = typeof followUp.$inferSelect;

export function toSavedFollowUp(row: FollowUpRow): SavedFollowUp {
  return {
    id: row.id,
    residentId: row.residentId,
    enrolmentId: row.enrolmentId,
    program: row.program as ProgramCode,
    kind: row.kind as VisitKind,
    visitDate: row.visitDate,
    facilityId: row.facilityId,
    doctor: row.doctor,
    values: row.values,
    controlled: row.controlled,
    referral: row.referral,
    nextVisitDate: row.nextVisitDate,
  };
}

/** Throws a 400 naming each bad value with its field and accepted range (core validateFollowUpValues). */
export function assertFollowUpValues(input: Pick<FollowUpInput, 'program' | 'kind' | 'values'>): void {
  const errors = validateFollowUpValues(input.program, input.kind, input.values);
  if (errors.length > 0) {
    throw new AccessError(
      'invalid',
      'invalid_follow_up_values',
      `${errors.map((error) => error.message).join('；')}。`
    );
  }
}

/** The enrolment the visit belongs to: the one named, or the resident's enrolment in the programme on the day. */
async function enrolmentOfVisit(tx: Db, person: ProgramResident, input: FollowUpInput): Promise<EnrolmentRow> {
  const label = PROGRAMS[input.program].label;
  const { visitDate } = input;
  const [row] =
    input.enrolmentId === undefined
      ? await tx
          .select()
          .from(programEnrolment)
          .where(
            and(
              eq(programEnrolment.residentId, person.id),
              eq(programEnrolment.program, input.program),
              lte(programEnrolment.enrolledDate, visitDate),
              or(isNull(programEnrolment.endedDate), gte(programEnrolment.endedDate, visitDate))
            )
          )
      : await tx
          .select()
          .from(programEnrolment)
          .where(and(eq(programEnrolment.id, input.enrolmentId), eq(programEnrolment.residentId, person.id)));
  if (row === undefined) {
    throw input.enrolmentId === undefined
      ? new AccessError(
          'invalid',
          'not_enrolled',
          `该居民在随访日期 ${visitDate} 未纳入${label}健康管理（无当日有效的登记），请先登记或核对日期。`
        )
      : new AccessError('not_found', 'enrolment_not_found', `该居民没有编号为 ${input.enrolmentId} 的项目登记。`);
  }
  if (row.program !== input.program) {
    const theirs = PROGRAMS[row.program as ProgramCode].label;
    throw new AccessError('invalid', 'wrong_enrolment', `登记 ${row.id} 属于${theirs}健康管理，不是${label}。`);
  }
  if (visitDate < row.enrolledDate) {
    throw new AccessError(
      'invalid',
      'invalid_date',
      `随访日期 ${visitDate} 早于${label}健康管理登记日期 ${row.enrolledDate}。`
    );
  }
  if (row.endedDate !== null && visitDate > row.endedDate) {
    throw new AccessError(
      'invalid',
      'invalid_date',
      `随访日期 ${visitDate} 晚于${label}健康管理结案日期 ${row.endedDate}。`
    );
  }
  return row;
}

/** Records a programme visit; a second visit of the kind on the day for the enrolment is a conflict. */
export async function recordFollowUp(
  db: Db,
  actor: Actor,
  person: ProgramResident,
  input: FollowUpInput,
  today: string
): Promise<SavedFollowUp> {
  const { program, kind, visitDate } = input;
  assertFollowUpValues(input);
  assertEventDate(person, { field: 'visitDate', label: '随访日期', date: visitDate }, today);
  if (input.nextVisitDate != null && input.nextVisitDate <= visitDate) {
    throw new AccessError(
      'invalid',
      'invalid_date',
      `下次随访日期 ${input.nextVisitDate} 应晚于本次随访日期 ${visitDate}。`
    );
  }
  return db.transaction(async (tx) => {
    await lockResident(tx, person.id);
    const enrolment = await enrolmentOfVisit(tx, person, input);
    const [existing] = await tx
      .select({ id: followUp.id })
      .from(followUp)
      .where(
        and(
          eq(followUp.countyCode, person.countyCode),
          eq(followUp.enrolmentId, enrolment.id),
          eq(followUp.kind, kind),
          eq(followUp.visitDate, visitDate)
        )
      );
    if (existing) {
      throw new AccessError(
        'conflict',
        'duplicate_follow_up',
        `该居民 ${visitDate} 已有一次${PROGRAMS[program].label}${visitKindLabel(program, kind)}记录（编号 ${existing.id}），同一登记同一天同类随访只能记录一次。`
      );
    }
    const controlled = isControlled(program, input.values, completedYears(person.birthDate, visitDate));
    const [row] = await tx
      .insert(followUp)
      .values({
        countyCode: person.countyCode,
        residentId: person.id,
        enrolmentId: enrolment.id,
        program,
        kind,
        visitDate,
        facilityId: input.facilityId ?? null,
        doctor: input.doctor ?? null,
        values: { ...input.values },
        controlled,
        // As the doctor recorded it: two uncontrolled visits in a row are flagged on the due item (core).
        referral: input.referral ?? false,
        nextVisitDate: input.nextVisitDate ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert into follow_up returned no row');
    const saved = toSavedFollowUp(row);
    await writeAudit(tx, actor, {
      action: 'follow_up.create',
      entity: 'follow_up',
      entityId: row.id,
      countyCode: person.countyCode,
      after: saved,
    });
    return saved;
  });
}
