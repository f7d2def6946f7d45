import type { HTMLAttributes } from 'react';
import { Badge, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorSummary } from '@chp/core';
import { useNavigate } from 'react-router-dom';
import { STATUS_COLORS } from '../components/labels.js';
import { Sparkline } from '../components/sparkline.js';
import { ComputedValueTag } from '../components/computed-value-tag.js';
import { AttributeTag, StatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

/** The dashboard's indicator rows of one domain; a click opens the indicator page. */
export function IndicatorTable({ rows }: { rows: IndicatorSummary[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const columns: TableColumnsType<IndicatorSummary> = [
    {
      title: t('dashboard.indicators'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <span>
          {r.seq ? `${r.seq}. ` : ''}
          {name}
          {r.findingCount > 0 && (
            <Tooltip title={t('dashboard.findings', { count: r.findingCount })}>
              <Badge
                count={r.findingCount}
                size="small"
                color="orange"
                style={{ marginInlineStart: 6 }}
                data-testid="finding-badge"
              />
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('dashboard.unit'), dataIndex: 'unit', width: 90, render: (u: string | null) => u ?? '—' },
    {
      title: t('dashboard.baseline'),
      dataIndex: 'baselineText',
      width: 100,
      render: (text: string | null, r) => text ?? formatNumber(r.baseline),
    },
    { title: t('dashboard.target'), dataIndex: 'target', width: 200 },
    {
      title: t('dashboard.attribute'),
      dataIndex: 'attribute',
      width: 90,
      render: (_: unknown, r) => <AttributeTag attribute={r.attribute} />,
    },
    {
      title: t('dashboard.latest'),
      key: 'latest',
      width: 200,
      // The entered value, then the value computed from the registers beside it (evaluated when none was entered).
      render: (_: unknown, r) => (
        <>
          <div>
            {r.evaluation.value === null || r.evaluation.valueSource !== 'entered'
              ? '—'
              : `${formatNumber(r.evaluation.value)}（${r.evaluation.valueYear ?? ''}）`}
          </div>
          <ComputedValueTag computed={r.computed} />
        </>
      ),
    },
    {
      title: t('dashboard.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, r) => (
        <Tooltip title={r.evaluation.reason}>
          <span>
            <StatusTag status={r.evaluation.status} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('dashboard.trend'),
      key: 'trend',
      width: 112,
      render: (_: unknown, r) => <Sparkline series={r.series} color={STATUS_COLORS[r.evaluation.status]} />,
    },
  ];
  return (
    <Table<IndicatorSummary>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 990 }}
      onRow={(r) =>
        ({
          'data-testid': `indicator-row-${r.id}`,
          style: { cursor: 'pointer' },
          onClick: () => void navigate(`/indicators/${encodeURIComponent(r.id)}`),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
