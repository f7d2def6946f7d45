/** Residents as lists show them (ResidentSummary), with their township's and village's names. */
import type { IdType, RecordStatus, ResidentSummary, Sex } from '@chp/core';
import { asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../connection.js';
import { orgUnit, resident } from '../../schema.js';

const township = alias(orgUnit, 'resident_township');
const village = alias(orgUnit, 'resident_village');

const summaryColumns = {
  id: resident.id,
  name: resident.name,
  sex: resident.sex,
  birthDate: resident.birthDate,
  idType: resident.idType,
  idNumberMasked: resident.idNumberMasked,
  phone: resident.phone,
  townshipCode: resident.townshipCode,
  townshipName: township.name,
  villageCode: resident.villageCode,
  villageName: village.name,
  recordStatus: resident.recordStatus,
  mergedIntoId: resident.mergedIntoId,
};

export interface SummaryPage {
  limit: number;
  offset: number;
}

/** The residents matching `where`, by name, birth date and id; a page of them when given. */
export async function listResidentSummaries(
  db: Db,
  where: SQL | undefined,
  page?: SummaryPage
): Promise<ResidentSummary[]> {
  const query = db
    .select(summaryColumns)
    .from(resident)
    .leftJoin(township, eq(township.code, resident.townshipCode))
    .leftJoin(village, eq(village.code, resident.villageCode))
    .where(where)
    .orderBy(asc(resident.name), asc(resident.birthDate), asc(resident.id))
    .$dynamic();
  const rows = page === undefined ? await query : await query.limit(page.limit).offset(page.offset);
  // Codes are checked when written, so the stored text is the code.
  return rows.map((row) => ({
    ...row,
    sex: row.sex as Sex,
    idType: row.idType as IdType,
    recordStatus: row.recordStatus as RecordStatus,
    townshipName: row.townshipName ?? row.townshipCode,
  }));
}
