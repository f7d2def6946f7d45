/** Growth rates and differences may fall below zero or exceed 100 %; nothing else the plans measure can. */
const SIGNED = /增长|增速|变化|差/;

/** Largest possible value per unit of a rate ("‰" is per thousand). */
const UNIT_MAXIMUM: [RegExp, number][] = [
  [/^%$/, 100],
  [/^‰$/, 1000],
  [/^1?\/万$/, 10_000],
  [/^1?\/10万$/, 100_000],
];

/**
 * Why `value` cannot be a value of the indicator (not a number, a negative count or rate, a percentage
 * over 100, a per-mille over 1000), in Chinese; null when it is possible.
 */
export function checkMonitoringValue(spec: { unit: string | null; name: string }, value: number): string | null {
  if (!Number.isFinite(value)) return '数值不是有效数字';
  if (SIGNED.test(spec.name)) return null;
  if (value < 0) return `“${spec.name}”不能为负数（${value}）`;
  const unit = (spec.unit ?? '').replace(/\s+/g, '');
  const maximum = UNIT_MAXIMUM.find(([pattern]) => pattern.test(unit))?.[1];
  if (maximum !== undefined && value > maximum) {
    return `“${spec.name}”单位为${unit}，数值${value}超过上限${maximum}`;
  }
  return null;
}
