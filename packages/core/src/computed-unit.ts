/**
 * Whether a plan states an indicator in a unit the registers' computation can be expressed in, and the
 * factor that converts a computed value into the plan's unit. Rules in docs/evaluation.md §7.
 */

/** Rates as "per N": 5‰ is 5 per 1,000. */
const RATE_PER: Readonly<Record<string, number>> = {
  '%': 100,
  '‰': 1000,
  '‱': 10_000,
  '1/万': 10_000,
  '1/10万': 100_000,
};

/** Measure words of counted things: 人 and 名 count persons, 张 and 个 count beds or childcare places. */
const COUNT_WORDS: ReadonlySet<string> = new Set(['人', '名', '位', '张', '个', '床']);

/** The population base a count may name, as in 人/万 or 名/10万人. */
const POPULATION_BASE: Readonly<Record<string, number>> = { 千: 1000, 万: 10_000, '10万': 100_000 };

type ParsedUnit =
  | { kind: 'rate'; per: number }
  /** `per` null: the standard indicator's definition (每千人口…) fixes the base. */
  | { kind: 'count'; per: number | null }
  | { kind: 'other'; text: string };

function parseUnit(unit: string): ParsedUnit {
  const text = unit.replace(/\s+/gu, '').replace(/^\//u, '1/');
  const per = RATE_PER[text];
  if (per !== undefined) return { kind: 'rate', per };
  const count = /^(.)(?:\/(千|万|10万)人?)?$/u.exec(text);
  if (count?.[1] !== undefined && COUNT_WORDS.has(count[1])) {
    return { kind: 'count', per: count[2] === undefined ? null : (POPULATION_BASE[count[2]] ?? null) };
  }
  return { kind: 'other', text };
}

/**
 * The factor by which a value computed in `computedUnit` is multiplied to be stated in `planUnit` (1 when
 * they are the same), or null when the units measure different things and the values must not be linked.
 * A plan that states no unit takes the standard indicator's.
 */
export function computedUnitFactor(planUnit: string | null, computedUnit: string): number | null {
  if (planUnit === null || planUnit.trim() === '') return 1;
  const plan = parseUnit(planUnit);
  const computed = parseUnit(computedUnit);
  if (plan.kind === 'rate' && computed.kind === 'rate') return plan.per / computed.per;
  if (plan.kind === 'count' && computed.kind === 'count') {
    return plan.per === null || computed.per === null ? 1 : plan.per / computed.per;
  }
  if (plan.kind === 'other' && computed.kind === 'other') return plan.text === computed.text ? 1 : null;
  return null;
}
