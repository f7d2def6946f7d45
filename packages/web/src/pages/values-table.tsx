import { App, Button, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { submitValue } from '../api/values.js';
import { ApprovalActions } from '../components/approval-actions.js';
import { ValueStatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { WhoWhen } from '../components/who-when.js';
import { errorMessage, formatNumber } from '../lib/format.js';
import { useSession } from '../lib/session.js';

/** Every value entered for an indicator, with who entered and approved it and the actions allowed. */
export function ValuesTable({ values, onChange }: { values: MonitoringValue[]; onChange: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();

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
    { title: t('value.orgUnit'), dataIndex: 'orgUnitName', width: 120 },
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
      dataSource={values}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="values-table"
    />
  );
}
