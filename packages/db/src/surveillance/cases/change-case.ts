/**
 * Changes to a card, each kept in case_report_revision with the card before it and audited in the same
 * transaction: 订正 (reason required, revision + 1), 审核 (CDC), 删除 (reason, the card is kept) and 重卡 marking.
 */
import type { CaseReportDetail, CaseReportRevisionInput, CaseRevisionAction } from '@chp/core';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { caseReport, caseReportRevision } from '../../schema.js';
import type { IdCipher } from '../../health/id-cipher.js';
import { decryptedIdNumber } from './case-id.js';
import { assertTownship, caseConflict, caseNotFound, InvalidCaseReportError } from './case-errors.js';
import { caseColumns } from './case-values.js';
import type { CaseColumns } from './case-values.js';
import { auditedCard, caseDetail, findCaseRow } from './case-views.js';
import type { CaseReportRow } from './case-views.js';
import { CASE_REPORT_ENTITY } from './create-case.js';
import type { CaseTownships } from './create-case.js';
import { diseaseLookup } from './disease-catalogue.js';

interface CardChange {
  action: CaseRevisionAction;
  reason: string | null;
  set: Partial<CaseColumns> &
    Partial<
      Pick<CaseReportRow, 'status' | 'revision' | 'reviewedBy' | 'reviewedAt' | 'deletedReason' | 'duplicateOfId'>
    >;
}

function requiredReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw new InvalidCaseReportError([{ field: 'reason', message: '请填写原因' }]);
  return trimmed;
}

async function loadCard(db: Db, countyCode: string, townships: CaseTownships, id: number): Promise<CaseReportRow> {
  const row = await findCaseRow(db, countyCode, townships, id);
  if (row === null) throw caseNotFound();
  return row;
}

function assertNotDeleted(row: CaseReportRow): void {
  if (row.status === 'deleted') throw caseConflict(`报告卡 ${row.cardNumber} 已删除，不能再修改`);
}

async function applyChange(db: Db, actor: Actor, row: CaseReportRow, change: CardChange): Promise<CaseReportDetail> {
  const diseaseOf = await diseaseLookup(db, row.countyCode);
  return db.transaction(async (tx) => {
    const before = auditedCard(row);
    await tx.insert(caseReportRevision).values({
      countyCode: row.countyCode,
      caseReportId: row.id,
      action: change.action,
      reason: change.reason,
      before,
      changedBy: actor.userId,
    });
    const [updated] = await tx
      .update(caseReport)
      .set({ ...change.set, updatedAt: new Date() })
      .where(eq(caseReport.id, row.id))
      .returning();
    if (updated === undefined) throw caseNotFound();
    await writeAudit(tx, actor, {
      action: `case_report.${change.action}`,
      entity: CASE_REPORT_ENTITY,
      entityId: row.id,
      countyCode: row.countyCode,
      before,
      after: { ...auditedCard(updated), reason: change.reason },
    });
    return caseDetail(tx, updated, diseaseOf);
  });
}

/** 订正: the given fields replace the card's; the whole card is checked again. */
export async function reviseCaseReport(
  db: Db,
  cipher: IdCipher,
  actor: Actor,
  countyCode: string,
  townships: CaseTownships,
  id: number,
  input: CaseReportRevisionInput,
  now: Date = new Date()
): Promise<CaseReportDetail> {
  const reason = requiredReason(input.reason);
  const row = await loadCard(db, countyCode, townships, id);
  assertNotDeleted(row);
  const townshipCode = input.townshipCode ?? row.townshipCode;
  assertTownship(townships, townshipCode);
  const idNumber = input.idNumber !== undefined ? input.idNumber : decryptedIdNumber(cipher, row);
  const columns = await caseColumns(
    db,
    cipher,
    countyCode,
    {
      patientName: input.patientName ?? row.patientName,
      idType: input.idType !== undefined ? input.idType : (row.idType as CaseReportRevisionInput['idType']),
      idNumber,
      sex: input.sex ?? (row.sex as NonNullable<CaseReportRevisionInput['sex']>),
      birthDate: input.birthDate !== undefined ? input.birthDate : row.birthDate,
      phone: input.phone !== undefined ? input.phone : row.phone,
      townshipCode,
      villageCode: input.villageCode !== undefined ? input.villageCode : row.villageCode,
      address: input.address !== undefined ? input.address : row.address,
      diseaseCode: input.diseaseCode ?? row.diseaseCode,
      classification:
        input.classification ?? (row.classification as NonNullable<CaseReportRevisionInput['classification']>),
      onsetDate: input.onsetDate ?? row.onsetDate,
      diagnosedAt: input.diagnosedAt ?? row.diagnosedAt.toISOString(),
      reportedAt: row.reportedAt.toISOString(),
      facilityId: input.facilityId ?? row.facilityId,
      reportingDoctor: input.reportingDoctor ?? row.reportingDoctor,
    },
    await diseaseLookup(db, countyCode),
    now
  );
  return applyChange(db, actor, row, { action: 'revise', reason, set: { ...columns, revision: row.revision + 1 } });
}

/** 审核 by the CDC: pending → reviewed. */
export async function reviewCaseReport(
  db: Db,
  actor: Actor,
  countyCode: string,
  id: number,
  now: Date = new Date()
): Promise<CaseReportDetail> {
  const row = await loadCard(db, countyCode, undefined, id);
  assertNotDeleted(row);
  if (row.status === 'reviewed') throw caseConflict(`报告卡 ${row.cardNumber} 已审核`);
  return applyChange(db, actor, row, {
    action: 'review',
    reason: null,
    set: { status: 'reviewed', reviewedBy: actor.userId, reviewedAt: now },
  });
}

/** 删除: the card is kept with status deleted and the reason. */
export async function deleteCaseReport(
  db: Db,
  actor: Actor,
  countyCode: string,
  townships: CaseTownships,
  id: number,
  reason: string
): Promise<CaseReportDetail> {
  const checked = requiredReason(reason);
  const row = await loadCard(db, countyCode, townships, id);
  assertNotDeleted(row);
  return applyChange(db, actor, row, {
    action: 'delete',
    reason: checked,
    set: { status: 'deleted', deletedReason: checked },
  });
}

/** 重卡: the CDC marks the card as repeating another card of the county (null clears the marking). */
export async function markCaseDuplicate(
  db: Db,
  actor: Actor,
  countyCode: string,
  id: number,
  duplicateOfId: number | null,
  reason: string | null
): Promise<CaseReportDetail> {
  const row = await loadCard(db, countyCode, undefined, id);
  if (duplicateOfId !== null) {
    if (duplicateOfId === id)
      throw new InvalidCaseReportError([{ field: 'duplicateOfId', message: '报告卡不能与自身重复' }]);
    const [original] = await db
      .select({ id: caseReport.id })
      .from(caseReport)
      .where(
        and(eq(caseReport.countyCode, countyCode), eq(caseReport.id, duplicateOfId), ne(caseReport.status, 'deleted'))
      );
    if (original === undefined) {
      throw new InvalidCaseReportError([
        { field: 'duplicateOfId', message: `本县（区）没有编号为 ${String(duplicateOfId)} 的有效报告卡` },
      ]);
    }
  }
  return applyChange(db, actor, row, {
    action: 'mark_duplicate',
    reason: reason?.trim() === '' ? null : (reason?.trim() ?? null),
    set: { duplicateOfId },
  });
}
