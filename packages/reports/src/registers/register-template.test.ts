import { describe, expect, it } from 'vitest';
import { buildRegisterTemplate } from './register-template.js';
import { readRegisterWorkbook } from './register-workbook.js';
import { loadWorkbook } from '../xlsx-parts.js';

describe('buildRegisterTemplate', () => {
  const input = {
    name: '出生登记',
    columns: [
      { header: '来源编号', required: true },
      { header: '出生体重（克）', required: false },
    ],
  };

  it('has one sheet with the headers, which the register reader takes as an empty table', async () => {
    const data = await buildRegisterTemplate(input);
    expect(await readRegisterWorkbook({ name: 't.xlsx', data })).toEqual({
      issues: [],
      tables: [{ file: 't.xlsx', sheet: '出生登记', header: ['来源编号', '出生体重（克）'], rows: [] }],
    });
  });

  it('marks required and optional columns and keeps typed codes as text', async () => {
    const workbook = await loadWorkbook(await buildRegisterTemplate(input));
    const sheet = workbook.getWorksheet('出生登记')!;
    expect(sheet.getCell('A1').note).toBe('必填列');
    expect(sheet.getCell('B1').note).toBe('选填列，单元格可留空');
    expect(sheet.getColumn(1).numFmt).toBe('@');
  });
});
