import { useMemo } from 'react';
import { Card, Col, Row, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ComparisonRow } from '@chp/core';
import { Link } from 'react-router-dom';
import { EChart } from '../components/echart.js';
import { StatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

type CountyRow = ComparisonRow['counties'][number];

/** One standard indicator: a row per county and a bar chart of baseline, target and latest value. */
export function ComparisonCard({ row }: { row: ComparisonRow }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: row.counties.map((c) => c.countyName) },
      yAxis: { type: 'value', name: row.unit },
      series: [
        { name: t('dashboard.baseline'), type: 'bar', data: row.counties.map((c) => c.baseline) },
        { name: t('dashboard.target'), type: 'bar', data: row.counties.map((c) => c.targetValue) },
        { name: t('dashboard.latest'), type: 'bar', data: row.counties.map((c) => c.latestValue) },
      ],
    }),
    [row, t]
  );
  const columns: TableColumnsType<CountyRow> = [
    {
      title: t('common.county'),
      dataIndex: 'countyName',
      render: (name: string, c) => <Link to={`/indicators/${encodeURIComponent(c.indicatorId)}`}>{name}</Link>,
    },
    { title: t('dashboard.baseline'), dataIndex: 'baseline', render: (v: number | null) => formatNumber(v) },
    { title: t('dashboard.target'), dataIndex: 'target' },
    {
      title: t('dashboard.latest'),
      key: 'latest',
      render: (_: unknown, c) =>
        c.latestValue === null ? '—' : `${formatNumber(c.latestValue)}（${c.latestYear ?? ''}）`,
    },
    { title: t('dashboard.status'), dataIndex: 'status', render: (_: unknown, c) => <StatusTag status={c.status} /> },
  ];
  return (
    <Card
      size="small"
      title={`${row.name}（${row.unit}）${row.direction === 'up' ? ' ↑' : ' ↓'}`}
      data-testid={`comparison-${row.standardCode}`}
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Table<CountyRow>
            size="small"
            rowKey="countyCode"
            columns={columns}
            dataSource={row.counties}
            pagination={false}
          />
        </Col>
        <Col xs={24} lg={12}>
          <EChart option={option} style={{ width: '100%', height: 240 }} />
        </Col>
      </Row>
    </Card>
  );
}
