import { Button, Empty, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FamilyDoctorTeam } from '@chp/core';
import { useSearchParams } from 'react-router-dom';
import { listTeams } from '../api/family-doctors.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { TeamMembers, TeamPanelCard } from './family-doctor-team-panel.js';

/** 家庭医生团队: the teams the user sees with members, served areas and counts; ?team= opens a team's panel. */
export function FamilyDoctorTeamsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [params, setParams] = useSearchParams();
  const township = params.get('township') ?? undefined;
  const teamId = Number(params.get('team')) || undefined;
  const state = useAsync(() => listTeams(code), [code]);
  const setParam = (key: string, value: string | undefined): void => {
    setParams(
      (prev) => {
        if (value === undefined) prev.delete(key);
        else prev.set(key, value);
        return prev;
      },
      { replace: true }
    );
  };

  const columns: TableColumnsType<FamilyDoctorTeam> = [
    {
      title: t('teams.name'),
      key: 'name',
      render: (_, team) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{team.name}</Typography.Text>
          {team.facilityName && <Typography.Text type="secondary">{team.facilityName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('teams.township'), key: 'township', render: (_, team) => team.township.name },
    { title: t('teams.members'), key: 'members', render: (_, team) => <TeamMembers team={team} /> },
    {
      title: t('teams.areas'),
      key: 'areas',
      render: (_, team) => team.areas.map((area) => area.name).join('、'),
    },
    { title: t('teams.contracted'), dataIndex: 'activeContracts', width: 90 },
    { title: t('teams.expiring'), dataIndex: 'expiringContracts', width: 90 },
    {
      title: '',
      key: 'panel',
      width: 100,
      render: (_, team) => (
        <Button
          type="link"
          size="small"
          data-testid="team-open-panel"
          onClick={() => {
            setParam('team', String(team.id));
          }}
        >
          {t('teams.openPanel')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.teams')} />
      <AsyncView state={state}>
        {(teams) => {
          if (teams.length === 0) return <Empty description={t('teams.empty')} />;
          const townships = [...new Map(teams.map((team) => [team.township.code, team.township.name]))];
          const shown = township ? teams.filter((team) => team.township.code === township) : teams;
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Select
                data-testid="teams-township"
                allowClear
                placeholder={t('teams.allTownships')}
                style={{ minWidth: 200 }}
                value={township}
                onChange={(value?: string) => {
                  setParam('township', value);
                }}
                options={townships.map(([value, label]) => ({ value, label }))}
              />
              <Table
                data-testid="teams-table"
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={shown}
                pagination={false}
                rowClassName={(team) => (team.id === teamId ? 'ant-table-row-selected' : '')}
              />
              {teamId !== undefined && <TeamPanelCard key={teamId} code={code} teamId={teamId} />}
            </Space>
          );
        }}
      </AsyncView>
    </>
  );
}
