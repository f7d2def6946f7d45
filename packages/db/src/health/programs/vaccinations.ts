/**
 * Vaccine doses (vaccination): a vaccine of the national schedule, a dose number the schedule has, dated
 * within the person's life and in order with the vaccine's other doses; each dose recorded once.
 */
import type { SavedVaccination, VaccinationInput, VaccineCode } from '@chp/core';
import { VACCINES, VACCINE_CODES, doseLabel, isVaccineCode } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { vaccination } from '../../schema.js';
import { assertEventDate, lockResident } from './program-resident.js';
import type { ProgramResident } from './program-resident.js';

type VaccinationRow = typeof vaccination.$inferSelect;

export function toSavedVaccination(row: VaccinationRow): SavedVaccination {
  return {
    id: row.id,
    residentId: row.residentId,
    vaccine: row.vaccine,
    dose: row.dose,
    vaccinatedDate: row.vaccinatedDate,
    facilityId: row.facilityId,
    lotNumber: row.lotNumber,
  };
}

export type VaccineDoseCheck = { ok: true; vaccine: VaccineCode } | { ok: false; message: string };

export function unknownVaccineMessage(vaccine: string): string {
  const known = VACCINE_CODES.map((code) => `${code}（${VACCINES[code].label}）`).join('、');
  return `疫苗“${vaccine}”不在国家免疫规划疫苗儿童免疫程序中，应为：${known}。`;
}

/** Whether the vaccine and dose number are the schedule's (国家免疫规划疫苗儿童免疫程序). */
export function checkVaccineDose(vaccine: string, dose: number): VaccineDoseCheck {
  if (!isVaccineCode(vaccine)) return { ok: false, message: unknownVaccineMessage(vaccine) };
  const { doses, label } = VACCINES[vaccine];
  if (!Number.isInteger(dose) || dose < 1 || dose > doses) {
    return {
      ok: false,
      message: `${label}（${vaccine}）按免疫程序共 ${doses} 剂，剂次“${dose}”超出范围（1—${doses}）。`,
    };
  }
  return { ok: true, vaccine };
}

/** Why the date does not fit between the vaccine's other doses already recorded; null when it does. */
function orderProblem(vaccine: VaccineCode, input: VaccinationInput, others: readonly VaccinationRow[]): string | null {
  const label = (dose: number): string => doseLabel(vaccine, dose);
  const earlier = others.find((other) => other.dose < input.dose && other.vaccinatedDate >= input.vaccinatedDate);
  if (earlier !== undefined) {
    return `${label(input.dose)}的接种日期 ${input.vaccinatedDate} 不晚于已登记的${label(earlier.dose)}（${earlier.vaccinatedDate}）。`;
  }
  const later = others.find((other) => other.dose > input.dose && other.vaccinatedDate <= input.vaccinatedDate);
  if (later !== undefined) {
    return `${label(input.dose)}的接种日期 ${input.vaccinatedDate} 不早于已登记的${label(later.dose)}（${later.vaccinatedDate}）。`;
  }
  return null;
}

/** Records a dose; the same dose of a vaccine twice is a conflict naming the recorded one. */
export async function recordVaccination(
  db: Db,
  actor: Actor,
  person: ProgramResident,
  input: VaccinationInput,
  today: string
): Promise<SavedVaccination> {
  const check = checkVaccineDose(input.vaccine, input.dose);
  if (!check.ok) throw new AccessError('invalid', 'invalid_vaccine', check.message);
  const { vaccine } = check;
  assertEventDate(person, { field: 'vaccinatedDate', label: '接种日期', date: input.vaccinatedDate }, today);
  return db.transaction(async (tx) => {
    await lockResident(tx, person.id);
    const others = await tx
      .select()
      .from(vaccination)
      .where(
        and(
          eq(vaccination.countyCode, person.countyCode),
          eq(vaccination.residentId, person.id),
          eq(vaccination.vaccine, input.vaccine)
        )
      );
    const same = others.find((other) => other.dose === input.dose);
    if (same !== undefined) {
      throw new AccessError(
        'conflict',
        'duplicate_vaccination',
        `该居民已登记${doseLabel(vaccine, input.dose)}（${same.vaccinatedDate} 接种，编号 ${same.id}），同一剂次不能重复登记。`
      );
    }
    const order = orderProblem(vaccine, input, others);
    if (order !== null) throw new AccessError('invalid', 'invalid_date', order);
    const [row] = await tx
      .insert(vaccination)
      .values({
        countyCode: person.countyCode,
        residentId: person.id,
        vaccine: input.vaccine,
        dose: input.dose,
        vaccinatedDate: input.vaccinatedDate,
        facilityId: input.facilityId ?? null,
        lotNumber: input.lotNumber ?? null,
      })
      .returning();
    if (!row) throw new Error('insert into vaccination returned no row');
    const saved = toSavedVaccination(row);
    await writeAudit(tx, actor, {
      action: 'vaccination.create',
      entity: 'vaccination',
      entityId: row.id,
      countyCode: person.countyCode,
      after: saved,
    });
    return saved;
  });
}
