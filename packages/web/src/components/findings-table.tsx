import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DataQualityFinding } from '@chp/core';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.js';
import { SeverityTag } from './tags.js';

const SEVERITY_RANK: Record<DataQualityFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

interface Props {
  findings: DataQualityFinding[];
  /** Adds a column linking to the indicator, named from `names` (id → name) when known. */
  showIndicator: boolean;
  names?: ReadonlyMap<string, string>;
}

export function FindingsTable({ findings, showIndicator, names }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<DataQualityFinding> = [
    {
      title: t('findings.severity'),
      dataIndex: 'severity',
      width: 90,
      sorter: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
      render: (_: unknown, f) => <SeverityTag severity={f.severity} />,
    },
    {
      title: t('findings.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (_: unknown, f) => t(`findingKind.${f.kind}`),
    },
    ...(showIndicator
      ? [
          {
            title: t('findings.indicator'),
            key: 'indicator',
            width: 220,
            render: (_: unknown, f: DataQualityFinding) =>
              f.indicatorId ? (
                <Link to={`/indicators/${encodeURIComponent(f.indicatorId)}`}>
                  {names?.get(f.indicatorId) ?? f.indicatorId}
                </Link>
              ) : (
                (f.projectId ?? '—')
              ),
          },
        ]
      : []),
    { title: t('findings.message'), dataIndex: 'message' },
    {
      title: t('findings.line'),
      key: 'line',
      width: 90,
      render: (_: unknown, f) => [f.line, ...f.relatedLines].filter((l) => l !== null).join('、') || '—',
    },
  ];
  return (
    <Table<DataQualityFinding>
      size="small"
      columns={columns}
      // Findings have no id and two can be alike, so the position is the key.
      dataSource={findings.map((f, i) => ({ ...f, key: i }))}
      pagination={findings.length > 50 ? { pageSize: 50 } : false}
      data-testid="findings-table"
    />
  );
}
