import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, numbering rows as records', () => {
    const text = '\uFEFF来源编号 ,备注\r\nB1,"甲,乙"\r\n\r\n"B2","他说""好""\n第二行"\nB3,  \n';
    expect(parseCsv('births.csv', Buffer.from(text, 'utf8'))).toEqual({
      file: 'births.csv',
      sheet: '',
      header: ['来源编号', '备注'],
      rows: [
        { row: 2, cells: ['B1', '甲,乙'] },
        { row: 3, cells: [null] },
        { row: 4, cells: ['B2', '他说"好"\n第二行'] },
        { row: 5, cells: ['B3', null] },
      ],
    });
  });

  it('decodes GBK files saved by Excel on Chinese Windows', () => {
    // "来源编号,性别\r\nB1,男\r\n" encoded as GBK.
    const gbk = Buffer.from('c0b4d4b4b1e0bac52cd0d4b1f00d0a42312cc4d00d0a', 'hex');
    const table = parseCsv('deaths.csv', gbk);
    expect(table.header).toEqual(['来源编号', '性别']);
    expect(table.rows).toEqual([{ row: 2, cells: ['B1', '男'] }]);
  });
});
