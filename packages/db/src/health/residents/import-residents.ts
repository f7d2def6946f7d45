/**
 * Import of residents (居民健康档案): one row per person, checked like a resident created through the API
 * (ID number for its type, agreeing with birth date and sex, dates, status, village of the township), each
 * problem on its column. An ID number may appear once in the files and must not be on record already (a
 * 15-digit number counts as its 18-digit form). Households are created from 户编号 as they first appear.
 */
import type { IdType, RecordStatus } from '@chp/core';
import { ID_TYPE_CODES, ID_TYPES, maskIdNumber, RECORD_STATUSES, SEXES } from '@chp/core';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { batches } from '../../org-units/upsert.js';
import { facilitiesByRef } from '../../registers/facilities.js';
import { codeField, dateField, textField, today as localToday } from '../../registers/fields.js';
import { registerImport } from '../../registers/import-run.js';
import type { ImportContext, RegisterImport, RegisterSpec } from '../../registers/import-run.js';
import type { ColumnSpec, RowReader } from '../../registers/row-reader.js';
import { resident } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import { householdIds } from './households.js';
import { residentAreaProblems } from './resident-area.js';
import { storedIdNumber } from './resident-id.js';
import { checkResident } from './resident-values.js';
import type { CheckedResident, ResidentField } from './resident-values.js';
import { residentColumns } from './resident-write.js';

type ResidentColumn =
  | 'idType'
  | 'idNumber'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'phone'
  | 'townshipCode'
  | 'villageCode'
  | 'householdNumber'
  | 'householdRelation'
  | 'recordDate'
  | 'recordStatus'
  | 'statusDate'
  | 'deathDate'
  | 'facilityRef';

export const RESIDENT_COLUMNS: readonly ColumnSpec<ResidentColumn>[] = [
  { key: 'idType', header: '证件类型', required: true },
  { key: 'idNumber', header: '证件号码', required: true },
  { key: 'name', header: '姓名', required: true },
  { key: 'sex', header: '性别', required: true },
  { key: 'birthDate', header: '出生日期', required: true },
  { key: 'phone', header: '联系电话', required: false },
  { key: 'townshipCode', header: '乡镇（街道）代码', required: true },
  { key: 'villageCode', header: '村（居）代码', required: false },
  { key: 'householdNumber', header: '户编号', required: false },
  { key: 'householdRelation', header: '与户主关系', required: false },
  { key: 'recordDate', header: '建档日期', required: false },
  { key: 'recordStatus', header: '档案状态', required: false },
  { key: 'statusDate', header: '状态变更日期', required: false },
  { key: 'deathDate', header: '死亡日期', required: false },
  { key: 'facilityRef', header: '建档机构编号', required: false },
];

const ID_TYPE_LIST = ID_TYPE_CODES.map((code: IdType) => ({ code, name: ID_TYPES[code].label }));
const RECORD_STATUS_LIST = RECORD_STATUSES.map((status) => ({ code: status.code, name: status.label }));

/** The column of each checked field; flags are never checked here, since the import has none. */
const COLUMN_OF: Readonly<Record<ResidentField, ResidentColumn>> = {
  idType: 'idType',
  idNumber: 'idNumber',
  name: 'name',
  sex: 'sex',
  birthDate: 'birthDate',
  phone: 'phone',
  townshipCode: 'townshipCode',
  villageCode: 'villageCode',
  householdNumber: 'householdNumber',
  householdRelation: 'householdRelation',
  recordDate: 'recordDate',
  recordFacilityId: 'facilityRef',
  recordStatus: 'recordStatus',
  statusDate: 'statusDate',
  deathDate: 'deathDate',
  flags: 'name',
};

interface ResidentImportRow {
  /** The ID number's keyed hash, or a key of the row alone when it has no number. */
  key: string;
  checked: CheckedResident;
}

/** The facility named by 建档机构编号, when the cell is filled; undefined after recording an issue. */
function facilityId(
  reader: RowReader<ResidentColumn>,
  facilities: ReadonlyMap<string, { id: number }>
): number | null | undefined {
  const ref = reader.text('facilityRef');
  if (ref === null) return null;
  const found = facilities.get(ref);
  if (found !== undefined) return found.id;
  reader.fail('facilityRef', `${reader.name('facilityRef')}“${ref}”不是本县（区）已登记的机构，请先导入机构名录。`);
  return undefined;
}

function residentSpec(
  cipher: IdCipher,
  facilities: ReadonlyMap<string, { id: number }>,
  today: string
): RegisterSpec<ResidentColumn, ResidentImportRow> {
  let unnumbered = 0;
  const parseRow = (reader: RowReader<ResidentColumn>, context: ImportContext): ResidentImportRow | null => {
    const idType = codeField(reader, 'idType', ID_TYPE_LIST);
    const name = textField(reader, 'name');
    const sex = codeField(reader, 'sex', SEXES);
    const birthDate = dateField(reader, 'birthDate');
    const townshipCode = textField(reader, 'townshipCode');
    const recordDate = dateField(reader, 'recordDate', { required: false });
    const recordStatus: RecordStatus | null =
      reader.text('recordStatus') === null ? 'active' : codeField(reader, 'recordStatus', RECORD_STATUS_LIST);
    const statusDate = dateField(reader, 'statusDate', { required: false });
    const deathDate = dateField(reader, 'deathDate', { required: false });
    const recordFacilityId = facilityId(reader, facilities);
    if (
      idType === null ||
      name === null ||
      sex === null ||
      birthDate === null ||
      townshipCode === null ||
      recordStatus === null ||
      recordFacilityId === undefined ||
      reader.issues.length > 0
    ) {
      return null;
    }
    const draft = {
      idType,
      idNumber: reader.text('idNumber'),
      name,
      sex,
      birthDate,
      phone: reader.text('phone'),
      townshipCode,
      villageCode: reader.text('villageCode'),
      householdNumber: reader.text('householdNumber'),
      householdRelation: reader.text('householdRelation'),
      recordDate,
      recordFacilityId,
      recordStatus,
      statusDate,
      deathDate,
      flags: [],
    };
    const checked = checkResident(draft, today);
    const problems = [
      ...(checked.ok ? [] : checked.problems),
      ...residentAreaProblems(context.countyCode, draft, (code) => context.orgUnits.get(code)),
    ];
    for (const problem of problems) reader.fail(COLUMN_OF[problem.field], `${problem.message}。`);
    if (!checked.ok || problems.length > 0) return null;
    const id = checked.value.idNumber;
    unnumbered += 1;
    return {
      key: id === null ? `\u0000${String(unnumbered)}` : cipher.hash(id.idType, id.number),
      checked: checked.value,
    };
  };
  return {
    entity: 'resident',
    columns: RESIDENT_COLUMNS,
    parseRow,
    key: {
      columns: ['idType', 'idNumber'],
      of: (row) => row.key,
      describe: (row) => {
        const id = row.checked.idNumber;
        return id === null ? '' : `${ID_TYPES[id.idType].label}号码 ${maskIdNumber(id.idType, id.number)}`;
      },
    },
    existingKeys: async (db, countyCode, rows) => existingIdHashes(db, countyCode, rows),
    insert: async (db, countyCode, rows) => {
      const households = await householdIds(
        db,
        countyCode,
        rows.flatMap(({ checked }) =>
          checked.householdNumber === null ? [] : [{ ...checked, householdNumber: checked.householdNumber }]
        )
      );
      for (const batch of batches(rows)) {
        await db.insert(resident).values(
          batch.map(({ checked }) => ({
            countyCode,
            householdId: checked.householdNumber === null ? null : (households.get(checked.householdNumber) ?? null),
            ...residentColumns(checked, storedIdNumber(cipher, checked.idNumber)),
          }))
        );
      }
    },
  };
}

/** Which of the rows' ID numbers an unmerged resident of the county already holds. */
async function existingIdHashes(db: Db, countyCode: string, rows: readonly ResidentImportRow[]): Promise<Set<string>> {
  const hashes = rows.filter((row) => row.checked.idNumber !== null).map((row) => row.key);
  const found = new Set<string>();
  for (const chunk of batches(hashes, 5000)) {
    const held = await db
      .select({ hash: resident.idNumberHash })
      .from(resident)
      .where(
        and(eq(resident.countyCode, countyCode), isNull(resident.mergedIntoId), inArray(resident.idNumberHash, chunk))
      );
    for (const row of held) if (row.hash !== null) found.add(row.hash);
  }
  return found;
}

/** Imports residents from tables with the columns of RESIDENT_COLUMNS; needs the installation's cipher. */
export const importResidents: RegisterImport = registerImport(async (db, countyCode, options) => {
  if (options.idCipher === undefined) throw new Error('the resident import needs the ID-number cipher');
  return residentSpec(options.idCipher, await facilitiesByRef(db, countyCode), localToday());
});
