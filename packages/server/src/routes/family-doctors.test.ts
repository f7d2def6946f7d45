import type { ContractList, FamilyDoctorContract, FamilyDoctorTeam, ServicePackage, TeamPanel } from '@chp/core';
import { CHENGGUAN, HUANGQUQIAO, schema, testDatabaseKinds } from '@chp/db';
import type { Role } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DONGYUAN, GUCHENG, addTestUser, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';

const USERS: { username: string; role: Role; orgUnitCode: string }[] = [
  { username: 'chengguan-thc', role: 'township_health_center', orgUnitCode: CHENGGUAN },
  { username: 'huangquqiao-thc', role: 'township_health_center', orgUnitCode: HUANGQUQIAO },
  { username: 'gucheng-doctor', role: 'village_doctor', orgUnitCode: GUCHENG },
  { username: 'county-hospital', role: 'county_hospital', orgUnitCode: COUNTY },
];

describe.each(testDatabaseKinds())('family doctors on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const residents = { elder: 0, neighbour: 0 };
  let basic: ServicePackage;
  let team: FamilyDoctorTeam;
  let first: FamilyDoctorContract;
  let renewal: FamilyDoctorContract;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.database;
    for (const user of USERS) {
      cookies.set(user.username, await addTestUser(t, user.username, user.role, user.orgUnitCode));
    }
    for (const username of ['admin', 'planner']) {
      cookies.set(username, await login(t.app, username));
    }
    const person = (name: string, birthDate: string, villageCode: string) => ({
      countyCode: COUNTY,
      idType: 'resident_id',
      idNumberMasked: '640221********0011',
      name,
      sex: '1',
      birthDate,
      townshipCode: villageCode.slice(0, 9),
      villageCode,
    });
    const inserted = await db
      .insert(schema.resident)
      .values([person('张老汉', '1950-03-01', GUCHENG), person('李邻居', '1980-05-05', DONGYUAN)])
      .returning({ id: schema.resident.id });
    residents.elder = inserted[0]!.id;
    residents.neighbour = inserted[1]!.id;
    await db.insert(schema.programEnrolment).values({
      countyCode: COUNTY,
      residentId: residents.elder,
      program: 'hypertension',
      enrolledDate: '2024-01-05',
    });
    await db
      .insert(schema.residentFlag)
      .values({ countyCode: COUNTY, residentId: residents.elder, flag: 'disabled', fromDate: '2020-01-01' });
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (username: string) => ({ cookie: cookies.get(username)! });
  const get = (username: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: as(username) });
  const send = (username: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(username), ...(payload ? { payload } : {}) });
  const contractsUrl = (query: string) => `/counties/${COUNTY}/family-doctor/contracts?${query}`;
  const auditActions = async (entity: string): Promise<string[]> =>
    (
      await t.database.db
        .select({ action: schema.auditLog.action })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entity, entity), eq(schema.auditLog.countyCode, COUNTY)))
        .orderBy(schema.auditLog.id)
    ).map((row) => row.action);

  it('creates a service package only with county-wide management, audited', async () => {
    const payload = { code: 'JC', name: '基础包', kind: 'basic', annualFee: 0, services: ['健康评估'] };
    const refused = await send('chengguan-thc', 'POST', `/counties/${COUNTY}/family-doctor/packages`, payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toBe(
      '服务包在全县通用，新建服务包需要对本县（区）640221 的管理权限'
    );
    const created = await send('admin', 'POST', `/counties/${COUNTY}/family-doctor/packages`, payload);
    expect(created.statusCode).toBe(201);
    basic = created.json<ServicePackage>();
    expect(basic).toMatchObject({ code: 'JC', name: '基础包', kind: 'basic', targetFlags: [], services: ['健康评估'] });
    const again = await send('admin', 'POST', `/counties/${COUNTY}/family-doctor/packages`, payload);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe('本县（区）已有代码为“JC”的服务包');
    const listed = await get('gucheng-doctor', `/counties/${COUNTY}/family-doctor/packages`);
    expect(listed.json<ServicePackage[]>().map((p) => p.code)).toEqual(['JC']);
    expect(await auditActions('service_package')).toEqual(['service_package.create']);
  });

  it('creates a team in the manager’s township with members and served villages', async () => {
    const payload = {
      name: '城关镇第一团队',
      townshipCode: CHENGGUAN,
      areaCodes: [GUCHENG, DONGYUAN],
      members: [
        { name: '赵医生', role: 'leader' },
        { name: '钱村医', role: 'village_doctor', phone: '13900000000' },
      ],
    };
    const created = await send('chengguan-thc', 'POST', `/counties/${COUNTY}/family-doctor/teams`, payload);
    expect(created.statusCode).toBe(201);
    team = created.json<FamilyDoctorTeam>();
    expect(team).toMatchObject({
      name: '城关镇第一团队',
      township: { code: CHENGGUAN, name: '城关镇' },
      areas: [
        { code: GUCHENG, name: '古城居委会' },
        { code: DONGYUAN, name: '东苑居委会' },
      ],
      activeContracts: 0,
      expiringContracts: 0,
    });
    expect(team.members.map((m) => [m.name, m.role, m.phone])).toEqual([
      ['赵医生', 'leader', null],
      ['钱村医', 'village_doctor', '13900000000'],
    ]);
    expect(await auditActions('family_doctor_team')).toEqual(['family_doctor_team.create']);
  });

  it('refuses areas outside the county and teams of another township', async () => {
    const outside = await send('chengguan-thc', 'POST', `/counties/${COUNTY}/family-doctor/teams`, {
      name: '越界团队',
      townshipCode: CHENGGUAN,
      areaCodes: [GUCHENG, '140423100001'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ message: string }>().message).toBe(
      '服务区域 140423100001 不是本县（区）640221 的村（社区）或乡镇（街道）'
    );
    const other = await send('chengguan-thc', 'POST', `/counties/${COUNTY}/family-doctor/teams`, {
      name: '邻镇团队',
      townshipCode: HUANGQUQIAO,
      areaCodes: ['640221101001'],
    });
    expect(other.statusCode).toBe(403);
    expect(other.json<{ message: string }>().message).toBe('您没有管理乡镇（街道）640221101 家庭医生团队的权限');
    const villageDoctor = await send('gucheng-doctor', 'POST', `/counties/${COUNTY}/family-doctor/teams`, {
      name: '村医团队',
      townshipCode: CHENGGUAN,
      areaCodes: [GUCHENG],
    });
    expect(villageDoctor.statusCode).toBe(403);
  });

  it('shows teams by township, and changes members of the manager’s own teams only', async () => {
    const seen = async (username: string) =>
      (await get(username, `/counties/${COUNTY}/family-doctor/teams`)).json<FamilyDoctorTeam[]>().map((x) => x.id);
    expect(await seen('gucheng-doctor')).toEqual([team.id]);
    expect(await seen('county-hospital')).toEqual([team.id]);
    expect(await seen('huangquqiao-thc')).toEqual([]);
    const foreign = await send('huangquqiao-thc', 'PATCH', `/counties/${COUNTY}/family-doctor/teams/${team.id}`, {
      name: '改名',
    });
    expect(foreign.statusCode).toBe(404);
    const added = await send('chengguan-thc', 'POST', `/counties/${COUNTY}/family-doctor/teams/${team.id}/members`, {
      name: '孙护士',
      role: 'nurse',
    });
    expect(added.statusCode).toBe(201);
    const nurse = added.json<FamilyDoctorTeam>().members.find((m) => m.name === '孙护士')!;
    const removed = await send(
      'chengguan-thc',
      'DELETE',
      `/counties/${COUNTY}/family-doctor/teams/${team.id}/members/${nurse.id}`
    );
    expect(removed.json<FamilyDoctorTeam>().members.map((m) => m.name)).toEqual(['赵医生', '钱村医']);
    const renamed = await send('chengguan-thc', 'PATCH', `/counties/${COUNTY}/family-doctor/teams/${team.id}`, {
      name: '城关镇古城团队',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<FamilyDoctorTeam>()).toMatchObject({ name: '城关镇古城团队', areas: team.areas });
    expect(await auditActions('family_doctor_team')).toEqual([
      'family_doctor_team.create',
      'family_doctor_team.member_add',
      'family_doctor_team.member_remove',
      'family_doctor_team.update',
    ]);
  });

  it('signs a contract for a resident in the doctor’s village, one year from signing, audited', async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      `/counties/${COUNTY}/residents/${residents.elder}/contracts`,
      {
        teamId: team.id,
        packageId: basic.id,
        signedDate: '2025-01-10',
      }
    );
    expect(response.statusCode).toBe(201);
    first = response.json<FamilyDoctorContract>();
    expect(first).toMatchObject({
      resident: { id: residents.elder, name: '张老汉', village: { code: GUCHENG, name: '古城居委会' } },
      team: { id: team.id, name: '城关镇古城团队' },
      package: { id: basic.id, code: 'JC', name: '基础包', kind: 'basic' },
      signedDate: '2025-01-10',
      startDate: '2025-01-10',
      endDate: '2026-01-09',
      renewsContractId: null,
      renewedByContractId: null,
    });
    expect(await auditActions('family_doctor_contract')).toEqual(['contract.sign']);
  });

  it('rejects an overlapping contract with a precise message', async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      `/counties/${COUNTY}/residents/${residents.elder}/contracts`,
      {
        teamId: team.id,
        packageId: basic.id,
        signedDate: '2025-06-01',
      }
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: 'contract_overlap',
      message: `该居民已有有效签约（合同 ${first.id}，2025-01-10 至 2026-01-09），与新合同期限 2025-06-01 至 2026-05-31 重叠；请续约或先解约原合同`,
    });
  });

  it('hides residents outside the doctor’s village (404) and refuses users without record.write (403)', async () => {
    const body = { teamId: team.id, packageId: basic.id, signedDate: '2025-02-01' };
    const outside = await send(
      'gucheng-doctor',
      'POST',
      `/counties/${COUNTY}/residents/${residents.neighbour}/contracts`,
      body
    );
    expect(outside.statusCode).toBe(404);
    const planner = await send('planner', 'POST', `/counties/${COUNTY}/residents/${residents.elder}/contracts`, body);
    expect(planner.statusCode).toBe(403);
    const plannerList = await get('planner', contractsUrl(''));
    expect(plannerList.statusCode).toBe(403);
    const signed = await send(
      'chengguan-thc',
      'POST',
      `/counties/${COUNTY}/residents/${residents.neighbour}/contracts`,
      body
    );
    expect(signed.statusCode).toBe(201);
  });

  it('lists contracts in scope only: the village doctor sees their village, the township centre both', async () => {
    const names = async (username: string) =>
      (await get(username, contractsUrl('asOf=2025-03-01'))).json<ContractList>().contracts.map((c) => c.resident.name);
    expect(await names('gucheng-doctor')).toEqual(['张老汉']);
    expect(await names('chengguan-thc')).toEqual(['张老汉', '李邻居']);
    expect(await names('huangquqiao-thc')).toEqual([]);
    const list = (await get('gucheng-doctor', contractsUrl('asOf=2025-03-01'))).json<ContractList>();
    expect(list).toMatchObject({ asOf: '2025-03-01', total: 1 });
    expect(list.contracts[0]).toMatchObject({ id: first.id, status: 'active', daysToEnd: 314 });
  });

  it('reminds of contracts expiring within N days, and counts them on the team', async () => {
    const reminders = (
      await get('chengguan-thc', contractsUrl('asOf=2025-12-20&expiringWithin=30'))
    ).json<ContractList>();
    expect(reminders.contracts.map((c) => [c.resident.name, c.status, c.daysToEnd])).toEqual([
      ['张老汉', 'expiring', 20],
    ]);
    const soon = (await get('chengguan-thc', contractsUrl('asOf=2025-12-20&expiringWithin=10'))).json<ContractList>();
    expect(soon.total).toBe(0);
    const byStatus = (await get('chengguan-thc', contractsUrl('asOf=2025-12-20&status=active'))).json<ContractList>();
    expect(byStatus.contracts.map((c) => c.resident.name)).toEqual(['李邻居']);
    const teams = (await get('chengguan-thc', `/counties/${COUNTY}/family-doctor/teams?asOf=2025-12-20`)).json<
      FamilyDoctorTeam[]
    >();
    expect(teams[0]).toMatchObject({ activeContracts: 2, expiringContracts: 1 });
  });

  it('shows the team panel with key-population flags, due counts and expiring contracts', async () => {
    const panel = (
      await get('chengguan-thc', `/counties/${COUNTY}/family-doctor/teams/${team.id}/panel?asOf=2025-12-20`)
    ).json<TeamPanel>();
    expect(panel).toMatchObject({ asOf: '2025-12-20', team: { id: team.id }, expiring: 1 });
    expect(panel.rows.map((r) => [r.resident.name, r.age, r.flags, r.contractStatus])).toEqual([
      ['张老汉', 75, ['elderly', 'hypertension', 'disabled'], 'expiring'],
      ['李邻居', 45, [], 'active'],
    ]);
    // Enrolled in January 2024 and never visited: the quarterly follow-ups are overdue.
    expect(panel.rows[0]!.overdueItems).toBeGreaterThan(0);
    expect(panel.rows[1]).toMatchObject({ dueItems: 0, overdueItems: 0 });
    const villageView = (
      await get('gucheng-doctor', `/counties/${COUNTY}/family-doctor/teams/${team.id}/panel?asOf=2025-12-20`)
    ).json<TeamPanel>();
    expect(villageView.rows.map((r) => r.resident.name)).toEqual(['张老汉']);
    const foreign = await get('huangquqiao-thc', `/counties/${COUNTY}/family-doctor/teams/${team.id}/panel`);
    expect(foreign.statusCode).toBe(404);
  });

  it('renews from the day after the end for one year, once', async () => {
    const url = `/counties/${COUNTY}/residents/${residents.elder}/contracts/${first.id}/renew`;
    const response = await send('gucheng-doctor', 'POST', url, { signedDate: '2025-12-20' });
    expect(response.statusCode).toBe(201);
    renewal = response.json<FamilyDoctorContract>();
    expect(renewal).toMatchObject({
      signedDate: '2025-12-20',
      startDate: '2026-01-10',
      endDate: '2027-01-09',
      renewsContractId: first.id,
      team: { id: team.id },
      package: { id: basic.id },
    });
    const reminders = (
      await get('chengguan-thc', contractsUrl('asOf=2025-12-20&expiringWithin=30'))
    ).json<ContractList>();
    expect(reminders.total).toBe(0);
    const mine = (
      await get('gucheng-doctor', contractsUrl(`asOf=2025-12-20&resident=${residents.elder}`))
    ).json<ContractList>();
    expect(mine.contracts.map((c) => [c.id, c.status, c.renewedByContractId])).toEqual([
      [first.id, 'active', renewal.id],
      [renewal.id, 'pending', null],
    ]);
    const again = await send('gucheng-doctor', 'POST', url, { signedDate: '2025-12-21' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe(
      `合同 ${first.id} 已续约为合同 ${renewal.id}（2026-01-10 至 2027-01-09）`
    );
  });

  it('terminates with a date not before the start and a reason, audited', async () => {
    const url = `/counties/${COUNTY}/residents/${residents.elder}/contracts/${renewal.id}/terminate`;
    const early = await send('gucheng-doctor', 'POST', url, { date: '2026-01-09', reason: '迁出本县' });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ message: string }>().message).toBe('解约日期（2026-01-09）不能早于合同开始日期（2026-01-10）');
    const noReason = await send('gucheng-doctor', 'POST', url, { date: '2026-03-01', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ message: string }>().message).toContain('解约须填写原因');
    const done = await send('gucheng-doctor', 'POST', url, { date: '2026-03-01', reason: '迁出本县' });
    expect(done.statusCode).toBe(200);
    expect(done.json<FamilyDoctorContract>()).toMatchObject({
      id: renewal.id,
      status: 'terminated',
      terminatedDate: '2026-03-01',
      terminationReason: '迁出本县',
    });
    const twice = await send('gucheng-doctor', 'POST', url, { date: '2026-03-02', reason: '迁出本县' });
    expect(twice.statusCode).toBe(409);
    const terminated = (
      await get('gucheng-doctor', contractsUrl('asOf=2026-03-01&status=terminated'))
    ).json<ContractList>();
    expect(terminated.contracts.map((c) => c.id)).toEqual([renewal.id]);
    const inForce = (await get('gucheng-doctor', contractsUrl('asOf=2026-02-28&status=active'))).json<ContractList>();
    expect(inForce.contracts.map((c) => c.id)).toEqual([renewal.id]);
    expect(await auditActions('family_doctor_contract')).toEqual([
      'contract.sign',
      'contract.sign',
      'contract.renew',
      'contract.terminate',
    ]);
  });

  it('lets a new contract start on the termination date of the old one', async () => {
    const response = await send(
      'gucheng-doctor',
      'POST',
      `/counties/${COUNTY}/residents/${residents.elder}/contracts`,
      {
        teamId: team.id,
        packageId: basic.id,
        signedDate: '2026-03-01',
      }
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<FamilyDoctorContract>()).toMatchObject({ startDate: '2026-03-01', endDate: '2027-02-28' });
  });
});
