import { describe, expect, it } from 'vitest';
import { parseSignalCsv } from './parse-signal-csv.js';
import { checkSignalBatch, firstRowNumber } from './signal-batch.js';

const context = {
  sites: new Map([
    ['P1', 'pharmacy'],
    ['L1', 'laboratory'],
  ]),
  today: '2026-03-10',
  isDisease: (code: string) => code === 'B03',
};

describe('checkSignalBatch', () => {
  it('accepts a valid batch, lab positives by disease code', () => {
    const result = checkSignalBatch(
      {
        batchId: 'b',
        rows: [
          { site: 'P1', date: '2026-03-10', signal: 'antipyretic_sales', count: 0 },
          { site: 'L1', date: '2026-03-09', signal: 'B03', count: 2 },
        ],
      },
      context
    );
    expect(result.ok).toBe(true);
  });

  it('names every error by row and field', () => {
    const result = checkSignalBatch(
      {
        batchId: '',
        rows: [
          'x',
          { site: 'P1', date: '2026-02-30', signal: 'nope', count: '1' },
          { site: 'L1', date: '2026-03-01', signal: 'fever', count: 1 },
          { site: 'P1', date: '2026-03-01', signal: 'antipyretic_sales', count: 1 },
          { site: 'P1', date: '2026-03-01', signal: 'antipyretic_sales', count: 2 },
        ],
      },
      context
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [null, 'batchId'],
      [0, 'rows'],
      [1, 'date'],
      [1, 'signal'],
      [1, 'count'],
      [2, 'signal'],
      [4, 'signal'],
    ]);
    expect(result.errors[5]?.message).toBe('第 3 行实验室类哨点不能报送信号“fever”');
  });
});

describe('parseSignalCsv', () => {
  it('reads rows and keeps non-integer counts for the batch check', () => {
    expect(parseSignalCsv('\uFEFFsite,date,signal,count\r\nP1,2026-03-01,fever,2.5\n')).toEqual({
      ok: true,
      rows: [{ site: 'P1', date: '2026-03-01', signal: 'fever', count: '2.5' }],
    });
    expect(parseSignalCsv('a,b\n').ok).toBe(false);
  });
});

describe('row numbers in messages', () => {
  it('name a CSV file line (its header is line 1), as the error table does', () => {
    const result = checkSignalBatch(
      { batchId: 'b', rows: [{ site: 'P1', date: '2026-03-09', signal: 'antipyretic_sales', count: -1 }] },
      { ...context, firstRow: firstRowNumber('csv') }
    );
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['第 2 行数量（count）不能为负数']);
    expect(firstRowNumber('api')).toBe(1);
  });
});
