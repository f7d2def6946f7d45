/**
 * Checks of a card's values that need no database: required fields, onset ≤ diagnosis ≤ report ≤ now, and the
 * classification allowed for the disease. The area (township of the county, village of the township) and the
 * facility are checked by the database layer.
 */
import { beijingDate, isIsoDate } from '../health/iso-date.js';
import type { CaseReportFieldError } from './case-report-api.js';
import { CASE_CLASSIFICATION_LABELS, isCaseClassification } from './case-report-codes.js';
import type { Disease } from './diseases.js';

/** The values every card has, after defaults. */
export interface CaseReportValues {
  patientName: string;
  diseaseCode: string;
  classification: string;
  onsetDate: string;
  diagnosedAt: string;
  reportedAt: string;
  reportingDoctor: string;
  birthDate: string | null;
}

/** An ISO 8601 date-time with an offset (or Z), as the API takes times. */
export function parseInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function checkTimes(values: CaseReportValues, now: Date): CaseReportFieldError[] {
  const errors: CaseReportFieldError[] = [];
  const diagnosed = parseInstant(values.diagnosedAt);
  const reported = parseInstant(values.reportedAt);
  const onsetValid = isIsoDate(values.onsetDate);
  if (!onsetValid)
    errors.push({ field: 'onsetDate', message: `发病日期“${values.onsetDate}”不是有效日期（YYYY-MM-DD）` });
  if (diagnosed === null) {
    errors.push({ field: 'diagnosedAt', message: `诊断时间“${values.diagnosedAt}”不是带时区的有效时间` });
  }
  if (reported === null) {
    errors.push({ field: 'reportedAt', message: `报告时间“${values.reportedAt}”不是带时区的有效时间` });
  }
  const today = beijingDate(now);
  if (onsetValid && values.onsetDate > today) {
    errors.push({ field: 'onsetDate', message: `发病日期 ${values.onsetDate} 晚于今天 ${today}` });
  }
  if (values.birthDate !== null && onsetValid && values.birthDate > values.onsetDate) {
    errors.push({ field: 'onsetDate', message: `发病日期 ${values.onsetDate} 早于出生日期 ${values.birthDate}` });
  }
  if (diagnosed !== null && diagnosed.getTime() > now.getTime()) {
    errors.push({ field: 'diagnosedAt', message: '诊断时间晚于当前时间' });
  }
  if (reported !== null && reported.getTime() > now.getTime()) {
    errors.push({ field: 'reportedAt', message: '报告时间晚于当前时间' });
  }
  if (diagnosed !== null && onsetValid && beijingDate(diagnosed) < values.onsetDate) {
    errors.push({
      field: 'diagnosedAt',
      message: `诊断日期 ${beijingDate(diagnosed)} 早于发病日期 ${values.onsetDate}`,
    });
  }
  if (diagnosed !== null && reported !== null && reported.getTime() < diagnosed.getTime()) {
    errors.push({ field: 'reportedAt', message: '报告时间早于诊断时间' });
  }
  return errors;
}

/** Field-level Chinese errors; empty when the card's values are consistent. `disease` is the code's entry. */
export function validateCaseReport(
  values: CaseReportValues,
  disease: Disease | undefined,
  now: Date
): CaseReportFieldError[] {
  const errors: CaseReportFieldError[] = [];
  if (values.patientName.trim() === '') errors.push({ field: 'patientName', message: '患者姓名必填' });
  if (values.reportingDoctor.trim() === '') errors.push({ field: 'reportingDoctor', message: '报告医生必填' });
  if (disease === undefined) {
    errors.push({ field: 'diseaseCode', message: `未知的传染病病种代码“${values.diseaseCode}”` });
  } else if (!disease.reportable) {
    errors.push({
      field: 'diseaseCode',
      message: `“${disease.name}”须按分型报告（如病毒性肝炎填甲、乙、丙、戊或未分型）`,
    });
  }
  if (!isCaseClassification(values.classification)) {
    errors.push({ field: 'classification', message: `未知的病例分类“${values.classification}”` });
  } else if (values.classification === 'carrier' && disease !== undefined && !disease.carrier) {
    errors.push({
      field: 'classification',
      message: `“${disease.name}”不能报告为${CASE_CLASSIFICATION_LABELS.carrier}`,
    });
  }
  return [...errors, ...checkTimes(values, now)];
}

/** The fields 完整率 requires when applicable: ID number, phone, village and onset date. */
export function isCardComplete(card: {
  idNumberMasked: string | null;
  phone: string | null;
  villageCode: string | null;
  onsetDate: string | null;
}): boolean {
  return card.idNumberMasked !== null && card.phone !== null && card.villageCode !== null && card.onsetDate !== null;
}
