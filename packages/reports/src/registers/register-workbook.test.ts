import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookToBuffer } from '../xlsx-parts.js';
import { readRegisterWorkbook } from './register-workbook.js';

describe('readRegisterWorkbook', () => {
  it('reads every sheet with a header into cell texts, dates as YYYY-MM-DD and numeric codes as digits', async () => {
    const workbook = new ExcelJS.Workbook();
    const births = workbook.addWorksheet('出生');
    births.addRow(['来源编号', '机构编码', '出生日期', '性别', '出生体重（克）']);
    births.addRow(['B1', 640221100, new Date(Date.UTC(2021, 2, 5)), 1, 3200]);
    births.addRow([]);
    births.addRow([{ richText: [{ text: 'B' }, { text: '2' }] }, '640221101', '2021-07-01', '女', null]);
    workbook.addWorksheet('空白');
    const data = await workbookToBuffer(workbook);

    expect(await readRegisterWorkbook({ name: 'births.xlsx', data })).toEqual({
      issues: [],
      tables: [
        {
          file: 'births.xlsx',
          sheet: '出生',
          header: ['来源编号', '机构编码', '出生日期', '性别', '出生体重（克）'],
          rows: [
            { row: 2, cells: ['B1', '640221100', '2021-03-05', '1', '3200'] },
            { row: 4, cells: ['B2', '640221101', '2021-07-01', '女', null] },
          ],
        },
      ],
    });
  });

  it('reports a file that is not a workbook', async () => {
    const result = await readRegisterWorkbook({ name: 'x.xlsx', data: Buffer.from('not a zip') });
    expect(result.tables).toEqual([]);
    expect(result.issues).toEqual([
      {
        file: 'x.xlsx',
        sheet: '',
        row: 0,
        column: '',
        reason: '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。',
      },
    ]);
  });
});
