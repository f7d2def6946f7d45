import type ExcelJS from 'exceljs';

/** A cell's content as the user sees it: a number, trimmed text, or null when empty. */
export function readCell(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return readCell(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return readCell(value.result ?? null);
  if ('hyperlink' in value) return readCell(value.text);
  return null;
}

/** Text of a cell; whole numbers (codes Excel turned into numbers) come back as their digits. */
export function cellText(value: string | number | null): string | null {
  return typeof value === 'number' ? String(value) : value;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a cell, accepting text that is a plain decimal (full-width digits and thousands separators too). */
export function cellNumber(value: string | number | null): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null) return null;
  const text = value.normalize('NFKC').replace(/,(?=\d{3}(\D|$))/g, '');
  return DECIMAL.test(text) ? Number(text) : null;
}

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
