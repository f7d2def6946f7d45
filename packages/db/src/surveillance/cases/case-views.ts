/** A card row as the API shows it (ID number masked only), its history and its possible duplicates. */
import { isReportedInTime, reportingDeadline } from '@chp/core';
import type {
  CaseClassification,
  CaseReportDetail,
  CaseReportRevisionView,
  CaseReportSummary,
  CaseRevisionAction,
  CaseStatus,
  Disease,
  IdType,
  Sex,
} from '@chp/core';
import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { caseReport, caseReportRevision, facility } from '../../schema.js';

export type CaseReportRow = typeof caseReport.$inferSelect;

/** Cards whose onset lies within this many days of another's are possible duplicates. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** The deadline when the disease is no longer in the catalogue: 24 hours. */
const FALLBACK_DEADLINE = { deadlineHours: 24 } as const;

export function caseSummary(
  row: CaseReportRow,
  disease: Disease | undefined,
  facilityName: string | null
): CaseReportSummary {
  const deadline = disease ?? FALLBACK_DEADLINE;
  return {
    id: row.id,
    cardNumber: row.cardNumber,
    residentId: row.residentId,
    patientName: row.patientName,
    idNumberMasked: row.idNumberMasked,
    sex: row.sex as Sex,
    birthDate: row.birthDate,
    townshipCode: row.townshipCode,
    villageCode: row.villageCode,
    diseaseCode: row.diseaseCode,
    diseaseName: disease?.name ?? row.diseaseCode,
    classification: row.classification as CaseClassification,
    onsetDate: row.onsetDate,
    diagnosedAt: row.diagnosedAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    deadlineAt: reportingDeadline(deadline, row.diagnosedAt).toISOString(),
    reportedInTime: isReportedInTime(deadline, row.diagnosedAt, row.reportedAt),
    facilityId: row.facilityId,
    facilityName,
    status: row.status as CaseStatus,
    revision: row.revision,
    duplicateOfId: row.duplicateOfId,
  };
}

/** The card as kept in the history and the audit: no cipher, no hash. */
export function auditedCard(row: CaseReportRow): Record<string, unknown> {
  const audited: Record<string, unknown> = {
    ...row,
    diagnosedAt: row.diagnosedAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  delete audited.idNumberCipher;
  delete audited.idNumberHash;
  return audited;
}

/** Rows with the facility's name. */
export async function withFacilityNames(
  db: Db,
  where: SQL | undefined,
  order: SQL[] = [asc(caseReport.id)],
  limit?: number,
  offset?: number
): Promise<{ row: CaseReportRow; facilityName: string | null }[]> {
  const query = db
    .select({ row: caseReport, facilityName: facility.name })
    .from(caseReport)
    .leftJoin(facility, eq(facility.id, caseReport.facilityId))
    .where(where)
    .orderBy(...order);
  return limit === undefined ? query : query.limit(limit).offset(offset ?? 0);
}

/** Same patient (ID hash, else name + sex + birth date) and disease, not deleted, onset within 30 days. */
export function duplicateCondition(row: CaseReportRow): SQL | undefined {
  const samePatient =
    row.idNumberHash !== null
      ? eq(caseReport.idNumberHash, row.idNumberHash)
      : row.birthDate === null
        ? undefined
        : and(
            eq(caseReport.patientName, row.patientName),
            eq(caseReport.sex, row.sex),
            eq(caseReport.birthDate, row.birthDate)
          );
  if (samePatient === undefined) return undefined;
  return and(
    eq(caseReport.countyCode, row.countyCode),
    eq(caseReport.diseaseCode, row.diseaseCode),
    ne(caseReport.status, 'deleted'),
    ne(caseReport.id, row.id),
    samePatient,
    sql`abs(${caseReport.onsetDate} - ${row.onsetDate}::date) <= ${DUPLICATE_WINDOW_DAYS}`
  );
}

export async function possibleDuplicates(
  db: Db,
  row: CaseReportRow,
  diseaseOf: (code: string) => Disease | undefined
): Promise<CaseReportSummary[]> {
  const where = duplicateCondition(row);
  if (where === undefined) return [];
  const found = await withFacilityNames(db, where);
  return found.map((item) => caseSummary(item.row, diseaseOf(item.row.diseaseCode), item.facilityName));
}

export async function caseDetail(
  db: Db,
  row: CaseReportRow,
  diseaseOf: (code: string) => Disease | undefined
): Promise<CaseReportDetail> {
  const [named] = await db.select({ name: facility.name }).from(facility).where(eq(facility.id, row.facilityId));
  const revisions = await db
    .select()
    .from(caseReportRevision)
    .where(eq(caseReportRevision.caseReportId, row.id))
    .orderBy(asc(caseReportRevision.changedAt), asc(caseReportRevision.id));
  const history: CaseReportRevisionView[] = revisions.map((revision) => ({
    id: revision.id,
    action: revision.action as CaseRevisionAction,
    reason: revision.reason,
    before: revision.before,
    changedBy: revision.changedBy,
    changedAt: revision.changedAt.toISOString(),
  }));
  return {
    ...caseSummary(row, diseaseOf(row.diseaseCode), named?.name ?? null),
    idType: row.idType as IdType | null,
    phone: row.phone,
    address: row.address,
    reportingDoctor: row.reportingDoctor,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    deletedReason: row.deletedReason,
    sourceRef: row.sourceRef,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revisions: history,
    possibleDuplicates: await possibleDuplicates(db, row, diseaseOf),
  };
}

/** The card in the county and the townships (undefined: the whole county), or null. */
export async function findCaseRow(
  db: Db,
  countyCode: string,
  townships: readonly string[] | undefined,
  id: number
): Promise<CaseReportRow | null> {
  const [row] = await db
    .select()
    .from(caseReport)
    .where(and(eq(caseReport.countyCode, countyCode), eq(caseReport.id, id), inTownships(townships)));
  return row ?? null;
}

export function inTownships(townships: readonly string[] | undefined): SQL | undefined {
  if (townships === undefined) return undefined;
  if (townships.length === 0) return sql`false`;
  return or(...townships.map((code) => eq(caseReport.townshipCode, code)));
}
