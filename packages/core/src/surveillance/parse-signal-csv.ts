/**
 * Reads a signal CSV (header `site,date,signal,count`) into raw batch rows for `checkSignalBatch`; values
 * are kept as written where they are not integers so the batch check names the bad field.
 */
import type { SignalBatchError } from './signal-batch.js';

export const SIGNAL_CSV_HEADER = ['site', 'date', 'signal', 'count'] as const;

export type SignalCsvParse = { ok: true; rows: Record<string, unknown>[] } | { ok: false; errors: SignalBatchError[] };

export function parseSignalCsv(text: string): SignalCsvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim().toLowerCase());
  if (header.join(',') !== SIGNAL_CSV_HEADER.join(',')) {
    return {
      ok: false,
      errors: [{ row: null, field: 'rows', message: `表头应为 ${SIGNAL_CSV_HEADER.join(',')}` }],
    };
  }
  const rows = lines.slice(1).map((line) => {
    const [site, date, signal, count, ...extra] = line.split(',').map((cell) => cell.trim());
    if (extra.length > 0) return null;
    const numeric = count !== undefined && /^-?\d+$/.test(count) ? Number(count) : count;
    return { site, date, signal, count: numeric };
  });
  return { ok: true, rows: rows.map((row) => row ?? {}) };
}
