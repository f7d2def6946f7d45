/**
 * 卡片编号: county code (6) + the report year in Beijing time (4) + a 6-digit sequence within county and year,
 * e.g. 6402212026000001. The next number follows the highest of the year; the unique index on
 * (county_code, card_number) refuses a concurrent twin.
 */
import { beijingDate } from '@chp/core';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { caseReport } from '../../schema.js';

const SEQUENCE_DIGITS = 6;

export function cardNumberPrefix(countyCode: string, reportedAt: Date): string {
  return countyCode + beijingDate(reportedAt).slice(0, 4);
}

export async function nextCardNumber(db: Db, countyCode: string, reportedAt: Date): Promise<string> {
  const prefix = cardNumberPrefix(countyCode, reportedAt);
  const [last] = await db
    .select({ number: sql<string | null>`max(${caseReport.cardNumber})` })
    .from(caseReport)
    .where(and(eq(caseReport.countyCode, countyCode), like(caseReport.cardNumber, `${prefix}%`)));
  const previous = last?.number == null ? 0 : Number(last.number.slice(prefix.length));
  return prefix + String(previous + 1).padStart(SEQUENCE_DIGITS, '0');
}
