import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorEvaluation } from '@chp/core';
import { StatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

export function EvaluationsTable({ evaluations }: { evaluations: IndicatorEvaluation[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<IndicatorEvaluation> = [
    { title: t('common.year'), dataIndex: 'year', width: 80 },
    {
      title: t('dashboard.status'),
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, e) => <StatusTag status={e.status} />,
    },
    {
      title: t('value.value'),
      key: 'value',
      width: 170,
      render: (_: unknown, e) =>
        e.value === null ? (
          '—'
        ) : (
          <>
            {formatNumber(e.value)}（{e.valueYear ?? ''}）
            {e.valueSource === 'computed' && (
              <Tag color="purple" style={{ marginInlineStart: 4 }}>
                {t('computed.source')}
              </Tag>
            )}
          </>
        ),
    },
    {
      title: t('indicator.expected'),
      dataIndex: 'expected',
      width: 110,
      render: (v: number | null) => formatNumber(v),
    },
    { title: t('indicator.gap'), dataIndex: 'gap', width: 90, render: (v: number | null) => formatNumber(v) },
    {
      title: t('indicator.targetValue'),
      dataIndex: 'resolvedTarget',
      width: 100,
      render: (v: number | null, e) => <span data-testid={`resolved-target-${e.year}`}>{formatNumber(v)}</span>,
    },
    { title: t('indicator.reason'), dataIndex: 'reason' },
  ];
  return (
    <Table<IndicatorEvaluation>
      size="small"
      rowKey="year"
      columns={columns}
      dataSource={evaluations}
      pagination={false}
      data-testid="evaluations-table"
    />
  );
}
