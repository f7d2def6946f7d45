import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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

  it('reads a workbook written as a stream: inline strings, date-formatted numbers, sheets in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chp-register-workbook-'));
    try {
      const filename = join(dir, 'deaths.xlsx');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true });
      const notes = workbook.addWorksheet('说明');
      notes.getRow(3).values = ['row 1 is empty: not a table'];
      notes.getRow(3).commit();
      notes.commit();
      const deaths = workbook.addWorksheet('死亡');
      deaths.columns = [
        { header: '来源编号' },
        { header: '死亡日期', style: { numFmt: 'yyyy-mm-dd' } },
        { header: '年龄' },
      ];
      deaths.addRow(['D1', new Date(Date.UTC(2023, 11, 31)), 80, '表头以外的单元格']).commit();
      deaths.addRow(['D2', '2023/1/2', null]).commit();
      deaths.commit();
      await workbook.commit();

      expect(await readRegisterWorkbook({ name: 'deaths.xlsx', data: await readFile(filename) })).toEqual({
        issues: [],
        tables: [
          {
            file: 'deaths.xlsx',
            sheet: '死亡',
            header: ['来源编号', '死亡日期', '年龄'],
            rows: [
              { row: 2, cells: ['D1', '2023-12-31', '80'] },
              { row: 3, cells: ['D2', '2023/1/2', null] },
            ],
          },
        ],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads an uncompressed archive with the parts in the order Excel writes them', async () => {
    const workbook = new ExcelJS.Workbook();
    const births = workbook.addWorksheet('出生');
    births.addRow(['来源编号', '出生日期', '性别']);
    births.addRow(['B1', new Date(Date.UTC(2021, 2, 5)), '女']);
    const written = await JSZip.loadAsync(await workbookToBuffer(workbook));
    // Excel: the workbook part first, then the sheets, the styles and the shared strings last.
    const rank = (path: string): number =>
      ['xl/workbook.xml', 'xl/worksheets/', 'xl/styles.xml', 'xl/sharedStrings.xml'].findIndex((part) =>
        path.startsWith(part)
      );
    const paths = Object.keys(written.files)
      .filter((path) => !path.endsWith('/'))
      .sort((a, b) => rank(a) - rank(b));
    const stored = new JSZip();
    for (const path of paths) {
      const part = written.file(path);
      if (part) stored.file(path, await part.async('nodebuffer'));
    }
    const data = await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' });

    expect(await readRegisterWorkbook({ name: 'stored.xlsx', data })).toEqual({
      issues: [],
      tables: [
        {
          file: 'stored.xlsx',
          sheet: '出生',
          header: ['来源编号', '出生日期', '性别'],
          rows: [{ row: 2, cells: ['B1', '2021-03-05', '女'] }],
        },
      ],
    });
  });

  it('reports a file that is not a workbook, an empty one, a cut-off one and a zip archive of something else', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('出生').addRow(['来源编号']);
    const complete = await workbookToBuffer(workbook);
    const zip = new JSZip();
    zip.file('readme.txt', 'no workbook here');
    const files = {
      'x.xlsx': Buffer.from('not a zip'),
      'empty.xlsx': Buffer.alloc(0),
      'cut.xlsx': complete.subarray(0, Math.floor(complete.length / 2)),
      'other.zip': await zip.generateAsync({ type: 'nodebuffer' }),
    };
    for (const [name, data] of Object.entries(files)) {
      expect(await readRegisterWorkbook({ name, data })).toEqual({
        tables: [],
        issues: [
          {
            file: name,
            sheet: '',
            row: 0,
            column: '',
            reason: '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。',
          },
        ],
      });
    }
  });
});
