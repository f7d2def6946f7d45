/** What the programme writes need of a resident, and the checks they share. */
import type { DateProblem } from '@chp/core';
import { checkEventDate } from '@chp/core';
import type { Db } from '../../connection.js';
import { AccessError } from '../../access/errors.js';
import { lockResidentRow } from '../residents/find-resident.js';
import type { ResidentRow } from '../residents/find-resident.js';

export type ProgramResident = Pick<ResidentRow, 'id' | 'countyCode' | 'sex' | 'birthDate' | 'deathDate'>;

/**
 * Locks the resident's row for the transaction, so that two writes for one person (an enrolment and a
 * second enrolment, two visits of a day) run one after the other and the checks before them hold. A record
 * merged into another takes no more services: they belong on the record it was merged into.
 */
export async function lockResident(tx: Db, residentId: number): Promise<void> {
  const row = await lockResidentRow(tx, residentId);
  if (row?.mergedIntoId != null) {
    throw new AccessError(
      'conflict',
      'resident_merged',
      `该居民档案已合并到编号 ${row.mergedIntoId} 的档案，请在合并后的档案中登记。`
    );
  }
}

/** A 400 naming every problem with the dates of a request. */
export function invalidDates(problems: readonly DateProblem[]): AccessError {
  return new AccessError('invalid', 'invalid_date', `${problems.map((problem) => problem.message).join('；')}。`);
}

/** Throws when the date of something that happened to the person is before birth, after death or in the future. */
export function assertEventDate(
  person: ProgramResident,
  event: { field: string; label: string; date: string },
  today: string
): void {
  const problems = checkEventDate(event, person, today);
  if (problems.length > 0) throw invalidDates(problems);
}
