import { describe, expect, it } from 'vitest';
import { parseCountCsv } from './parse-count-csv.js';

const today = '2024-06-30';

describe('parseCountCsv', () => {
  it('reads consecutive days, inferring frequency 365, with a BOM, CRLF and a final newline', () => {
    expect(parseCountCsv('\uFEFFdate,count\r\n2024-02-28,3\r\n2024-02-29,0\r\n2024-03-01,12\r\n', { today })).toEqual({
      dates: ['2024-02-28', '2024-02-29', '2024-03-01'],
      counts: [3, 0, 12],
      frequency: 365,
    });
  });

  it('reads consecutive weeks, inferring frequency 52', () => {
    expect(parseCountCsv('date,count\n2024-06-10,4\n2024-06-17,5\n2024-06-24,6', { today }).frequency).toBe(52);
  });

  it('takes a given frequency, also for a single row', () => {
    expect(parseCountCsv('date,count\n2024-06-24,6\n', { today, frequency: 52 })).toEqual({
      dates: ['2024-06-24'],
      counts: [6],
      frequency: 52,
    });
  });

  it.each([
    ['', '第 1 行：表头应为“date,count”，实为“”'],
    ['day,cases\n2024-06-01,1', '第 1 行：表头应为“date,count”，实为“day,cases”'],
    ['date,count\n', '文件没有数据行'],
    ['date,count\n2024-06-01,1,2', '第 2 行：应有 2 列（date,count），实有 3 列'],
    ['date,count\n2024-06-01,1\n2024-02-30,1', '第 3 行：日期“2024-02-30”无效，应为 YYYY-MM-DD'],
    ['date,count\n2024/06/01,1', '第 2 行：日期“2024/06/01”无效，应为 YYYY-MM-DD'],
    ['date,count\n2024-06-01,-1', '第 2 行：病例数“-1”无效，应为不小于 0 的整数'],
    ['date,count\n2024-06-01,1.5', '第 2 行：病例数“1.5”无效，应为不小于 0 的整数'],
    ['date,count\n2024-06-01,', '第 2 行：病例数“”无效，应为不小于 0 的整数'],
    ['date,count\n2024-06-30,1\n2024-07-01,1', '第 3 行：日期 2024-07-01 晚于今天（2024-06-30）'],
    ['date,count\n2024-06-01,1\n2024-06-04,1', '第 3 行：无法推断频率，前两行日期相隔 3 天'],
    ['date,count\n2024-06-01,1\n2024-06-02,1\n2024-06-02,1', '第 4 行：日期 2024-06-02 与上一行重复'],
    ['date,count\n2024-06-01,1\n2024-06-02,1\n2024-06-01,1', '第 4 行：日期 2024-06-01 早于上一行的 2024-06-02'],
    [
      'date,count\n2024-06-01,1\n2024-06-02,1\n2024-06-04,1',
      '第 4 行：日期 2024-06-04 与上一行的 2024-06-02 相隔 2 天，日序列应相隔 1 天（日期须连续，不得缺失）',
    ],
    [
      'date,count\n2024-06-03,1\n2024-06-10,1\n2024-06-24,1',
      '第 4 行：日期 2024-06-24 与上一行的 2024-06-10 相隔 14 天，周序列应相隔 7 天（日期须连续，不得缺失）',
    ],
    ['date,count\n2024-06-01,1', '只有一行数据，无法推断频率'],
  ])('rejects %j', (text, message) => {
    expect(() => parseCountCsv(text, { today })).toThrow(message);
  });

  it('checks the spacing against a given frequency', () => {
    expect(() => parseCountCsv('date,count\n2024-06-01,1\n2024-06-02,1', { today, frequency: 52 })).toThrow(
      '第 3 行：日期 2024-06-02 与上一行的 2024-06-01 相隔 1 天，周序列应相隔 7 天'
    );
  });
});
