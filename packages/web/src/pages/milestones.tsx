import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { Milestone, ProjectSummary } from '@chp/core';
import type { Dayjs } from 'dayjs';
import { addMilestone, updateMilestone } from '../api/projects.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';

interface NewMilestone {
  name: string;
  dueDate?: Dayjs;
  note?: string;
}

/** A project's milestones: add one, or mark one done today. */
export function Milestones({
  project,
  editable,
  onChanged,
}: {
  project: ProjectSummary;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewMilestone>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await action();
      void message.success(t('common.saved'));
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const add = (v: NewMilestone): Promise<void> =>
    act(async () => {
      await addMilestone(project.id, {
        name: v.name,
        dueDate: v.dueDate ? isoDay(v.dueDate) : undefined,
        note: v.note || undefined,
      });
      form.resetFields();
    });

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('projects.milestones')}
      </Typography.Title>
      <Table<Milestone>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.milestones}
        data-testid="milestones-table"
        columns={[
          { title: t('projects.milestoneName'), dataIndex: 'name' },
          { title: t('projects.dueDate'), dataIndex: 'dueDate', width: 110, render: (d: string | null) => d ?? '—' },
          { title: t('projects.doneDate'), dataIndex: 'doneDate', width: 110, render: (d: string | null) => d ?? '—' },
          { title: t('value.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, m: Milestone) =>
                    m.doneDate ? null : (
                      <Button
                        size="small"
                        disabled={busy}
                        data-testid={`milestone-done-${m.id}`}
                        onClick={() => void act(() => updateMilestone(m.id, { doneDate: isoDay() }))}
                      >
                        {t('projects.complete')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Form<NewMilestone>
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v) => void add(v)}
        >
          <Form.Item name="name" rules={[{ required: true, message: t('projects.milestoneName') }]}>
            <Input placeholder={t('projects.milestoneName')} data-testid="milestone-name" />
          </Form.Item>
          <Form.Item name="dueDate">
            <DatePicker placeholder={t('projects.dueDate')} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('value.note')} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="milestone-add">
            {t('projects.addMilestone')}
          </Button>
        </Form>
      )}
    </>
  );
}
