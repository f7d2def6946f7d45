import { useMemo, useState } from 'react';
import type { ComputedTrendResponse } from '@chp/core';
import { Empty, Select, Space } from 'antd';
import { getComputedTrend } from '../api/township-views.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';
import { PLAN_YEARS } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

/** Townships drawn beside the county until the user picks others. */
const DEFAULT_TOWNSHIPS = 5;
/** More lines than this are unreadable. */
const MAX_TOWNSHIPS = 10;
/** From the plan's baseline year (the year before it starts). */
const FROM_YEAR = PLAN_YEARS[0] - 1;

function TrendLines({ trend, countyCode }: { trend: ComputedTrendResponse; countyCode: string }) {
  const { t } = useI18n();
  const townships = useMemo(() => trend.orgUnits.filter((unit) => unit.orgUnit !== countyCode), [trend, countyCode]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const defaults = useMemo(() => townships.slice(0, DEFAULT_TOWNSHIPS).map((unit) => unit.orgUnit), [townships]);
  const shown = chosen ?? defaults;
  const option = useMemo(() => {
    const lines = trend.orgUnits.filter((unit) => unit.orgUnit === countyCode || shown.includes(unit.orgUnit));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 32, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: trend.years.map(String) },
      yAxis: { type: 'value', scale: true, name: trend.unit },
      series: lines.map((unit) => {
        const county = unit.orgUnit === countyCode;
        return {
          name: county ? t('indicator.countySeries') : unit.orgUnitName,
          type: 'line',
          data: unit.points.map((point) => (point.value === null ? null : Number(point.value.toFixed(4)))),
          symbolSize: county ? 8 : 5,
          lineStyle: { width: county ? 3 : 1.5 },
          z: county ? 3 : 2,
        };
      }),
    };
  }, [trend, countyCode, shown, t]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {townships.length > 0 && (
        <Space wrap>
          <span>{t('township.compare')}：</span>
          <Select
            data-testid="trend-townships"
            mode="multiple"
            maxCount={MAX_TOWNSHIPS}
            style={{ minWidth: 360 }}
            value={shown}
            onChange={setChosen}
            options={townships.map((unit) => ({ value: unit.orgUnit, label: unit.orgUnitName }))}
          />
        </Space>
      )}
      <EChart option={option} style={{ width: '100%', height: 340 }} testId="township-trend-chart" />
    </Space>
  );
}

/** The indicator year by year up to `year` for the county and the chosen townships. */
export function TownshipTrend({
  countyCode,
  indicator,
  year,
}: {
  countyCode: string;
  indicator: string;
  year: number;
}) {
  const { t } = useI18n();
  const state = useAsync(
    () => getComputedTrend(countyCode, indicator, Math.min(FROM_YEAR, year), year),
    [countyCode, indicator, year]
  );
  return (
    <AsyncView state={state}>
      {(trend) =>
        trend.orgUnits.length === 0 ? (
          <Empty description={t('computed.empty')} />
        ) : (
          <TrendLines key={trend.code} trend={trend} countyCode={countyCode} />
        )
      }
    </AsyncView>
  );
}
