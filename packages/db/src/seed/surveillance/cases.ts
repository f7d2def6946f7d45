/**
 * Case report cards (传染病报告卡) over the demo period: yearly counts of a ~300,000-person county for the
 * diseases it typically reports, with their seasons; most patients are demo residents.
 */
import { addDays, daysBetween } from '@chp/core';
import type { Db } from '../../connection.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { caseReport } from '../../schema.js';
import type { Random } from '../random.js';
import { poisson } from '../registers/sampling.js';
import { seasonal } from './seasons.js';
import type { Season } from './seasons.js';
import { caseOutbreakExtra, CASE_OUTBREAK } from './outbreaks.js';

export interface DemoPatient {
  readonly id: number;
  readonly name: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly townshipCode: string;
  readonly villageCode: string | null;
  readonly idType: string;
  readonly idNumberCipher: string | null;
  readonly idNumberHash: string | null;
  readonly idNumberMasked: string | null;
  readonly phone: string | null;
}

const MISSING_PHONE_SHARE = 0.08;

interface DiseaseLoad {
  readonly code: string;
  readonly perYear: number;
  readonly season: Season;
  /** Patients' ages in years at onset (inclusive range). */
  readonly ages: readonly [number, number];
}

const LOADS: readonly DiseaseLoad[] = [
  { code: 'influenza', perYear: 320, season: 'winter', ages: [0, 90] },
  { code: 'hfmd', perYear: 110, season: 'summer', ages: [0, 5] },
  { code: 'other_infectious_diarrhoea', perYear: 150, season: 'summer', ages: [0, 90] },
  { code: 'tuberculosis', perYear: 55, season: 'spring', ages: [15, 90] },
  { code: 'hepatitis_b', perYear: 140, season: 'flat', ages: [15, 90] },
  { code: 'syphilis', perYear: 75, season: 'flat', ages: [18, 90] },
  { code: 'brucellosis', perYear: 110, season: 'spring', ages: [18, 75] },
  { code: 'mumps', perYear: 20, season: 'spring', ages: [3, 15] },
];

const DOCTORS = ['王建华', '李秀兰', '马文杰', '张丽', '杨志强', '刘芳', '丁海燕', '赵明'] as const;
const UNLINKED_SHARE = 0.1;
const LATE_SHARE = 0.05;
const HOUR = 3_600_000;

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function ageAt(birthDate: string, date: string): number {
  return Math.floor(daysBetween(birthDate, date) / 365.25);
}

/** A patient of the right age (falling back to anyone born by the onset date). */
function patientFor(
  load: DiseaseLoad,
  onset: string,
  township: string | null,
  patients: readonly DemoPatient[],
  random: Random
): DemoPatient | null {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const patient = pick(patients, random);
    const age = ageAt(patient.birthDate, onset);
    const inTownship = township === null || patient.townshipCode === township || attempt > 150;
    if (age >= load.ages[0] && age <= load.ages[1] && inTownship) return patient;
  }
  return patients.find((patient) => patient.birthDate <= onset) ?? null;
}

function beijing(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + hour * HOUR);
}

export async function insertDemoCases(
  db: Db,
  countyCode: string,
  period: { from: string; to: string },
  patients: readonly DemoPatient[],
  facilityIds: readonly number[],
  outbreakTownship: string,
  random: Random
): Promise<number> {
  if (patients.length === 0 || facilityIds.length === 0) return 0;
  const days = daysBetween(period.from, period.to);
  const end = beijing(period.to, 24);
  const cards: (typeof caseReport.$inferInsert)[] = [];
  for (let offset = 0; offset <= days; offset += 1) {
    const onset = addDays(period.from, offset);
    for (const load of LOADS) {
      const outbreak = load.code === CASE_OUTBREAK.disease ? caseOutbreakExtra(days - offset) : 0;
      const usual = poisson(random, (load.perYear / 365) * seasonal(onset, load.season));
      const extra = poisson(random, outbreak);
      for (let n = 0; n < usual + extra; n += 1) {
        const patient = patientFor(load, onset, n >= usual ? outbreakTownship : null, patients, random);
        if (patient === null) continue;
        const linked = random() >= UNLINKED_SHARE;
        const delay = Math.min(Math.floor(random() * 4), days - offset);
        const diagnosedAt = beijing(addDays(onset, delay), 8 + random() * 9);
        const reportHours = random() < LATE_SHARE ? 25 + random() * 72 : 0.5 + random() * 20;
        const reportedAt = new Date(Math.min(diagnosedAt.getTime() + reportHours * HOUR, end.getTime() - HOUR));
        const pending = days - offset < 7 && random() < 0.6;
        const draw = random();
        cards.push({
          countyCode,
          cardNumber: '',
          residentId: linked ? patient.id : null,
          patientName: patient.name,
          idType: linked ? patient.idType : null,
          idNumberCipher: linked ? patient.idNumberCipher : null,
          idNumberHash: linked ? patient.idNumberHash : null,
          idNumberMasked: linked ? patient.idNumberMasked : null,
          sex: patient.sex,
          birthDate: patient.birthDate,
          // Some cards miss the phone, as real ones do (完整率 below 100 %).
          phone: random() < MISSING_PHONE_SHARE ? null : patient.phone,
          townshipCode: patient.townshipCode,
          villageCode: patient.villageCode,
          diseaseCode: load.code,
          classification: draw < 0.6 ? 'confirmed' : draw < 0.95 ? 'clinical' : 'suspected',
          onsetDate: onset,
          diagnosedAt,
          reportedAt,
          facilityId: pick(facilityIds, random),
          reportingDoctor: pick(DOCTORS, random),
          status: pending ? 'pending' : 'reviewed',
          reviewedAt: pending ? null : new Date(reportedAt.getTime() + (1 + random() * 40) * HOUR),
        });
      }
    }
  }
  numberCards(countyCode, cards);
  await insertRows(db, caseReport, cards);
  return cards.length;
}

/** 卡片编号: county code, report year and a 6-digit sequence in order of reporting. */
function numberCards(countyCode: string, cards: (typeof caseReport.$inferInsert)[]): void {
  cards.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const sequence = new Map<string, number>();
  for (const card of cards) {
    const year = new Date(card.reportedAt.getTime() + 8 * HOUR).toISOString().slice(0, 4);
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    card.cardNumber = `${countyCode}${year}${String(next).padStart(6, '0')}`;
  }
}
