import { Input, InputNumber, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorSummary, MonitoringValue } from '@chp/core';
import { Link } from 'react-router-dom';
import { ValueStatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

export interface Edit {
  value?: number;
  sourceDocument?: string;
}

interface Props {
  indicators: IndicatorSummary[];
  current: Map<string, MonitoringValue>;
  edits: Record<string, Edit>;
  onEdit: (edits: Record<string, Edit>) => void;
}

/** One row per indicator with inline inputs; submitted, approved and computed rows are read-only. */
export function EntryTable({ indicators, current, edits, onEdit }: Props) {
  const { t } = useI18n();
  const change = (id: string, patch: Edit): void => {
    onEdit({ ...edits, [id]: { ...edits[id], ...patch } });
  };
  const locked = (i: IndicatorSummary): boolean => {
    const status = current.get(i.id)?.status;
    return i.definitionType === 'computed' || status === 'submitted' || status === 'approved';
  };

  const columns: TableColumnsType<IndicatorSummary> = [
    {
      title: t('dashboard.indicators'),
      dataIndex: 'name',
      render: (name: string, i) => <Link to={`/indicators/${encodeURIComponent(i.id)}`}>{name}</Link>,
    },
    { title: t('dashboard.unit'), dataIndex: 'unit', width: 90, render: (u: string | null) => u ?? '—' },
    { title: t('dashboard.target'), dataIndex: 'target', width: 130 },
    {
      title: t('entry.current'),
      key: 'current',
      width: 150,
      render: (_: unknown, i) => {
        const v = current.get(i.id);
        return v ? (
          <span>
            {formatNumber(v.value)} <ValueStatusTag status={v.status} />
          </span>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('entry.newValue'),
      key: 'value',
      width: 150,
      render: (_: unknown, i) => {
        const input = (
          <InputNumber
            data-testid={`entry-input-${i.id}`}
            style={{ width: 130 }}
            disabled={locked(i)}
            value={edits[i.id]?.value ?? null}
            onChange={(value) => {
              change(i.id, { value: value ?? undefined });
            }}
          />
        );
        return locked(i) && i.definitionType !== 'computed' ? (
          <Tooltip title={t('entry.locked')}>{input}</Tooltip>
        ) : (
          input
        );
      },
    },
    {
      title: t('value.sourceDocument'),
      key: 'source',
      width: 220,
      render: (_: unknown, i) => (
        <Input
          disabled={locked(i)}
          placeholder={current.get(i.id)?.sourceDocument ?? undefined}
          value={edits[i.id]?.sourceDocument ?? ''}
          onChange={(e) => {
            change(i.id, { sourceDocument: e.target.value });
          }}
        />
      ),
    },
  ];
  return (
    <Table<IndicatorSummary>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="entry-table"
    />
  );
}
