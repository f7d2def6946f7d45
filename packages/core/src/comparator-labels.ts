import type { Comparator } from './plan.js';

/** How each comparator reads in Chinese, for messages and the UI. */
export const COMPARATOR_LABELS: Record<Comparator, string> = {
  gte: '不低于',
  lte: '不高于',
  gt: '高于',
  lt: '低于',
  approx: '左右',
  within: '以内',
  eq: '等于',
  maintain: '维持',
  same_rate_increase: '同比例提高',
  increase_pct: '增长百分比',
  decrease_pp_per_year: '每年降低百分点',
  increase_pp: '提高百分点',
  regional_average: '达到区域平均水平',
  increase: '提高',
  decrease: '下降',
  qualitative: '定性',
};

/** "不低于 95" or "定性": a comparator with its number, if any. */
export function describeComparator(comparator: Comparator, targetValue: number | null): string {
  return targetValue === null ? COMPARATOR_LABELS[comparator] : `${COMPARATOR_LABELS[comparator]} ${targetValue}`;
}
