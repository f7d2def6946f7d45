import { useMemo } from 'react';
import type { IndicatorDetailResponse } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';
import { EChart } from './echart.js';

/** Approved county-level (全县) values against the baseline→target trajectory (dashed) and the target (a horizontal line). */
export function TrendChart({ detail }: { detail: IndicatorDetailResponse }) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const { indicator, trajectory, regionalReferences, evaluations } = detail;
    const years = new Set<number>([...trajectory, ...indicator.series, ...regionalReferences].map((p) => p.year));
    if (indicator.baselineYear !== null) years.add(indicator.baselineYear);
    years.add(indicator.targetYear);
    const xs = [...years].sort((a, b) => a - b);
    const at = (points: { year: number; value: number }[]): (number | null)[] =>
      xs.map((y) => points.find((p) => p.year === y)?.value ?? null);
    const values =
      indicator.baseline !== null && indicator.baselineYear !== null
        ? [{ year: indicator.baselineYear, value: indicator.baseline }, ...indicator.series]
        : indicator.series;
    const target = evaluations.find((e) => e.resolvedTarget !== null)?.resolvedTarget ?? indicator.targetValue;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 32, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: xs.map(String) },
      yAxis: { type: 'value', scale: true, name: indicator.unit ?? '' },
      series: [
        {
          name: t('indicator.countySeries'),
          type: 'line',
          data: at(values),
          connectNulls: true,
          symbolSize: 8,
          lineStyle: { width: 2.5 },
          markLine:
            target === null
              ? undefined
              : {
                  symbol: 'none',
                  label: { formatter: `${t('indicator.targetLine')} {c}` },
                  lineStyle: { color: '#f5222d', type: 'solid' },
                  data: [{ yAxis: target }],
                },
        },
        {
          name: t('indicator.trajectory'),
          type: 'line',
          data: at(trajectory),
          connectNulls: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          itemStyle: { color: '#8c8c8c' },
        },
        ...(regionalReferences.length > 0
          ? [
              {
                name: t('indicator.regional'),
                type: 'line',
                data: at(regionalReferences),
                lineStyle: { opacity: 0 },
                symbol: 'diamond',
                symbolSize: 9,
              },
            ]
          : []),
      ],
    };
  }, [detail, t]);
  return <EChart option={option} style={{ width: '100%', height: 320 }} testId="trend-chart" />;
}
