import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, followUp } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { enrol } from './enrolments.js';
import { recordFollowUp } from './follow-ups.js';
import type { ProgramResident } from './program-resident.js';
import { addTestResident, openProgramDatabase, programActor as actor } from './program-testing.js';
import { residentDueItems } from './resident-due.js';

const TODAY = '2025-06-30';

describe.each(testDatabaseKinds())('programme follow-ups on %s', (kind) => {
  let database: TestDatabase;
  let younger: ProgramResident;
  let older: ProgramResident;
  let deceased: ProgramResident;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    younger = await addTestResident(database.db, { name: '张伟', sex: '1', birthDate: '1975-04-01' });
    older = await addTestResident(database.db, { name: '赵兰', sex: '2', birthDate: '1955-04-01' });
    deceased = await addTestResident(database.db, {
      name: '孙强',
      sex: '1',
      birthDate: '1950-01-01',
      deathDate: '2025-03-01',
    });
    for (const person of [younger, older, deceased]) {
      await enrol(database.db, actor, person, { program: 'hypertension', enrolledDate: '2024-01-15' }, TODAY);
    }
  });
  afterAll(async () => {
    await database.destroy();
  });

  const visit = (person: ProgramResident, visitDate: string, values: Record<string, number | string>) =>
    recordFollowUp(
      database.db,
      actor,
      person,
      { program: 'hypertension', kind: 'follow_up', visitDate, values },
      TODAY
    );

  it('judges control at the age on the visit day: 145/85 is on target from 65, not before', async () => {
    const young = await visit(younger, '2025-04-10', { sbp: 145, dbp: 85, heartRate: 72 });
    const old = await visit(older, '2025-04-10', { sbp: 145, dbp: 85 });
    expect(young).toMatchObject({ residentId: younger.id, controlled: false, referral: false, kind: 'follow_up' });
    expect(old.controlled).toBe(true);
    const [audited] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'follow_up'), eq(auditLog.entityId, String(young.id))));
    expect(audited).toMatchObject({ action: 'follow_up.create', entity: 'follow_up', after: { values: { sbp: 145 } } });
  });

  it('makes an uncontrolled visit due for a recheck within 2 weeks', async () => {
    const items = await residentDueItems(database.db, younger, '2025-04-12');
    expect(items.find((item) => item.program === 'hypertension' && item.kind === 'follow_up')).toMatchObject({
      dueDate: '2025-04-24',
      reason: '上次随访血压未控制，2周内复查',
    });
  });

  it('refuses out-of-range and missing values, naming the field and the range', async () => {
    await expect(visit(younger, '2025-05-01', { sbp: 400, dbp: 85 })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'invalid_follow_up_values',
      message: '收缩压（sbp）为 400 mmHg，超出合理范围 60–300 mmHg。',
    });
    await expect(visit(younger, '2025-05-01', { sbp: 130 })).rejects.toMatchObject({
      message: '缺少舒张压（dbp）：高血压随访必须填写。',
    });
  });

  it('refuses a kind of another programme', async () => {
    await expect(
      recordFollowUp(
        database.db,
        actor,
        younger,
        { program: 'hypertension', kind: 'booking', visitDate: '2025-05-01', values: {} },
        TODAY
      )
    ).rejects.toMatchObject({ message: '随访类型“booking”不属于高血压项目。' });
  });

  it('refuses visits before birth, before the enrolment, after death and in the future', async () => {
    await expect(visit(younger, '1970-01-01', { sbp: 130, dbp: 80 })).rejects.toMatchObject({
      message: '随访日期 1970-01-01 早于出生日期 1975-04-01。',
    });
    await expect(visit(younger, '2023-12-01', { sbp: 130, dbp: 80 })).rejects.toMatchObject({
      code: 'not_enrolled',
      message: '该居民在随访日期 2023-12-01 未纳入高血压健康管理（无当日有效的登记），请先登记或核对日期。',
    });
    await expect(visit(deceased, '2025-03-02', { sbp: 130, dbp: 80 })).rejects.toMatchObject({
      message: '随访日期 2025-03-02 晚于死亡日期 2025-03-01。',
    });
    await expect(visit(younger, '2025-07-01', { sbp: 130, dbp: 80 })).rejects.toMatchObject({
      message: '随访日期 2025-07-01 晚于今天（2025-06-30）。',
    });
  });

  it('refuses a second visit of the kind on the day, naming the first', async () => {
    const first = await visit(older, '2025-06-01', { sbp: 128, dbp: 80 });
    await expect(visit(older, '2025-06-01', { sbp: 126, dbp: 78 })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'duplicate_follow_up',
      message: `该居民 2025-06-01 已有一次高血压随访记录（编号 ${first.id}），同一登记同一天同类随访只能记录一次。`,
    });
    const rows = await database.db.select().from(followUp).where(eq(followUp.residentId, older.id));
    expect(rows.map((row) => row.visitDate)).toEqual(['2025-04-10', '2025-06-01']);
  });
});
