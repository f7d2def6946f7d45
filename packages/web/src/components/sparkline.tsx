import { useMemo } from 'react';
import type { YearValue } from '@chp/core';
import { EChart } from './echart.js';

/** A tiny line of the approved values by year. */
export function Sparkline({ series, color }: { series: YearValue[]; color: string }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: series.map((p) => p.year) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: series.map((p) => p.value),
          symbol: series.length === 1 ? 'circle' : 'none',
          symbolSize: 4,
          lineStyle: { width: 1.5, color },
          itemStyle: { color },
        },
      ],
    }),
    [series, color]
  );
  if (series.length === 0) return <span data-testid="sparkline-empty">—</span>;
  return <EChart option={option} style={{ width: 96, height: 28 }} testId="sparkline" />;
}
