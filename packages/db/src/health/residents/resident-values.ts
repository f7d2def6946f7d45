/**
 * The checks of a resident's own values, shared by the API and the import: the ID number for its type (a
 * 公民身份号码 agreeing with birth date and sex, 15 digits converted), the dates and the record status,
 * phone, relation and flags. Each problem names its field, so the import can point at the column.
 */
import type { IdNumber, IdType, RecordStatus, ResidentFlag, Sex } from '@chp/core';
import {
  carriesResidentIdNumber,
  checkEventDate,
  checkResidentDates,
  ID_TYPES,
  idNumberConflicts,
  parseIdNumber,
  recordStatusProblems,
} from '@chp/core';

/** A resident's values as given, before checking (the ID number as typed). */
export interface ResidentDraft {
  idType: IdType;
  idNumber: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  phone: string | null;
  townshipCode: string;
  villageCode: string | null;
  householdNumber: string | null;
  householdRelation: string | null;
  recordDate: string | null;
  recordFacilityId: number | null;
  recordStatus: RecordStatus;
  statusDate: string | null;
  deathDate: string | null;
  flags: readonly ResidentFlag[];
}

export type ResidentField = keyof ResidentDraft;

/** The checked values: the ID number parsed and normalised, the phone and text fields tidied. */
export interface CheckedResident extends Omit<ResidentDraft, 'idNumber'> {
  idNumber: IdNumber | null;
}

export interface ResidentProblem {
  field: ResidentField;
  message: string;
}

export type ResidentCheck = { ok: true; value: CheckedResident } | { ok: false; problems: ResidentProblem[] };

const MAX_NAME_LENGTH = 50;
/** Mobile (11 digits from 1), or a fixed line with its area code (0 + 9–11 digits), or 7–8 local digits. */
const PHONE = /^(1\d{10}|0\d{9,11}|\d{7,8})$/;
const RELATION = /^\d{2}$/;
const DATE_FIELDS: Readonly<Record<string, ResidentField>> = {
  birthDate: 'birthDate',
  deathDate: 'deathDate',
  recordDate: 'recordDate',
  statusDate: 'statusDate',
};

function blankToNull(text: string | null): string | null {
  return text === '' ? null : text;
}

/** Digits only: spaces, hyphens and brackets of a typed phone number dropped (full-width too). */
export function normalisePhone(text: string): string {
  return text.normalize('NFKC').replace(/[\s\-()]/g, '');
}

function checkIdNumber(draft: ResidentDraft, today: string, problems: ResidentProblem[]): IdNumber | null {
  const text = draft.idNumber?.trim() ?? '';
  const { label } = ID_TYPES[draft.idType];
  if (text === '') {
    if (carriesResidentIdNumber(draft.idType)) {
      problems.push({ field: 'idNumber', message: `证件类型为${label}时应填写证件号码` });
    }
    return null;
  }
  const parsed = parseIdNumber(draft.idType, text, today);
  if (!parsed.ok) {
    problems.push({ field: 'idNumber', message: parsed.reason });
    return null;
  }
  const id = parsed.value.resident;
  if (id !== null) {
    const stated = { birthDate: draft.birthDate, sex: draft.sex };
    problems.push(...idNumberConflicts(id, stated).map((message) => ({ field: 'idNumber' as const, message })));
  }
  return parsed.value;
}

function checkFlags(draft: ResidentDraft, today: string): ResidentProblem[] {
  const person = { birthDate: draft.birthDate, deathDate: draft.deathDate };
  return draft.flags
    .flatMap((flag) => [
      ...checkEventDate({ field: 'flags', label: '标记开始日期', date: flag.fromDate }, person, today),
      ...(flag.toDate === null
        ? []
        : flag.toDate < flag.fromDate
          ? [{ field: 'flags', message: `标记结束日期 ${flag.toDate} 早于开始日期 ${flag.fromDate}` }]
          : checkEventDate({ field: 'flags', label: '标记结束日期', date: flag.toDate }, person, today)),
    ])
    .map((problem) => ({ field: 'flags' as const, message: problem.message }));
}

/** Checks a resident's values on `today` (YYYY-MM-DD); the area and facility are checked against the database. */
export function checkResident(draft: ResidentDraft, today: string): ResidentCheck {
  const problems: ResidentProblem[] = [];
  const name = draft.name.normalize('NFKC').trim();
  if (name === '') problems.push({ field: 'name', message: '姓名不能为空' });
  else if (name.length > MAX_NAME_LENGTH) {
    problems.push({ field: 'name', message: `姓名超过 ${MAX_NAME_LENGTH} 个字符` });
  }
  const idNumber = checkIdNumber(draft, today, problems);
  problems.push(
    ...checkResidentDates(draft, today).map((problem) => ({
      field: DATE_FIELDS[problem.field] ?? 'birthDate',
      message: problem.message,
    })),
    ...recordStatusProblems(draft).map((message) => ({ field: 'recordStatus' as const, message }))
  );
  const phone = blankToNull(draft.phone === null ? null : normalisePhone(draft.phone));
  if (phone !== null && !PHONE.test(phone)) {
    problems.push({
      field: 'phone',
      message: `联系电话“${draft.phone ?? ''}”格式不正确：应为 11 位手机号或带区号的固定电话`,
    });
  }
  const relation = blankToNull(draft.householdRelation?.trim() ?? null);
  if (relation !== null && !RELATION.test(relation)) {
    problems.push({
      field: 'householdRelation',
      message: `与户主关系“${relation}”应为 GB/T 4761 的 2 位数字代码`,
    });
  }
  problems.push(...checkFlags(draft, today));
  if (problems.length > 0) return { ok: false, problems };
  const householdNumber = blankToNull(draft.householdNumber?.trim() ?? null);
  return { ok: true, value: { ...draft, idNumber, name, phone, householdNumber, householdRelation: relation } };
}
