/** Cards of the county (or the user's townships), filtered and paged, newest report first; one card's detail. */
import type { CaseReportDetail, CaseReportListQuery, CaseReportPage } from '@chp/core';
import { and, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { caseReport } from '../../schema.js';
import { caseNotFound } from './case-errors.js';
import { caseDetail, caseSummary, findCaseRow, inTownships, withFacilityNames } from './case-views.js';
import type { CaseTownships } from './create-case.js';
import { diseaseLookup } from './disease-catalogue.js';

const DEFAULT_PAGE_SIZE = 50;

export async function listCaseReports(
  db: Db,
  countyCode: string,
  townships: CaseTownships,
  query: CaseReportListQuery
): Promise<CaseReportPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const where = and(
    eq(caseReport.countyCode, countyCode),
    inTownships(townships),
    query.disease === undefined ? undefined : eq(caseReport.diseaseCode, query.disease),
    query.township === undefined ? undefined : eq(caseReport.townshipCode, query.township),
    query.status === undefined ? undefined : eq(caseReport.status, query.status),
    query.from === undefined ? undefined : gte(caseReport.onsetDate, query.from),
    query.to === undefined ? undefined : lte(caseReport.onsetDate, query.to)
  );
  const [total] = await db.select({ n: count() }).from(caseReport).where(where);
  const rows = await withFacilityNames(
    db,
    where,
    [desc(caseReport.reportedAt), desc(caseReport.id)],
    pageSize,
    (page - 1) * pageSize
  );
  const diseaseOf = await diseaseLookup(db, countyCode);
  return {
    items: rows.map((item) => caseSummary(item.row, diseaseOf(item.row.diseaseCode), item.facilityName)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

/** The card with its history and possible duplicates; not found outside the townships. */
export async function caseReportDetail(
  db: Db,
  countyCode: string,
  townships: CaseTownships,
  id: number
): Promise<CaseReportDetail> {
  const row = await findCaseRow(db, countyCode, townships, id);
  if (row === null) throw caseNotFound();
  return caseDetail(db, row, await diseaseLookup(db, countyCode));
}
