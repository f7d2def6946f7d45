/** One resident's due items on a date (core dueItems over their records as stored). */
import type { DueItem } from '@chp/core';
import { dueItems } from '@chp/core';
import type { Db } from '../../connection.js';
import type { ProgramResident } from './program-resident.js';
import { loadScheduleRecords } from './schedule-inputs.js';

export async function residentDueItems(db: Db, person: ProgramResident, asOf: string): Promise<DueItem[]> {
  const records = (await loadScheduleRecords(db, person.countyCode, [person.id], asOf)).get(person.id);
  if (records === undefined) return [];
  return dueItems(person, records.enrolments, records.visits, records.doses, asOf);
}
