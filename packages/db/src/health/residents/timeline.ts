/**
 * A resident's timeline: every row of the person across the clinical and programme tables, typed by
 * table, oldest first, with the facility's name. One query per table, each an index range scan on
 * (resident_id, date).
 */
import type { ProgramCode, TimelineItem } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import {
  diagnosis,
  encounter,
  facility,
  familyDoctorContract,
  familyDoctorTeam,
  followUp,
  observation,
  prescription,
  programEnrolment,
  servicePackage,
  vaccination,
} from '../../schema.js';

const TYPE_ORDER: Readonly<Record<TimelineItem['type'], number>> = {
  encounter: 0,
  diagnosis: 1,
  observation: 2,
  prescription: 3,
  enrolment: 4,
  follow_up: 5,
  vaccination: 6,
  contract: 7,
};

const facilityName = facility.name;

async function encounters(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: encounter, facilityName })
    .from(encounter)
    .leftJoin(facility, eq(facility.id, encounter.facilityId))
    .where(and(eq(encounter.countyCode, countyCode), eq(encounter.residentId, residentId)));
  return rows.map(({ row, facilityName: name }) => ({
    type: 'encounter',
    id: row.id,
    date: row.startDate,
    facilityId: row.facilityId,
    facilityName: name,
    kind: row.kind,
    endDate: row.endDate,
    department: row.department,
    clinician: row.clinician,
  }));
}

/** Diagnoses, prescriptions and observations name their facility through their encounter. */
async function diagnoses(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: diagnosis, facilityId: encounter.facilityId, facilityName })
    .from(diagnosis)
    .leftJoin(encounter, eq(encounter.id, diagnosis.encounterId))
    .leftJoin(facility, eq(facility.id, encounter.facilityId))
    .where(and(eq(diagnosis.countyCode, countyCode), eq(diagnosis.residentId, residentId)));
  return rows.map(({ row, facilityId, facilityName: name }) => ({
    type: 'diagnosis',
    id: row.id,
    date: row.diagnosedDate,
    facilityId,
    facilityName: name,
    encounterId: row.encounterId,
    icd10: row.icd10,
    name: row.name,
    primary: row.primary,
  }));
}

async function prescriptions(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: prescription, facilityId: encounter.facilityId, facilityName })
    .from(prescription)
    .leftJoin(encounter, eq(encounter.id, prescription.encounterId))
    .leftJoin(facility, eq(facility.id, encounter.facilityId))
    .where(and(eq(prescription.countyCode, countyCode), eq(prescription.residentId, residentId)));
  return rows.map(({ row, facilityId, facilityName: name }) => ({
    type: 'prescription',
    id: row.id,
    date: row.prescribedDate,
    facilityId,
    facilityName: name,
    encounterId: row.encounterId,
    drugName: row.drugName,
    dose: row.dose,
    frequency: row.frequency,
    route: row.route,
    days: row.days,
  }));
}

async function observations(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: observation, facilityId: encounter.facilityId, facilityName })
    .from(observation)
    .leftJoin(encounter, eq(encounter.id, observation.encounterId))
    .leftJoin(facility, eq(facility.id, encounter.facilityId))
    .where(and(eq(observation.countyCode, countyCode), eq(observation.residentId, residentId)));
  return rows.map(({ row, facilityId, facilityName: name }) => ({
    type: 'observation',
    id: row.id,
    date: row.observedDate,
    facilityId,
    facilityName: name,
    encounterId: row.encounterId,
    category: row.category,
    code: row.code,
    name: row.name,
    valueNumber: row.valueNumber,
    valueText: row.valueText,
    unit: row.unit,
    referenceRange: row.referenceRange,
    abnormal: row.abnormal,
  }));
}

async function enrolments(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: programEnrolment, facilityName })
    .from(programEnrolment)
    .leftJoin(facility, eq(facility.id, programEnrolment.facilityId))
    .where(and(eq(programEnrolment.countyCode, countyCode), eq(programEnrolment.residentId, residentId)));
  return rows.map(({ row, facilityName: name }) => ({
    type: 'enrolment',
    id: row.id,
    date: row.enrolledDate,
    facilityId: row.facilityId,
    facilityName: name,
    program: row.program as ProgramCode,
    endedDate: row.endedDate,
    endReason: row.endReason,
  }));
}

async function followUps(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: followUp, facilityName })
    .from(followUp)
    .leftJoin(facility, eq(facility.id, followUp.facilityId))
    .where(and(eq(followUp.countyCode, countyCode), eq(followUp.residentId, residentId)));
  return rows.map(({ row, facilityName: name }) => ({
    type: 'follow_up',
    id: row.id,
    date: row.visitDate,
    facilityId: row.facilityId,
    facilityName: name,
    enrolmentId: row.enrolmentId,
    program: row.program as ProgramCode,
    kind: row.kind,
    doctor: row.doctor,
    values: row.values,
    controlled: row.controlled,
    referral: row.referral,
    nextVisitDate: row.nextVisitDate,
  }));
}

async function vaccinations(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({ row: vaccination, facilityName })
    .from(vaccination)
    .leftJoin(facility, eq(facility.id, vaccination.facilityId))
    .where(and(eq(vaccination.countyCode, countyCode), eq(vaccination.residentId, residentId)));
  return rows.map(({ row, facilityName: name }) => ({
    type: 'vaccination',
    id: row.id,
    date: row.vaccinatedDate,
    facilityId: row.facilityId,
    facilityName: name,
    vaccine: row.vaccine,
    dose: row.dose,
    lotNumber: row.lotNumber,
  }));
}

/** A contract is dated from its start and names the team's facility. */
async function contracts(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const rows = await db
    .select({
      row: familyDoctorContract,
      teamName: familyDoctorTeam.name,
      facilityId: familyDoctorTeam.facilityId,
      packageName: servicePackage.name,
      facilityName,
    })
    .from(familyDoctorContract)
    .leftJoin(familyDoctorTeam, eq(familyDoctorTeam.id, familyDoctorContract.teamId))
    .leftJoin(servicePackage, eq(servicePackage.id, familyDoctorContract.packageId))
    .leftJoin(facility, eq(facility.id, familyDoctorTeam.facilityId))
    .where(and(eq(familyDoctorContract.countyCode, countyCode), eq(familyDoctorContract.residentId, residentId)));
  return rows.map(({ row, teamName, facilityId, packageName, facilityName: name }) => ({
    type: 'contract',
    id: row.id,
    date: row.startDate,
    facilityId,
    facilityName: name,
    teamId: row.teamId,
    teamName: teamName ?? '',
    packageId: row.packageId,
    packageName: packageName ?? '',
    signedDate: row.signedDate,
    endDate: row.endDate,
    status: row.status,
    terminatedDate: row.terminatedDate,
  }));
}

/** Every item of the resident's record, oldest first (same day: visit, diagnosis, results, prescriptions …). */
export async function residentTimeline(db: Db, countyCode: string, residentId: number): Promise<TimelineItem[]> {
  const parts = await Promise.all(
    [encounters, diagnoses, prescriptions, observations, enrolments, followUps, vaccinations, contracts].map((read) =>
      read(db, countyCode, residentId)
    )
  );
  return parts
    .flat()
    .sort((a, b) => a.date.localeCompare(b.date) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id - b.id);
}
