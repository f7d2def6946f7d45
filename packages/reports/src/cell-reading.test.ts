import { describe, expect, it } from 'vitest';
import { cellNumber, cellText, columnLetter, readCell } from './cell-reading.js';

describe('cell reading', () => {
  it('reads numbers typed as text, full-width or with thousands separators, and nothing else', () => {
    expect(cellNumber('12.5')).toBe(12.5);
    expect(cellNumber('１２．５')).toBe(12.5);
    expect(cellNumber('1,234.5')).toBe(1234.5);
    expect(cellNumber('-0.3')).toBe(-0.3);
    expect(cellNumber('95%')).toBeNull();
    expect(cellNumber('12,5')).toBeNull();
    expect(cellNumber('')).toBeNull();
    expect(cellNumber(Number.NaN)).toBeNull();
  });

  it('flattens rich text, formulas and hyperlinks to what the user sees', () => {
    expect(readCell({ richText: [{ text: '统计' }, { text: '年报 ' }] })).toBe('统计年报');
    expect(readCell({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(readCell({ text: '通报', hyperlink: 'https://example.org' })).toBe('通报');
    expect(readCell('   ')).toBeNull();
    expect(cellText(140423100000)).toBe('140423100000');
  });

  it('names columns as Excel does', () => {
    expect([1, 7, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'G', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
