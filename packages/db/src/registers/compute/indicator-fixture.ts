/**
 * A small hand-built 平罗县 (640221) for tests of the computed indicators: 2023 registers of 城关镇
 * (640221100) and 黄渠桥镇 (640221101) plus county-level facilities, with rows that must NOT count (other
 * years, a closed clinic, staff who left or had not yet started). 黄渠桥镇 is below the life table's
 * 5,000 person-years and has 2021 and 2022 population and deaths to pool. The expected values are worked
 * out in compute-indicators.test.ts; the CLI tests load the same fixture. It ends with the residents and
 * services of service-indicator-fixture.ts.
 */
import { lifeTableBands } from '@chp/core';
import type { Db } from '../../connection.js';
import { addCounty } from '../../org-units/load-county.js';
import { death, liveBirth, populationAggregate } from '../../schema.js';
import { addFacilities } from '../facilities.js';
import type { FacilityInput } from '../facilities.js';
import { saveChildcarePlaces, saveFacilityBeds } from '../facility-counts.js';
import type { FacilityBedsInput } from '../facility-counts.js';
import { addHealthWorkers } from '../health-workers.js';
import type { HealthWorkerInput } from '../health-workers.js';
import type { Qualification } from '../qualifications.js';
import { CHENGGUAN, FIXTURE_COUNTY, FIXTURE_YEAR, HUANGQUQIAO } from './fixture-units.js';
import { loadServiceIndicatorFixture } from './service-indicator-fixture.js';

export { CHENGGUAN, FIXTURE_COUNTY, FIXTURE_YEAR, HUANGQUQIAO, YAOFU } from './fixture-units.js';

const system = { userId: null, username: 'system', ip: null };

/** Per sex: `perBand` in each life-table band (0, 1–4, …, 80–84), `open` aged 85+. */
function population(orgUnitCode: string, perBand: number, open: number): (typeof populationAggregate.$inferInsert)[] {
  return lifeTableBands().flatMap((band) =>
    (['1', '2'] as const).map((sex) => ({
      countyCode: FIXTURE_COUNTY,
      orgUnitCode,
      year: FIXTURE_YEAR,
      residence: 'resident',
      sex,
      ageStart: band.ageStart,
      ageEnd: band.width === null ? null : band.ageStart + band.width - 1,
      count: band.width === null ? open : perBand,
    }))
  );
}

function births(orgUnitCode: string, count: number, date: string): (typeof liveBirth.$inferInsert)[] {
  return Array.from({ length: count }, (_, index) => ({
    countyCode: FIXTURE_COUNTY,
    orgUnitCode,
    birthDate: date,
    sex: index % 2 === 0 ? '1' : '2',
    sourceRef: `B-${orgUnitCode}-${date}-${index}`,
  }));
}

function deaths(
  orgUnitCode: string,
  ageYears: number,
  cause: string,
  count: number,
  { maternal = false, date = `${FIXTURE_YEAR}-06-15` } = {}
): (typeof death.$inferInsert)[] {
  return Array.from({ length: count }, (_, index) => ({
    countyCode: FIXTURE_COUNTY,
    orgUnitCode,
    deathDate: date,
    ageYears,
    sex: maternal ? '2' : '1',
    underlyingCauseIcd10: cause,
    maternal,
    place: 'hospital',
    sourceRef: `D-${orgUnitCode}-${date}-${ageYears}-${cause}-${index}`,
  }));
}

function facility(
  sourceRef: string,
  name: string,
  orgUnitCode: string,
  facilityType: FacilityInput['facilityType'],
  grade: FacilityInput['grade'] = null,
  validTo: number | null = null
): FacilityInput {
  return {
    orgUnitCode,
    sourceRef,
    name,
    facilityType,
    grade,
    ownership: 'public',
    consortium: null,
    validFrom: 2010,
    validTo,
  };
}

export async function loadIndicatorFixture(db: Db): Promise<void> {
  await addCounty(db, FIXTURE_COUNTY);
  // 城关镇: 2 000 per band (1 000 per sex), 100 aged 85+; 黄渠桥镇: 200 per band, 20 aged 85+.
  await db
    .insert(populationAggregate)
    .values([...population(CHENGGUAN, 1000, 50), ...population(HUANGQUQIAO, 100, 10)]);
  // An earlier year's population must not count (城关镇 is large enough not to pool).
  await db.insert(populationAggregate).values(population(CHENGGUAN, 5, 5).map((row) => ({ ...row, year: 2022 })));
  // 黄渠桥镇's earlier years, pooled into its 2023 life table: 2022 as 2023, 2021 with 180 per band.
  await db
    .insert(populationAggregate)
    .values([
      ...population(HUANGQUQIAO, 100, 10).map((row) => ({ ...row, year: 2022 })),
      ...population(HUANGQUQIAO, 90, 10).map((row) => ({ ...row, year: 2021 })),
    ]);
  await db
    .insert(liveBirth)
    .values([
      ...births(CHENGGUAN, 400, '2023-03-01'),
      ...births(HUANGQUQIAO, 20, '2023-12-31'),
      ...births(FIXTURE_COUNTY, 1, '2023-01-01'),
      ...births(CHENGGUAN, 1, '2022-12-31'),
    ]);
  await db
    .insert(death)
    .values([
      ...deaths(CHENGGUAN, 0, 'P07.3', 2),
      ...deaths(CHENGGUAN, 3, 'J18.9', 1),
      ...deaths(CHENGGUAN, 28, 'O72.1', 1, { maternal: true }),
      ...deaths(CHENGGUAN, 40, 'V89.2', 1),
      ...deaths(CHENGGUAN, 45, 'E11.9', 1),
      ...deaths(CHENGGUAN, 52, 'I21.9', 4),
      ...deaths(CHENGGUAN, 67, 'C34.9', 2),
      ...deaths(CHENGGUAN, 75, 'I63.9', 5),
      ...deaths(CHENGGUAN, 90, 'I21.9', 20),
      ...deaths(CHENGGUAN, 60, 'I21.9', 1, { date: '2022-12-31' }),
      ...deaths(HUANGQUQIAO, 88, 'J44.9', 2),
      ...deaths(HUANGQUQIAO, 60, 'C16.9', 1),
      ...deaths(HUANGQUQIAO, 0, 'P07.3', 1, { date: '2022-05-01' }),
      ...deaths(HUANGQUQIAO, 87, 'I21.9', 1, { date: '2022-05-01' }),
      ...deaths(HUANGQUQIAO, 72, 'I63.9', 1, { date: '2021-07-01' }),
      ...deaths(HUANGQUQIAO, 86, 'J44.9', 2, { date: '2021-07-01' }),
    ]);

  const added = await addFacilities(db, system, FIXTURE_COUNTY, [
    facility('F1', '平罗县人民医院', FIXTURE_COUNTY, 'general_hospital', '2A'),
    facility('F2', '平罗县中医医院', FIXTURE_COUNTY, 'tcm_hospital', '2A'),
    facility('F3', '城关镇卫生院', CHENGGUAN, 'township_health_center'),
    facility('F4', '黄渠桥镇卫生院', HUANGQUQIAO, 'township_health_center'),
    facility('F5', '平罗县第二人民医院', CHENGGUAN, 'general_hospital', '2B'),
    // Closed in 2021: its 2023 beds and staff must not count.
    facility('F6', '黄渠桥镇诊所', HUANGQUQIAO, 'clinic', null, 2021),
    facility('F7', '平罗县疾病预防控制中心', FIXTURE_COUNTY, 'cdc'),
    facility('F8', '平罗县妇幼保健计划生育服务中心', FIXTURE_COUNTY, 'maternal_child_health'),
    facility('F9', '城关镇托育园', CHENGGUAN, 'childcare'),
    facility('F10', '黄渠桥镇托育园', HUANGQUQIAO, 'childcare'),
    facility('F11', '城关镇社区卫生服务站', CHENGGUAN, 'community_health_station'),
  ]);
  const idOf = (sourceRef: string): number => {
    const found = added.find((row) => row.sourceRef === sourceRef);
    if (found === undefined) throw new Error(`fixture facility ${sourceRef} was not added`);
    return found.id;
  };
  const [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] = [
    'F1',
    'F2',
    'F3',
    'F4',
    'F5',
    'F6',
    'F7',
    'F8',
    'F9',
    'F10',
    'F11',
  ].map(idOf) as [number, number, number, number, number, number, number, number, number, number, number];

  const beds = (
    facilityId: number,
    actual: number,
    department: FacilityBedsInput['department'] = 'total',
    year = FIXTURE_YEAR
  ): FacilityBedsInput => ({
    facilityId,
    year,
    department,
    approved: actual + 10,
    actual,
  });
  await saveFacilityBeds(db, system, FIXTURE_COUNTY, [
    beds(f1, 300),
    beds(f1, 25, 'infectious'),
    beds(f1, 10, 'geriatric'),
    beds(f1, 280, 'total', 2022),
    beds(f2, 100),
    beds(f3, 40),
    beds(f4, 20),
    beds(f5, 50),
    beds(f6, 5),
  ]);

  const workers: HealthWorkerInput[] = [];
  const staff = (
    facilityId: number,
    count: number,
    qualifications: Qualification[],
    from = 2015,
    to: number | null = null
  ): void => {
    for (let index = 0; index < count; index++) {
      workers.push({
        facilityId,
        personRef: `W-${facilityId}-${qualifications.join('+')}-${from}-${index}`,
        sex: '2',
        birthYear: 1985,
        qualifications,
        employedFrom: from,
        employedTo: to,
      });
    }
  };
  staff(f1, 8, ['physician']);
  staff(f1, 2, ['physician', 'psychiatry']);
  staff(f1, 3, ['assistant_physician']);
  staff(f1, 19, ['registered_nurse']);
  // A hospital's health educator is not of the CDC's health-education staff.
  staff(f1, 1, ['registered_nurse', 'health_education']);
  staff(f1, 2, ['pharmacist']);
  staff(f1, 1, ['physician'], 2010, 2022);
  staff(f1, 1, ['registered_nurse'], 2024);
  staff(f2, 5, ['physician', 'tcm']);
  staff(f2, 6, ['registered_nurse']);
  staff(f3, 2, ['physician', 'general_practitioner']);
  staff(f3, 1, ['assistant_physician', 'tcm']);
  staff(f3, 4, ['registered_nurse']);
  staff(f3, 1, ['pharmacist']);
  staff(f3, 2, ['public_health']);
  // Management staff hold no qualification: not 专业技术人员.
  staff(f3, 1, []);
  staff(f4, 1, ['assistant_physician', 'general_practitioner']);
  staff(f4, 2, ['registered_nurse']);
  staff(f4, 1, ['public_health']);
  // 乡村医生 are not 专业技术人员.
  staff(f4, 1, ['village_doctor']);
  staff(f5, 4, ['physician']);
  staff(f5, 5, ['registered_nurse']);
  staff(f6, 1, ['physician']);
  staff(f7, 3, ['public_health']);
  staff(f7, 1, ['public_health', 'health_education']);
  staff(f7, 1, ['physician', 'public_health']);
  staff(f8, 2, ['registered_nurse', 'midwife']);
  staff(f8, 1, ['physician']);
  staff(f11, 1, ['public_health']);
  staff(f11, 1, ['technician']);
  // One nurse moved from 城关镇卫生院 to 黄渠桥镇卫生院 during 2023: once in each township, once in the county.
  const mover = {
    personRef: 'W-MOVER',
    sex: '2' as const,
    birthYear: 1990,
    qualifications: ['registered_nurse' as const],
  };
  workers.push(
    { ...mover, facilityId: f3, employedFrom: 2015, employedTo: 2023 },
    { ...mover, facilityId: f4, employedFrom: 2023, employedTo: null }
  );
  await addHealthWorkers(db, system, FIXTURE_COUNTY, workers);

  await saveChildcarePlaces(db, system, FIXTURE_COUNTY, [
    { facilityId: f9, year: FIXTURE_YEAR, places: 60, inclusivePlaces: 40 },
    { facilityId: f10, year: FIXTURE_YEAR, places: 30, inclusivePlaces: 30 },
    { facilityId: f9, year: 2022, places: 100, inclusivePlaces: 0 },
  ]);
  await loadServiceIndicatorFixture(db);
}
