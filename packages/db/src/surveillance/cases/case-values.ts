/**
 * A card's input checked against the catalogue and the county (township of the county, village of the township,
 * facility of the county), turned into the columns written: the ID number stored like the resident index and
 * the resident linked when the ID hash matches one (a name + birth + sex match is not linked automatically).
 */
import { beijingDate, idNumberConflicts, parseIdNumber, validateCaseReport } from '@chp/core';
import type { CaseReportFieldError, CaseReportInput, Disease, IdNumber } from '@chp/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { facility, resident } from '../../schema.js';
import type { caseReport } from '../../schema.js';
import type { IdCipher } from '../../health/id-cipher.js';
import { loadAreaLookup, residentAreaProblems } from '../../health/residents/resident-area.js';
import { storedIdNumber } from '../../health/residents/resident-id.js';
import { InvalidCaseReportError } from './case-errors.js';

/** The input with `reportedAt` filled in. */
export type CaseReportDraft = CaseReportInput & { reportedAt: string };

export type CaseColumns = Omit<
  typeof caseReport.$inferInsert,
  'id' | 'countyCode' | 'cardNumber' | 'sourceRef' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

function parsedId(draft: CaseReportDraft, today: string, problems: CaseReportFieldError[]): IdNumber | null {
  const text = draft.idNumber?.trim() ?? '';
  if (text === '') return null;
  const parsed = parseIdNumber(draft.idType ?? 'resident_id', text, today);
  if (!parsed.ok) {
    problems.push({ field: 'idNumber', message: parsed.reason });
    return null;
  }
  const fromId = parsed.value.resident;
  if (fromId !== null && draft.birthDate != null) {
    for (const message of idNumberConflicts(fromId, { birthDate: draft.birthDate, sex: draft.sex })) {
      problems.push({ field: 'idNumber', message });
    }
  }
  return parsed.value;
}

async function countyProblems(db: Db, countyCode: string, draft: CaseReportDraft): Promise<CaseReportFieldError[]> {
  const area = { townshipCode: draft.townshipCode, villageCode: draft.villageCode ?? null };
  const codes = [area.townshipCode, ...(area.villageCode === null ? [] : [area.villageCode])];
  const problems: CaseReportFieldError[] = residentAreaProblems(
    countyCode,
    area,
    await loadAreaLookup(db, countyCode, codes)
  );
  const [found] = await db
    .select({ id: facility.id })
    .from(facility)
    .where(and(eq(facility.id, draft.facilityId), eq(facility.countyCode, countyCode)));
  if (found === undefined) {
    problems.push({
      field: 'facilityId',
      message: `报告单位（编号 ${String(draft.facilityId)}）不是本县（区）${countyCode} 的机构`,
    });
  }
  return problems;
}

async function linkedResident(db: Db, countyCode: string, hash: string | null): Promise<number | null> {
  if (hash === null) return null;
  const [found] = await db
    .select({ id: resident.id })
    .from(resident)
    .where(and(eq(resident.countyCode, countyCode), eq(resident.idNumberHash, hash), isNull(resident.mergedIntoId)));
  return found?.id ?? null;
}

/** Checks everything and returns the columns; throws InvalidCaseReportError with every field problem. */
export async function caseColumns(
  db: Db,
  cipher: IdCipher,
  countyCode: string,
  draft: CaseReportDraft,
  diseaseOf: (code: string) => Disease | undefined,
  now: Date
): Promise<CaseColumns> {
  const problems: CaseReportFieldError[] = [];
  const id = parsedId(draft, beijingDate(now), problems);
  const birthDate = draft.birthDate ?? id?.resident?.birthDate ?? null;
  problems.push(
    ...validateCaseReport(
      {
        patientName: draft.patientName,
        diseaseCode: draft.diseaseCode,
        classification: draft.classification,
        onsetDate: draft.onsetDate,
        diagnosedAt: draft.diagnosedAt,
        reportedAt: draft.reportedAt,
        reportingDoctor: draft.reportingDoctor,
        birthDate,
      },
      diseaseOf(draft.diseaseCode),
      now
    ),
    ...(await countyProblems(db, countyCode, draft))
  );
  if (problems.length > 0) throw new InvalidCaseReportError(problems);
  const stored = storedIdNumber(cipher, id);
  return {
    residentId: await linkedResident(db, countyCode, stored.idNumberHash),
    patientName: draft.patientName.trim(),
    idType: id?.idType ?? null,
    ...stored,
    sex: draft.sex,
    birthDate,
    phone: emptyToNull(draft.phone),
    townshipCode: draft.townshipCode,
    villageCode: draft.villageCode ?? null,
    address: emptyToNull(draft.address),
    diseaseCode: draft.diseaseCode,
    classification: draft.classification,
    onsetDate: draft.onsetDate,
    diagnosedAt: new Date(draft.diagnosedAt),
    reportedAt: new Date(draft.reportedAt),
    facilityId: draft.facilityId,
    reportingDoctor: draft.reportingDoctor.trim(),
  };
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
