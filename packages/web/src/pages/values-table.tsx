import { useMemo } from 'react';
import { App, Button, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { submitValue } from '../api/values.js';
import { ApprovalActions } from '../components/approval-actions.js';
import { ValueStatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { WhoWhen } from '../components/who-when.js';
import { errorMessage, formatNumber } from '../lib/format.js';
import { useSession } from '../lib/session.js';

/**
 * Every value entered for an indicator, with who entered and approved it and the actions allowed. The
 * county's own values come first, then each township's, so township figures are not read as the county's.
 */
export function ValuesTable({
  countyCode,
  values,
  onChange,
}: {
  countyCode: string;
  values: MonitoringValue[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  // A stable sort keeps the server's order within each org unit.
  const grouped = useMemo(
    () => [...values].sort((a, b) => groupKey(a, countyCode).localeCompare(groupKey(b, countyCode))),
    [values, countyCode]
  );

  const submit = async (v: MonitoringValue): Promise<void> => {
    try {
      await submitValue(v.id);
      void message.success(t('value.submitted'));
      onChange();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<MonitoringValue> = [
    { title: t('value.year'), dataIndex: 'year', width: 70 },
    {
      title: t('value.orgUnit'),
      key: 'orgUnit',
      width: 150,
      render: (_: unknown, v) => (
        <Space size={4} data-testid="value-org-unit" data-org-unit={v.orgUnitCode}>
          <Tag color={v.orgUnitCode === countyCode ? 'blue' : 'default'}>
            {t(v.orgUnitCode === countyCode ? 'value.countyLevel' : 'value.township')}
          </Tag>
          {v.orgUnitName}
        </Space>
      ),
    },
    { title: t('value.value'), dataIndex: 'value', width: 90, render: (v: number) => formatNumber(v) },
    {
      title: t('value.status'),
      dataIndex: 'status',
      width: 90,
      render: (_: unknown, v) => <ValueStatusTag status={v.status} />,
    },
    { title: t('value.sourceDocument'), dataIndex: 'sourceDocument', render: (s: string | null) => s ?? '—' },
    {
      title: t('value.enteredBy'),
      key: 'entered',
      width: 140,
      render: (_: unknown, v) => <WhoWhen who={v.enteredBy} when={v.enteredAt} />,
    },
    {
      title: t('value.approvedBy'),
      key: 'approved',
      width: 140,
      render: (_: unknown, v) => <WhoWhen who={v.approvedBy} when={v.approvedAt} />,
    },
    { title: t('value.returnReason'), dataIndex: 'returnReason', width: 160, render: (s: string | null) => s ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, v) => (
        <Space>
          {v.status === 'submitted' && can('value.approve') && <ApprovalActions value={v} onDone={onChange} />}
          {(v.status === 'draft' || v.status === 'returned') && can('value.enter') && (
            <Button size="small" data-testid={`submit-${v.id}`} onClick={() => void submit(v)}>
              {t('value.submit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<MonitoringValue>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={grouped}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="values-table"
    />
  );
}

/** Sort key: the county before its townships, townships by code. */
function groupKey(v: MonitoringValue, countyCode: string): string {
  return v.orgUnitCode === countyCode ? '' : v.orgUnitCode;
}
