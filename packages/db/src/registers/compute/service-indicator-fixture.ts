/**
 * Residents, programmes, contracts and vaccinations of the hand-built 平罗县 for the service indicators of
 * 2023: 城关镇 (640221100, which has population-register data) and 姚伏镇 (640221104, which has none, so
 * the indicators over the population fall back to the indexed residents). Each person is there for a rule,
 * most with a twin that must not count (moved out or died in the year, a contract terminated before it, an
 * enrolment that ended, a visit outside the year). The expected values are worked out by hand in
 * service-indicators.test.ts; loadIndicatorFixture loads this too.
 */
import type { Db } from '../../connection.js';
import {
  familyDoctorContract,
  familyDoctorTeam,
  followUp,
  programEnrolment,
  resident,
  residentFlag,
  servicePackage,
  vaccination,
} from '../../schema.js';
import { CHENGGUAN, FIXTURE_COUNTY, YAOFU } from './fixture-units.js';

interface Person {
  township: string;
  born: string;
  sex?: '1' | '2';
  /** 建档日期; undefined: 2015-01-01. */
  record?: string | null;
  moved?: string;
  died?: string;
  mergedInto?: string;
}

const PEOPLE: Record<string, Person> = {
  // Records and contracts.
  a1: { township: CHENGGUAN, born: '1980-05-01', record: '2020-01-01' },
  a2: { township: CHENGGUAN, born: '1985-01-01', record: '2024-02-01' },
  a3: { township: CHENGGUAN, born: '1990-01-01', moved: '2024-03-01' },
  a4: { township: CHENGGUAN, born: '1990-01-01', moved: '2023-06-01' },
  a5: { township: CHENGGUAN, born: '1950-01-01', died: '2023-08-01' },
  a6: { township: CHENGGUAN, born: '1980-05-01', mergedInto: 'a1' },
  a7: { township: CHENGGUAN, born: '2024-01-05', record: null },
  a8: { township: CHENGGUAN, born: '1970-01-01', record: null },
  a9: { township: CHENGGUAN, born: '1972-01-01' },
  a10: { township: CHENGGUAN, born: '1975-01-01' },
  a11: { township: CHENGGUAN, born: '1978-01-01' },
  a12: { township: CHENGGUAN, born: '1982-01-01' },
  // 65 and over at the year end (born by 1958-12-31).
  e1: { township: CHENGGUAN, born: '1955-03-01' },
  e2: { township: CHENGGUAN, born: '1958-12-31' },
  e3: { township: CHENGGUAN, born: '1959-01-01' },
  // Hypertension, diabetes, severe mental disorder, tuberculosis, pregnancy.
  h1: { township: CHENGGUAN, born: '1960-06-01' },
  h2: { township: CHENGGUAN, born: '1965-01-01' },
  h3: { township: CHENGGUAN, born: '1968-01-01' },
  h4: { township: CHENGGUAN, born: '1969-01-01' },
  h5: { township: CHENGGUAN, born: '1950-02-01' },
  h6: { township: CHENGGUAN, born: '1975-03-01' },
  h7: { township: CHENGGUAN, born: '1962-01-01' },
  d1: { township: CHENGGUAN, born: '1958-01-01' },
  d2: { township: CHENGGUAN, born: '1970-06-01' },
  m1: { township: CHENGGUAN, born: '1980-01-01' },
  m2: { township: CHENGGUAN, born: '1985-06-01' },
  t1: { township: CHENGGUAN, born: '1990-06-01' },
  p1: { township: CHENGGUAN, born: '1995-01-01', sex: '2' },
  // Recorded key-population flags.
  f1: { township: CHENGGUAN, born: '1988-01-01' },
  f2: { township: CHENGGUAN, born: '1986-01-01' },
  f3: { township: CHENGGUAN, born: '1987-01-01', record: null },
  f4: { township: CHENGGUAN, born: '1989-01-01' },
  // Children (age at the year end: k1 2, k2 0, k3 0, k4 3, k5 6, k6 7, k7 2, k8 1).
  k1: { township: CHENGGUAN, born: '2021-03-10', record: '2021-03-20' },
  k2: { township: CHENGGUAN, born: '2023-02-15', record: '2023-02-20' },
  k3: { township: CHENGGUAN, born: '2023-11-01', record: '2024-01-10' },
  k4: { township: CHENGGUAN, born: '2020-12-31', record: '2021-01-10' },
  k5: { township: CHENGGUAN, born: '2017-01-01', record: null },
  k6: { township: CHENGGUAN, born: '2016-12-31', record: '2017-01-10' },
  k7: { township: CHENGGUAN, born: '2021-08-31', record: '2021-09-10' },
  k8: { township: CHENGGUAN, born: '2022-01-31', record: '2022-02-10' },
  k9: { township: CHENGGUAN, born: '2023-03-01', record: '2023-03-05', moved: '2023-10-01' },
  // Deliveries.
  w1: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w2: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w3: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w4: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w5: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w6: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w7: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w8: { township: CHENGGUAN, born: '1993-01-01', sex: '2' },
  w9: { township: CHENGGUAN, born: '1993-01-01', sex: '2', record: null },
  w10: { township: CHENGGUAN, born: '1993-01-01', sex: '2', moved: '2023-11-01' },
  // 姚伏镇, without population-register data.
  y1: { township: YAOFU, born: '1980-01-01' },
  y2: { township: YAOFU, born: '1985-01-01', record: null },
  y3: { township: YAOFU, born: '1950-01-01' },
  y4: { township: YAOFU, born: '1940-01-01' },
  y5: { township: YAOFU, born: '2020-06-01' },
};

/** Enrolments by person and key: [program, enrolled, ended | null, details?]. */
type EnrolmentSpec = [string, string, string | null, Record<string, unknown>?];
const ENROLMENTS: Record<string, Record<string, EnrolmentSpec>> = {
  a4: { ht: ['hypertension', '2020-01-01', null] },
  e1: { el: ['elderly', '2020-01-01', null] },
  h1: { ht: ['hypertension', '2021-03-01', null], dm: ['diabetes', '2020-01-01', null] },
  h2: { ht: ['hypertension', '2022-06-01', null] },
  h3: { ht: ['hypertension', '2023-05-15', null] },
  h4: { ht: ['hypertension', '2023-11-20', null] },
  h5: { ht: ['hypertension', '2018-01-01', '2022-12-31'] },
  h6: { ht: ['hypertension', '2019-01-01', '2023-07-15'] },
  h7: { ht: ['hypertension', '2019-01-01', '2023-03-31'], ht2: ['hypertension', '2023-06-01', null] },
  d1: { dm: ['diabetes', '2018-01-01', null], el: ['elderly', '2023-01-01', null] },
  d2: { dm: ['diabetes', '2023-01-01', null] },
  m1: { sm: ['severe_mental', '2015-01-01', null] },
  m2: { sm: ['severe_mental', '2022-03-01', null] },
  t1: { tb: ['tuberculosis', '2023-10-01', null] },
  p1: { mt: ['maternal', '2023-10-20', null, { lmp: '2023-09-01' }] },
  k1: { ch: ['child', '2021-03-10', null] },
  k2: { ch: ['child', '2023-02-15', null] },
  k3: { ch: ['child', '2023-11-01', null] },
  k4: { ch: ['child', '2020-12-31', null] },
  k6: { ch: ['child', '2016-12-31', null] },
  k7: { ch: ['child', '2021-08-31', null] },
  k8: { ch: ['child', '2022-01-31', null] },
  w1: { mt: ['maternal', '2022-04-20', '2023-01-20', { lmp: '2022-03-01', deliveryDate: '2022-12-05' }] },
  w2: { mt: ['maternal', '2023-01-05', '2023-08-25', { lmp: '2022-10-01', deliveryDate: '2023-07-08' }] },
  w3: { mt: ['maternal', '2023-01-20', '2023-11-20', { lmp: '2022-12-01', deliveryDate: '2023-09-30' }] },
  // No delivery date on the enrolment: the delivery visit's date is the delivery date.
  w4: { mt: ['maternal', '2022-12-15', '2023-09-20', { lmp: '2022-11-01' }] },
  w5: { mt: ['maternal', '2023-02-01', null, { lmp: '2023-01-01', deliveryDate: '2023-10-05' }] },
  w6: { mt: ['maternal', '2022-02-01', '2022-11-15', { lmp: '2021-12-25', deliveryDate: '2022-09-30' }] },
  // Only the expected delivery date: the last menstrual period is 280 days before it, 2022-08-25.
  w7: { mt: ['maternal', '2022-10-01', '2023-07-15', { edd: '2023-06-01', deliveryDate: '2023-05-28' }] },
  w8: { mt: ['maternal', '2022-07-01', '2023-04-20', { lmp: '2022-06-01', deliveryDate: '2023-03-05' }] },
  w9: { mt: ['maternal', '2022-10-10', '2023-07-20', { lmp: '2022-09-01', deliveryDate: '2023-06-01' }] },
  w10: { mt: ['maternal', '2022-09-01', '2023-06-30', { lmp: '2022-08-01', deliveryDate: '2023-05-01' }] },
  y3: { el: ['elderly', '2018-01-01', null] },
  y5: { ch: ['child', '2020-06-01', null] },
};

/** Visits by person.enrolment: [kind, date, controlled?]. */
type VisitSpec = [string, string, boolean?];
const T = true;
const F = false;
const VISITS: Record<string, VisitSpec[]> = {
  'a4.ht': [
    ['follow_up', '2023-02-01', T],
    ['follow_up', '2023-04-01', T],
  ],
  'e1.el': [['annual_check', '2023-04-01']],
  'h1.ht': [
    ['follow_up', '2022-12-20', T],
    ['follow_up', '2023-02-10', T],
    ['follow_up', '2023-05-10', F],
    ['follow_up', '2023-08-10', T],
    ['follow_up', '2023-11-10', T],
  ],
  'h1.dm': [
    ['follow_up', '2023-01-15', T],
    ['follow_up', '2023-04-15', T],
    ['follow_up', '2023-07-15', T],
    ['follow_up', '2023-10-15', T],
    ['follow_up', '2023-12-20', F],
  ],
  'h2.ht': [
    ['follow_up', '2022-12-20', T],
    ['follow_up', '2023-03-01', T],
    ['follow_up', '2023-06-01', T],
    ['follow_up', '2023-09-01', F],
    ['annual_check', '2023-10-01', T],
  ],
  'h3.ht': [
    ['follow_up', '2023-05-15', T],
    ['follow_up', '2023-09-01', T],
  ],
  'h6.ht': [
    ['follow_up', '2023-02-01', T],
    ['follow_up', '2023-05-01'],
  ],
  'h7.ht': [['follow_up', '2023-02-01', T]],
  'h7.ht2': [
    ['follow_up', '2023-06-10', T],
    ['follow_up', '2023-09-10', T],
    ['follow_up', '2023-12-10', T],
  ],
  'd1.dm': [
    ['follow_up', '2023-03-01', T],
    ['follow_up', '2023-06-01', T],
    ['follow_up', '2023-09-01', T],
    ['follow_up', '2023-12-01', T],
  ],
  'd1.el': [['annual_check', '2023-05-05']],
  'd2.dm': [
    ['follow_up', '2023-02-01', F],
    ['follow_up', '2023-05-01', T],
    ['follow_up', '2023-08-01', T],
  ],
  'm1.sm': [
    ['follow_up', '2023-01-10'],
    ['follow_up', '2023-04-10'],
    ['follow_up', '2023-07-10'],
    ['follow_up', '2023-10-10'],
  ],
  'm2.sm': [
    ['follow_up', '2023-02-01'],
    ['follow_up', '2023-08-01'],
  ],
  'k1.ch': [
    ['child_check', '2023-03-15'],
    ['child_check', '2023-09-20'],
  ],
  'k2.ch': [
    ['newborn_visit', '2023-02-20'],
    ['child_check', '2023-05-20'],
    ['child_check', '2023-08-20'],
  ],
  'k3.ch': [['newborn_visit', '2023-11-05']],
  'k4.ch': [['child_check', '2023-06-01']],
  'k6.ch': [['child_check', '2023-06-01']],
  'k7.ch': [['child_check', '2023-03-05']],
  'k8.ch': [
    ['child_check', '2023-02-02'],
    ['child_check', '2023-08-02'],
  ],
  'w1.mt': [
    ['booking', '2022-05-10'],
    ['antenatal', '2022-07-01'],
    ['antenatal', '2022-08-01'],
    ['antenatal', '2022-09-15'],
    ['antenatal', '2022-11-20'],
    ['delivery', '2022-12-05'],
    ['postpartum', '2022-12-12'],
  ],
  'w2.mt': [
    ['booking', '2023-01-10'],
    ['antenatal', '2023-02-10'],
    ['antenatal', '2023-03-10'],
    ['antenatal', '2023-04-20'],
    ['antenatal', '2023-05-20'],
    ['antenatal', '2023-06-20'],
    ['postpartum', '2023-07-15'],
  ],
  'w3.mt': [
    ['booking', '2023-02-01'],
    ['antenatal', '2023-04-01'],
    ['antenatal', '2023-06-01'],
    ['antenatal', '2023-08-01'],
    ['postpartum', '2023-10-05'],
  ],
  'w4.mt': [
    ['booking', '2022-12-20'],
    ['antenatal', '2023-02-15'],
    ['antenatal', '2023-03-20'],
    ['antenatal', '2023-05-15'],
    ['antenatal', '2023-07-10'],
    ['delivery', '2023-08-01'],
    ['postpartum', '2023-08-10'],
  ],
  'w5.mt': [
    ['booking', '2023-02-10'],
    ['antenatal', '2023-04-10'],
    ['antenatal', '2023-05-10'],
    ['antenatal', '2023-07-10'],
    ['antenatal', '2023-09-10'],
    ['postpartum', '2023-10-10'],
  ],
  'w6.mt': [
    ['booking', '2022-02-10'],
    ['antenatal', '2022-04-10'],
    ['antenatal', '2022-05-10'],
    ['antenatal', '2022-07-10'],
    ['antenatal', '2022-09-10'],
    ['postpartum', '2022-10-05'],
  ],
  'w7.mt': [
    ['booking', '2022-11-10'],
    ['antenatal', '2023-01-10'],
    ['antenatal', '2023-02-20'],
    ['antenatal', '2023-03-30'],
    ['antenatal', '2023-05-10'],
    ['postpartum', '2023-06-02'],
  ],
  'w8.mt': [
    ['booking', '2022-07-05'],
    ['antenatal', '2022-09-20'],
    ['antenatal', '2022-10-20'],
    ['antenatal', '2022-12-20'],
    ['antenatal', '2023-02-15'],
    ['postpartum', '2023-04-10'],
    ['postpartum_42', '2023-04-16'],
  ],
  'w9.mt': [
    ['booking', '2022-10-15'],
    ['antenatal', '2023-01-10'],
    ['antenatal', '2023-03-10'],
    ['antenatal', '2023-05-10'],
    ['antenatal', '2023-06-20'],
    ['postpartum', '2023-06-05'],
  ],
  'w10.mt': [
    ['booking', '2022-09-10'],
    ['antenatal', '2022-11-10'],
    ['antenatal', '2023-01-10'],
    ['antenatal', '2023-03-10'],
    ['antenatal', '2023-04-10'],
    ['postpartum', '2023-05-05'],
  ],
  'y3.el': [['annual_check', '2023-06-01']],
  'y5.ch': [['child_check', '2023-06-10']],
};

/** Contracts: [person, start, end, terminated?]. */
const CONTRACTS: [string, string, string, string?][] = [
  ['a1', '2023-01-01', '2023-12-31'],
  ['a3', '2023-06-01', '2024-05-31'],
  ['a4', '2023-01-01', '2023-12-31'],
  ['a8', '2022-06-01', '2023-05-31', '2022-12-20'],
  ['a9', '2022-07-01', '2023-06-30', '2023-03-01'],
  ['a10', '2022-01-01', '2022-12-31'],
  ['a10', '2024-01-01', '2024-12-31'],
  ['a11', '2023-05-01', '2024-04-30', '2023-05-01'],
  ['a12', '2022-01-02', '2023-01-01'],
  ['e1', '2023-01-01', '2023-12-31'],
  ['h1', '2023-03-01', '2024-02-29'],
  ['d1', '2023-01-01', '2023-12-31'],
  ['m1', '2023-01-01', '2023-12-31'],
  ['p1', '2023-11-01', '2024-10-31'],
  ['f1', '2023-01-01', '2023-12-31'],
  ['k1', '2023-01-01', '2023-12-31'],
  ['y1', '2023-01-01', '2023-12-31'],
];

/** Recorded flags: [person, flag, from, to?]. */
const FLAGS: [string, string, string, string?][] = [
  ['f1', 'disabled', '2020-01-01'],
  ['f2', 'poverty_alleviated', '2018-01-01', '2022-12-31'],
  ['f3', 'monitored', '2024-01-01'],
  ['f4', 'monitored', '2020-01-01', '2023-12-31'],
];

/** Vaccine doses given: [person, vaccine, dose, date]. */
const DOSES: [string, string, number, string][] = [
  ['k1', 'JE-I', 1, '2021-11-10'],
  ['k1', 'JE-I', 2, '2021-11-17'],
  ['k1', 'JE-I', 3, '2023-03-20'],
  ['k2', 'HepB', 1, '2023-02-15'],
  ['k2', 'BCG', 1, '2023-02-16'],
  ['k2', 'HepB', 2, '2023-03-15'],
  ['k2', 'IPV', 1, '2023-04-15'],
  ['k2', 'IPV', 2, '2023-05-15'],
  ['k2', 'DTaP', 1, '2023-05-15'],
  ['k2', 'bOPV', 1, '2023-06-15'],
  ['k2', 'DTaP', 2, '2023-06-15'],
  ['k2', 'DTaP', 3, '2023-07-20'],
  ['k2', 'HepB', 3, '2023-08-15'],
  ['k2', 'MPSV-A', 1, '2023-08-20'],
  ['k2', 'MMR', 1, '2023-10-16'],
  ['k2', 'JE-L', 1, '2023-10-16'],
  ['k3', 'HepB', 1, '2023-11-01'],
  ['k3', 'BCG', 1, '2023-11-02'],
  ['k3', 'HepB', 2, '2024-01-02'],
  ['k5', 'DT', 1, '2023-01-05'],
  ['k5', 'MPSV-AC', 2, '2022-12-20'],
  ['k6', 'DT', 1, '2023-01-03'],
  ['k7', 'DTaP', 4, '2023-03-02'],
  ['k7', 'MMR', 2, '2023-03-02'],
  ['k7', 'JE-L', 2, '2023-09-05'],
  ['k8', 'DTaP', 4, '2023-08-01'],
  ['k8', 'MMR', 2, '2023-08-01'],
  ['k8', 'HepA-I', 1, '2023-08-01'],
  ['k9', 'HepB', 1, '2023-03-01'],
];

/** The first row a returning insert gave. */
function first<R>(rows: R[], what: string): R {
  const [row] = rows;
  if (row === undefined) throw new Error(`fixture ${what} was not added`);
  return row;
}

export async function loadServiceIndicatorFixture(db: Db): Promise<void> {
  const ids = new Map<string, number>();
  const programOf = new Map<string, string>();
  const idOf = (key: string): number => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`fixture person or enrolment ${key} was not added`);
    return id;
  };
  // Entries merged into another go in after the one they were merged into.
  const people = Object.entries(PEOPLE).sort(
    ([, a], [, b]) => Number(a.mergedInto !== undefined) - Number(b.mergedInto !== undefined)
  );
  for (const [key, person] of people) {
    const inserted = await db
      .insert(resident)
      .values({
        countyCode: FIXTURE_COUNTY,
        idType: 'other',
        name: key,
        sex: person.sex ?? '1',
        birthDate: person.born,
        townshipCode: person.township,
        recordDate: person.record === undefined ? '2015-01-01' : person.record,
        recordStatus: person.moved !== undefined ? 'moved' : person.died !== undefined ? 'deceased' : 'active',
        statusDate: person.moved ?? null,
        deathDate: person.died ?? null,
        mergedIntoId: person.mergedInto === undefined ? null : idOf(person.mergedInto),
      })
      .returning({ id: resident.id });
    ids.set(key, first(inserted, key).id);
  }

  for (const [key, enrolments] of Object.entries(ENROLMENTS)) {
    for (const [name, [program, enrolledDate, endedDate, details]] of Object.entries(enrolments)) {
      const inserted = await db
        .insert(programEnrolment)
        .values({
          countyCode: FIXTURE_COUNTY,
          residentId: idOf(key),
          program,
          enrolledDate,
          endedDate,
          endReason: endedDate === null ? null : 'other',
          details: details ?? {},
        })
        .returning({ id: programEnrolment.id });
      ids.set(`${key}.${name}`, first(inserted, `${key}.${name}`).id);
      programOf.set(`${key}.${name}`, program);
    }
  }
  await db.insert(followUp).values(
    Object.entries(VISITS).flatMap(([enrolment, visits]) =>
      visits.map(([kind, visitDate, controlled]) => ({
        countyCode: FIXTURE_COUNTY,
        residentId: idOf(enrolment.slice(0, enrolment.indexOf('.'))),
        enrolmentId: idOf(enrolment),
        program: programOf.get(enrolment) ?? '',
        kind,
        visitDate,
        controlled: controlled ?? null,
      }))
    )
  );

  const team = first(
    await db
      .insert(familyDoctorTeam)
      .values({ countyCode: FIXTURE_COUNTY, name: '城关镇家庭医生团队', townshipCode: CHENGGUAN })
      .returning({ id: familyDoctorTeam.id }),
    'team'
  );
  const basic = first(
    await db
      .insert(servicePackage)
      .values({ countyCode: FIXTURE_COUNTY, code: 'BASIC', name: '基础包', kind: 'basic' })
      .returning({ id: servicePackage.id }),
    'package'
  );
  await db.insert(familyDoctorContract).values(
    CONTRACTS.map(([key, startDate, endDate, terminated]) => ({
      countyCode: FIXTURE_COUNTY,
      residentId: idOf(key),
      teamId: team.id,
      packageId: basic.id,
      signedDate: startDate,
      startDate,
      endDate,
      status: terminated === undefined ? 'active' : 'terminated',
      terminatedDate: terminated ?? null,
      terminationReason: terminated === undefined ? null : '居民申请解约',
    }))
  );
  await db.insert(residentFlag).values(
    FLAGS.map(([key, flag, fromDate, toDate]) => ({
      countyCode: FIXTURE_COUNTY,
      residentId: idOf(key),
      flag,
      fromDate,
      toDate: toDate ?? null,
    }))
  );
  await db.insert(vaccination).values(
    DOSES.map(([key, vaccine, dose, vaccinatedDate]) => ({
      countyCode: FIXTURE_COUNTY,
      residentId: idOf(key),
      vaccine,
      dose,
      vaccinatedDate,
    }))
  );
}
