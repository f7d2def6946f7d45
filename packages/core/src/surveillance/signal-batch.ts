/**
 * Validation of a signal batch `{batchId, rows: [{site, date, signal, count}]}`: every row-level error is
 * reported (row index and field, in Chinese) so a sender can fix the whole batch at once; a batch with any
 * error is rejected as a whole.
 */
import { isSiteKind, SITE_KIND_LABELS, SITE_KIND_SIGNALS, siteKindSendsDiseases } from './site-kinds.js';
import type { SignalChannel } from './signal-api.js';
import type { SiteKind } from './site-kinds.js';
import { isSyndromeCode } from './syndromes.js';

export interface SignalRow {
  site: string;
  date: string;
  signal: string;
  count: number;
}

export interface SignalBatch {
  batchId: string;
  rows: SignalRow[];
}

export type SignalRowField = 'batchId' | 'rows' | 'site' | 'date' | 'signal' | 'count';

/** One problem; `row` is the 0-based index in `rows` (null for the batch itself). */
export interface SignalBatchError {
  row: number | null;
  field: SignalRowField;
  message: string;
}

export interface SignalBatchContext {
  /** Site code → kind (a SiteKind; stored as text), for the county's active sites. */
  sites: ReadonlyMap<string, string>;
  /** Today's date in Beijing time (YYYY-MM-DD); later dates are rejected. */
  today: string;
  /** Whether a code is a known disease (national or local), for laboratory positives. */
  isDisease: (code: string) => boolean;
  /** The number users see for the first row: 1 for JSON rows (default), 2 for a CSV file's first data line. */
  firstRow?: number;
}

/** The number users see for the first row of a batch received on the channel (a CSV's line 1 is its header). */
export function firstRowNumber(channel: SignalChannel): number {
  return channel === 'csv' ? 2 : 1;
}

function rowNumber(context: SignalBatchContext, index: number): number {
  return index + (context.firstRow ?? 1);
}

export type SignalBatchCheck = { ok: true; batch: SignalBatch } | { ok: false; errors: SignalBatchError[] };

export const MAX_BATCH_ID_LENGTH = 200;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the site kind may send the signal. */
export function siteKindAllows(kind: SiteKind, signal: string, isDisease: (code: string) => boolean): boolean {
  if (siteKindSendsDiseases(kind)) return isDisease(signal);
  return (SITE_KIND_SIGNALS[kind] as readonly string[]).includes(signal);
}

function checkSignal(signal: string, kind: string | undefined, isDisease: (code: string) => boolean): string | null {
  const known = isSyndromeCode(signal) || isDisease(signal);
  if (!known) return `未知的信号代码“${signal}”`;
  if (kind === undefined || !isSiteKind(kind)) return null;
  if (siteKindAllows(kind, signal, isDisease)) return null;
  return `${SITE_KIND_LABELS[kind]}类哨点不能报送信号“${signal}”`;
}

/** Checks one row; pushes its errors and returns the row when it is valid. */
function checkRow(
  raw: unknown,
  index: number,
  context: SignalBatchContext,
  errors: SignalBatchError[]
): SignalRow | null {
  if (!isRecord(raw)) {
    errors.push({
      row: index,
      field: 'rows',
      message: `第 ${rowNumber(context, index)} 行格式错误：应为含 site、date、signal、count 的对象`,
    });
    return null;
  }
  const before = errors.length;
  const fail = (field: SignalRowField, message: string): void => {
    errors.push({ row: index, field, message: `第 ${rowNumber(context, index)} 行${message}` });
  };
  const { site, date, signal, count } = raw;
  let kind: string | undefined;
  if (typeof site !== 'string' || site.trim() === '') fail('site', '缺少哨点编码（site）');
  else {
    kind = context.sites.get(site);
    if (kind === undefined) fail('site', `哨点编码“${site}”不存在或已停用`);
  }
  if (typeof date !== 'string' || !isRealDate(date)) fail('date', '日期（date）格式错误，应为 YYYY-MM-DD');
  else if (date > context.today) fail('date', `日期 ${date} 晚于今天（${context.today}）`);
  if (typeof signal !== 'string' || signal.trim() === '') fail('signal', '缺少信号代码（signal）');
  else {
    const problem = checkSignal(signal, kind, context.isDisease);
    if (problem !== null) fail('signal', problem);
  }
  if (typeof count !== 'number' || !Number.isInteger(count)) fail('count', '数量（count）应为整数');
  else if (count < 0) fail('count', '数量（count）不能为负数');
  else if (count > 2_147_483_647) fail('count', '数量（count）过大');
  if (errors.length > before) return null;
  return { site: site as string, date: date as string, signal: signal as string, count: count as number };
}

/** Validates a parsed JSON batch against the county's sites. */
export function checkSignalBatch(input: unknown, context: SignalBatchContext): SignalBatchCheck {
  if (!isRecord(input)) {
    return { ok: false, errors: [{ row: null, field: 'rows', message: '批次格式错误：应为 {batchId, rows}' }] };
  }
  const errors: SignalBatchError[] = [];
  const { batchId, rows } = input;
  if (typeof batchId !== 'string' || batchId.trim() === '') {
    errors.push({ row: null, field: 'batchId', message: '缺少批次号（batchId）' });
  } else if (batchId.length > MAX_BATCH_ID_LENGTH) {
    errors.push({ row: null, field: 'batchId', message: `批次号（batchId）不能超过 ${MAX_BATCH_ID_LENGTH} 个字符` });
  }
  if (!Array.isArray(rows)) {
    errors.push({ row: null, field: 'rows', message: '缺少数据行（rows）' });
    return { ok: false, errors };
  }
  if (rows.length === 0) errors.push({ row: null, field: 'rows', message: '批次中没有数据行' });
  const valid: SignalRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  rows.forEach((raw: unknown, index) => {
    const row = checkRow(raw, index, context, errors);
    if (row === null) return;
    const key = `${row.site}\u0000${row.date}\u0000${row.signal}`;
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      errors.push({
        row: index,
        field: 'signal',
        message: `第 ${rowNumber(context, index)} 行与第 ${rowNumber(context, first)} 行重复（同一哨点、日期和信号）`,
      });
      return;
    }
    firstRowOfKey.set(key, index);
    valid.push(row);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, batch: { batchId: batchId as string, rows: valid } };
}
