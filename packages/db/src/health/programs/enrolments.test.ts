import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { enrol, listEnrolments, updateEnrolment } from './enrolments.js';
import { recordFollowUp } from './follow-ups.js';
import type { ProgramResident } from './program-resident.js';
import { addTestResident, openProgramDatabase, programActor as actor } from './program-testing.js';

const TODAY = '2025-06-30';

describe.each(testDatabaseKinds())('programme enrolments on %s', (kind) => {
  let database: TestDatabase;
  let man: ProgramResident;
  let woman: ProgramResident;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    man = await addTestResident(database.db, { name: '王建国', sex: '1', birthDate: '1960-02-01' });
    woman = await addTestResident(database.db, { name: '李秀梅', sex: '2', birthDate: '1996-08-20' });
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('enrols a resident, audited, and refuses a second open enrolment in the programme', async () => {
    const enrolment = await enrol(
      database.db,
      actor,
      man,
      { program: 'hypertension', enrolledDate: '2024-03-01' },
      TODAY
    );
    expect(enrolment).toEqual({
      id: enrolment.id,
      residentId: man.id,
      program: 'hypertension',
      enrolledDate: '2024-03-01',
      endedDate: null,
      endReason: null,
      facilityId: null,
      details: {},
    });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'program_enrolment.create'), eq(auditLog.entityId, String(enrolment.id))));
    expect(audit).toHaveLength(1);
    await expect(
      enrol(database.db, actor, man, { program: 'hypertension', enrolledDate: '2025-01-01' }, TODAY)
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: '该居民已在高血压健康管理中（2024-03-01 登记，尚未结案），同一项目只能有一个在管登记。',
    });
    await enrol(database.db, actor, man, { program: 'diabetes', enrolledDate: '2024-03-01' }, TODAY);
    expect((await listEnrolments(database.db, man.id)).map((e) => e.program)).toEqual(['hypertension', 'diabetes']);
  });

  it('refuses enrolment dates before birth or in the future and details of other programmes', async () => {
    await expect(
      enrol(database.db, actor, woman, { program: 'hypertension', enrolledDate: '1990-01-01' }, TODAY)
    ).rejects.toMatchObject({ kind: 'invalid', message: '登记日期 1990-01-01 早于出生日期 1996-08-20。' });
    await expect(
      enrol(database.db, actor, woman, { program: 'hypertension', enrolledDate: '2025-07-01' }, TODAY)
    ).rejects.toMatchObject({ kind: 'invalid', message: '登记日期 2025-07-01 晚于今天（2025-06-30）。' });
    await expect(
      enrol(
        database.db,
        actor,
        man,
        { program: 'maternal', enrolledDate: '2025-03-01', details: { lmp: '2025-01-01' } },
        TODAY
      )
    ).rejects.toMatchObject({ kind: 'invalid', message: '只有女性居民可以登记孕产妇健康管理。' });
  });

  it('keeps maternal details, updates them while open and ends the enrolment once', async () => {
    const pregnancy = await enrol(
      database.db,
      actor,
      woman,
      { program: 'maternal', enrolledDate: '2025-02-20', details: { lmp: '2025-01-10', gravidity: 1, parity: 0 } },
      TODAY
    );
    expect(pregnancy.details).toEqual({ lmp: '2025-01-10', edd: '2025-10-17', gravidity: 1, parity: 0 });
    const delivered = await updateEnrolment(
      database.db,
      actor,
      woman,
      pregnancy.id,
      { details: { deliveryDate: '2025-06-01' } },
      TODAY
    );
    expect(delivered.details).toMatchObject({ lmp: '2025-01-10', deliveryDate: '2025-06-01' });
    await expect(
      updateEnrolment(
        database.db,
        actor,
        woman,
        pregnancy.id,
        { endedDate: '2025-07-12', endReason: 'completed' },
        TODAY
      )
    ).rejects.toMatchObject({ kind: 'invalid', message: '结案日期 2025-07-12 晚于今天（2025-06-30）。' });
    const ended = await updateEnrolment(
      database.db,
      actor,
      woman,
      pregnancy.id,
      { endedDate: '2025-06-28', endReason: 'completed' },
      TODAY
    );
    expect(ended).toMatchObject({ endedDate: '2025-06-28', endReason: 'completed' });
    await expect(
      updateEnrolment(database.db, actor, woman, pregnancy.id, { details: { parity: 1 } }, TODAY)
    ).rejects.toMatchObject({ kind: 'conflict', message: '该孕产妇健康管理登记已于 2025-06-28 结案，不能再修改。' });
    await expect(
      enrol(
        database.db,
        actor,
        woman,
        { program: 'maternal', enrolledDate: '2025-06-28', details: { lmp: '2025-06-01' } },
        TODAY
      )
    ).rejects.toMatchObject({ kind: 'conflict', code: 'enrolment_overlap' });
  });

  it('does not end an enrolment before its last visit', async () => {
    const [hypertension] = await listEnrolments(database.db, man.id);
    await recordFollowUp(
      database.db,
      actor,
      man,
      { program: 'hypertension', kind: 'follow_up', visitDate: '2025-05-10', values: { sbp: 138, dbp: 86 } },
      TODAY
    );
    await expect(
      updateEnrolment(database.db, actor, man, hypertension!.id, { endedDate: '2025-05-01', endReason: 'moved' }, TODAY)
    ).rejects.toMatchObject({ message: '结案日期 2025-05-01 早于该登记最后一次随访日期 2025-05-10。' });
    await expect(
      updateEnrolment(database.db, actor, man, 999_999, { endedDate: '2025-05-01', endReason: 'moved' }, TODAY)
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});
