import { useState } from 'react';
import { Button, Progress, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ProjectSummary } from '@chp/core';
import { listProjects } from '../api/projects.js';
import { AsyncView } from '../components/async-view.js';
import { ProjectStatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { ProjectDrawer } from './project-drawer.js';
import { PageHeader } from '../components/page-header.js';

export function ProjectsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const code = useCountyCode();
  const state = useAsync(() => listProjects(code), [code]);
  const [editing, setEditing] = useState<string>();

  const columns: TableColumnsType<ProjectSummary> = [
    { title: t('projects.name'), dataIndex: 'name' },
    { title: t('projects.column'), dataIndex: 'column', width: 180, render: (c: string | null) => c ?? '—' },
    {
      title: t('projects.responsibleUnit'),
      dataIndex: 'responsibleUnit',
      width: 150,
      render: (u: string | null) => u ?? '—',
    },
    {
      title: t('projects.investmentPlanned'),
      dataIndex: 'investmentPlanned',
      width: 140,
      align: 'right',
      render: (v: number | null) => formatNumber(v),
    },
    {
      title: t('projects.investmentToDate'),
      dataIndex: 'investmentToDate',
      width: 170,
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('projects.progress'),
      dataIndex: 'progressPct',
      width: 150,
      render: (p: number) => <Progress percent={p} size="small" />,
    },
    {
      title: t('projects.status'),
      dataIndex: 'status',
      width: 90,
      render: (_: unknown, p) => <ProjectStatusTag status={p.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, p) => (
        <Button
          size="small"
          data-testid={`project-edit-${p.id}`}
          onClick={() => {
            setEditing(p.id);
          }}
        >
          {can('project.update') ? t('common.edit') : t('projects.milestones')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.projects')} />
      <AsyncView state={state}>
        {(projects) => (
          <>
            <Table<ProjectSummary>
              data-testid="projects-table"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={projects}
              pagination={false}
              scroll={{ x: 1100 }}
            />
            <ProjectDrawer
              project={projects.find((p) => p.id === editing)}
              onClose={() => {
                setEditing(undefined);
              }}
              onChanged={state.reload}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
