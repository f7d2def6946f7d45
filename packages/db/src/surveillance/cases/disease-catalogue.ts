/** The county's disease catalogue: the national list (core) plus its local diseases (surveillance_subject `L…`). */
import { NATIONAL_DISEASES, findDisease, isLocalDiseaseCode, localDisease } from '@chp/core';
import type { Disease } from '@chp/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { surveillanceSubject } from '../../schema.js';

export async function diseaseCatalogue(db: Db, countyCode: string): Promise<Disease[]> {
  const rows = await db
    .select({
      code: surveillanceSubject.code,
      name: surveillanceSubject.name,
      immediate: surveillanceSubject.immediate,
      deadlineHours: surveillanceSubject.deadlineHours,
    })
    .from(surveillanceSubject)
    .where(eq(surveillanceSubject.countyCode, countyCode));
  const local = rows.filter((row) => isLocalDiseaseCode(row.code) && findDisease(row.code) === undefined);
  return [...NATIONAL_DISEASES, ...local.map(localDisease)];
}

/** A lookup of the catalogue by code. */
export async function diseaseLookup(db: Db, countyCode: string): Promise<(code: string) => Disease | undefined> {
  const byCode = new Map((await diseaseCatalogue(db, countyCode)).map((disease) => [disease.code, disease]));
  return (code) => byCode.get(code);
}
