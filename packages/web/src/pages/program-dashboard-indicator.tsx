import { useMemo } from 'react';
import { Card, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ComputedIndicatorResponse } from '@chp/core';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

/** One service indicator by township: a bar chart and the table with numerator and denominator. */
export function ProgramIndicatorCard({
  items,
  county,
}: {
  /** The indicator's townships, in the API's order. */
  items: ComputedIndicatorResponse[];
  /** The county's own value, shown as the reference line. */
  county: ComputedIndicatorResponse | undefined;
}) {
  const { t } = useI18n();
  const first = items[0] ?? county;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      xAxis: { type: 'category', data: items.map((i) => i.orgUnitName), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', name: first?.unit },
      series: [
        {
          type: 'bar',
          name: first?.name,
          data: items.map((i) => i.value),
          markLine:
            county?.value != null
              ? {
                  symbol: 'none',
                  label: { formatter: `${county.orgUnitName} ${formatNumber(county.value, 1)}` },
                  data: [{ yAxis: county.value }],
                }
              : undefined,
        },
      ],
    }),
    [items, county, first]
  );
  if (!first) return null;
  const columns: TableColumnsType<ComputedIndicatorResponse> = [
    { title: t('programs.township'), dataIndex: 'orgUnitName' },
    { title: t('programs.numerator'), dataIndex: 'numerator', render: (v: number | null) => formatNumber(v, 0) },
    { title: t('programs.denominator'), dataIndex: 'denominator', render: (v: number | null) => formatNumber(v, 0) },
    {
      title: `${t('programs.value')}（${first.unit}）`,
      dataIndex: 'value',
      render: (v: number | null) => formatNumber(v, 1),
      sorter: (a, b) => (a.value ?? -1) - (b.value ?? -1),
    },
  ];
  return (
    <Card size="small" title={`${first.name}（${first.unit}）`} data-testid={`program-indicator-${first.code}`}>
      <EChart option={option} style={{ height: 300 }} testId="program-chart" />
      <Table
        rowKey="orgUnit"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={county ? [...items, county] : items}
      />
    </Card>
  );
}
