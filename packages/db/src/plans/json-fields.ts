/**
 * Field readers for hand-written JSON data files: each returns the typed value or throws a `DataFileError`
 * naming the file, the record and the field, so a transcription slip is found at once.
 */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Where a record lies: the file and the record's id (or its position when it has none yet). */
export interface Place {
  file: string;
  record: string;
}

type Json = Record<string, unknown>;

function fail(place: Place, field: string, expected: string, actual: unknown): never {
  const shown = actual === undefined ? '缺失' : JSON.stringify(actual);
  throw new DataFileError(`数据文件 ${place.file} 中 ${place.record} 的字段 ${field} 应为${expected}，实际为 ${shown}`);
}

export function asObject(value: unknown, place: Place, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(place, field, '对象', value);
  }
  return value as Json;
}

export function asArray(value: unknown, place: Place, field: string): unknown[] {
  if (!Array.isArray(value)) {
    fail(place, field, '数组', value);
  }
  return value;
}

export function text(object: Json, field: string, place: Place): string {
  const value = object[field];
  return typeof value === 'string' && value.trim() !== '' ? value : fail(place, field, '非空字符串', value);
}

/** A string that may be empty (a ratio's unit is ""). */
export function anyText(object: Json, field: string, place: Place): string {
  const value = object[field];
  return typeof value === 'string' ? value : fail(place, field, '字符串', value);
}

export function textOrNull(object: Json, field: string, place: Place): string | null {
  const value = object[field];
  return value === null || typeof value === 'string' ? value : fail(place, field, '字符串或 null', value);
}

export function optionalText(object: Json, field: string, place: Place): string | undefined {
  const value = object[field];
  return value === undefined || typeof value === 'string' ? value : fail(place, field, '字符串（可省略）', value);
}

export function numberOrNull(object: Json, field: string, place: Place): number | null {
  const value = object[field];
  return value === null || (typeof value === 'number' && Number.isFinite(value))
    ? value
    : fail(place, field, '数字或 null', value);
}

export function integer(object: Json, field: string, place: Place): number {
  const value = object[field];
  return Number.isInteger(value) ? (value as number) : fail(place, field, '整数', value);
}

export function integerOrNull(object: Json, field: string, place: Place): number | null {
  return object[field] === null ? null : integer(object, field, place);
}

export function oneOf<T extends string>(object: Json, field: string, allowed: readonly T[], place: Place): T {
  const value = object[field];
  return allowed.includes(value as T) ? (value as T) : fail(place, field, `以下之一：${allowed.join('、')}`, value);
}
