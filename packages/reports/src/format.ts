import type { IndicatorSummary, RegisterValue } from '@chp/core';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' });

/** Shown where a report has no value to print. */
export const DASH = '—';

export function formatNumber(value: number | null): string {
  return value === null ? DASH : NUMBER.format(value);
}

/** A signed gap: "+1.2", "-0.68", "0". */
export function formatGap(gap: number | null): string {
  if (gap === null) return DASH;
  return gap > 0 ? `+${NUMBER.format(gap)}` : NUMBER.format(gap);
}

/** 2024年3月1日, in the commission's time zone whatever the server's. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? DASH : `${NUMBER.format((part / whole) * 100)}%`;
}

/** "第130行" or "第130行（相关：第64行、第84行）". */
export function formatLines(line: number | null, relatedLines: number[] = []): string {
  const main = line === null ? '' : `第${line}行`;
  if (relatedLines.length === 0) return main || DASH;
  const related = `相关：${relatedLines.map((l) => `第${l}行`).join('、')}`;
  return main ? `${main}（${related}）` : related;
}

/** The baseline as a number, or as the plan wrote it when it is not numeric. */
export function formatBaseline(indicator: IndicatorSummary): string {
  return indicator.baseline === null ? (indicator.baselineText ?? DASH) : formatNumber(indicator.baseline);
}

/** 约束性 / 预期性 / 指导性 from the table, or 正文目标 for prose targets that have none. */
export function formatAttribute(indicator: IndicatorSummary): string {
  return indicator.attribute ?? (indicator.source === 'prose' ? '正文目标' : DASH);
}

/** The evaluated value, noting the year when it is carried forward and when it is computed from the registers. */
export function formatEvaluatedValue(indicator: IndicatorSummary): string {
  const { value, valueYear, valueSource, year } = indicator.evaluation;
  if (value === null) return DASH;
  if (valueSource === 'computed') return `${formatNumber(value)}（登记数据计算）`;
  return valueYear !== null && valueYear !== year ? `${formatNumber(value)}（${valueYear}年）` : formatNumber(value);
}

/** "由登记数据计算（2024年3月1日）：分子2 / 分母421", with the reasons when it could not be computed. */
export function formatComputedProvenance(computed: RegisterValue): string {
  const ratio =
    computed.numerator === null && computed.denominator === null
      ? ''
      : `：分子${formatNumber(computed.numerator)} / 分母${formatNumber(computed.denominator)}`;
  const warnings = computed.warnings?.length ? `（${computed.warnings.join('；')}）` : '';
  return `由登记数据计算（${formatDate(new Date(computed.computedAt))}）${ratio}${warnings}`;
}

/** The approved county value of one year, or null. */
export function valueInYear(indicator: IndicatorSummary, year: number): number | null {
  return indicator.series.find((point) => point.year === year)?.value ?? null;
}
