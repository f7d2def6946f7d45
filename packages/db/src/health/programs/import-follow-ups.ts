/**
 * Import of programme visits (随访记录): one row per visit, its resident named by 居民编号 or 证件号码, with
 * the same rules as a visit entered by hand — values checked by core, dated within the person's life and an
 * enrolment in the programme, one visit of a kind per enrolment and day.
 */
import type { FollowUpField, ProgramCode, VisitKind } from '@chp/core';
import {
  FOLLOW_UP_FIELDS,
  PROGRAMS,
  PROGRAM_CODES,
  VISIT_KINDS,
  checkEventDate,
  completedYears,
  isControlled,
  isFollowUpField,
  validateFollowUpValues,
  visitKindLabel,
  visitKindsOf,
} from '@chp/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import type { Actor } from '../../access/audit.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { booleanField, codeField, dateField, textField, today as localToday } from '../../registers/fields.js';
import { importRegister } from '../../registers/import-run.js';
import type { RegisterImport, RegisterSpec } from '../../registers/import-run.js';
import type { ColumnSpec, RowReader } from '../../registers/row-reader.js';
import { followUp, programEnrolment } from '../../schema.js';
import { RESIDENT_REF_COLUMNS, residentLookup } from './resident-refs.js';
import type { ImportResident, ResidentRefColumn, ResidentLookup } from './resident-refs.js';
import { anyId } from './schedule-inputs.js';

type FollowUpColumn =
  ResidentRefColumn | 'program' | 'kind' | 'visitDate' | FollowUpField | 'referral' | 'nextVisitDate' | 'doctor';

/** A value's column: 收缩压（mmHg）, 妊娠风险分级 … */
function valueHeader(field: FollowUpField): string {
  const spec = FOLLOW_UP_FIELDS[field];
  return spec.type === 'number' ? `${spec.label}（${spec.unit}）` : spec.label;
}

const VALUE_FIELDS = Object.keys(FOLLOW_UP_FIELDS).filter(isFollowUpField);

export const FOLLOW_UP_COLUMNS: readonly ColumnSpec<FollowUpColumn>[] = [
  ...RESIDENT_REF_COLUMNS,
  { key: 'program', header: '项目', required: true },
  { key: 'kind', header: '随访类型', required: true },
  { key: 'visitDate', header: '随访日期', required: true },
  ...VALUE_FIELDS.map((field) => ({ key: field, header: valueHeader(field), required: false })),
  { key: 'referral', header: '转诊', required: false },
  { key: 'nextVisitDate', header: '下次随访日期', required: false },
  { key: 'doctor', header: '随访医生', required: false },
];

const PROGRAM_LIST = PROGRAM_CODES.map((code) => ({ code, name: PROGRAMS[code].label }));

const kindList = (program: ProgramCode): { code: VisitKind; name: string }[] =>
  visitKindsOf(program).map((code) => ({ code, name: VISIT_KINDS[program][code] ?? code }));

interface EnrolmentSpan {
  id: number;
  program: string;
  enrolledDate: string;
  endedDate: string | null;
}

type FollowUpRow = Omit<typeof followUp.$inferInsert, 'countyCode'> & { enrolmentId: number; person: ImportResident };

/** The cells of the value columns as numbers or choice codes (code or Chinese label); null after an issue. */
function valuesOf(reader: RowReader<FollowUpColumn>): Record<string, number | string> | null {
  const values: Record<string, number | string> = {};
  let ok = true;
  for (const field of VALUE_FIELDS) {
    const text = reader.text(field);
    if (text === null) continue;
    const spec = FOLLOW_UP_FIELDS[field];
    const plain = text.normalize('NFKC').trim();
    if (spec.type === 'number') {
      const value = Number(plain);
      if (plain !== '' && Number.isFinite(value)) {
        values[field] = value;
      } else {
        reader.fail(field, `${reader.name(field)}“${text}”不是数字。`);
        ok = false;
      }
    } else {
      values[field] = spec.options.find((option) => option.label === plain)?.code ?? plain;
    }
  }
  return ok ? values : null;
}

function followUpSpec(
  lookup: ResidentLookup,
  enrolments: ReadonlyMap<number, EnrolmentSpan[]>,
  actor: Actor,
  today: string
): RegisterSpec<FollowUpColumn, FollowUpRow> {
  return {
    entity: 'follow_up',
    columns: FOLLOW_UP_COLUMNS,
    parseRow: (reader) => {
      const person = lookup.residentOf(reader);
      const program = codeField(reader, 'program', PROGRAM_LIST);
      const kind = program === null ? null : codeField(reader, 'kind', kindList(program));
      const visitDate = dateField(reader, 'visitDate');
      const nextVisitDate = dateField(reader, 'nextVisitDate', { required: false });
      const referral = booleanField(reader, 'referral');
      const doctor = textField(reader, 'doctor', { required: false });
      const values = valuesOf(reader);
      if (program !== null && kind !== null && values !== null) {
        for (const error of validateFollowUpValues(program, kind, values)) {
          reader.fail(isFollowUpField(error.field) ? error.field : 'kind', `${error.message}。`);
        }
      }
      if (visitDate !== null && nextVisitDate !== null && nextVisitDate <= visitDate) {
        reader.fail('nextVisitDate', `下次随访日期 ${nextVisitDate} 应晚于随访日期 ${visitDate}。`);
      }
      if (person === null || program === null || kind === null || visitDate === null || values === null) return null;
      if (referral === null) return null;
      const [problem] = checkEventDate({ field: 'visitDate', label: '随访日期', date: visitDate }, person, today);
      if (problem !== undefined) return reader.fail('visitDate', `${problem.message}。`);
      const label = PROGRAMS[program].label;
      const enrolment = (enrolments.get(person.id) ?? []).find(
        (span) =>
          span.program === program &&
          span.enrolledDate <= visitDate &&
          (span.endedDate === null || span.endedDate >= visitDate)
      );
      if (enrolment === undefined) {
        return reader.fail(
          'visitDate',
          `${person.name}在随访日期 ${visitDate} 未纳入${label}健康管理，请先登记或核对日期。`
        );
      }
      return {
        person,
        residentId: person.id,
        enrolmentId: enrolment.id,
        program,
        kind,
        visitDate,
        doctor,
        values,
        controlled: isControlled(program, values, completedYears(person.birthDate, visitDate)),
        referral,
        nextVisitDate,
        createdBy: actor.userId,
      };
    },
    key: {
      columns: ['residentId', 'idNumber', 'program', 'kind', 'visitDate'],
      of: (row) => `${row.enrolmentId}|${row.kind}|${row.visitDate}`,
      describe: (row) =>
        `${row.person.name} ${row.visitDate} 的${PROGRAMS[row.program as ProgramCode].label}${visitKindLabel(row.program as ProgramCode, row.kind)}`,
    },
    existingKeys: async (db, countyCode, rows) => {
      const ids = [...new Set(rows.map((row) => row.enrolmentId))];
      if (ids.length === 0) return new Set();
      const found = await db
        .select({ enrolmentId: followUp.enrolmentId, kind: followUp.kind, visitDate: followUp.visitDate })
        .from(followUp)
        .where(and(eq(followUp.countyCode, countyCode), anyId(followUp.enrolmentId, ids)));
      return new Set(found.map((row) => `${row.enrolmentId}|${row.kind}|${row.visitDate}`));
    },
    insert: (db, countyCode, rows) =>
      insertRows(
        db,
        followUp,
        rows.map(({ person: _person, ...row }) => ({ ...row, countyCode }))
      ),
  };
}

async function enrolmentsOf(db: Db, countyCode: string, residentIds: number[]): Promise<Map<number, EnrolmentSpan[]>> {
  const rows =
    residentIds.length === 0
      ? []
      : await db
          .select({
            id: programEnrolment.id,
            residentId: programEnrolment.residentId,
            program: programEnrolment.program,
            enrolledDate: programEnrolment.enrolledDate,
            endedDate: programEnrolment.endedDate,
          })
          .from(programEnrolment)
          .where(and(eq(programEnrolment.countyCode, countyCode), anyId(programEnrolment.residentId, residentIds)));
  const byResident = new Map<number, EnrolmentSpan[]>();
  for (const { residentId, ...span } of rows) byResident.set(residentId, [...(byResident.get(residentId) ?? []), span]);
  return byResident;
}

/** Imports visits; residents are named by 证件号码 only when the options carry the ID-number cipher. */
export const importFollowUps: RegisterImport = async (db, actor, countyCode, tables, options = {}) => {
  const today = localToday();
  const lookup = await residentLookup(db, countyCode, tables, FOLLOW_UP_COLUMNS, options.idCipher ?? null, today);
  const enrolments = await enrolmentsOf(db, countyCode, lookup.residentIds);
  return importRegister(db, actor, countyCode, tables, followUpSpec(lookup, enrolments, actor, today), options);
};
