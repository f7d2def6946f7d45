import type { ImportResult, RegisterKind, RegisterSummary } from '@chp/core';
import { BIRTH_COLUMNS, REGISTER_IMPORTERS, schema, testDatabaseKinds } from '@chp/db';
import { readRegisterWorkbook } from '@chp/reports';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login, multipartFiles } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const BIRTHS_HEADER = BIRTH_COLUMNS.map((column) => column.header).join(',');

describe.each(testDatabaseKinds())('register import on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let template: Buffer;
  beforeAll(async () => {
    t = await createTestApp(kind);
    planner = await login(t.app, 'planner');
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (
    files: { name: string; data: Buffer | string }[],
    options: { mode?: string; cookie?: string; county?: string; register?: string } = {}
  ) => {
    const body = multipartFiles(files);
    const query = options.mode === undefined ? '' : `?mode=${options.mode}`;
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/counties/${options.county ?? '640221'}/registers/${options.register ?? 'births'}/import${query}`,
      headers: { cookie: options.cookie ?? planner, ...body.headers },
      payload: body.payload,
    });
  };
  const summary = async (): Promise<RegisterSummary[]> => {
    const response = await t.app.inject({
      url: '/api/v1/counties/640221/registers/summary',
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(200);
    return response.json<RegisterSummary[]>();
  };
  const birthsHeld = async (): Promise<RegisterSummary | undefined> =>
    (await summary()).find((entry) => entry.kind === 'births');

  it('lists every importable register with its Chinese name and columns', async () => {
    const response = await t.app.inject({ url: '/api/v1/registers', headers: { cookie: planner } });
    expect(response.statusCode).toBe(200);
    const kinds = response.json<RegisterKind[]>();
    expect(kinds.map((k) => k.kind)).toEqual(REGISTER_IMPORTERS.map((importer) => importer.kind));
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['population', 'births', 'deaths']));
    expect(kinds.find((k) => k.kind === 'births')).toEqual({
      kind: 'births',
      name: '出生登记',
      columns: BIRTH_COLUMNS.map(({ header, required }) => ({ header, required })),
    });
  });

  it('downloads an empty template with the Chinese headers', async () => {
    const response = await t.app.inject({
      url: '/api/v1/counties/640221/registers/births/template.xlsx',
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('出生登记导入模板.xlsx'));
    template = response.rawPayload;
    const read = await readRegisterWorkbook({ name: 'template.xlsx', data: template });
    expect(read.tables).toEqual([
      { file: 'template.xlsx', sheet: '出生登记', header: BIRTH_COLUMNS.map((c) => c.header), rows: [] },
    ]);
  });

  it('starts with an empty summary', async () => {
    const held = await summary();
    expect(held.map((entry) => entry.kind)).toEqual(REGISTER_IMPORTERS.map((importer) => importer.kind));
    expect(held.find((entry) => entry.kind === 'population')).toEqual({
      kind: 'population',
      name: '人口数据',
      records: 0,
      years: [],
    });
  });

  it('imports nothing in mode=all when a row is bad, naming file, row, column and reason', async () => {
    const bad = [BIRTHS_HEADER, 'B1,640221100,2021-03-05,1,3200,28', 'B2,640221100,2021-02-30,2,,'].join('\n');
    const response = await upload([{ name: '出生.csv', data: bad }]);
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 2,
      errors: [
        {
          file: '出生.csv',
          sheet: '',
          row: 3,
          column: '出生日期 (C)',
          reason: '出生日期“2021-02-30”不是有效日期，请按 YYYY-MM-DD 填写。',
        },
      ],
    });
    expect(await birthsHeld()).toMatchObject({ records: 0, years: [] });
  });

  it('imports a filled-in template and a CSV file together, audited, and counts them in the summary', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    workbook.getWorksheet('出生登记')!.addRow(['X1', '640221101', '2022-07-01', '女', '3000', '30']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const csv = [BIRTHS_HEADER, 'C1,640221100,2021-03-05,1,3200,28', 'C2,640221100,2021-04-05,2,,'].join('\r\n');
    const response = await upload([
      { name: '出生登记.xlsx', data: xlsx },
      { name: 'births.csv', data: csv },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toEqual({ mode: 'all', imported: 3, skipped: 0, errors: [] });
    expect(await birthsHeld()).toEqual({ kind: 'births', name: '出生登记', records: 3, years: [2021, 2022] });
    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'live_birth.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      username: 'planner',
      countyCode: '640221',
      after: { files: ['出生登记.xlsx', 'births.csv'], imported: 3, skipped: 0 },
    });
  });

  it('imports the good rows in mode=valid-only and reports the bad ones, unreadable files included', async () => {
    const csv = [BIRTHS_HEADER, 'C1,640221100,2021-03-05,1,3200,28', 'C3,640221100,2023-01-09,1,,'].join('\n');
    const response = await upload(
      [
        { name: 'more.csv', data: csv },
        { name: 'notes.txt', data: 'hello' },
        { name: 'broken.xlsx', data: 'not a workbook' },
      ],
      { mode: 'valid-only' }
    );
    expect(response.statusCode).toBe(200);
    const result = response.json<ImportResult>();
    expect(result).toMatchObject({ mode: 'valid-only', imported: 1, skipped: 1 });
    expect(result.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ['notes.txt', 0, ''],
      ['broken.xlsx', 0, ''],
      ['more.csv', 2, '来源编号 (A)'],
    ]);
    expect(result.errors[0]!.reason).toContain('CSV');
    expect(result.errors[1]!.reason).toContain('Excel');
    expect(result.errors[2]!.reason).toContain('已在数据库中');
    expect(await birthsHeld()).toMatchObject({ records: 4, years: [2021, 2022, 2023] });
  });

  it('imports nothing in mode=all when a file cannot be read', async () => {
    const csv = [BIRTHS_HEADER, 'C4,640221100,2021-03-05,1,3200,28'].join('\n');
    const response = await upload([
      { name: 'ok.csv', data: csv },
      { name: 'broken.xlsx', data: 'not a workbook' },
    ]);
    expect(response.json<ImportResult>()).toMatchObject({ mode: 'all', imported: 0, skipped: 1 });
    expect(await birthsHeld()).toMatchObject({ records: 4 });
  });

  it('imports population aggregates through the same route', async () => {
    const csv = ['机构编码,年份,人口类型,性别,起始年龄,终止年龄,人数', '640221100,2021,常住,男,0,4,1200'].join('\n');
    const response = await upload([{ name: 'pop.csv', data: csv }], { register: 'population' });
    expect(response.json<ImportResult>()).toEqual({ mode: 'all', imported: 1, skipped: 0, errors: [] });
    expect((await summary()).find((entry) => entry.kind === 'population')).toMatchObject({
      records: 1,
      years: [2021],
    });
  });

  it('asks for a file when none is sent', async () => {
    const response = await upload([]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: string }>().error).toBe('file_missing');
  });

  it('answers 404 for an unknown register', async () => {
    const imported = await upload([{ name: 'x.csv', data: 'a,b' }], { register: 'pets' });
    expect(imported.statusCode).toBe(404);
    expect(imported.json<{ message: string }>().message).toContain('births');
    const template = await t.app.inject({
      url: '/api/v1/counties/640221/registers/pets/template.xlsx',
      headers: { cookie: planner },
    });
    expect(template.statusCode).toBe(404);
  });

  it('refuses users without the permission or the county in their scope', async () => {
    const csv = [BIRTHS_HEADER, 'D1,640221100,2021-03-05,1,3200,28'].join('\n');
    const approver = await login(t.app, 'approver');
    expect((await upload([{ name: 'd.csv', data: csv }], { cookie: approver })).statusCode).toBe(403);
    expect((await upload([{ name: 'd.csv', data: csv }], { county: '140423' })).statusCode).toBe(404);
    const township = await addTestUser(t, 'township', 'planner', '640221100');
    expect((await upload([{ name: 'd.csv', data: csv }], { cookie: township })).statusCode).toBe(403);
    expect(await birthsHeld()).toMatchObject({ records: 4 });
  });
});
