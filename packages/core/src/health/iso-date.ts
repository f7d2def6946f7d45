const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a calendar date written YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in Beijing time (now by default). Every county is in China: a
 * day starts at midnight Beijing time, whatever the zone of the machine.
 */
export function beijingDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
