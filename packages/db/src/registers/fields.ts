/** Parsers for the cells of register imports: each returns the value, or null after recording why not. */
import { parseIcd10 } from '@chp/core';
import type { RowReader } from './row-reader.js';

interface Presence {
  /** An empty cell is an issue (default) or simply null. */
  required?: boolean;
}

function present<K extends string>(reader: RowReader<K>, key: K, required: boolean): string | null {
  const text = reader.text(key);
  if (text === null && required) reader.fail(key, `缺少${reader.name(key)}。`);
  return text;
}

/** Full-width digits and signs (common in Chinese input) become ASCII before parsing. */
function normalise(text: string): string {
  return text.normalize('NFKC').trim();
}

export function textField<K extends string>(reader: RowReader<K>, key: K, options: Presence = {}): string | null {
  return present(reader, key, options.required ?? true);
}

export function integerField<K extends string>(
  reader: RowReader<K>,
  key: K,
  range: { min: number; max: number; unit?: string },
  options: Presence = {}
): number | null {
  const text = present(reader, key, options.required ?? true);
  if (text === null) return null;
  const value = /^[+-]?\d+(\.0+)?$/.test(normalise(text)) ? Number(normalise(text)) : Number.NaN;
  const unit = range.unit ?? '';
  if (!Number.isSafeInteger(value)) {
    return reader.fail(key, `${reader.name(key)}“${text}”不是整数。`);
  }
  if (value < 0 && range.min >= 0) {
    return reader.fail(key, `${reader.name(key)}“${text}”不能为负数。`);
  }
  if (value < range.min || value > range.max) {
    return reader.fail(key, `${reader.name(key)}“${text}”超出范围（${range.min}—${range.max}${unit}）。`);
  }
  return value;
}

const DATE = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/;
const EARLIEST_YEAR = 1900;

/** A calendar year from `min` (default 1900) to this year: a later year has not happened yet. */
export function yearField<K extends string>(
  reader: RowReader<K>,
  key: K,
  options: Presence & { min?: number } = {}
): number | null {
  const range = { min: options.min ?? EARLIEST_YEAR, max: new Date().getFullYear(), unit: '年' };
  return integerField(reader, key, range, options);
}

/** Today in local time as YYYY-MM-DD: a date after it has not happened yet. */
export function today(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar date (2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日, 20210305) as YYYY-MM-DD. */
export function dateField<K extends string>(reader: RowReader<K>, key: K, options: Presence = {}): string | null {
  const text = present(reader, key, options.required ?? true);
  if (text === null) return null;
  const match = DATE.exec(normalise(text));
  const [year, month, day] = match
    ? [Number(match[1]), Number(match[2] ?? match[4]), Number(match[3] ?? match[5])]
    : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return reader.fail(key, `${reader.name(key)}“${text}”不是有效日期，请按 YYYY-MM-DD 填写。`);
  }
  const iso = isoDate(year, month, day);
  if (year < EARLIEST_YEAR) {
    return reader.fail(key, `${reader.name(key)} ${iso} 早于 ${EARLIEST_YEAR} 年，不可能。`);
  }
  if (iso > today()) {
    return reader.fail(key, `${reader.name(key)} ${iso} 晚于今天，不可能。`);
  }
  return iso;
}

type CodeList<C extends string> = readonly { code: C; name: string }[];

/** The entry a normalised cell text names; names are normalised too, as they may hold full-width brackets. */
function findCode<C extends string>(list: CodeList<C>, value: string): C | undefined {
  return list.find((item) => item.code === value || normalise(item.name) === value)?.code;
}

const allowedCodes = (list: CodeList<string>): string => list.map((item) => `${item.code}（${item.name}）`).join('、');

/** A value from a code list, given as its code or its Chinese name. */
export function codeField<K extends string, C extends string>(
  reader: RowReader<K>,
  key: K,
  list: CodeList<C>,
  options: Presence = {}
): C | null {
  const text = present(reader, key, options.required ?? true);
  if (text === null) return null;
  const code = findCode(list, normalise(text));
  if (code !== undefined) return code;
  return reader.fail(key, `${reader.name(key)}“${text}”无效，应为：${allowedCodes(list)}。`);
}

/** Values of a code list in one cell, codes or names separated by 、 ; or , (full-width too); empty is none. */
export function codeListField<K extends string, C extends string>(
  reader: RowReader<K>,
  key: K,
  list: CodeList<C>
): C[] | null {
  const text = reader.text(key);
  if (text === null) return [];
  const items = normalise(text)
    .split(/[、;,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const codes = items.map((item) => findCode(list, item));
  const unknown = items.filter((_item, index) => codes[index] === undefined);
  if (unknown.length > 0) {
    return reader.fail(
      key,
      `${reader.name(key)}中的“${unknown.join('、')}”无效，应为：${allowedCodes(list)}，多项以“、”分隔。`
    );
  }
  return [...new Set(codes.filter((code) => code !== undefined))];
}

const TRUE = new Set(['是', '1', 'Y', 'YES', 'TRUE']);
const FALSE = new Set(['否', '0', 'N', 'NO', 'FALSE']);

/** 是/否 (or 1/0, Y/N, true/false); an empty optional cell is false. */
export function booleanField<K extends string>(reader: RowReader<K>, key: K): boolean | null {
  const text = reader.text(key);
  if (text === null) return false;
  const value = normalise(text).toUpperCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return reader.fail(key, `${reader.name(key)}“${text}”无效，应填“是”或“否”。`);
}

/** A code written without its dot, as some systems export it: "I219" is I21.9. */
const UNDOTTED_ICD10 = /^([A-Z]\d{2})(\d{1,2})$/;

/** ICD-10 validated by core's parser (structure and chapter range; category existence is not checked). */
export function icd10Field<K extends string>(reader: RowReader<K>, key: K): string | null {
  const text = present(reader, key, true);
  if (text === null) return null;
  const parsed = parseIcd10(normalise(text).toUpperCase().replace(UNDOTTED_ICD10, '$1.$2'));
  if (!parsed.ok) {
    return reader.fail(key, `${reader.name(key)}：${parsed.reason}。`);
  }
  return parsed.value.code;
}
