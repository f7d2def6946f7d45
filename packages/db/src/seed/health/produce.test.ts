import {
  checkEnrolment,
  checkResidentDates,
  completedMonths,
  completedYears,
  dosesDueBy,
  idNumberConflicts,
  isControlled,
  isProgramCode,
  isTimelyDose,
  lastDayInForce,
  maskIdNumber,
  parseResidentIdNumber,
  validateFollowUpValues,
} from '@chp/core';
import type { EnrolmentDetails, KnownSex } from '@chp/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGE_GROUPS } from '../registers/demography.js';
import { collectRows, divisionCounty, testPlan } from './health-testing.js';
import type { HealthRecordPlan } from './produce.js';
import type { HealthRow, HealthRowBatch } from './rows.js';

const YEARS = { from: 2021, to: 2025 };
const END = '2025-12-31';
const TODAY = '2026-01-01';

type ResidentRow = HealthRow<'resident'>;

function groupOf(age: number): number {
  return AGE_GROUPS.findIndex((band) => age >= band.start && (band.end === null || age <= band.end));
}

function share(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

describe('the synthetic county (row producer)', () => {
  let plan: HealthRecordPlan;
  let rows: HealthRowBatch;
  let residents: Map<number, ResidentRow>;
  let active: ResidentRow[];
  const age = (row: ResidentRow, on = END): number => completedYears(row.birthDate, on);
  const enrolmentsOf = (program: string): HealthRow<'programEnrolment'>[] =>
    rows.programEnrolment.filter((row) => row.program === program);

  beforeAll(async () => {
    const county = await divisionCounty('640221', '平罗县');
    plan = testPlan(county, 15_000, 7, YEARS);
    rows = collectRows(plan);
    residents = new Map(rows.resident.map((row) => [row.id ?? 0, row]));
    active = rows.resident.filter((row) => row.recordStatus === 'active');
  });

  it('indexes one living resident per person of the population cells, and those who died or left', () => {
    expect(active).toHaveLength(15_000);
    const counted = new Map<string, number>();
    for (const row of active) {
      const key = `${row.townshipCode}|${row.sex}|${groupOf(age(row))}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const expected = new Map(
      plan.cells
        .filter((cell) => cell.count > 0)
        .map((cell) => [`${cell.township}|${cell.sex}|${cell.group}`, cell.count])
    );
    expect(counted).toEqual(expected);
    const departed = rows.resident.filter((row) => row.recordStatus !== 'active');
    // About 7 ‰ deaths and some moving away a year, over five years.
    expect(share(departed.length, active.length)).toBeGreaterThan(0.03);
    expect(share(departed.length, active.length)).toBeLessThan(0.09);
    for (const row of departed) {
      expect(row.statusDate, String(row.id)).not.toBeNull();
      expect(row.deathDate).toBe(row.recordStatus === 'deceased' ? row.statusDate : null);
    }
  });

  it('issues valid, unique 身份证号 that agree with the birth date and sex, stored encrypted', () => {
    const hashes = new Set<string>();
    for (const row of rows.resident) {
      const number = plan.idCipher.decrypt(row.idNumberCipher ?? '');
      const parsed = parseResidentIdNumber(number, TODAY);
      expect(parsed.ok, number).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.regionCode).toBe('640221');
      expect(idNumberConflicts(parsed.value, { birthDate: row.birthDate, sex: row.sex as KnownSex })).toEqual([]);
      expect(row.idNumberMasked).toBe(maskIdNumber('resident_id', number));
      expect(row.idNumberHash).toBe(plan.idCipher.hash('resident_id', number));
      hashes.add(row.idNumberHash ?? '');
    }
    expect(hashes.size).toBe(rows.resident.length);
  });

  it('gives the same rows for the same seed, other rows for another', async () => {
    const county = await divisionCounty('640221', '平罗县');
    const strip = (batch: HealthRowBatch): unknown => ({
      ...batch,
      resident: batch.resident.map(({ idNumberCipher: _cipher, ...row }) => row),
    });
    const first = strip(collectRows(testPlan(county, 1500, 3, YEARS)));
    expect(strip(collectRows(testPlan(county, 1500, 3, YEARS)))).toEqual(first);
    expect(strip(collectRows(testPlan(county, 1500, 4, YEARS)))).not.toEqual(first);
  });

  it('forms households of two to four persons around one head', () => {
    const households = new Map<number, ResidentRow[]>();
    for (const row of rows.resident) {
      households.set(row.householdId ?? 0, [...(households.get(row.householdId ?? 0) ?? []), row]);
    }
    expect(households.size).toBe(rows.household.length);
    let typical = 0;
    for (const members of households.values()) {
      expect(members.filter((member) => member.householdRelation === '01')).toHaveLength(1);
      if (members.length >= 2 && members.length <= 4) typical += 1;
    }
    expect(share(typical, households.size)).toBeGreaterThan(0.85);
    expect(new Set(rows.household.map((row) => row.householdNumber)).size).toBe(rows.household.length);
    const recorded = rows.resident.filter((row) => row.recordDate !== null);
    expect(share(recorded.length, rows.resident.length)).toBeGreaterThan(0.85);
    expect(share(recorded.length, rows.resident.length)).toBeLessThan(0.92);
  });

  it('writes dates, enrolments and visit values the platform accepts', () => {
    for (const row of rows.resident) {
      const dates = {
        birthDate: row.birthDate,
        deathDate: row.deathDate,
        recordDate: row.recordDate,
        statusDate: row.statusDate,
      };
      expect(checkResidentDates(dates, TODAY), String(row.id)).toEqual([]);
    }
    const enrolments = new Map(rows.programEnrolment.map((row) => [row.id ?? 0, row]));
    for (const row of rows.programEnrolment) {
      const person = residents.get(row.residentId);
      if (person === undefined || !isProgramCode(row.program)) throw new Error(`enrolment ${String(row.id)}`);
      const check = checkEnrolment(row.program, person, row.enrolledDate, row.details as EnrolmentDetails);
      expect(check, `${row.program} ${String(row.id)}`).toMatchObject({ ok: true });
      expect((row.endedDate ?? END) >= row.enrolledDate).toBe(true);
    }
    for (const visit of rows.followUp) {
      const enrolment = enrolments.get(visit.enrolmentId);
      const person = residents.get(visit.residentId);
      if (enrolment === undefined || person === undefined || !isProgramCode(visit.program)) throw new Error('visit');
      expect(enrolment.residentId).toBe(visit.residentId);
      expect(
        validateFollowUpValues(visit.program, visit.kind, visit.values ?? {}),
        `${visit.program} ${visit.kind}`
      ).toEqual([]);
      expect(visit.controlled ?? null).toBe(
        isControlled(visit.program, visit.values ?? {}, age(person, visit.visitDate))
      );
      expect(visit.visitDate >= enrolment.enrolledDate && visit.visitDate >= '2021-01-01').toBe(true);
      expect(visit.visitDate <= (enrolment.endedDate ?? END)).toBe(true);
      expect(visit.visitDate < (person.statusDate ?? TODAY)).toBe(true);
    }
    const keys = rows.followUp.map((visit) => `${visit.enrolmentId}|${visit.kind}|${visit.visitDate}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds the chronic conditions at their prevalence, rising with age', () => {
    const recordedAdults = active.filter((row) => row.recordDate !== null && age(row) >= 18);
    const enrolled = (program: string): Set<number> => new Set(enrolmentsOf(program).map((row) => row.residentId));
    const hypertension = enrolled('hypertension');
    const diabetes = enrolled('diabetes');
    const shareOf = (set: Set<number>, people: ResidentRow[]): number =>
      share(people.filter((row) => set.has(row.id ?? 0)).length, people.length);
    expect(shareOf(hypertension, recordedAdults)).toBeGreaterThan(0.24);
    expect(shareOf(hypertension, recordedAdults)).toBeLessThan(0.32);
    expect(shareOf(diabetes, recordedAdults)).toBeGreaterThan(0.07);
    expect(shareOf(diabetes, recordedAdults)).toBeLessThan(0.13);
    const band = (from: number, to: number): ResidentRow[] =>
      recordedAdults.filter((row) => age(row) >= from && age(row) < to);
    expect(shareOf(hypertension, band(18, 45))).toBeLessThan(shareOf(hypertension, band(45, 65)));
    expect(shareOf(hypertension, band(45, 65))).toBeLessThan(shareOf(hypertension, band(65, 120)));
    expect(shareOf(enrolled('severe_mental'), active)).toBeGreaterThan(0.003);
    expect(shareOf(enrolled('severe_mental'), active)).toBeLessThan(0.0065);
    // A few cases per 10,000 a year.
    const perTenThousandYears = (enrolmentsOf('tuberculosis').length / (active.length * 5)) * 10_000;
    expect(perTenThousandYears).toBeGreaterThan(1);
    expect(perTenThousandYears).toBeLessThan(8);
  });

  it('follows chronic patients about as the 规范 asks, with about 60 % of visits on target', () => {
    for (const program of ['hypertension', 'diabetes']) {
      const wholeYear = enrolmentsOf(program).filter(
        (row) => row.enrolledDate <= '2024-01-01' && (row.endedDate ?? END) > '2024-12-31'
      );
      const visits = new Map<number, number>();
      for (const visit of rows.followUp) {
        if (visit.program === program && visit.kind === 'follow_up' && visit.visitDate.startsWith('2024')) {
          visits.set(visit.enrolmentId, (visits.get(visit.enrolmentId) ?? 0) + 1);
        }
      }
      const fourOrMore = wholeYear.filter((row) => (visits.get(row.id ?? 0) ?? 0) >= 4).length;
      expect(share(fourOrMore, wholeYear.length), program).toBeGreaterThan(0.7);
      expect(share(fourOrMore, wholeYear.length), program).toBeLessThan(0.85);
      const followUps = rows.followUp.filter((visit) => visit.program === program && visit.kind === 'follow_up');
      const onTarget = followUps.filter((visit) => visit.controlled === true).length;
      expect(share(onTarget, followUps.length), program).toBeGreaterThan(0.5);
      expect(share(onTarget, followUps.length), program).toBeLessThan(0.7);
    }
    const elderly = active.filter((row) => (row.recordDate ?? END) <= '2024-01-01' && age(row, '2024-12-31') >= 66);
    const checked = new Set(
      rows.followUp
        .filter((visit) => visit.program === 'elderly' && visit.visitDate.startsWith('2024'))
        .map((visit) => visit.residentId)
    );
    expect(share(elderly.filter((row) => checked.has(row.id ?? 0)).length, elderly.length)).toBeGreaterThan(0.6);
    expect(share(elderly.filter((row) => checked.has(row.id ?? 0)).length, elderly.length)).toBeLessThan(0.8);
  });

  it('books most pregnancies early, with five checks, a delivery and a postpartum visit, at the birth rate', () => {
    const bookings = rows.followUp.filter((visit) => visit.program === 'maternal' && visit.kind === 'booking');
    const early = bookings.filter((visit) => Number(visit.values?.['gestationalWeeks']) < 13).length;
    expect(share(early, bookings.length)).toBeGreaterThan(0.85);
    expect(share(early, bookings.length)).toBeLessThan(0.95);
    const delivered = enrolmentsOf('maternal').filter((row) => {
      const details = row.details as EnrolmentDetails;
      return (
        row.enrolledDate >= '2021-01-01' && details.deliveryDate !== undefined && details.deliveryDate < '2025-10-01'
      );
    });
    const kindsOf = new Map<number, string[]>();
    for (const visit of rows.followUp)
      kindsOf.set(visit.enrolmentId, [...(kindsOf.get(visit.enrolmentId) ?? []), visit.kind]);
    const visitsOf = (id: number, kinds: string[]): number =>
      (kindsOf.get(id) ?? []).filter((kind) => kinds.includes(kind)).length;
    const five = delivered.filter((row) => visitsOf(row.id ?? 0, ['booking', 'antenatal']) >= 5).length;
    expect(share(five, delivered.length)).toBeGreaterThan(0.82);
    const postpartum = delivered.filter((row) => visitsOf(row.id ?? 0, ['postpartum']) === 1).length;
    expect(share(postpartum, delivered.length)).toBeGreaterThan(0.85);
    expect(delivered.every((row) => visitsOf(row.id ?? 0, ['delivery']) === 1)).toBe(true);
    // Mothers are found for most of the children born in the county.
    const births2024 = rows.resident.filter((row) => row.birthDate.startsWith('2024')).length;
    const deliveries2024 = enrolmentsOf('maternal').filter((row) =>
      ((row.details as EnrolmentDetails).deliveryDate ?? '').startsWith('2024')
    ).length;
    expect(share(deliveries2024, births2024)).toBeGreaterThan(0.6);
    expect(share(deliveries2024, births2024)).toBeLessThanOrEqual(1);
  });

  it('checks young children at the 4:2:2 ages and vaccinates them on the national schedule', () => {
    const children = active.filter(
      (row) => row.recordDate !== null && row.birthDate >= '2021-01-01' && row.birthDate <= '2023-12-31'
    );
    expect(children.length).toBeGreaterThan(200);
    const checks = new Map<number, string[]>();
    for (const visit of rows.followUp) {
      if (visit.program === 'child' && visit.kind === 'child_check') {
        checks.set(visit.residentId, [...(checks.get(visit.residentId) ?? []), visit.visitDate]);
      }
    }
    const sixMonths = children.filter((row) =>
      (checks.get(row.id ?? 0) ?? []).some((date) => completedMonths(row.birthDate, date) === 6)
    );
    expect(share(sixMonths.length, children.length)).toBeGreaterThan(0.85);
    const doses = new Map<number, { vaccine: string; dose: number; date: string }[]>();
    for (const row of rows.vaccination) {
      doses.set(row.residentId, [
        ...(doses.get(row.residentId) ?? []),
        { vaccine: row.vaccine, dose: row.dose, date: row.vaccinatedDate },
      ]);
    }
    const vaccinated = active.filter((row) => row.birthDate >= '2021-01-01' && row.birthDate <= '2023-12-31');
    let due = 0;
    let given = 0;
    let timely = 0;
    for (const row of vaccinated) {
      const received = doses.get(row.id ?? 0) ?? [];
      for (const dose of dosesDueBy(row.birthDate, '2025-06-30', received)) {
        due += 1;
        const record = received.find((item) => item.vaccine === dose.vaccine && item.dose === dose.dose);
        if (record === undefined) continue;
        given += 1;
        if (isTimelyDose(row.birthDate, record.vaccine, record.dose, record.date)) timely += 1;
      }
    }
    expect(share(given, due)).toBeGreaterThan(0.93);
    expect(share(given, due)).toBeLessThan(0.995);
    expect(share(timely, given)).toBeGreaterThan(0.85);
    const keys = rows.vaccination.map((row) => `${row.residentId}|${row.vaccine}|${row.dose}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('contracts about half the residents, key populations far more, yearly and renewed', () => {
    const inForce2025 = new Set(
      rows.familyDoctorContract
        .filter((row) => {
          const last = lastDayInForce({
            ...row,
            status: row.status as 'active' | 'terminated',
            terminatedDate: row.terminatedDate ?? null,
          });
          return row.startDate <= END && last !== null && last >= '2025-01-01';
        })
        .map((row) => row.residentId)
    );
    const recorded = active.filter((row) => row.recordDate !== null);
    const contracted = (people: ResidentRow[]): number =>
      share(people.filter((row) => inForce2025.has(row.id ?? 0)).length, people.length);
    expect(contracted(recorded)).toBeGreaterThan(0.4);
    expect(contracted(recorded)).toBeLessThan(0.6);
    const patients = new Set(
      rows.programEnrolment
        .filter((row) => row.program === 'hypertension' || row.program === 'diabetes')
        .map((row) => row.residentId)
    );
    const key = recorded.filter((row) => age(row) >= 65 || patients.has(row.id ?? 0));
    expect(contracted(key)).toBeGreaterThan(0.68);
    expect(contracted(key)).toBeLessThan(0.85);
    const byResident = new Map<number, HealthRow<'familyDoctorContract'>[]>();
    for (const row of rows.familyDoctorContract)
      byResident.set(row.residentId, [...(byResident.get(row.residentId) ?? []), row]);
    const byId = new Map(rows.familyDoctorContract.map((row) => [row.id ?? 0, row]));
    let renewed = 0;
    for (const contracts of byResident.values()) {
      contracts.forEach((row, index) => {
        const next = contracts[index + 1];
        if (next !== undefined) expect(next.startDate > row.endDate).toBe(true);
      });
    }
    for (const row of rows.familyDoctorContract) {
      if (row.renewsContractId !== null && row.renewsContractId !== undefined) {
        renewed += 1;
        const previous = byId.get(row.renewsContractId);
        expect(previous?.residentId).toBe(row.residentId);
        expect(Date.parse(row.startDate) - Date.parse(previous?.endDate ?? '')).toBe(86_400_000);
      }
      const person = residents.get(row.residentId);
      if (row.status === 'terminated') expect(row.terminatedDate).toBe(person?.statusDate);
    }
    expect(share(renewed, rows.familyDoctorContract.length)).toBeGreaterThan(0.6);
    const packages = new Map(rows.servicePackage.map((row) => [row.id ?? 0, row.code]));
    for (const row of rows.familyDoctorContract) {
      const code = packages.get(row.packageId);
      if (code === 'hypertension' || code === 'diabetes') {
        expect(
          rows.programEnrolment.some(
            (enrolment) => enrolment.residentId === row.residentId && enrolment.program === code
          )
        ).toBe(true);
      }
    }
  });

  it('keeps the clinical timeline sparse but tied together', () => {
    const encounters = new Map(rows.encounter.map((row) => [row.id ?? 0, row]));
    for (const table of [rows.diagnosis, rows.prescription, rows.observation]) {
      for (const row of table) expect(encounters.get(row.encounterId ?? 0)?.residentId).toBe(row.residentId);
    }
    const codes = new Set(rows.diagnosis.map((row) => row.icd10.slice(0, 3)));
    for (const code of ['I10', 'E11', 'F20', 'O80', 'Z00']) expect(codes, code).toContain(code);
    const hypertensionEncounters = rows.diagnosis.filter((row) => row.icd10 === 'I10').length;
    const patientYears = enrolmentsOf('hypertension').length * 5;
    expect(share(hypertensionEncounters, patientYears)).toBeGreaterThan(0.6);
    expect(share(hypertensionEncounters, patientYears)).toBeLessThan(1.5);
    const disabled = new Set(rows.residentFlag.filter((row) => row.flag === 'disabled').map((row) => row.residentId));
    expect(share(disabled.size, rows.resident.length)).toBeGreaterThan(0.015);
    expect(share(disabled.size, rows.resident.length)).toBeLessThan(0.045);
  });
});
