import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TEAM_MEMBER_ROLE_LABELS, keyPopulationLabel } from '@chp/core';
import type { FamilyDoctorTeam, TeamPanelRow } from '@chp/core';
import { Link } from 'react-router-dom';
import { getTeamPanel } from '../api/family-doctors.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { useAsync } from '../lib/use-async.js';
import { ContractStatusTag } from './contracts-status-tag.js';

/** Members by role, e.g. "团队长 张三 · 乡村医生 李四". */
export function TeamMembers({ team }: { team: FamilyDoctorTeam }) {
  return (
    <Space wrap size={4}>
      {team.members.map((m) => (
        <Tag key={m.id}>
          {TEAM_MEMBER_ROLE_LABELS[m.role]} {m.name}
        </Tag>
      ))}
    </Space>
  );
}

/** A team's panel: its contracted residents with key-population flags, due and overdue items, contract end. */
export function TeamPanelCard({ code, teamId }: { code: string; teamId: number }) {
  const { t } = useI18n();
  const state = useAsync(() => getTeamPanel(code, teamId), [code, teamId]);
  const columns: TableColumnsType<TeamPanelRow> = [
    {
      title: t('contracts.resident'),
      key: 'resident',
      render: (_, row) => <Link to={`/counties/${code}/residents/${row.resident.id}`}>{row.resident.name}</Link>,
    },
    { title: t('teams.age'), dataIndex: 'age', width: 70 },
    {
      title: t('contracts.place'),
      key: 'place',
      render: (_, row) => (row.resident.village ?? row.resident.township).name,
    },
    {
      title: t('teams.flags'),
      key: 'flags',
      render: (_, row) => (
        <Space wrap size={2}>
          {row.flags.map((flag) => (
            <Tag key={flag} color="blue">
              {keyPopulationLabel(flag)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('teams.due'),
      dataIndex: 'dueItems',
      width: 80,
      sorter: (a, b) => a.dueItems - b.dueItems,
    },
    {
      title: t('teams.overdue'),
      dataIndex: 'overdueItems',
      width: 80,
      sorter: (a, b) => a.overdueItems - b.overdueItems,
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
    {
      title: t('teams.contractEnd'),
      key: 'end',
      render: (_, row) => (
        <Space size={4}>
          {row.contractEndDate}
          <ContractStatusTag status={row.contractStatus} />
        </Space>
      ),
    },
  ];
  return (
    <AsyncView state={state}>
      {(panel) => (
        <Card size="small" title={t('teams.panelTitle', { name: panel.team.name })} data-testid="team-panel">
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('teams.township')}>{panel.team.township.name}</Descriptions.Item>
            <Descriptions.Item label={t('teams.contracted')}>{panel.rows.length}</Descriptions.Item>
            <Descriptions.Item label={t('teams.expiring')}>{panel.expiring}</Descriptions.Item>
          </Descriptions>
          <Table
            data-testid="team-panel-table"
            rowKey="contractId"
            size="small"
            columns={columns}
            dataSource={panel.rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
          />
        </Card>
      )}
    </AsyncView>
  );
}
