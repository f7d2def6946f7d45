import { convertLegacyIdNumber } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, household, resident } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import { createResident } from './create-resident.js';
import { residentDetail } from './resident-detail.js';
import { DuplicateResidentError, InvalidResidentError } from './resident-errors.js';
import {
  COUNTY,
  FAR_VILLAGE,
  OTHER_VILLAGE,
  TODAY,
  TOWNSHIP,
  actor,
  cipher,
  countyScope,
  idNumberOf,
  residentInput,
  residentTestDatabase,
} from './residents-testing.js';

describe.each(testDatabaseKinds())('creating residents on %s', (kind) => {
  const t = residentTestDatabase(kind);
  const create = (input: Parameters<typeof createResident>[5], scope = countyScope) =>
    createResident(t.db, cipher, actor, COUNTY, scope, input, TODAY);
  const problemsOf = async (input: Parameters<typeof createResident>[5]): Promise<string> => {
    const error: unknown = await create(input).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidResidentError);
    return (error as InvalidResidentError).message;
  };

  it('stores the ID number encrypted, hashed and masked, and creates the household', async () => {
    const number = idNumberOf('1980-01-01', '011');
    const saved = await create(
      residentInput('张三', {
        phone: '139 0000 1111',
        householdNumber: 'H001',
        householdRelation: '01',
        recordDate: '2020-03-01',
        recordFacilityId: t.facilityId,
        flags: [{ flag: 'disabled', fromDate: '2010-01-01', toDate: null }],
      })
    );
    expect(saved.warnings).toEqual([]);
    expect(saved.resident).toMatchObject({
      name: '张三',
      idNumberMasked: `640221********${number.slice(-4)}`,
      phone: '13900001111',
      townshipName: '城关镇',
      villageName: '古城居委会',
      recordStatus: 'active',
      recordFacilityName: '平罗县人民医院',
      flags: [{ flag: 'disabled', fromDate: '2010-01-01', toDate: null }],
      household: { householdNumber: 'H001', members: [{ name: '张三', relation: '01' }] },
    });
    expect(saved.resident.idNumber).toBeUndefined();
    const [row] = await t.db.select().from(resident).where(eq(resident.id, saved.resident.id));
    expect(row?.idNumberCipher).not.toContain(number);
    expect(cipher.decrypt(row?.idNumberCipher ?? '')).toBe(number);
    expect(row?.idNumberHash).toBe(cipher.hash('resident_id', number));
    const identified = await residentDetail(t.db, countyScope, COUNTY, saved.resident.id, cipher);
    expect(identified?.idNumber).toBe(number);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resident.create'), eq(auditLog.entityId, String(saved.resident.id))));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(number);
    expect(JSON.stringify(audit[0]?.after)).not.toContain(row?.idNumberHash ?? '-');
  });

  it('joins a second member to the household by its number', async () => {
    const saved = await create(
      residentInput('李四', { sex: '2', birthDate: '1982-02-02', householdNumber: 'H001', householdRelation: '10' })
    );
    expect(saved.resident.household?.members.map((member) => member.name)).toEqual(['张三', '李四']);
    expect(await t.db.select().from(household).where(eq(household.householdNumber, 'H001'))).toHaveLength(1);
  });

  it('converts a 15-digit number and finds it a duplicate of the 18-digit one', async () => {
    const legacy = '640221800101011';
    expect(convertLegacyIdNumber(legacy)).toBe(idNumberOf('1980-01-01', '011'));
    const error: unknown = await create(residentInput('张三', { idNumber: legacy })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DuplicateResidentError);
    const [first] = await t.db.select({ id: resident.id }).from(resident).where(eq(resident.name, '张三'));
    expect((error as DuplicateResidentError).existingResidentId).toBe(first?.id);
    expect((error as DuplicateResidentError).message).toContain('已登记在本县（区）居民档案');
  });

  it('warns of a resident with the same name, birth date and sex but another document', async () => {
    const saved = await create(
      residentInput('张三', { idType: 'passport', idNumber: 'E12345678', villageCode: OTHER_VILLAGE })
    );
    expect(saved.warnings).toHaveLength(1);
    expect(saved.warnings[0]?.resident.name).toBe('张三');
    expect(saved.warnings[0]?.message).toMatch(
      /^已有同名、同出生日期、同性别的居民 张三（编号 \d+，城关镇古城居委会，证件号码 640221\*{8}\d{3}[\dX]）/
    );
    expect(saved.resident.idNumberMasked).toBe('*****5678');
  });

  it('names each bad value: check digit, disagreement with birth date and sex, dates, area', async () => {
    const number = idNumberOf('1990-05-05', '021');
    const wrongCheck = number.slice(0, 17) + (number.endsWith('0') ? '1' : '0');
    expect(await problemsOf(residentInput('王五', { birthDate: '1990-05-05', idNumber: wrongCheck }))).toBe(
      `身份证号校验位应为 ${number.slice(-1)}，实际为 ${wrongCheck.slice(-1)}`
    );
    expect(await problemsOf(residentInput('王五', { birthDate: '1990-05-06', sex: '2', idNumber: number }))).toBe(
      '身份证号中的出生日期 1990-05-05 与填写的出生日期 1990-05-06 不一致；' +
        '身份证号第 17 位为 1（奇数，男），与填写的性别“女”不一致'
    );
    expect(
      await problemsOf(
        residentInput('王五', { birthDate: '1990-05-05', idNumber: number, recordDate: '1989-01-01', phone: '12' })
      )
    ).toBe('建档日期 1989-01-01 早于出生日期 1990-05-05；联系电话“12”格式不正确：应为 11 位手机号或带区号的固定电话');
    expect(await problemsOf(residentInput('王五', { idNumber: null }))).toBe('证件类型为居民身份证时应填写证件号码');
    expect(
      await problemsOf(residentInput('王五', { birthDate: '1990-05-05', idNumber: number, villageCode: FAR_VILLAGE }))
    ).toBe(`村（居）“${FAR_VILLAGE}”属于乡镇（街道）640221101，不属于填写的乡镇（街道）${TOWNSHIP}`);
    expect(
      await problemsOf(residentInput('王五', { birthDate: '1990-05-05', idNumber: number, townshipCode: '140423100' }))
    ).toBe('乡镇（街道）代码“140423100”不是本县（区）640221 的乡镇（街道）');
    expect(
      await problemsOf(residentInput('王五', { birthDate: '1990-05-05', idNumber: number, recordFacilityId: 99999 }))
    ).toBe('建档机构（编号 99999）不是本县（区）640221 的机构');
  });

  it('refuses a resident outside the user’s areas and writes nothing', async () => {
    const villageScope = [{ orgUnitCode: OTHER_VILLAGE, maternalChildOnly: false }];
    const input = residentInput('赵六', { birthDate: '1970-07-07', idNumber: idNumberOf('1970-07-07', '031') });
    await expect(create(input, villageScope)).rejects.toThrow(`您没有在 640221100001 建立或修改居民档案的权限`);
    expect(await t.db.select().from(resident).where(eq(resident.name, '赵六'))).toEqual([]);
    // 妇幼 staff create in their area before the mother is enrolled.
    const saved = await create(input, [{ orgUnitCode: TOWNSHIP, maternalChildOnly: true }]);
    expect(saved.resident.name).toBe('赵六');
  });
});
