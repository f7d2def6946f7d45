import { useState } from 'react';
import { Badge, Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CONTRACT_EXPIRING_DAYS, CONTRACT_STATUSES, CONTRACT_STATUS_LABELS } from '@chp/core';
import type { ContractStatus, FamilyDoctorContract } from '@chp/core';
import { Link } from 'react-router-dom';
import { listContracts, listPackages, listTeams } from '../api/family-doctors.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { isoDay } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { ContractStatusTag } from './contracts-status-tag.js';
import { RenewModal, SignModal, TerminateModal } from './contracts-modals.js';

const PAGE_SIZE = 20;

type Action = { kind: 'renew' | 'terminate'; contract: FamilyDoctorContract } | { kind: 'sign' } | null;

/** Renewal and termination apply to contracts in force (or lapsed, for a renewal) not renewed yet. */
const canRenew = (c: FamilyDoctorContract): boolean =>
  c.renewedByContractId === null && c.status !== 'terminated' && c.status !== 'pending';
const canTerminate = (c: FamilyDoctorContract): boolean => c.status === 'active' || c.status === 'expiring';

/** 家庭医生签约: the county's contracts by team and status, expiry reminders, signing, renewal and termination. */
export function ContractsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const { can } = useSession();
  const [team, setTeam] = useState<number>();
  const [status, setStatus] = useState<ContractStatus>();
  const [asOf, setAsOf] = useState(isoDay());
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<Action>(null);

  const refs = useAsync(
    () => Promise.all([listTeams(code, asOf), listPackages(code)]).then(([teams, packages]) => ({ teams, packages })),
    [code, asOf]
  );
  const reminders = useAsync(
    () => listContracts(code, { team, asOf, expiringWithin: CONTRACT_EXPIRING_DAYS, limit: 1 }),
    [code, team, asOf]
  );
  const state = useAsync(
    () => listContracts(code, { team, status, asOf, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [code, team, status, asOf, page]
  );
  const writes = can('record.write');
  const done = (): void => {
    setAction(null);
    state.reload();
    reminders.reload();
    refs.reload();
  };

  const columns: TableColumnsType<FamilyDoctorContract> = [
    {
      title: t('contracts.resident'),
      key: 'resident',
      render: (_, c) => (
        <Link to={`/counties/${code}/residents/${c.resident.id}`}>
          {c.resident.name}
          {c.resident.idNumberMasked && (
            <Typography.Text type="secondary"> {c.resident.idNumberMasked}</Typography.Text>
          )}
        </Link>
      ),
    },
    { title: t('contracts.place'), key: 'place', render: (_, c) => (c.resident.village ?? c.resident.township).name },
    { title: t('contracts.team'), key: 'team', render: (_, c) => c.team.name },
    { title: t('contracts.package'), key: 'package', render: (_, c) => c.package.name },
    { title: t('contracts.period'), key: 'period', render: (_, c) => `${c.startDate} ～ ${c.endDate}` },
    {
      title: t('contracts.status'),
      key: 'status',
      render: (_, c) => (
        <Space size={4}>
          <ContractStatusTag status={c.status} />
          {c.status === 'expiring' && (
            <Typography.Text type="warning">{t('contracts.daysLeft', { days: c.daysToEnd })}</Typography.Text>
          )}
          {c.renewedByContractId !== null && (
            <Typography.Text type="secondary">{t('contracts.isRenewed')}</Typography.Text>
          )}
          {c.terminatedDate && (
            <Typography.Text type="secondary">
              {c.terminatedDate} {c.terminationReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(writes
      ? [
          {
            title: t('contracts.actions'),
            key: 'actions',
            render: (_: unknown, c: FamilyDoctorContract) => (
              <Space size={0}>
                {canRenew(c) && (
                  <Button
                    type="link"
                    size="small"
                    data-testid="contract-renew"
                    onClick={() => {
                      setAction({ kind: 'renew', contract: c });
                    }}
                  >
                    {t('contracts.renew')}
                  </Button>
                )}
                {canTerminate(c) && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    data-testid="contract-terminate"
                    onClick={() => {
                      setAction({ kind: 'terminate', contract: c });
                    }}
                  >
                    {t('contracts.terminate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const expiring = reminders.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t('menu.contracts')}>
        {writes && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="contract-sign"
            disabled={!refs.data}
            onClick={() => {
              setAction({ kind: 'sign' });
            }}
          >
            {t('contracts.sign')}
          </Button>
        )}
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="contracts-team"
          allowClear
          placeholder={t('contracts.allTeams')}
          style={{ minWidth: 220 }}
          value={team}
          onChange={(value?: number) => {
            setTeam(value);
            setPage(1);
          }}
          options={refs.data?.teams.map((item) => ({ value: item.id, label: item.name })) ?? []}
        />
        <Select
          data-testid="contracts-status"
          allowClear
          placeholder={t('contracts.allStatuses')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={(value?: ContractStatus) => {
            setStatus(value);
            setPage(1);
          }}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }))}
        />
        <span>{t('contracts.asOf')}</span>
        <DatePicker
          data-testid="contracts-as-of"
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(value) => {
            if (!value) return;
            setAsOf(isoDay(value));
            setPage(1);
          }}
        />
        <Badge count={expiring} overflowCount={9999} data-testid="contracts-expiring-count">
          <Button
            data-testid="contracts-expiring"
            type={status === 'expiring' ? 'primary' : 'default'}
            onClick={() => {
              setStatus('expiring');
              setPage(1);
            }}
          >
            {t('contracts.reminders', { days: CONTRACT_EXPIRING_DAYS })}
          </Button>
        </Badge>
      </Space>
      <AsyncView state={state}>
        {(list) => (
          <Table
            data-testid="contracts-table"
            rowKey="id"
            size="small"
            loading={state.loading}
            columns={columns}
            dataSource={list.contracts}
            // Expiry reminders stand out in the list.
            onRow={(c) => (c.status === 'expiring' ? { style: { background: '#fff7e6' } } : {})}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.total,
              showSizeChanger: false,
              showTotal: (total) => <span data-testid="contracts-total">{t('contracts.total', { total })}</span>,
              onChange: setPage,
            }}
          />
        )}
      </AsyncView>
      {action?.kind === 'terminate' && (
        <TerminateModal
          code={code}
          contract={action.contract}
          asOf={asOf}
          onClose={() => {
            setAction(null);
          }}
          onDone={done}
        />
      )}
      {action?.kind === 'renew' && refs.data && (
        <RenewModal
          code={code}
          contract={action.contract}
          asOf={asOf}
          teams={refs.data.teams}
          packages={refs.data.packages}
          onClose={() => {
            setAction(null);
          }}
          onDone={done}
        />
      )}
      {action?.kind === 'sign' && refs.data && (
        <SignModal
          code={code}
          teams={refs.data.teams}
          packages={refs.data.packages}
          onClose={() => {
            setAction(null);
          }}
          onDone={done}
        />
      )}
    </>
  );
}
