/**
 * The residents of an area who can owe a service on a date — an open enrolment, or under 7 (immunisation) —
 * with what the schedules and the worklist need of them, and the 妇幼 rule that applies to what they show:
 * a resident seen only through a maternal_child area shows only maternal, child and immunisation items.
 */
import type { DueItem, ProgramCode, WorklistResident } from '@chp/core';
import { IMMUNISATION_END_YEARS, addYears } from '@chp/core';
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { programEnrolment, resident } from '../../schema.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import type { ScheduleRecords } from './schedule-inputs.js';

/** A programme, or 'immunisation' for the vaccine doses. */
export type DueProgram = ProgramCode | 'immunisation';

/** What a resident seen only through a maternal_child area shows. */
export const MATERNAL_CHILD_PROGRAMS: readonly DueProgram[] = ['maternal', 'child', 'immunisation'];

export interface DueArea {
  countyCode: string;
  scope: ResidentScope;
  asOf: string;
  program?: DueProgram | undefined;
  townshipCode?: string | undefined;
  villageCode?: string | undefined;
}

export interface DueCandidate {
  id: number;
  name: string;
  idNumberMasked: string | null;
  sex: string;
  birthDate: string;
  deathDate: string | null;
  townshipCode: string;
  villageCode: string | null;
  /** Seen through an area of a role other than maternal_child, so every programme shows. */
  fullAccess: boolean;
}

/**
 * The townships the scope (and filter) lies in, when it lies within townships: resident_area_idx leads with
 * county and township, so naming the townships turns a village's lookup into one index range.
 */
function townshipsOf(area: DueArea): string[] | null {
  const codes = [area.villageCode, area.townshipCode].filter((code) => code !== undefined);
  const filtered = codes[0]?.slice(0, 9);
  if (filtered !== undefined) return [filtered];
  const townships = area.scope.map((entry) => (entry.orgUnitCode.length >= 9 ? entry.orgUnitCode.slice(0, 9) : null));
  return townships.length > 0 && townships.every((code) => code !== null) ? [...new Set(townships)] : null;
}

/** An enrolment open on `asOf` (enrolled by then and not ended by then), optionally in one programme. */
function openEnrolment(asOf: string, program: ProgramCode | undefined): SQL {
  return sql`exists (select 1 from ${programEnrolment} where ${and(
    eq(programEnrolment.residentId, resident.id),
    program === undefined ? undefined : eq(programEnrolment.program, program),
    lte(programEnrolment.enrolledDate, asOf),
    or(isNull(programEnrolment.endedDate), gt(programEnrolment.endedDate, asOf))
  )})`;
}

/** Active residents of the area (not merged, not moved or deceased) who may owe a service on `asOf`. */
export async function dueCandidates(db: Db, area: DueArea): Promise<DueCandidate[]> {
  const { asOf, program } = area;
  const underSeven = gt(resident.birthDate, addYears(asOf, -IMMUNISATION_END_YEARS));
  const owes =
    program === undefined
      ? or(openEnrolment(asOf, undefined), underSeven)
      : program === 'immunisation'
        ? underSeven
        : openEnrolment(asOf, program);
  const townships = townshipsOf(area);
  const full = area.scope.filter((entry) => !entry.maternalChildOnly);
  return db
    .select({
      id: resident.id,
      name: resident.name,
      idNumberMasked: resident.idNumberMasked,
      sex: resident.sex,
      birthDate: resident.birthDate,
      deathDate: resident.deathDate,
      townshipCode: resident.townshipCode,
      villageCode: resident.villageCode,
      fullAccess: sql<boolean>`(${residentInScope(full)})`,
    })
    .from(resident)
    .where(
      and(
        eq(resident.countyCode, area.countyCode),
        townships === null ? undefined : sql`${resident.townshipCode} = any(${sql.param(townships)}::text[])`,
        area.villageCode === undefined ? undefined : eq(resident.villageCode, area.villageCode),
        residentInScope(area.scope),
        isNull(resident.mergedIntoId),
        eq(resident.recordStatus, 'active'),
        owes
      )
    );
}

/** Whether the candidate's viewer may see items of the programme (the 妇幼 rule) and the filter keeps them. */
export function showsProgram(candidate: DueCandidate, program: DueProgram, filter: DueProgram | undefined): boolean {
  return (
    (filter === undefined || program === filter) && (candidate.fullAccess || MATERNAL_CHILD_PROGRAMS.includes(program))
  );
}

/** The schedules' input for a candidate, holding only the enrolments whose items may show. */
export function worklistResident(
  candidate: DueCandidate,
  records: ScheduleRecords,
  filter: DueProgram | undefined
): WorklistResident {
  return {
    residentId: candidate.id,
    resident: candidate,
    enrolments: records.enrolments.filter((enrolment) => showsProgram(candidate, enrolment.program, filter)),
    visits: records.visits,
    vaccinations: records.doses,
  };
}

/** Whether a computed item may show (immunisation items are computed for every child). */
export function showsItem(candidate: DueCandidate, item: DueItem, filter: DueProgram | undefined): boolean {
  return showsProgram(candidate, item.program, filter);
}
