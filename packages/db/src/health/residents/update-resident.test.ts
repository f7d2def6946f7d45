import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resident } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import { createResident } from './create-resident.js';
import { DuplicateResidentError, InvalidResidentError } from './resident-errors.js';
import { updateResident } from './update-resident.js';
import {
  COUNTY,
  OTHER_VILLAGE,
  TODAY,
  actor,
  cipher,
  countyScope,
  idNumberOf,
  residentInput,
  residentTestDatabase,
} from './residents-testing.js';

describe.each(testDatabaseKinds())('changing residents on %s', (kind) => {
  const t = residentTestDatabase(kind);
  let id = 0;
  let otherId = 0;
  beforeAll(async () => {
    id = (await createResident(t.db, cipher, actor, COUNTY, countyScope, residentInput('周七'), TODAY)).resident.id;
    const other = residentInput('吴八', { birthDate: '1985-08-08', idNumber: idNumberOf('1985-08-08', '051') });
    otherId = (await createResident(t.db, cipher, actor, COUNTY, countyScope, other, TODAY)).resident.id;
  });
  const update = (patch: Parameters<typeof updateResident>[6], scope = countyScope, residentId = id) =>
    updateResident(t.db, cipher, actor, COUNTY, scope, residentId, patch, TODAY);

  it('changes the fields given and audits before and after', async () => {
    const saved = await update({ phone: '0952-6012345', villageCode: OTHER_VILLAGE, householdNumber: 'H9' });
    expect(saved.resident).toMatchObject({
      name: '周七',
      phone: '09526012345',
      villageName: '东苑居委会',
      household: { householdNumber: 'H9' },
      idNumberMasked: `640221********${idNumberOf('1980-01-01', '011').slice(-4)}`,
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resident.update'), eq(auditLog.entityId, String(id))));
    expect(audit?.before).toMatchObject({ phone: null, villageCode: '640221100001' });
    expect(audit?.after).toMatchObject({ phone: '09526012345', villageCode: OTHER_VILLAGE });
  });

  it('checks the whole record again: a new birth date must agree with the ID number', async () => {
    await expect(update({ birthDate: '1980-01-02' })).rejects.toThrow(
      '身份证号中的出生日期 1980-01-01 与填写的出生日期 1980-01-02 不一致'
    );
    await expect(update({ idNumber: idNumberOf('1985-08-08', '051'), birthDate: '1985-08-08' })).rejects.toThrow(
      DuplicateResidentError
    );
  });

  it('moves a record out and back, and records a death with its date', async () => {
    await expect(update({ recordStatus: 'moved' })).rejects.toThrow('档案状态为“已迁出”，缺少迁出日期');
    expect((await update({ recordStatus: 'moved', statusDate: '2024-05-01' })).resident).toMatchObject({
      recordStatus: 'moved',
      statusDate: '2024-05-01',
      deathDate: null,
    });
    expect((await update({ recordStatus: 'active' })).resident).toMatchObject({
      recordStatus: 'active',
      statusDate: null,
    });
    const error: unknown = await update({ recordStatus: 'deceased', deathDate: '1979-01-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResidentError);
    expect((error as Error).message).toContain('死亡日期 1979-01-01 早于出生日期 1980-01-01');
    expect((await update({ recordStatus: 'deceased', deathDate: '2025-03-03' })).resident).toMatchObject({
      recordStatus: 'deceased',
      statusDate: '2025-03-03',
      deathDate: '2025-03-03',
    });
    const [row] = await t.db.select().from(resident).where(eq(resident.id, id));
    expect(row?.deathDate).toBe('2025-03-03');
  });

  it('replaces the flags when given', async () => {
    const saved = await update({ flags: [{ flag: 'poverty_alleviated', fromDate: '2021-01-01', toDate: null }] });
    expect(saved.resident.flags).toEqual([{ flag: 'poverty_alleviated', fromDate: '2021-01-01', toDate: null }]);
    expect((await update({ name: '周七七' })).resident.flags).toHaveLength(1);
  });

  it('does not find a resident outside the scope, and keeps the resident inside it', async () => {
    const villageScope = [{ orgUnitCode: OTHER_VILLAGE, maternalChildOnly: false }];
    await expect(update({ phone: null }, villageScope, otherId)).rejects.toThrow('居民档案不存在或无权访问');
    await expect(update({ villageCode: '640221100001' }, villageScope)).rejects.toThrow(
      '您没有在 640221100001 建立或修改居民档案的权限'
    );
  });
});
