import type {
  ApiError,
  CaseReportDetail,
  CaseReportPage,
  CaseReportSaved,
  CaseTimelinessReport,
  Disease,
} from '@chp/core';
import { idCheckCharacter } from '@chp/core';
import { schema, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const TOWNSHIP = '640221100';
const OTHER_TOWNSHIP = '640221101';
const NUMBER = (() => {
  const first17 = '64022119800101011';
  return first17 + idCheckCharacter(first17);
})();

interface FhirBundle {
  resourceType: string;
  type: string;
  entry: { resource: Record<string, unknown> & { resourceType: string } }[];
}

describe.each(testDatabaseKinds())('case report API on %s', (kind) => {
  let t: TestApp;
  let facilityId = 0;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [added] = await t.database.db
      .insert(schema.facility)
      .values({
        countyCode: '640221',
        orgUnitCode: TOWNSHIP,
        sourceRef: 'CASE-F1',
        name: '城关镇卫生院',
        facilityType: 'township_health_center',
        ownership: 'public',
        validFrom: 2000,
      })
      .returning();
    facilityId = added?.id ?? 0;
    cookies.set('cdc', await addTestUser(t, 'cdc', 'cdc', '640221'));
    cookies.set('center', await addTestUser(t, 'center', 'township_health_center', TOWNSHIP));
    cookies.set('far', await addTestUser(t, 'far', 'township_health_center', OTHER_TOWNSHIP));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (user: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/counties/640221/surveillance${path}`,
      headers: { cookie: cookies.get(user) ?? '' },
      ...(payload === undefined ? {} : { payload }),
    });
  const card = (rest: object = {}): object => ({
    sourceRef: 'HIS-001',
    patientName: '张三',
    idType: 'resident_id',
    idNumber: NUMBER,
    sex: '1',
    phone: '13900000000',
    townshipCode: TOWNSHIP,
    diseaseCode: 'measles',
    classification: 'confirmed',
    onsetDate: '2025-06-01',
    diagnosedAt: '2025-06-02T09:00:00+08:00',
    reportedAt: '2025-06-02T10:00:00+08:00',
    facilityId,
    reportingDoctor: '李医生',
    ...rest,
  });

  it('lists the catalogue', async () => {
    const response = await call('center', 'GET', '/diseases');
    expect(response.statusCode).toBe(200);
    expect(response.json<Disease[]>().find((d) => d.code === 'cholera')).toMatchObject({
      diseaseClass: 'A',
      deadlineHours: 2,
    });
  });

  it('reports idempotently, revises with history and lists duplicates', async () => {
    const first = await call('center', 'POST', '/cases', card());
    expect(first.statusCode).toBe(201);
    const saved = first.json<CaseReportSaved>();
    expect(saved.card.idNumberMasked).not.toBe(NUMBER);
    const again = await call('center', 'POST', '/cases', card());
    expect(again.statusCode).toBe(200);
    expect(again.json<CaseReportSaved>()).toMatchObject({ created: false, card: { id: saved.card.id } });

    const twin = await call(
      'center',
      'POST',
      '/cases',
      card({
        sourceRef: 'HIS-002',
        onsetDate: '2025-06-10',
        diagnosedAt: '2025-06-10T09:00:00+08:00',
        reportedAt: '2025-06-10T10:00:00+08:00',
      })
    );
    expect(twin.json<CaseReportSaved>().card.possibleDuplicates.map((c) => c.id)).toEqual([saved.card.id]);

    const noReason = await call('center', 'PUT', `/cases/${String(saved.card.id)}`, { classification: 'clinical' });
    expect(noReason.statusCode).toBe(400);
    const revised = await call('center', 'PUT', `/cases/${String(saved.card.id)}`, {
      classification: 'clinical',
      reason: '订正分类',
    });
    expect(revised.json<CaseReportDetail>()).toMatchObject({ revision: 1, revisions: [{ action: 'revise' }] });
    const marked = await call('cdc', 'POST', `/cases/${twin.json<CaseReportSaved>().card.id}/duplicate-of`, {
      duplicateOfId: saved.card.id,
    });
    expect(marked.json<CaseReportDetail>().duplicateOfId).toBe(saved.card.id);
    expect((await call('center', 'POST', `/cases/${String(saved.card.id)}/review`)).statusCode).toBe(403);
    expect((await call('cdc', 'POST', `/cases/${String(saved.card.id)}/review`)).json<CaseReportDetail>().status).toBe(
      'reviewed'
    );
  });

  it('rejects future dates and unknown diseases with field details', async () => {
    const response = await call(
      'center',
      'POST',
      '/cases',
      card({
        sourceRef: null,
        diseaseCode: 'xx',
        diagnosedAt: '2099-01-01T00:00:00+08:00',
        reportedAt: '2099-01-01T01:00:00+08:00',
      })
    );
    expect(response.statusCode).toBe(422);
    const body = response.json<ApiError>();
    expect(body.details?.map((d) => d.column).sort()).toEqual(['diagnosedAt', 'diseaseCode', 'reportedAt']);
    expect(body.message).toContain('未知的传染病病种代码');
  });

  it('scopes cards by township', async () => {
    const list = await call('center', 'GET', '/cases');
    const { items } = list.json<CaseReportPage>();
    expect(items.length).toBe(2);
    const id = String(items[0]?.id);
    expect((await call('far', 'GET', `/cases/${id}`)).statusCode).toBe(404);
    expect((await call('far', 'GET', '/cases')).json<CaseReportPage>().total).toBe(0);
    expect((await call('far', 'POST', '/cases', card({ sourceRef: 'HIS-X' }))).statusCode).toBe(403);
    expect((await call('cdc', 'GET', `/cases/${id}`)).statusCode).toBe(200);
  });

  it('computes timeliness and exports FHIR', async () => {
    const report = (await call('cdc', 'GET', '/cases/timeliness?year=2025')).json<CaseTimelinessReport>();
    expect(report.total).toMatchObject({ cards: 2, inTime: 2, timeliness: 1, complete: 0 });
    const list = (await call('cdc', 'GET', '/cases?status=reviewed')).json<CaseReportPage>();
    const response = await call('cdc', 'GET', `/cases/${String(list.items[0]?.id)}/fhir`);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    const bundle = response.json<FhirBundle>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Patient', 'Condition', 'Encounter']);
    expect(JSON.stringify(bundle)).not.toContain(NUMBER);
    expect(bundle.entry[1]?.resource).toMatchObject({
      code: { coding: [{ code: 'B05' }, { system: 'urn:chp:notifiable-disease', code: 'measles' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }, { code: 'clinical' }] },
      onsetDateTime: '2025-06-01',
    });
    const search = (await call('cdc', 'GET', '/cases/fhir?disease=measles')).json<FhirBundle>();
    expect(search.entry).toHaveLength(6);
  });
});
