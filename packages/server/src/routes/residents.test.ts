import type {
  ApiError,
  DuplicateGroup,
  DuplicateResidentError,
  ImportResult,
  MergeResult,
  ResidentAccessEntry,
  ResidentDetail,
  ResidentInput,
  ResidentSaved,
  ResidentSearchResult,
  TimelineItem,
} from '@chp/core';
import { idCheckCharacter } from '@chp/core';
import { RESIDENT_COLUMNS, schema, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login, multipartFiles } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const VILLAGE = '640221100001';
const OTHER_VILLAGE = '640221100002';

function idNumberOf(birthDate: string, sequence: string): string {
  const first17 = `640221${birthDate.replaceAll('-', '')}${sequence}`;
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
  householdNumber: 'H-100',
  householdRelation: '01',
  recordDate: '2018-03-01',
};

describe.each(testDatabaseKinds())('resident API on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let zhangId = 0;
  let liId = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies.set('doctor', await addTestUser(t, 'doctor', 'village_doctor', VILLAGE));
    cookies.set('center', await addTestUser(t, 'center', 'township_health_center', '640221100'));
    cookies.set('hospital', await addTestUser(t, 'hospital', 'county_hospital', '640221'));
    cookies.set('admin', await login(t.app, 'admin'));
    cookies.set('planner', await login(t.app, 'planner'));
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (user: string, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/counties/640221/residents${path}`,
      headers: { cookie: cookies.get(user) ?? '' },
      ...(payload === undefined ? {} : { payload }),
    });

  it('creates a record (201), keeping the ID number masked', async () => {
    const response = await call('center', 'POST', '', zhang);
    expect(response.statusCode).toBe(201);
    const saved = response.json<ResidentSaved>();
    zhangId = saved.resident.id;
    expect(saved.resident).toMatchObject({
      name: '张大山',
      idNumberMasked: `640221********${ZHANG.slice(-4)}`,
      villageName: '古城居委会',
      household: { householdNumber: 'H-100' },
    });
    expect(response.body).not.toContain(ZHANG);

    const li = await call('center', 'POST', '', {
      ...zhang,
      name: '李小河',
      sex: '2',
      idNumber: idNumberOf('1990-01-01', '024'),
      birthDate: '1990-01-01',
      villageCode: OTHER_VILLAGE,
      householdNumber: null,
    });
    expect(li.statusCode).toBe(201);
    liId = li.json<ResidentSaved>().resident.id;
  });

  it('answers a duplicate ID number with 409 and the existing resident, a 15-digit form included', async () => {
    const legacy = ZHANG.slice(0, 6) + ZHANG.slice(8, 17);
    const response = await call('center', 'POST', '', { ...zhang, idNumber: legacy, villageCode: OTHER_VILLAGE });
    expect(response.statusCode).toBe(409);
    expect(response.json<DuplicateResidentError>()).toMatchObject({
      error: 'duplicate_resident',
      existingResidentId: zhangId,
    });
  });

  it('rejects a bad check digit with 400 naming it', async () => {
    const wrong = ZHANG.slice(0, 17) + (ZHANG.endsWith('0') ? '1' : '0');
    const response = await call('center', 'POST', '', { ...zhang, idNumber: wrong });
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>()).toEqual({
      error: 'invalid_resident',
      message: `身份证号校验位应为 ${ZHANG.slice(-1)}，实际为 ${wrong.slice(-1)}`,
    });
  });

  it('lets a village doctor see their village only, masked, and not identify', async () => {
    const own = await call('doctor', 'GET', `/${String(zhangId)}`);
    expect(own.statusCode).toBe(200);
    const detail = own.json<ResidentDetail>();
    expect(detail.idNumberMasked).toBe(`640221********${ZHANG.slice(-4)}`);
    expect(detail.idNumber).toBeUndefined();
    expect(own.body).not.toContain(ZHANG);

    const other = await call('doctor', 'GET', `/${String(liId)}`);
    expect(other.statusCode).toBe(404);
    expect((await call('doctor', 'GET', `/${String(liId)}/timeline`)).statusCode).toBe(404);
    expect((await call('doctor', 'PATCH', `/${String(liId)}`, { phone: null })).statusCode).toBe(404);
    expect((await call('doctor', 'GET', `/${String(zhangId)}?identify=1`)).statusCode).toBe(403);

    const found = (await call('doctor', 'GET', '?q=')).json<ResidentSearchResult>();
    expect(found.residents.map((resident) => resident.name)).toEqual(['张大山']);
    expect((await call('doctor', 'GET', `?q=${ZHANG}`)).json<ResidentSearchResult>().total).toBe(1);
    expect(
      (await call('doctor', 'GET', `?q=${idNumberOf('1990-01-01', '024')}`)).json<ResidentSearchResult>().total
    ).toBe(0);
  });

  it('lets a township centre identify, and audits it', async () => {
    const response = await call('center', 'GET', `/${String(zhangId)}?identify=1`);
    expect(response.statusCode).toBe(200);
    expect(response.json<ResidentDetail>().idNumber).toBe(ZHANG);
    const log = (await call('center', 'GET', `/${String(zhangId)}/access-log`)).json<ResidentAccessEntry[]>();
    expect(log.map((entry) => [entry.username, entry.action])).toEqual([
      ['center', 'record.identify'],
      ['doctor', 'record.read'],
      ['center', 'resident.create'],
    ]);
    const audit = await t.database.db.select().from(schema.auditLog);
    expect(JSON.stringify(audit)).not.toContain(ZHANG);
  });

  it('changes a record, including a death with its date', async () => {
    const response = await call('doctor', 'PATCH', `/${String(zhangId)}`, { phone: '13995000001' });
    expect(response.statusCode).toBe(200);
    expect(response.json<ResidentSaved>().resident.phone).toBe('13995000001');
    const bad = await call('doctor', 'PATCH', `/${String(zhangId)}`, { recordStatus: 'deceased' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().message).toBe('档案状态为“已死亡”，缺少死亡日期');
  });

  it('lists duplicates and merges one into the other, moving its rows', async () => {
    const twin = await call('center', 'POST', '', {
      ...zhang,
      idType: 'other',
      idNumber: null,
      householdNumber: null,
    });
    expect(twin.statusCode).toBe(201);
    const twinSaved = twin.json<ResidentSaved>();
    expect(twinSaved.warnings.map((warning) => warning.resident.id)).toEqual([zhangId]);
    const twinId = twinSaved.resident.id;
    await t.database.db.insert(schema.encounter).values({
      countyCode: '640221',
      residentId: twinId,
      kind: 'outpatient',
      startDate: '2024-04-01',
    });

    const groups = (await call('center', 'GET', '/duplicates')).json<DuplicateGroup[]>();
    expect(groups.map((group) => group.residents.map((resident) => resident.id).sort())).toEqual([
      [zhangId, twinId].sort(),
    ]);
    expect((await call('doctor', 'GET', '/duplicates')).statusCode).toBe(403);
    expect((await call('doctor', 'POST', `/${String(twinId)}/merge`, { intoId: zhangId })).statusCode).toBe(403);

    const merged = await call('center', 'POST', `/${String(twinId)}/merge`, { intoId: zhangId });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<MergeResult>().moved.encounter).toBe(1);
    const timeline = (await call('doctor', 'GET', `/${String(zhangId)}/timeline`)).json<TimelineItem[]>();
    expect(timeline.map((item) => `${item.type} ${item.date}`)).toEqual(['encounter 2024-04-01']);
    expect((await call('center', 'GET', '/duplicates')).json<DuplicateGroup[]>()).toEqual([]);
    const log = (await call('center', 'GET', `/${String(zhangId)}/access-log?limit=2`)).json<ResidentAccessEntry[]>();
    expect(log.map((entry) => [entry.username, entry.action])).toEqual([
      ['doctor', 'record.read'],
      ['center', 'resident.merge'],
    ]);
  });

  it('imports residents through the register import with record.write over the county', async () => {
    const csv = [
      RESIDENT_COLUMNS.map((column) => column.header).join(','),
      `居民身份证,${idNumberOf('1966-06-06', '055')},王小川,男,1966-06-06,,640221100,${VILLAGE},H-200,01,,,,,`,
    ].join('\n');
    const upload = (user: string) => {
      const body = multipartFiles([{ name: 'residents.csv', data: csv }]);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/counties/640221/registers/residents/import',
        headers: { cookie: cookies.get(user) ?? '', ...body.headers },
        payload: body.payload,
      });
    };
    expect((await upload('planner')).statusCode).toBe(403);
    expect((await upload('center')).statusCode).toBe(403);
    const response = await upload('hospital');
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toEqual({ mode: 'all', imported: 1, skipped: 0, errors: [] });
    const found = (await call('doctor', 'GET', '?q=王小川')).json<ResidentSearchResult>();
    expect(found.residents.map((resident) => resident.idNumberMasked)).toEqual([
      `640221********${idNumberOf('1966-06-06', '055').slice(-4)}`,
    ]);
  });
});
