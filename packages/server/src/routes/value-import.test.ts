import type { ImportResult, MonitoringValue } from '@chp/core';
import { schema, testDatabaseKinds } from '@chp/db';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, multipartFiles } from '../test-support.js';
import type { TestApp } from '../test-support.js';

describe.each(testDatabaseKinds())('value import on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let workbookFile: Buffer;
  beforeAll(async () => {
    t = await createTestApp(kind);
    planner = await login(t.app, 'planner');
    // An approved value that a failed import must leave alone.
    const approver = await login(t.app, 'approver');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/values',
      headers: { cookie: planner },
      payload: { indicatorId: '640221-T04', year: 2023, value: 3.2, submit: true },
    });
    const value = saved.json<MonitoringValue>();
    await t.app.inject({ method: 'POST', url: `/api/v1/values/${value.id}/approve`, headers: { cookie: approver } });
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (mode: string) => {
    const body = multipartFiles([{ name: '平罗县2023年监测数据.xlsx', data: workbookFile }]);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/counties/640221/values/import?mode=${mode}`,
      headers: { cookie: planner, ...body.headers },
      payload: body.payload,
    });
  };

  it('downloads the template with a Chinese file name and fills it in', async () => {
    const response = await t.app.inject({
      url: '/api/v1/counties/640221/values/template.xlsx?year=2023',
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('平罗县2023年监测数据导入模板.xlsx')}`
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('监测数据')!;
    const rowOf = (id: string): ExcelJS.Row => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === id) found = row;
      });
      return found!;
    };
    rowOf('640221-T04').getCell(7).value = 3.05;
    rowOf('640221-T08').getCell(7).value = 24.5;
    rowOf('640221-T01').getCell(7).value = '七十七';
    workbookFile = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('imports nothing in mode=all when a row is bad, and says which row and column', async () => {
    const response = await upload('all');
    expect(response.statusCode).toBe(422);
    const body = response.json<{
      error: string;
      details: { row: number; column: string; reason: string; file: string }[];
    }>();
    expect(body.error).toBe('import_invalid');
    expect(body.details).toHaveLength(1);
    expect(body.details[0]).toMatchObject({ file: '平罗县2023年监测数据.xlsx', sheet: '监测数据' });
    expect(body.details[0]!.column).toContain('数值');
    expect(body.details[0]!.row).toBeGreaterThan(1);
    const values = await t.database.db.select().from(schema.indicatorValue);
    expect(values.map((v) => [v.indicatorId, v.value, v.status])).toEqual([['640221-T04', 3.2, 'approved']]);
  });

  it('imports the valid rows as submitted in mode=valid-only and reports the bad one', async () => {
    const response = await upload('valid-only');
    expect(response.statusCode).toBe(200);
    const result = response.json<ImportResult>();
    expect(result).toMatchObject({ mode: 'valid-only', imported: 2, skipped: 1 });
    expect(result.errors).toHaveLength(1);
    const values = await t.database.db.select().from(schema.indicatorValue).orderBy(schema.indicatorValue.indicatorId);
    expect(values.map((v) => [v.indicatorId, v.year, v.value, v.status, v.version])).toEqual([
      ['640221-T04', 2023, 3.05, 'submitted', 2],
      ['640221-T08', 2023, 24.5, 'submitted', 1],
    ]);
    const history = await t.database.db
      .select()
      .from(schema.indicatorValueHistory)
      .where(eq(schema.indicatorValueHistory.action, 'import'));
    expect(history).toHaveLength(2);
    const audit = await t.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'value.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject([{ indicatorId: '640221-T04', status: 'approved', value: 3.2 }]);
  });

  it('refuses a file that is not an Excel workbook with a clear message', async () => {
    workbookFile = Buffer.from('not a workbook');
    const response = await upload('all');
    expect(response.statusCode).toBe(422);
    expect(response.json<{ details: { reason: string }[] }>().details[0]!.reason).toContain('Excel');
  });
});
