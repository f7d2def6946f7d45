import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import type { ProgramResident } from './program-resident.js';
import { addTestResident, openProgramDatabase, programActor as actor } from './program-testing.js';
import { residentDueItems } from './resident-due.js';
import { recordVaccination } from './vaccinations.js';

const TODAY = '2025-06-30';

describe.each(testDatabaseKinds())('vaccinations on %s', (kind) => {
  let database: TestDatabase;
  let baby: ProgramResident;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    baby = await addTestResident(database.db, { name: '刘小宝', sex: '1', birthDate: '2025-01-10' });
  });
  afterAll(async () => {
    await database.destroy();
  });

  const dose = (vaccine: string, number: number, vaccinatedDate: string) =>
    recordVaccination(database.db, actor, baby, { vaccine, dose: number, vaccinatedDate }, TODAY);

  it('records doses of the schedule and moves the due item on to the next dose', async () => {
    expect(await dose('HepB', 1, '2025-01-10')).toMatchObject({ residentId: baby.id, vaccine: 'HepB', dose: 1 });
    await dose('HepB', 2, '2025-02-12');
    const hepB = (await residentDueItems(database.db, baby, TODAY)).find((item) => item.kind === 'HepB');
    expect(hepB).toMatchObject({ program: 'immunisation', dose: 3, label: '乙肝疫苗 第3剂', dueDate: '2025-07-10' });
  });

  it('refuses unknown vaccines and doses the schedule does not have', async () => {
    await expect(dose('XYZ', 1, '2025-03-01')).rejects.toMatchObject({ kind: 'invalid', code: 'invalid_vaccine' });
    await expect(dose('BCG', 2, '2025-03-01')).rejects.toMatchObject({
      message: '卡介苗（BCG）按免疫程序共 1 剂，剂次“2”超出范围（1—1）。',
    });
  });

  it('refuses a dose twice, a dose before birth and doses out of order', async () => {
    await expect(dose('HepB', 2, '2025-02-20')).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('该居民已登记乙肝疫苗 第2剂（2025-02-12 接种') as unknown,
    });
    await expect(dose('BCG', 1, '2025-01-01')).rejects.toMatchObject({
      message: '接种日期 2025-01-01 早于出生日期 2025-01-10。',
    });
    await expect(dose('HepB', 3, '2025-02-01')).rejects.toMatchObject({
      message: '乙肝疫苗 第3剂的接种日期 2025-02-01 不晚于已登记的乙肝疫苗 第2剂（2025-02-12）。',
    });
  });
});
