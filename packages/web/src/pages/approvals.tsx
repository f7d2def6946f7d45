import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { Link } from 'react-router-dom';
import { getDashboard } from '../api/counties.js';
import { listApprovals } from '../api/values.js';
import { ApprovalActions } from '../components/approval-actions.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { WhoWhen } from '../components/who-when.js';
import { defaultPlanYear, formatNumber } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { PageHeader } from '../components/page-header.js';

type Pending = MonitoringValue & { indicatorName?: string; unit?: string | null };

/** The queue, with indicator names looked up from the dashboards of the counties involved. */
async function loadQueue(): Promise<Pending[]> {
  const values = await listApprovals();
  // Statistical codes nest by prefix: the first six digits are the county.
  const counties = [...new Set(values.map((v) => v.orgUnitCode.slice(0, 6)))];
  const dashboards = await Promise.all(counties.map((c) => getDashboard(c, defaultPlanYear()).catch(() => null)));
  const indicators = new Map(dashboards.flatMap((d) => d?.indicators.map((i) => [i.id, i] as const) ?? []));
  return values.map((v) => {
    const i = indicators.get(v.indicatorId);
    return { ...v, indicatorName: i?.name, unit: i?.unit };
  });
}

export function ApprovalsPage() {
  const { t } = useI18n();
  const state = useAsync(loadQueue, []);
  const columns: TableColumnsType<Pending> = [
    {
      title: t('value.indicator'),
      dataIndex: 'indicatorId',
      render: (id: string, v: Pending) => (
        <>
          <Link to={`/indicators/${encodeURIComponent(id)}`}>{v.indicatorName ?? id}</Link>
          {v.indicatorName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {id}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('value.orgUnit'), dataIndex: 'orgUnitName', width: 110 },
    { title: t('value.year'), dataIndex: 'year', width: 70 },
    {
      title: t('value.value'),
      dataIndex: 'value',
      width: 110,
      render: (value: number, v) => `${formatNumber(value)}${v.unit ? ` ${v.unit}` : ''}`,
    },
    { title: t('value.sourceDocument'), dataIndex: 'sourceDocument', render: (s: string | null) => s ?? '—' },
    { title: t('value.note'), dataIndex: 'note', width: 140, render: (s: string | null) => s ?? '' },
    {
      title: t('value.enteredBy'),
      key: 'entered',
      width: 150,
      render: (_: unknown, v) => <WhoWhen who={v.enteredBy} when={v.submittedAt ?? v.enteredAt} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_: unknown, v) => <ApprovalActions value={v} onDone={state.reload} />,
    },
  ];
  return (
    <>
      <PageHeader title={t('menu.approvals')} />
      <AsyncView state={state}>
        {(values) =>
          values.length === 0 ? (
            <Empty description={t('approvals.empty')} />
          ) : (
            <Table<Pending>
              data-testid="approvals-table"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={values}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
            />
          )
        }
      </AsyncView>
    </>
  );
}
