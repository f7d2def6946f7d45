import { readRegisterWorkbook } from '@chp/reports';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../schema.js';
import { testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { listFacilities } from './facilities.js';
import { FACILITY_COLUMNS, importFacilities } from './import-facilities.js';
import { csvWithHeader, importActor as system, issuesOf, openImportDatabase } from './import-testing.js';
import type { RegisterTable } from './register-table.js';

const csv = csvWithHeader(FACILITY_COLUMNS.map((column) => column.header).join(','));

/** A real .xlsx file with one sheet per entry, read back the way an upload is. */
async function workbook(file: string, sheets: Record<string, unknown[][]>): Promise<RegisterTable[]> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(FACILITY_COLUMNS.map((column) => column.header));
    for (const row of rows) sheet.addRow(row);
  }
  const data = Buffer.from(await book.xlsx.writeBuffer());
  const read = await readRegisterWorkbook({ name: file, data });
  expect(read.issues).toEqual([]);
  return read.tables;
}

const stored = (rest: object): object => ({ id: expect.any(Number) as number, countyCode: '640221', ...rest });

describe.each(testDatabaseKinds())('facility import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openImportDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('imports the sheets of a workbook, types and grades by Chinese name or code', async () => {
    const tables = await workbook('机构名录.xlsx', {
      医院: [
        ['F1', '平罗县人民医院', '综合医院', '二级甲等', '公立', 640221, '平罗县医共体', 1950, null],
        ['F2', '平罗县中医医院', 'tcm_hospital', '2B', 'public', '640221', '平罗县医共体', 1985, null],
      ],
      基层: [
        ['F3', '城关镇卫生院', '乡镇卫生院', null, '公立', 640221100, '平罗县医共体', 1958, null],
        ['F4', '城关镇仁和诊所', '诊所（医务室）', null, '非公立', '640221100', null, 2001, 2019],
      ],
    });
    expect(await importFacilities(database.db, system, '640221', tables)).toEqual({
      mode: 'all',
      imported: 4,
      skipped: 0,
      errors: [],
    });
    const base = { grade: null, consortium: '平罗县医共体', validTo: null, ownership: 'public' };
    expect(await listFacilities(database.db, '640221')).toEqual([
      stored({
        ...base,
        sourceRef: 'F1',
        name: '平罗县人民医院',
        facilityType: 'general_hospital',
        grade: '2A',
        orgUnitCode: '640221',
        validFrom: 1950,
      }),
      stored({
        ...base,
        sourceRef: 'F2',
        name: '平罗县中医医院',
        facilityType: 'tcm_hospital',
        grade: '2B',
        orgUnitCode: '640221',
        validFrom: 1985,
      }),
      stored({
        ...base,
        sourceRef: 'F3',
        name: '城关镇卫生院',
        facilityType: 'township_health_center',
        orgUnitCode: '640221100',
        validFrom: 1958,
      }),
      stored({
        ...base,
        sourceRef: 'F4',
        name: '城关镇仁和诊所',
        facilityType: 'clinic',
        ownership: 'private',
        consortium: null,
        orgUnitCode: '640221100',
        validFrom: 2001,
        validTo: 2019,
      }),
    ]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'facility.import'));
    expect(audit.map((row) => row.after)).toEqual([
      { files: ['机构名录.xlsx', '机构名录.xlsx'], imported: 4, skipped: 0 },
    ]);
  });

  it('names each bad cell in the workbook sheet and row, writing nothing when any row is bad', async () => {
    const thisYear = new Date().getFullYear();
    const [sheet] = await workbook('bad.xlsx', {
      新增: [
        ['F5', '城关镇美容院', '美容院', null, '公立', 640221100, null, 2010, null],
        ['F6', '黄渠桥镇卫生院', '乡镇卫生院', '四级', '集体', 640221101001, null, 2010, 2005],
        ['F1', '平罗县人民医院', '综合医院', '2A', '公立', 640221, null, 1950, null],
        ['F7', '', '村卫生室', null, '公立', 640221101, null, thisYear + 1, null],
        ['F8', '宝丰镇卫生院', '乡镇卫生院', null, '公立', 640221102, null, 1960, null],
        ['F8', '宝丰镇中心卫生院', '乡镇卫生院', null, '公立', 640221102, null, 1961, null],
        ['F9', '黄渠桥镇卫生院', '乡镇卫生院', null, '公立', 640221101, null, 1962, null],
      ],
    });
    const issue = issuesOf('bad.xlsx', '新增');
    const errors = [
      issue(
        2,
        '机构类型 (C)',
        expect.stringMatching(
          /^机构类型“美容院”无效，应为：general_hospital（综合医院）、.*、other（其他机构）。$/
        ) as string
      ),
      issue(3, '医院等级 (D)', expect.stringMatching(/^医院等级“四级”无效，应为：3A（三级甲等）、/) as string),
      issue(3, '所有制 (E)', '所有制“集体”无效，应为：public（公立）、private（非公立）。'),
      issue(3, '区划编码 (F)', '区划编码“640221101001”是村（居）级编码，请填写其所属乡镇（街道）编码 640221101。'),
      issue(3, '撤销年份 (I)', '撤销年份 2005 早于设立年份 2010。'),
      issue(4, '机构编号 (A)', '机构编号“F1”已在数据库中，不能重复导入。'),
      issue(5, '机构名称 (B)', '缺少机构名称。'),
      issue(5, '设立年份 (H)', `设立年份“${thisYear + 1}”超出范围（1800—${thisYear}年）。`),
      issue(7, '机构编号 (A)', '与第6行重复（机构编号“F8”），两行均未导入。'),
    ];
    const result = await importFacilities(database.db, system, '640221', [sheet!]);
    expect(result).toEqual({ mode: 'all', imported: 0, skipped: 7, errors });
    const before = await listFacilities(database.db, '640221');
    expect(before.map((f) => f.sourceRef)).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(before[0]).toMatchObject({ consortium: '平罗县医共体', grade: '2A' });

    const partial = await importFacilities(database.db, system, '640221', [sheet!], { mode: 'valid-only' });
    expect(partial).toEqual({ mode: 'valid-only', imported: 1, skipped: 6, errors });
    const after = await listFacilities(database.db, '640221');
    expect(after.map((f) => f.sourceRef)).toEqual(['F1', 'F2', 'F3', 'F4', 'F9']);
    expect(after[0]).toEqual(before[0]);
  });

  it('reads a CSV file too, and reports a missing required column on the header row', async () => {
    const file = csv('f.csv', 'F10,城关镇托育园,托育机构,,非公立,640221100,,2021,');
    expect(await importFacilities(database.db, system, '640221', [file])).toMatchObject({ imported: 1, errors: [] });
    expect((await listFacilities(database.db, '640221')).at(-1)).toMatchObject({ facilityType: 'childcare' });
    const short = csvWithHeader('机构编号,机构名称,机构类型,区划编码,设立年份')(
      'short.csv',
      'F11,X,其他机构,640221,2000'
    );
    expect((await importFacilities(database.db, system, '640221', [short])).errors).toEqual([
      issuesOf('short.csv')(1, '所有制', '缺少“所有制”列，请使用导入模板的表头。'),
    ]);
  });
});
