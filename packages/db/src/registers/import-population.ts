/** Import of population aggregates (全员人口 by org unit × year × 常住/户籍 × sex × age group). */
import { KNOWN_SEXES } from '@chp/core';
import type { KnownSex } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import { batches } from '../org-units/upsert.js';
import { populationAggregate } from '../schema.js';
import { codeField, integerField } from './fields.js';
import { orgUnitField, registerImport } from './import-run.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec } from './row-reader.js';
import { MAX_AGE, RESIDENCES } from './vital-codes.js';
import type { Residence } from './vital-codes.js';

type PopulationColumn = 'orgUnitCode' | 'year' | 'residence' | 'sex' | 'ageStart' | 'ageEnd' | 'count';

export const POPULATION_COLUMNS: readonly ColumnSpec<PopulationColumn>[] = [
  { key: 'orgUnitCode', header: '机构编码', required: true },
  { key: 'year', header: '年份', required: true },
  { key: 'residence', header: '人口类型', required: true },
  { key: 'sex', header: '性别', required: true },
  { key: 'ageStart', header: '起始年龄', required: true },
  { key: 'ageEnd', header: '终止年龄', required: true },
  { key: 'count', header: '人数', required: true },
];

export interface PopulationRow {
  orgUnitCode: string;
  year: number;
  residence: Residence;
  sex: KnownSex;
  ageStart: number;
  /** Inclusive; null for the open group. */
  ageEnd: number | null;
  count: number;
}

const FIRST_YEAR = 1949;

const keyOf = (row: PopulationRow): string =>
  [row.orgUnitCode, row.year, row.residence, row.sex, row.ageStart].join('|');

const populationSpec: RegisterSpec<PopulationColumn, PopulationRow> = {
  entity: 'population_aggregate',
  columns: POPULATION_COLUMNS,
  parseRow: (reader, context) => {
    const orgUnitCode = orgUnitField(reader, 'orgUnitCode', context);
    const year = integerField(reader, 'year', { min: FIRST_YEAR, max: new Date().getFullYear(), unit: '年' });
    const residence = codeField(reader, 'residence', RESIDENCES);
    const sex = codeField(reader, 'sex', KNOWN_SEXES);
    const ageStart = integerField(reader, 'ageStart', { min: 0, max: MAX_AGE, unit: '岁' });
    // An empty 终止年龄 marks the open group (e.g. 85 岁及以上).
    let ageEnd = integerField(reader, 'ageEnd', { min: 0, max: MAX_AGE, unit: '岁' }, { required: false });
    if (ageStart !== null && ageEnd !== null && ageEnd < ageStart) {
      ageEnd = reader.fail('ageEnd', `终止年龄 ${ageEnd} 小于起始年龄 ${ageStart}。`);
    }
    const count = integerField(reader, 'count', { min: 0, max: 10_000_000, unit: '人' });
    if (orgUnitCode === null || year === null || residence === null || sex === null || ageStart === null) return null;
    if (count === null || (ageEnd === null && reader.text('ageEnd') !== null)) return null;
    return { orgUnitCode, year, residence, sex, ageStart, ageEnd, count };
  },
  key: {
    columns: ['orgUnitCode', 'year', 'residence', 'sex', 'ageStart'],
    of: keyOf,
    describe: (row) =>
      `机构编码 ${row.orgUnitCode}、${row.year}年、${row.residence === 'resident' ? '常住' : '户籍'}人口、` +
      `${row.sex === '1' ? '男' : '女'}、起始年龄 ${row.ageStart} 岁的人口数`,
  },
  existingKeys: async (db, countyCode, rows) => {
    const years = [...new Set(rows.map((row) => row.year))];
    if (years.length === 0) return new Set();
    const existing = await db
      .select()
      .from(populationAggregate)
      .where(and(eq(populationAggregate.countyCode, countyCode), inArray(populationAggregate.year, years)));
    return new Set(existing.map((row) => keyOf(row as PopulationRow)));
  },
  insert: async (db, countyCode, rows) => {
    for (const batch of batches(rows)) {
      await db.insert(populationAggregate).values(batch.map((row) => ({ ...row, countyCode })));
    }
  },
};

/** Imports population aggregates from tables with the columns of POPULATION_COLUMNS. */
export const importPopulation: RegisterImport = registerImport(populationSpec);
