import type { CaseReportInput } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createResident } from '../../health/residents/create-resident.js';
import {
  COUNTY,
  FAR_VILLAGE,
  TOWNSHIP,
  VILLAGE,
  actor,
  cipher,
  countyScope,
  idNumberOf,
  residentInput,
  residentTestDatabase,
} from '../../health/residents/residents-testing.js';
import { auditLog, caseReport } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import { InvalidCaseReportError } from './case-errors.js';
import { caseTimeliness } from './case-timeliness.js';
import { deleteCaseReport, markCaseDuplicate, reviewCaseReport, reviseCaseReport } from './change-case.js';
import { createCaseReport } from './create-case.js';
import { caseReportDetail, listCaseReports } from './list-cases.js';

const NOW = new Date('2026-03-10T04:00:00Z');
const FAR_TOWNSHIP = FAR_VILLAGE.slice(0, 9);

describe.each(testDatabaseKinds())('case report cards on %s', (kind) => {
  const t = residentTestDatabase(kind);
  const card = (rest: Partial<CaseReportInput> = {}): CaseReportInput => ({
    patientName: '王五',
    idType: 'resident_id',
    idNumber: idNumberOf('1990-05-05', '031'),
    sex: '1',
    phone: '13900000000',
    townshipCode: TOWNSHIP,
    villageCode: VILLAGE,
    diseaseCode: 'measles',
    classification: 'confirmed',
    onsetDate: '2026-03-01',
    diagnosedAt: '2026-03-02T09:00:00+08:00',
    reportedAt: '2026-03-02T20:00:00+08:00',
    facilityId: t.facilityId,
    reportingDoctor: '李医生',
    ...rest,
  });
  const create = (input: CaseReportInput, townships?: readonly string[]) =>
    createCaseReport(t.db, cipher, actor, COUNTY, townships, input, NOW);

  it('stores the ID number encrypted, links the resident, numbers and audits the card', async () => {
    const number = idNumberOf('1980-01-01', '011');
    const person = await createResident(t.db, cipher, actor, COUNTY, countyScope, residentInput('张三'), '2026-03-10');
    const saved = await create(card({ patientName: '张三', idNumber: number, sourceRef: 'HIS-1' }));
    expect(saved.created).toBe(true);
    expect(saved.card).toMatchObject({
      cardNumber: `${COUNTY}2026000001`,
      residentId: person.resident.id,
      birthDate: '1980-01-01',
      idNumberMasked: expect.not.stringContaining('0101') as unknown,
      status: 'pending',
      reportedInTime: true,
      diseaseName: '麻疹',
    });
    const [row] = await t.db.select().from(caseReport).where(eq(caseReport.id, saved.card.id));
    expect(row?.idNumberCipher).not.toContain(number);
    expect(cipher.decrypt(row?.idNumberCipher ?? '')).toBe(number);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'case_report'), eq(auditLog.entityId, String(saved.card.id))));
    expect(audits.map((a) => a.action)).toEqual(['case_report.create']);

    const again = await create(card({ patientName: '张三', idNumber: number, sourceRef: 'HIS-1', phone: '1' }));
    expect(again.created).toBe(false);
    expect(again.card.id).toBe(saved.card.id);
    expect(again.card.phone).toBe('13900000000');
  });

  it('rejects inconsistent cards with field errors', async () => {
    const error: unknown = await create(
      card({
        diseaseCode: 'measles',
        classification: 'carrier',
        onsetDate: '2026-03-05',
        villageCode: FAR_VILLAGE,
        reportedAt: '2026-03-11T10:00:00+08:00',
      })
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidCaseReportError);
    expect((error as InvalidCaseReportError).problems.map((p) => p.field).sort()).toEqual(
      ['classification', 'diagnosedAt', 'reportedAt', 'villageCode'].sort()
    );
    await expect(create(card({ diseaseCode: 'nope' }))).rejects.toThrow('未知的传染病病种代码');
    await expect(create(card({ townshipCode: FAR_TOWNSHIP, villageCode: null }), [TOWNSHIP])).rejects.toThrow(
      '没有报告乡镇'
    );
  });

  it('lists possible duplicates, revises, reviews, marks and deletes with history', async () => {
    const first = await create(card({ patientName: '赵六', idNumber: null, birthDate: '1970-02-02' }));
    const second = await create(
      card({ patientName: '赵六', idNumber: null, birthDate: '1970-02-02', onsetDate: '2026-02-01' })
    );
    expect(second.card.possibleDuplicates.map((c) => c.id)).toEqual([first.card.id]);
    const far = await create(
      card({ patientName: '赵六', idNumber: null, birthDate: '1970-02-02', onsetDate: '2026-01-20' })
    );
    expect(far.card.possibleDuplicates.map((c) => c.id)).toEqual([second.card.id]);

    await expect(
      reviseCaseReport(t.db, cipher, actor, COUNTY, undefined, first.card.id, { reason: ' ' }, NOW)
    ).rejects.toThrow('请填写原因');
    const revised = await reviseCaseReport(
      t.db,
      cipher,
      actor,
      COUNTY,
      undefined,
      first.card.id,
      { classification: 'clinical', reason: '实验室结果未出' },
      NOW
    );
    expect(revised).toMatchObject({ classification: 'clinical', revision: 1 });
    expect(revised.revisions).toMatchObject([{ action: 'revise', reason: '实验室结果未出' }]);
    expect(revised.revisions[0]?.before).toMatchObject({ classification: 'confirmed', revision: 0 });

    const reviewed = await reviewCaseReport(t.db, actor, COUNTY, first.card.id, NOW);
    expect(reviewed.status).toBe('reviewed');
    const marked = await markCaseDuplicate(t.db, actor, COUNTY, second.card.id, first.card.id, '同一病例');
    expect(marked.duplicateOfId).toBe(first.card.id);
    const deleted = await deleteCaseReport(t.db, actor, COUNTY, undefined, second.card.id, '重卡');
    expect(deleted).toMatchObject({ status: 'deleted', deletedReason: '重卡' });
    const detail = await caseReportDetail(t.db, COUNTY, undefined, first.card.id);
    expect(detail.possibleDuplicates).toEqual([]);
    expect(detail.revisions.map((r) => r.action)).toEqual(['revise', 'review']);
    await expect(caseReportDetail(t.db, COUNTY, [FAR_TOWNSHIP], first.card.id)).rejects.toThrow('未找到');
  });

  it('lists with filters and paging, and computes timeliness and completeness', async () => {
    const from = '2025-07-01';
    // Cholera deadline 2 h: 1 h in time, 3 h late. Measles 24 h: 23 h in time; its card lacks a phone.
    await create(
      card({
        diseaseCode: 'cholera',
        diagnosedAt: '2025-07-02T08:00:00+08:00',
        reportedAt: '2025-07-02T09:00:00+08:00',
        onsetDate: '2025-07-01',
      })
    );
    await create(
      card({
        diseaseCode: 'cholera',
        diagnosedAt: '2025-07-03T08:00:00+08:00',
        reportedAt: '2025-07-03T11:00:00+08:00',
        onsetDate: '2025-07-01',
        idNumber: idNumberOf('1991-01-01', '031'),
      })
    );
    await create(
      card({
        diagnosedAt: '2025-07-04T08:00:00+08:00',
        reportedAt: '2025-07-05T07:00:00+08:00',
        onsetDate: '2025-07-03',
        phone: null,
        idNumber: idNumberOf('1992-01-01', '031'),
      })
    );
    const report = await caseTimeliness(t.db, COUNTY, undefined, from, '2025-07-31');
    expect(report.total).toMatchObject({ cards: 3, inTime: 2, complete: 2 });
    expect(report.total.timeliness).toBeCloseTo(2 / 3);
    expect(report.byTownship).toMatchObject([{ key: TOWNSHIP, cards: 3 }]);
    expect(report.byFacility).toMatchObject([{ key: String(t.facilityId), cards: 3, inTime: 2 }]);

    const page = await listCaseReports(t.db, COUNTY, undefined, {
      disease: 'cholera',
      from,
      to: '2025-07-31',
      pageSize: 1,
    });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect((await listCaseReports(t.db, COUNTY, [FAR_TOWNSHIP], {})).total).toBe(0);
  });
});
