/**
 * Reporting a card (报卡): checked, numbered, audited. Idempotent by `sourceRef`: a card already received under
 * the same value is returned unchanged (`created` false). Possible duplicates are listed on the card.
 */
import type { CaseReportInput, CaseReportSaved } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { caseReport } from '../../schema.js';
import type { IdCipher } from '../../health/id-cipher.js';
import { nextCardNumber } from './card-number.js';
import { assertTownship, caseConflict } from './case-errors.js';
import { caseColumns } from './case-values.js';
import { auditedCard, caseDetail } from './case-views.js';
import type { CaseReportRow } from './case-views.js';
import { diseaseLookup } from './disease-catalogue.js';

export const CASE_REPORT_ENTITY = 'case_report';

/** The townships the reporter may report in; undefined for the whole county. */
export type CaseTownships = readonly string[] | undefined;

async function bySourceRef(db: Db, countyCode: string, sourceRef: string): Promise<CaseReportRow | undefined> {
  const [row] = await db
    .select()
    .from(caseReport)
    .where(and(eq(caseReport.countyCode, countyCode), eq(caseReport.sourceRef, sourceRef)));
  return row;
}

export async function createCaseReport(
  db: Db,
  cipher: IdCipher,
  actor: Actor,
  countyCode: string,
  townships: CaseTownships,
  input: CaseReportInput,
  now: Date = new Date()
): Promise<CaseReportSaved> {
  const diseaseOf = await diseaseLookup(db, countyCode);
  const sourceRef = input.sourceRef?.trim() ?? '';
  if (sourceRef !== '') {
    const existing = await bySourceRef(db, countyCode, sourceRef);
    if (existing !== undefined) {
      if (townships !== undefined && !townships.includes(existing.townshipCode)) {
        throw caseConflict(`来源编号“${sourceRef}”已被其他乡镇（街道）的报告卡使用`);
      }
      return { created: false, card: await caseDetail(db, existing, diseaseOf) };
    }
  }
  assertTownship(townships, input.townshipCode);
  const reportedAt = input.reportedAt ?? now.toISOString();
  const columns = await caseColumns(db, cipher, countyCode, { ...input, reportedAt }, diseaseOf, now);
  return db.transaction(async (tx) => {
    const cardNumber = await nextCardNumber(tx, countyCode, columns.reportedAt);
    const [row] = await tx
      .insert(caseReport)
      .values({
        ...columns,
        countyCode,
        cardNumber,
        sourceRef: sourceRef === '' ? null : sourceRef,
        createdBy: actor.userId,
      })
      .returning();
    if (row === undefined) throw new Error('case report not inserted');
    await writeAudit(tx, actor, {
      action: 'case_report.create',
      entity: CASE_REPORT_ENTITY,
      entityId: row.id,
      countyCode,
      after: auditedCard(row),
    });
    return { created: true, card: await caseDetail(tx, row, diseaseOf) };
  });
}
