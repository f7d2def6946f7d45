/**
 * Parses a count series from CSV: header `date,count`, one row per consecutive day (frequency 365) or week
 * (52; the date is the first day of the week). Without `frequency` it is inferred from the spacing of the
 * first two dates (1 day or 7 days). Errors name the line (1 = the header) in Chinese.
 */
import { daysBetween } from '../health/date-arithmetic.js';
import { isIsoDate } from '../health/iso-date.js';
import type { CountSeries } from './detection-types.js';

export interface ParseCountCsvOptions {
  /** Today (YYYY-MM-DD): later dates are rejected. */
  readonly today: string;
  readonly frequency?: 52 | 365;
}

function spacingOf(frequency: 52 | 365): number {
  return frequency === 365 ? 1 : 7;
}

export function parseCountCsv(text: string, options: ParseCountCsvOptions): CountSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  if (header.length !== 2 || header[0] !== 'date' || header[1] !== 'count') {
    throw new Error(`第 1 行：表头应为“date,count”，实为“${lines[0] ?? ''}”`);
  }
  if (lines.length < 2) throw new Error('文件没有数据行：表头之后应至少有一行“日期,病例数”');
  const dates: string[] = [];
  const counts: number[] = [];
  let frequency = options.frequency;
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    const cells = line.split(',').map((cell) => cell.trim());
    if (cells.length !== 2) throw new Error(`第 ${lineNumber} 行：应有 2 列（date,count），实有 ${cells.length} 列`);
    const [date, count] = cells as [string, string];
    if (!isIsoDate(date)) throw new Error(`第 ${lineNumber} 行：日期“${date}”无效，应为 YYYY-MM-DD`);
    if (date > options.today) throw new Error(`第 ${lineNumber} 行：日期 ${date} 晚于今天（${options.today}）`);
    if (!/^\d+$/.test(count)) {
      throw new Error(`第 ${lineNumber} 行：病例数“${count}”无效，应为不小于 0 的整数`);
    }
    const previous = dates[dates.length - 1];
    if (previous !== undefined) {
      const gap = daysBetween(previous, date);
      if (frequency === undefined) {
        if (gap !== 1 && gap !== 7) {
          throw new Error(
            `第 ${lineNumber} 行：无法推断频率，前两行日期相隔 ${gap} 天，应为 1 天（日序列）或 7 天（周序列）；也可用参数 frequency 指定`
          );
        }
        frequency = gap === 1 ? 365 : 52;
      }
      const expected = spacingOf(frequency);
      if (gap === 0) throw new Error(`第 ${lineNumber} 行：日期 ${date} 与上一行重复`);
      if (gap < 0) throw new Error(`第 ${lineNumber} 行：日期 ${date} 早于上一行的 ${previous}，应按时间顺序排列`);
      if (gap !== expected) {
        const unit = frequency === 365 ? '日' : '周';
        throw new Error(
          `第 ${lineNumber} 行：日期 ${date} 与上一行的 ${previous} 相隔 ${gap} 天，${unit}序列应相隔 ${expected} 天（日期须连续，不得缺失）`
        );
      }
    }
    dates.push(date);
    counts.push(Number(count));
  });
  if (frequency === undefined) {
    throw new Error('只有一行数据，无法推断频率：请用参数 frequency 指定 365（日）或 52（周）');
  }
  return { dates, counts, frequency };
}
