/**
 * Resident search in the user's scope: by name (any part), by a full ID number of any type (exact, through
 * the keyed hash, so the number is never compared in clear), by a masked number as shown on screen or paper
 * (640221****1234) or by phone; filtered by township, village and open programme enrolment; a page at a time.
 */
import type { ResidentSearchQuery, ResidentSearchResult } from '@chp/core';
import { parseIdNumber } from '@chp/core';
import { and, count, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { today as localToday } from '../../registers/fields.js';
import { programEnrolment, resident } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { idNumberHashes } from './resident-id.js';
import { listResidentSummaries } from './resident-summary.js';
import { normalisePhone } from './resident-values.js';

export const DEFAULT_SEARCH_LIMIT = 50;
/** Digits enough for a phone search to mean something (the last four of a mobile number). */
const MIN_PHONE_DIGITS = 4;

/** The text as a LIKE pattern's literal part. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** 640221****1234 (any number of *): the masked numbers with that beginning and end. */
function maskedPattern(text: string): SQL | undefined {
  const first = text.indexOf('*');
  if (first < 0) return undefined;
  const prefix = text.slice(0, first).toUpperCase();
  const suffix = text.slice(text.lastIndexOf('*') + 1).toUpperCase();
  if (prefix === '' && suffix === '') return undefined;
  return like(resident.idNumberMasked, `${literal(prefix)}%${literal(suffix)}`);
}

function textCondition(cipher: IdCipher, q: string, today: string): SQL | undefined {
  const text = q.normalize('NFKC').trim();
  if (text === '') return undefined;
  const hashes = idNumberHashes(cipher, text, today);
  const byHash = hashes.length > 0 ? inArray(resident.idNumberHash, hashes) : undefined;
  // A valid 身份证号 is matched exactly and on its own: the name and phone patterns would scan the table.
  if (parseIdNumber('resident_id', text, today).ok) return byHash;
  const digits = normalisePhone(text);
  return or(
    byHash,
    like(resident.name, `%${literal(text)}%`),
    maskedPattern(text),
    /^\d+$/.test(digits) && digits.length >= MIN_PHONE_DIGITS ? like(resident.phone, `%${digits}%`) : undefined
  );
}

export async function searchResidents(
  db: Db,
  cipher: IdCipher,
  countyCode: string,
  scope: ResidentScope,
  query: ResidentSearchQuery,
  today: string = localToday()
): Promise<ResidentSearchResult> {
  const where = and(
    eq(resident.countyCode, countyCode),
    isNull(resident.mergedIntoId),
    residentInScope(scope),
    query.township === undefined ? undefined : eq(resident.townshipCode, query.township),
    query.village === undefined ? undefined : eq(resident.villageCode, query.village),
    query.program === undefined
      ? undefined
      : sql`exists (select 1 from ${programEnrolment} where ${programEnrolment.residentId} = ${resident.id} and ${programEnrolment.program} = ${query.program} and ${programEnrolment.endedDate} is null)`,
    query.q === undefined ? undefined : textCondition(cipher, query.q, today)
  );
  const [counted] = await db.select({ total: count() }).from(resident).where(where);
  const page = { limit: query.limit ?? DEFAULT_SEARCH_LIMIT, offset: query.offset ?? 0 };
  return { total: counted?.total ?? 0, residents: await listResidentSummaries(db, where, page) };
}
