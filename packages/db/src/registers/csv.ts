/**
 * CSV files for the register imports (RFC 4180: quoted fields may hold commas, quotes and line breaks).
 * Files saved by Excel on Chinese Windows are GBK, not UTF-8; they are recognised and decoded.
 */
import type { RegisterTable, RegisterTableRow } from './register-table.js';

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

/** Splits CSV text into records of raw fields. */
function records(text: string): string[][] {
  const result: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      result.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    result.push(record);
  }
  return result;
}

/** Reads a CSV file into a register table; its first record is the header, the next is row 2. */
export function parseCsv(file: string, data: Buffer | string): RegisterTable {
  const [header = [], ...body] = records(typeof data === 'string' ? data : decode(data));
  const rows: RegisterTableRow[] = body.map((fields, index) => ({
    row: index + 2,
    cells: fields.map((field) => (field.trim() === '' ? null : field.trim())),
  }));
  return { file, sheet: '', header: header.map((name) => name.trim()), rows };
}
