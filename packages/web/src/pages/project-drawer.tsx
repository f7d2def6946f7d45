import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, InputNumber, Select, Space } from 'antd';
import { PROJECT_STATUSES } from '@chp/core';
import type { ProjectSummary, UpdateProjectRequest } from '@chp/core';
import { updateProject } from '../api/projects.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatNumber } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { Milestones } from './milestones.js';

interface Props {
  project: ProjectSummary | undefined;
  onClose: () => void;
  onChanged: () => void;
}

/** A project's plan facts, its progress form (for project.update) and milestones. */
export function ProjectDrawer({ project, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<UpdateProjectRequest>();
  const [busy, setBusy] = useState(false);
  const editable = can('project.update');

  useEffect(() => {
    if (project) {
      form.setFieldsValue({
        status: project.status,
        progressPct: project.progressPct,
        investmentToDate: project.investmentToDate,
      });
    }
  }, [project, form]);

  const save = async (values: UpdateProjectRequest): Promise<void> => {
    if (!project) return;
    setBusy(true);
    try {
      await updateProject(project.id, values);
      void message.success(t('common.saved'));
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={project !== undefined}
      onClose={onClose}
      size={640}
      title={project?.name}
      forceRender
      data-testid="project-drawer"
    >
      {project && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 24 }}
          items={[
            { key: 'content', label: t('projects.content'), children: project.content },
            { key: 'period', label: t('projects.period'), children: project.period ?? '—' },
            {
              key: 'planned',
              label: t('projects.investmentPlanned'),
              children: formatNumber(project.investmentPlanned),
            },
            {
              key: 'funding',
              label: t('projects.funding'),
              children:
                project.fundingSources
                  .map((f) => `${f.source}${f.amount === null ? '' : ` ${formatNumber(f.amount)}`}`)
                  .join('；') || '—',
            },
          ]}
        />
      )}
      <Form<UpdateProjectRequest> form={form} layout="vertical" disabled={!editable} onFinish={(v) => void save(v)}>
        <Space wrap>
          <Form.Item name="status" label={t('projects.status')}>
            <Select
              style={{ width: 140 }}
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="progressPct" label={`${t('projects.progress')}（%）`}>
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="investmentToDate" label={t('projects.investmentToDate')}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          {editable && (
            // The blank label lines the button up with the inputs rather than with their labels.
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={busy} data-testid="project-save">
                {t('common.save')}
              </Button>
            </Form.Item>
          )}
        </Space>
      </Form>
      {project && <Milestones project={project} editable={editable} onChanged={onChanged} />}
    </Drawer>
  );
}
