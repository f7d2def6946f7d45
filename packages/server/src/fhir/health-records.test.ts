import type { ResidentInput, ResidentSaved } from '@chp/core';
import { idCheckCharacter } from '@chp/core';
import { schema, testDatabaseKinds } from '@chp/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

interface Bundle {
  resourceType: string;
  type: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: { resource: Record<string, unknown> }[];
}

const COUNTY = '640221';
const VILLAGE = '640221100001';
const OTHER_VILLAGE = '640221100002';

function idNumberOf(birthDate: string, sequence: string): string {
  const first17 = `${COUNTY}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

const ZHANG = idNumberOf('1958-04-04', '013');
const zhang: ResidentInput = {
  idType: 'resident_id',
  idNumber: ZHANG,
  name: '张大山',
  sex: '1',
  birthDate: '1958-04-04',
  phone: '13995000000',
  townshipCode: '640221100',
  villageCode: VILLAGE,
  recordDate: '2018-03-01',
};
const li: ResidentInput = {
  ...zhang,
  idNumber: idNumberOf('2022-05-06', '024'),
  name: '李小河',
  sex: '2',
  birthDate: '2022-05-06',
  villageCode: OTHER_VILLAGE,
  recordDate: '2022-05-10',
};

describe.each(testDatabaseKinds())('FHIR health records on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let zhangId = 0;
  let liId = 0;
  const ids = { encounter: 0, diagnosis: 0, observation: 0, vaccination: 0, enrolment: 0, liVaccination: 0 };

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies.set('doctor', await addTestUser(t, 'doctor', 'village_doctor', VILLAGE));
    cookies.set('center', await addTestUser(t, 'center', 'township_health_center', '640221100'));
    cookies.set('planner', await login(t.app, 'planner'));
    const create = async (input: ResidentInput): Promise<number> => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/counties/${COUNTY}/residents`,
        headers: { cookie: cookies.get('center')! },
        payload: input,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<ResidentSaved>().resident.id;
    };
    zhangId = await create(zhang);
    liId = await create(li);

    const { db } = t.database;
    const of = { countyCode: COUNTY, residentId: zhangId };
    const [visit] = await db
      .insert(schema.encounter)
      .values({ ...of, kind: 'inpatient', startDate: '2024-03-01', endDate: null, department: '内科' })
      .returning();
    ids.encounter = visit!.id;
    const [diagnosis] = await db
      .insert(schema.diagnosis)
      .values({ ...of, encounterId: visit!.id, icd10: 'I10', name: '原发性高血压', diagnosedDate: '2024-03-01' })
      .returning();
    ids.diagnosis = diagnosis!.id;
    const [result] = await db
      .insert(schema.observation)
      .values({
        ...of,
        encounterId: visit!.id,
        category: 'laboratory',
        code: '2345-7',
        name: '空腹血糖',
        observedDate: '2024-03-02',
        valueNumber: 7.8,
        unit: 'mmol/L',
        abnormal: 'H',
      })
      .returning();
    ids.observation = result!.id;
    const [enrolment] = await db
      .insert(schema.programEnrolment)
      .values({ ...of, program: 'hypertension', enrolledDate: '2024-03-05' })
      .returning();
    ids.enrolment = enrolment!.id;
    const [dose] = await db
      .insert(schema.vaccination)
      .values({ ...of, vaccine: 'HepB', dose: 1, vaccinatedDate: '1958-04-05', lotNumber: 'L-1' })
      .returning();
    ids.vaccination = dose!.id;
    const [liDose] = await db
      .insert(schema.vaccination)
      .values({ countyCode: COUNTY, residentId: liId, vaccine: 'BCG', dose: 1, vaccinatedDate: '2022-05-07' })
      .returning();
    ids.liVaccination = liDose!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, user = 'doctor') => t.app.inject({ url, headers: { cookie: cookies.get(user)! } });
  const bundle = async (url: string, user = 'doctor'): Promise<Bundle> => {
    const response = await get(url, user);
    expect(response.statusCode).toBe(200);
    return response.json<Bundle>();
  };
  const readsOf = async (residentId: number): Promise<number> =>
    (
      await t.database.db
        .select()
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.entity, 'resident'),
            eq(schema.auditLog.entityId, String(residentId)),
            eq(schema.auditLog.action, 'record.read')
          )
        )
    ).length;

  it('reads a Patient in scope with the ID number masked, and audits the read', async () => {
    const before = await readsOf(zhangId);
    const response = await get(`/fhir/Patient/${zhangId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    expect(response.json()).toMatchObject({
      resourceType: 'Patient',
      id: String(zhangId),
      identifier: [{ system: 'urn:oid:2.16.156.10011.1.3', value: `640221********${ZHANG.slice(-4)}` }],
      name: [{ text: '张大山' }],
      gender: 'male',
      birthDate: '1958-04-04',
      telecom: [{ system: 'phone', value: '13995000000' }],
      address: [{ text: '城关镇古城居委会', line: ['古城居委会'] }],
      meta: { tag: [{ code: COUNTY }] },
    });
    expect(response.body).not.toContain(ZHANG);
    expect(await readsOf(zhangId)).toBe(before + 1);
  });

  it('hides another village’s Patient from a village doctor: 404 on read, absent from search', async () => {
    const before = await readsOf(liId);
    const outside = await get(`/fhir/Patient/${liId}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(await readsOf(liId)).toBe(before);
    const all = await bundle('/fhir/Patient');
    expect(all.entry?.map((e) => e.resource['id'])).toEqual([String(zhangId)]);
    expect((await bundle(`/fhir/Patient?identifier=${li.idNumber!}`)).total).toBe(0);
    // The township centre sees both villages.
    expect((await bundle('/fhir/Patient', 'center')).total).toBe(2);
    expect((await get(`/fhir/Patient/${zhangId}`, 'planner')).statusCode).toBe(403);
  });

  it('searches Patients by exact ID number, name and birth date, paged', async () => {
    const byId = await bundle(`/fhir/Patient?identifier=urn:oid:2.16.156.10011.1.3|${ZHANG}`, 'center');
    expect(byId).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(byId.entry![0]!.resource['id']).toBe(String(zhangId));
    expect((await bundle(`/fhir/Patient?identifier=${ZHANG.slice(0, 17)}0`, 'center')).total).toBe(0);
    expect((await bundle(`/fhir/Patient?name=${encodeURIComponent('小河')}`, 'center')).total).toBe(1);
    expect((await bundle('/fhir/Patient?birthdate=2022-05-06', 'center')).entry![0]!.resource).toMatchObject({
      id: String(liId),
      gender: 'female',
    });
    const first = await bundle('/fhir/Patient?_count=1', 'center');
    expect(first.total).toBe(2);
    expect(first.entry).toHaveLength(1);
    const next = first.link.find((l) => l.relation === 'next')!.url;
    const second = await bundle(next.replace(/^https?:\/\/[^/]+/, ''), 'center');
    expect(second.entry![0]!.resource['id']).toBe(String(liId));
    expect(second.link.some((l) => l.relation === 'next')).toBe(false);
  });

  it.each([
    ['Encounter', 'encounter', { status: 'in-progress', class: { code: 'IMP' }, period: { start: '2024-03-01' } }],
    [
      'Condition',
      'diagnosis',
      {
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10' }] },
        recordedDate: '2024-03-01',
      },
    ],
    [
      'Observation',
      'observation',
      {
        status: 'final',
        category: [{ coding: [{ code: 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
        valueQuantity: { value: 7.8, unit: 'mmol/L' },
        interpretation: [{ coding: [{ code: 'H' }] }],
      },
    ],
    [
      'Immunization',
      'vaccination',
      {
        vaccineCode: { coding: [{ system: 'urn:chp:vaccine', code: 'HepB', display: '乙肝疫苗' }] },
        occurrenceDateTime: '1958-04-05',
        protocolApplied: [{ doseNumberPositiveInt: 1 }],
      },
    ],
    [
      'EpisodeOfCare',
      'enrolment',
      { status: 'active', type: [{ coding: [{ system: 'urn:chp:program', code: 'hypertension' }] }] },
    ],
  ] as const)('reads and searches %s by patient, audited', async (resourceType, key, expected) => {
    const id = ids[key];
    const before = await readsOf(zhangId);
    const read = await get(`/fhir/${resourceType}/${id}`);
    expect(read.statusCode).toBe(200);
    const resource = read.json<Record<string, unknown>>();
    expect(resource).toMatchObject({ resourceType, id: String(id), ...expected });
    expect(resource['subject'] ?? resource['patient']).toEqual({ reference: `Patient/${zhangId}` });
    expect(await readsOf(zhangId)).toBe(before + 1);

    const found = await bundle(`/fhir/${resourceType}?patient=Patient/${zhangId}`);
    expect(found.entry?.map((e) => e.resource['id'])).toEqual([String(id)]);
    expect((await bundle(`/fhir/${resourceType}?subject=${zhangId}`)).total).toBe(1);
    expect(await readsOf(zhangId)).toBe(before + 3);
  });

  it('hides another village’s records from a village doctor', async () => {
    expect((await get(`/fhir/Immunization/${ids.liVaccination}`)).statusCode).toBe(404);
    expect((await bundle(`/fhir/Immunization?patient=Patient/${liId}`)).total).toBe(0);
    expect((await bundle('/fhir/Immunization')).entry?.map((e) => e.resource['id'])).toEqual([String(ids.vaccination)]);
    expect((await bundle(`/fhir/Immunization?patient=Patient/${liId}`, 'center')).total).toBe(1);
    expect((await get('/fhir/Encounter?patient=Patient/x')).statusCode).toBe(400);
  });

  it('lists the health-record resources in the CapabilityStatement', async () => {
    const statement = (await t.app.inject({ url: '/fhir/metadata' })).json<{
      rest: { resource: { type: string }[] }[];
    }>();
    expect(statement.rest[0]!.resource.map((r) => r.type)).toEqual([
      'Measure',
      'MeasureReport',
      'Patient',
      'Encounter',
      'Condition',
      'Observation',
      'Immunization',
      'EpisodeOfCare',
    ]);
  });
});
