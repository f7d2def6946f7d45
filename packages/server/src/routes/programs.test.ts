import type {
  ApiError,
  ImportResult,
  ProgramEnrolment,
  ProgramSummaryResponse,
  ResidentDueResponse,
  Role,
  SavedFollowUpResponse,
  SavedVaccinationResponse,
  WorklistItem,
  WorklistResponse,
} from '@chp/core';
import { addDays, addMonths, addYears } from '@chp/core';
import { CHENGGUAN, schema, testDatabaseKinds } from '@chp/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../health/dates.js';
import { DONGYUAN, GUCHENG, addTestUser, createTestApp, login, multipartFiles } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';

const USERS: { username: string; role: Role; orgUnitCode: string }[] = [
  { username: 'gucheng-doctor', role: 'village_doctor', orgUnitCode: GUCHENG },
  { username: 'chengguan-thc', role: 'township_health_center', orgUnitCode: CHENGGUAN },
  { username: 'chengguan-mch', role: 'maternal_child', orgUnitCode: CHENGGUAN },
];

describe.each(testDatabaseKinds())('programme API on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const ids = { wang: 0, zhao: 0, qian: 0, baby: 0 };
  const now = today();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.database;
    for (const user of USERS) {
      cookies.set(user.username, await addTestUser(t, user.username, user.role, user.orgUnitCode));
    }
    cookies.set('admin', await login(t.app, 'admin'));
    const person = (name: string, sex: string, birthDate: string, villageCode: string) => ({
      countyCode: COUNTY,
      idType: 'other',
      idNumberMasked: `${name}-masked`,
      name,
      sex,
      birthDate,
      townshipCode: villageCode.slice(0, 9),
      villageCode,
    });
    const inserted = await db
      .insert(schema.resident)
      .values([
        person('王建国', '1', '1960-02-01', GUCHENG),
        person('赵兰', '2', '1958-07-07', GUCHENG),
        person('钱卫东', '1', '1962-05-01', DONGYUAN),
        person('刘小宝', '1', addMonths(now, -3), GUCHENG),
      ])
      .returning({ id: schema.resident.id });
    [ids.wang, ids.zhao, ids.qian, ids.baby] = inserted.map((row) => row.id) as [number, number, number, number];
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (username: string) => ({ cookie: cookies.get(username)! });
  const get = (username: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: as(username) });
  const send = (username: string, method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(username), payload });
  const residentUrl = (id: number, rest: string) => `/counties/${COUNTY}/residents/${id}/${rest}`;
  const hypertensionVisit = (visitDate: string, sbp: number, dbp: number) => ({
    program: 'hypertension',
    kind: 'follow_up',
    visitDate,
    values: { sbp, dbp },
  });
  const messageOf = (response: { body: string }): string => (JSON.parse(response.body) as ApiError).message;

  it('enrols residents of the village and refuses a second open enrolment', async () => {
    for (const id of [ids.wang, ids.zhao, ids.qian]) {
      const user = id === ids.qian ? 'chengguan-thc' : 'gucheng-doctor';
      const response = await send(user, 'POST', residentUrl(id, 'enrolments'), {
        program: 'hypertension',
        enrolledDate: addYears(now, -1),
      });
      expect(response.statusCode).toBe(201);
    }
    const again = await send('gucheng-doctor', 'POST', residentUrl(ids.wang, 'enrolments'), {
      program: 'hypertension',
      enrolledDate: now,
    });
    expect(again.statusCode).toBe(409);
    const listed = await get('gucheng-doctor', residentUrl(ids.wang, 'enrolments'));
    expect(listed.json<ProgramEnrolment[]>().map((e) => e.program)).toEqual(['hypertension']);
  });

  it("hides other villages' residents from a village doctor (404)", async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      residentUrl(ids.qian, 'follow-ups'),
      hypertensionVisit(now, 130, 80)
    );
    expect(response.statusCode).toBe(404);
  });

  it('refuses out-of-range vitals with the field and range (400)', async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      residentUrl(ids.wang, 'follow-ups'),
      hypertensionVisit(now, 400, 80)
    );
    expect(response.statusCode).toBe(400);
    expect(messageOf(response)).toBe('收缩压（sbp）为 400 mmHg，超出合理范围 60–300 mmHg。');
  });

  it('refuses a visit before birth (400)', async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      residentUrl(ids.wang, 'follow-ups'),
      hypertensionVisit('1959-12-01', 130, 80)
    );
    expect(response.statusCode).toBe(400);
    expect(messageOf(response)).toBe('随访日期 1959-12-01 早于出生日期 1960-02-01。');
  });

  it('makes an uncontrolled visit due for a recheck within 2 weeks, and refuses it twice (409)', async () => {
    const visitDate = addDays(now, -3);
    const response = await send(
      'gucheng-doctor',
      'POST',
      residentUrl(ids.wang, 'follow-ups'),
      hypertensionVisit(visitDate, 152, 96)
    );
    expect(response.statusCode).toBe(201);
    const saved = response.json<SavedFollowUpResponse>();
    expect(saved.followUp).toMatchObject({ residentId: ids.wang, visitDate, controlled: false });
    expect(saved.due.find((item) => item.program === 'hypertension' && item.kind === 'follow_up')).toMatchObject({
      dueDate: addDays(visitDate, 14),
      reason: '上次随访血压未控制，2周内复查',
    });
    const twice = await send(
      'gucheng-doctor',
      'POST',
      residentUrl(ids.wang, 'follow-ups'),
      hypertensionVisit(visitDate, 150, 95)
    );
    expect(twice.statusCode).toBe(409);
    expect(messageOf(twice)).toBe(
      `该居民 ${visitDate} 已有一次高血压随访记录（编号 ${saved.followUp.id}），同一登记同一天同类随访只能记录一次。`
    );
  });

  it("shows a resident's due items, audited as a record read", async () => {
    const response = await get('gucheng-doctor', residentUrl(ids.wang, 'due'));
    expect(response.statusCode).toBe(200);
    expect(response.json<ResidentDueResponse>()).toMatchObject({ asOf: now });
    const reads = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'record.read'), eq(schema.auditLog.entityId, String(ids.wang))));
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it("lists only the village's residents on a village doctor's worklist, with an overdue hypertension follow-up", async () => {
    // 赵兰 and 钱卫东 were last seen five months ago: their quarterly follow-up is overdue.
    const lastSeen = addMonths(now, -5);
    expect(
      (await send('gucheng-doctor', 'POST', residentUrl(ids.zhao, 'follow-ups'), hypertensionVisit(lastSeen, 128, 80)))
        .statusCode
    ).toBe(201);
    expect(
      (await send('chengguan-thc', 'POST', residentUrl(ids.qian, 'follow-ups'), hypertensionVisit(lastSeen, 128, 80)))
        .statusCode
    ).toBe(201);
    const response = await get('gucheng-doctor', `/counties/${COUNTY}/worklist`);
    expect(response.statusCode).toBe(200);
    const list = response.json<WorklistResponse>();
    const items: WorklistItem[] = [...list.today, ...list.overdue];
    expect(new Set(items.map((item) => item.villageCode))).toEqual(new Set([GUCHENG]));
    expect(new Set(items.map((item) => item.residentName))).toEqual(new Set(['王建国', '赵兰', '刘小宝']));
    expect(list.overdue.find((item) => item.residentName === '赵兰' && item.kind === 'follow_up')).toMatchObject({
      program: 'hypertension',
      idNumberMasked: '赵兰-masked',
      dueDate: addMonths(lastSeen, 3),
    });
    const township = (
      await get('chengguan-thc', `/counties/${COUNTY}/worklist?view=overdue&program=hypertension`)
    ).json<WorklistResponse>();
    expect(township.today).toEqual([]);
    expect(new Set(township.overdue.map((item) => item.residentName))).toEqual(new Set(['王建国', '赵兰', '钱卫东']));
  });

  it('imports visits through the register import, naming residents by 居民编号', async () => {
    const visitDate = addDays(now, -1);
    const csv = `居民编号,姓名,项目,随访类型,随访日期,收缩压（mmHg）,舒张压（mmHg）\n${ids.zhao},赵兰,高血压,随访,${visitDate},126,78`;
    const body = multipartFiles([{ name: '随访.csv', data: csv }]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/counties/${COUNTY}/registers/follow-ups/import`,
      headers: { ...as('admin'), ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toEqual({ mode: 'all', imported: 1, skipped: 0, errors: [] });
    const due = (await get('gucheng-doctor', residentUrl(ids.zhao, 'due'))).json<ResidentDueResponse>();
    expect(due.items.find((item) => item.kind === 'follow_up')).toMatchObject({ dueDate: addMonths(visitDate, 3) });
  });

  it('asks county-wide users to narrow the worklist', async () => {
    const wide = await get('admin', `/counties/${COUNTY}/worklist`);
    expect(wide.statusCode).toBe(400);
    const narrowed = await get('admin', `/counties/${COUNTY}/worklist?village=${GUCHENG}`);
    expect(narrowed.statusCode).toBe(200);
  });

  it('lets 妇幼 staff record vaccinations but not hypertension care, and shows them only their items', async () => {
    const refused = await send('chengguan-mch', 'POST', residentUrl(ids.baby, 'enrolments'), {
      program: 'hypertension',
      enrolledDate: now,
    });
    expect(refused.statusCode).toBe(403);
    expect(messageOf(refused)).toBe(
      '妇幼保健人员只能登记孕产妇、0–6岁儿童健康管理和预防接种，不能登记高血压健康管理。'
    );
    const birth = addMonths(now, -3);
    const dose = await send('chengguan-mch', 'POST', residentUrl(ids.baby, 'vaccinations'), {
      vaccine: 'HepB',
      dose: 1,
      vaccinatedDate: birth,
    });
    expect(dose.statusCode).toBe(201);
    const saved = dose.json<SavedVaccinationResponse>();
    expect(saved.vaccination).toMatchObject({ vaccine: 'HepB', dose: 1 });
    expect(saved.due.find((item) => item.kind === 'HepB')).toMatchObject({ dose: 2 });
    const repeated = await send('chengguan-mch', 'POST', residentUrl(ids.baby, 'vaccinations'), {
      vaccine: 'HepB',
      dose: 1,
      vaccinatedDate: birth,
    });
    expect(repeated.statusCode).toBe(409);
    const list = (await get('chengguan-mch', `/counties/${COUNTY}/worklist`)).json<WorklistResponse>();
    const programs = new Set([...list.today, ...list.overdue].map((item) => item.program));
    expect(programs).toEqual(new Set(['immunisation']));
    const elder = await get('chengguan-mch', residentUrl(ids.wang, 'due'));
    expect(elder.statusCode).toBe(404);
  });

  it('ends an enrolment and sums the programmes by township', async () => {
    const [enrolment] = (await get('chengguan-thc', residentUrl(ids.qian, 'enrolments'))).json<ProgramEnrolment[]>();
    const ended = await send('chengguan-thc', 'PATCH', residentUrl(ids.qian, `enrolments/${enrolment!.id}`), {
      endedDate: now,
      endReason: 'moved',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<ProgramEnrolment>()).toMatchObject({ endedDate: now, endReason: 'moved' });
    const response = await get('chengguan-thc', `/counties/${COUNTY}/programs/summary`);
    expect(response.statusCode).toBe(200);
    const summary = response.json<ProgramSummaryResponse>();
    expect(summary.asOf).toBe(now);
    const hypertension = summary.rows.find((row) => row.program === 'hypertension' && row.townshipCode === CHENGGUAN);
    expect(hypertension).toMatchObject({ enrolled: 3 });
    expect(hypertension?.overdue).toBeGreaterThanOrEqual(1);
    const future = await get(
      'chengguan-thc',
      `/counties/${COUNTY}/programs/summary?year=${Number(now.slice(0, 4)) + 1}`
    );
    expect(future.statusCode).toBe(400);
    // Narrowed to one township, a county user gets that township's rows only, with the same counts.
    const one = await get('admin', `/counties/${COUNTY}/programs/summary?township=${CHENGGUAN}`);
    const rows = one.json<ProgramSummaryResponse>().rows;
    expect(new Set(rows.map((row) => row.townshipCode))).toEqual(new Set([CHENGGUAN]));
    expect(rows.find((row) => row.program === 'hypertension')).toEqual(hypertension);
    // A township user asking for another township sees nothing of it.
    const other = await get('chengguan-thc', `/counties/${COUNTY}/programs/summary?township=640221101`);
    expect(other.json<ProgramSummaryResponse>().rows.filter((row) => row.enrolled > 0)).toEqual([]);
  });
});
