/**
 * How the follow-up and vaccination imports name the resident of a row: by 居民编号 (the platform's id) or by
 * 证件号码 (matched through the keyed hash, never in clear), or both, which must then agree; 姓名, when given,
 * must be the record's. The residents a file names are looked up in one query before its rows are read.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { layoutOf, rowReaders, isBlank } from '../../registers/row-reader.js';
import type { ColumnSpec, RowReader } from '../../registers/row-reader.js';
import type { RegisterTable } from '../../registers/register-table.js';
import { resident } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import { idNumberHashes } from '../residents/resident-id.js';
import type { ProgramResident } from './program-resident.js';
import { anyId } from './schedule-inputs.js';

export type ResidentRefColumn = 'residentId' | 'idNumber' | 'residentName';

export const RESIDENT_REF_COLUMNS: readonly ColumnSpec<ResidentRefColumn>[] = [
  { key: 'residentId', header: '居民编号', required: false },
  { key: 'idNumber', header: '证件号码', required: false },
  { key: 'residentName', header: '姓名', required: false },
];

export type ImportResident = ProgramResident & { name: string };

export interface ResidentLookup {
  /** The residents found for the tables (whatever their rows hold otherwise). */
  residentIds: number[];
  /** The row's resident, or null after recording why not. */
  residentOf<K extends string>(reader: RowReader<K | ResidentRefColumn>): ImportResident | null;
}

const ID_PATTERN = /^\d{1,15}$/;

/** Looks up, in one query, every resident the tables name by 居民编号 or 证件号码. */
export async function residentLookup(
  db: Db,
  countyCode: string,
  tables: readonly RegisterTable[],
  columns: readonly ColumnSpec<string>[],
  cipher: IdCipher | null,
  today: string
): Promise<ResidentLookup> {
  const ids = new Set<number>();
  const hashesOf = new Map<string, string[]>();
  for (const table of tables) {
    const layout = layoutOf(table, columns);
    const readerOf = rowReaders(table, columns, layout);
    for (const row of table.rows) {
      if (isBlank(row)) continue;
      const reader = readerOf(row);
      const id = reader.text('residentId');
      if (id !== null && ID_PATTERN.test(id)) ids.add(Number(id));
      const number = reader.text('idNumber');
      if (number !== null && cipher !== null && !hashesOf.has(number)) {
        hashesOf.set(number, idNumberHashes(cipher, number, today));
      }
    }
  }
  const hashes = [...new Set([...hashesOf.values()].flat())];
  const rows =
    ids.size === 0 && hashes.length === 0
      ? []
      : await db
          .select({
            id: resident.id,
            countyCode: resident.countyCode,
            name: resident.name,
            sex: resident.sex,
            birthDate: resident.birthDate,
            deathDate: resident.deathDate,
            idNumberHash: resident.idNumberHash,
            mergedIntoId: resident.mergedIntoId,
          })
          .from(resident)
          .where(
            and(
              eq(resident.countyCode, countyCode),
              or(
                anyId(resident.id, [...ids]),
                and(isNull(resident.mergedIntoId), sql`${resident.idNumberHash} = any(${sql.param(hashes)}::text[])`)
              )
            )
          );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byHash = new Map(rows.filter((row) => row.mergedIntoId === null).map((row) => [row.idNumberHash, row]));

  return {
    residentIds: rows.filter((row) => row.mergedIntoId === null).map((row) => row.id),
    residentOf: (reader) => {
      const idText = reader.text('residentId');
      const number = reader.text('idNumber');
      if (idText === null && number === null) {
        reader.failColumns(['residentId', 'idNumber'], '请填写居民编号或证件号码，用于确定是哪位居民。');
        return null;
      }
      let found: (typeof rows)[number] | undefined;
      if (idText !== null) {
        found = ID_PATTERN.test(idText) ? byId.get(Number(idText)) : undefined;
        if (found === undefined)
          return reader.fail('residentId', `居民编号“${idText}”不是本县（区）${countyCode} 的居民档案。`);
        if (found.mergedIntoId !== null) {
          return reader.fail(
            'residentId',
            `居民编号 ${idText} 的档案已合并到居民编号 ${found.mergedIntoId}，请改用合并后的编号。`
          );
        }
      }
      if (number !== null && cipher === null) {
        return reader.fail('idNumber', '本次导入无法按证件号码识别居民（未提供证件号码密钥），请改填居民编号。');
      }
      if (number !== null) {
        const hashes = hashesOf.get(number) ?? [];
        if (hashes.length === 0) return reader.fail('idNumber', `证件号码“${number}”不是有效的证件号码。`);
        const byNumber = hashes.map((hash) => byHash.get(hash)).find((row) => row !== undefined);
        if (byNumber === undefined) return reader.fail('idNumber', `本县（区）没有证件号码为“${number}”的居民档案。`);
        if (found !== undefined && found.id !== byNumber.id) {
          reader.failColumns(['residentId', 'idNumber'], `居民编号 ${found.id} 与证件号码“${number}”不是同一位居民。`);
          return null;
        }
        found = byNumber;
      }
      if (found === undefined) return null;
      const name = reader.text('residentName');
      if (name !== null && name !== found.name) {
        return reader.fail('residentName', `姓名“${name}”与档案中的姓名“${found.name}”不符。`);
      }
      return found;
    },
  };
}
