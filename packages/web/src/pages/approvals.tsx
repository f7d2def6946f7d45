import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { Link } from 'react-router-dom';
import { getDashboard } from '../api/counties.js';
import { listApprovals } from '../api/values.js';
import { ApprovalActions } from '../components/approval-actions.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { defaultPlanYear, formatNumber, formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { PageHeader } from '../components/page-header.js';

type Pending = MonitoringValue & { indicatorName?: string };

/** The queue, with indicator names looked up from the dashboards of the counties involved. */
async function loadQueue(): Promise<Pending[]> {
  const values = await listApprovals();
  // Statistical codes nest by prefix: the first six digits are the county.
  const counties = [...new Set(values.map((v) => v.orgUnitCode.slice(0, 6)))];
  const dashboards = await Promise.all(counties.map((c) => getDashboard(c, defaultPlanYear()).catch(() => null)));
  const names = new Map(dashboards.flatMap((d) => d?.indicators.map((i) => [i.id, i.name] as const) ?? []));
  return values.map((v) => ({ ...v, indicatorName: names.get(v.indicatorId) }));
}

export function ApprovalsPage() {
  const { t } = useI18n();
  const state = useAsync(loadQueue, []);
  const columns: TableColumnsType<Pending> = [
    {
      title: t('value.indicator'),
      dataIndex: 'indicatorId',
      render: (id: string, v: Pending) => (
        <Link to={`/indicators/${encodeURIComponent(id)}`}>{v.indicatorName ? `${v.indicatorName}（${id}）` : id}</Link>
      ),
    },
    { title: t('value.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('value.year'), dataIndex: 'year', width: 70 },
    { title: t('value.value'), dataIndex: 'value', width: 100, render: (v: number) => formatNumber(v) },
    { title: t('value.sourceDocument'), dataIndex: 'sourceDocument', render: (s: string | null) => s ?? '—' },
    { title: t('value.note'), dataIndex: 'note', render: (s: string | null) => s ?? '' },
    {
      title: t('value.enteredBy'),
      key: 'entered',
      render: (_: unknown, v) => `${v.enteredBy} · ${formatTime(v.submittedAt ?? v.enteredAt)}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
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
