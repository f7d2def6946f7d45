import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  diagnosis,
  encounter,
  familyDoctorContract,
  familyDoctorTeam,
  followUp,
  observation,
  prescription,
  programEnrolment,
  resident,
  servicePackage,
  vaccination,
} from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import { createResident } from './create-resident.js';
import { mergeResidents } from './merge-residents.js';
import { listRecordAccess, writeRecordAccess } from './record-access.js';
import { residentTimeline } from './timeline.js';
import {
  COUNTY,
  TODAY,
  actor,
  cipher,
  countyScope,
  idNumberOf,
  residentInput,
  residentTestDatabase,
} from './residents-testing.js';

describe.each(testDatabaseKinds())('merging residents and their timeline on %s', (kind) => {
  const t = residentTestDatabase(kind);
  let kept = 0;
  let duplicate = 0;
  let third = 0;
  const NUMBER = idNumberOf('1960-06-06', '041');

  /** A visit with a diagnosis, a prescription and a result, an enrolment with a visit, doses and a contract. */
  async function addRecords(residentId: number, day: string): Promise<void> {
    const [visit] = await t.db
      .insert(encounter)
      .values({ countyCode: COUNTY, residentId, facilityId: t.facilityId, kind: 'outpatient', startDate: day })
      .returning();
    const encounterId = visit?.id ?? null;
    await t.db.insert(diagnosis).values({
      countyCode: COUNTY,
      residentId,
      encounterId,
      icd10: 'I10',
      name: '原发性高血压',
      diagnosedDate: day,
      primary: true,
    });
    await t.db
      .insert(prescription)
      .values({ countyCode: COUNTY, residentId, encounterId, prescribedDate: day, drugName: '氨氯地平片' });
    await t.db.insert(observation).values({
      countyCode: COUNTY,
      residentId,
      encounterId,
      category: 'vital-signs',
      code: '8480-6',
      name: '收缩压',
      observedDate: day,
      valueNumber: 150,
      unit: 'mmHg',
    });
  }

  beforeAll(async () => {
    const create = async (input: ReturnType<typeof residentInput>): Promise<number> =>
      (await createResident(t.db, cipher, actor, COUNTY, countyScope, input, TODAY)).resident.id;
    kept = await create(residentInput('孙九', { idType: 'other', idNumber: null, birthDate: '1960-06-06' }));
    duplicate = await create(
      residentInput('孙九', {
        birthDate: '1960-06-06',
        idNumber: NUMBER,
        phone: '13700000000',
        householdNumber: 'H77',
        recordDate: '2019-01-01',
      })
    );
    third = await create(residentInput('孙九', { idType: 'passport', idNumber: 'E99999999', birthDate: '1960-06-06' }));
    await addRecords(kept, '2023-01-10');
    await addRecords(duplicate, '2024-02-20');
    const [enrolment] = await t.db
      .insert(programEnrolment)
      .values({ countyCode: COUNTY, residentId: duplicate, program: 'hypertension', enrolledDate: '2024-02-20' })
      .returning();
    await t.db.insert(followUp).values({
      countyCode: COUNTY,
      residentId: duplicate,
      enrolmentId: enrolment?.id ?? 0,
      program: 'hypertension',
      kind: 'follow_up',
      visitDate: '2024-05-20',
      facilityId: t.facilityId,
      values: { sbp: 138, dbp: 85 },
      controlled: true,
    });
    await t.db.insert(vaccination).values([
      { countyCode: COUNTY, residentId: kept, vaccine: 'HepB', dose: 1, vaccinatedDate: '1960-06-07' },
      { countyCode: COUNTY, residentId: duplicate, vaccine: 'HepB', dose: 1, vaccinatedDate: '1960-06-07' },
      { countyCode: COUNTY, residentId: duplicate, vaccine: 'HepB', dose: 2, vaccinatedDate: '1960-07-07' },
    ]);
    const [team] = await t.db
      .insert(familyDoctorTeam)
      .values({ countyCode: COUNTY, name: '城关一队', facilityId: t.facilityId, townshipCode: '640221100' })
      .returning();
    const [basic] = await t.db
      .insert(servicePackage)
      .values({ countyCode: COUNTY, code: 'basic', name: '基础包', kind: 'basic' })
      .returning();
    await t.db.insert(familyDoctorContract).values({
      countyCode: COUNTY,
      residentId: duplicate,
      teamId: team?.id ?? 0,
      packageId: basic?.id ?? 0,
      signedDate: '2024-12-30',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    // The third entry is enrolled in the same programme at the same time: it cannot be merged into `kept` later.
    await t.db
      .insert(programEnrolment)
      .values({ countyCode: COUNTY, residentId: third, program: 'hypertension', enrolledDate: '2024-01-01' });
  });

  it('shows every row of the person, oldest first, typed and with facility names', async () => {
    const items = await residentTimeline(t.db, COUNTY, duplicate);
    expect(items.map((item) => `${item.date} ${item.type}`)).toEqual([
      '1960-06-07 vaccination',
      '1960-07-07 vaccination',
      '2024-02-20 encounter',
      '2024-02-20 diagnosis',
      '2024-02-20 observation',
      '2024-02-20 prescription',
      '2024-02-20 enrolment',
      '2024-05-20 follow_up',
      '2025-01-01 contract',
    ]);
    expect(items.find((item) => item.type === 'diagnosis')).toMatchObject({
      icd10: 'I10',
      facilityName: '平罗县人民医院',
    });
    expect(items.find((item) => item.type === 'contract')).toMatchObject({
      teamName: '城关一队',
      packageName: '基础包',
      facilityName: '平罗县人民医院',
    });
    expect(items.find((item) => item.type === 'follow_up')).toMatchObject({ values: { sbp: 138, dbp: 85 } });
  });

  it('moves every row to the kept resident, which takes the ID number and the values it lacked', async () => {
    const result = await mergeResidents(t.db, actor, COUNTY, countyScope, duplicate, kept);
    expect(result.moved).toEqual({
      encounter: 1,
      diagnosis: 1,
      prescription: 1,
      observation: 1,
      enrolment: 1,
      follow_up: 1,
      vaccination: 1,
      contract: 1,
      flag: 0,
    });
    expect(result.into).toMatchObject({
      id: kept,
      idType: 'resident_id',
      idNumberMasked: `640221********${NUMBER.slice(-4)}`,
      phone: '13700000000',
      recordDate: '2019-01-01',
      household: { householdNumber: 'H77' },
    });
    const timeline = await residentTimeline(t.db, COUNTY, kept);
    expect(timeline.filter((item) => item.type === 'encounter')).toHaveLength(2);
    expect(timeline.filter((item) => item.type === 'vaccination').map((item) => item.date)).toEqual([
      '1960-06-07',
      '1960-07-07',
    ]);
    expect(await residentTimeline(t.db, COUNTY, duplicate)).toEqual([]);
    const [merged] = await t.db.select().from(resident).where(eq(resident.id, duplicate));
    expect(merged?.mergedIntoId).toBe(kept);

    const log = await listRecordAccess(t.db, COUNTY, duplicate, { limit: 10, offset: 0 });
    expect(log.map((entry) => entry.action)).toEqual(['resident.merge', 'resident.create']);
  });

  it('refuses a merge of overlapping enrolments, a merged entry, and a resident into itself', async () => {
    await expect(mergeResidents(t.db, actor, COUNTY, countyScope, third, kept)).rejects.toThrow(
      '两份档案的高血压健康管理时间重叠（2024-01-01 至 今、2024-02-20 至 今），请先结案其中一份再合并'
    );
    await expect(mergeResidents(t.db, actor, COUNTY, countyScope, duplicate, kept)).rejects.toThrow(
      `居民档案（编号 ${String(duplicate)}）已合并到编号 ${String(kept)} 的档案`
    );
    await expect(mergeResidents(t.db, actor, COUNTY, countyScope, kept, kept)).rejects.toThrow(
      '不能把档案合并到它自己'
    );
    const village = [{ orgUnitCode: '640221100002', maternalChildOnly: false }];
    await expect(mergeResidents(t.db, actor, COUNTY, village, third, kept)).rejects.toThrow('不存在或无权访问');
  });

  it('lists the reads of a record, newest first', async () => {
    await writeRecordAccess(t.db, actor, COUNTY, kept, 'record.read');
    await writeRecordAccess(t.db, { ...actor, username: 'doctor' }, COUNTY, kept, 'record.identify');
    const log = await listRecordAccess(t.db, COUNTY, kept, { limit: 3, offset: 0 });
    expect(log.map((entry) => [entry.username, entry.action])).toEqual([
      ['doctor', 'record.identify'],
      ['tester', 'record.read'],
      ['tester', 'resident.merge'],
    ]);
    expect(log[0]?.ip).toBe('127.0.0.1');
  });
});
