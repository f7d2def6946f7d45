import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import { ALERT_STATUS_LABELS, nextAlertStatuses, noteRequired } from '@chp/core';
import type { AlertDetail, AlertDetectionResult, AlertEventEntry, AlertStatus } from '@chp/core';
import { addAlertNote, assignAlert, escalateAlert, getAlert, transitionAlert } from '../api/surveillance.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/zh.js';
import { errorMessage, formatNumber, formatTime } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { ReasonModal } from './reason-modal.js';
import { AlertStatusTag, GradeTag } from './surveillance-tags.js';

const STEP_LABELS: Record<AlertStatus, MessageKey> = {
  new: 'surv.alert.new',
  verifying: 'surv.alert.startVerify',
  excluded: 'surv.alert.exclude',
  confirmed: 'surv.alert.confirm',
  investigating: 'surv.alert.investigate',
  closed: 'surv.alert.close',
};

const ACTION_LABELS: Record<AlertEventEntry['action'], MessageKey> = {
  raised: 'surv.alert.evRaised',
  updated: 'surv.alert.evUpdated',
  status: 'surv.alert.evStatus',
  assign: 'surv.alert.evAssign',
  note: 'surv.alert.evNote',
  escalate: 'surv.alert.evEscalate',
};

/** The sources named by an alert's evidence (`{rule, sources, alarms}` from core's alert rules). */
function evidenceSources(evidence: Record<string, unknown>): string[] {
  const sources = evidence['sources'];
  return Array.isArray(sources) ? sources.map(String) : [];
}

type Pending = { kind: 'transition'; to: AlertStatus } | { kind: 'note' } | { kind: 'escalate' };

/** An alert: its evidence, history, and the workflow, assignment, notes and 升级为突发事件. */
export function AlertDrawer({
  code,
  id,
  subjectName,
  areaName,
  onClose,
  onChanged,
}: {
  code: string;
  id: number;
  subjectName: (code: string) => string;
  areaName: (code: string) => string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const state = useAsync(() => getAlert(code, id), [code, id]);
  const [pending, setPending] = useState<Pending>();
  const { user } = useSession();
  const manage = useSession().can('alert.manage');
  const changed = (): void => {
    state.reload();
    onChanged();
  };

  const submit = async (note: string): Promise<void> => {
    if (!pending) return;
    switch (pending.kind) {
      case 'transition':
        await transitionAlert(code, id, pending.to, note);
        break;
      case 'note':
        await addAlertNote(code, id, note);
        break;
      case 'escalate':
        await escalateAlert(code, id, note);
        break;
    }
    void message.success(t('common.saved'));
    changed();
  };

  const render = (alert: AlertDetail) => (
    <>
      {manage && (
        <Space wrap style={{ marginBottom: 16 }}>
          {nextAlertStatuses(alert.status).map((to) => (
            <Button
              key={to}
              type={to === 'excluded' ? 'default' : 'primary'}
              data-testid={`alert-to-${to}`}
              onClick={() => {
                setPending({ kind: 'transition', to });
              }}
            >
              {t(STEP_LABELS[to])}
            </Button>
          ))}
          <Button
            data-testid="alert-note"
            onClick={() => {
              setPending({ kind: 'note' });
            }}
          >
            {t('surv.alert.addNote')}
          </Button>
          {alert.emergencyEventId === null && (alert.status === 'confirmed' || alert.status === 'investigating') ? (
            <Button
              danger
              data-testid="alert-escalate"
              onClick={() => {
                setPending({ kind: 'escalate' });
              }}
            >
              {t('surv.alert.escalate')}
            </Button>
          ) : null}
          {user && alert.assigneeId !== user.id && (
            <Button
              data-testid="alert-assign-me"
              onClick={() => {
                assignAlert(code, id, user.id).then(changed, (err: unknown) => void message.error(errorMessage(err)));
              }}
            >
              {t('surv.alert.assignMe')}
            </Button>
          )}
        </Space>
      )}
      <Descriptions column={2} size="small" bordered data-testid="alert-detail">
        <Descriptions.Item label={t('surv.alert.grade')}>
          <GradeTag grade={alert.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('surv.status')}>
          <AlertStatusTag status={alert.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('surv.alert.subject')}>{subjectName(alert.subject)}</Descriptions.Item>
        <Descriptions.Item label={t('surv.alert.area')}>{areaName(alert.areaCode)}</Descriptions.Item>
        <Descriptions.Item label={t('surv.alert.raised')}>{formatTime(alert.raisedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('surv.alert.period')}>
          {alert.firstDate} ~ {alert.lastDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('surv.alert.sources')} span={2}>
          {evidenceSources(alert.evidence).map((source) => (
            <Tag key={source}>{source}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('surv.alert.evidence')}
      </Typography.Title>
      <Table<AlertDetectionResult & { key: number }>
        data-testid="alert-evidence"
        size="small"
        pagination={false}
        dataSource={alert.results.map((r, key) => ({ ...r, key }))}
        columns={[
          { title: t('surv.alert.date'), dataIndex: 'assessedDate' },
          { title: t('surv.alert.source'), dataIndex: 'source' },
          { title: t('surv.alert.method'), dataIndex: 'method' },
          { title: t('surv.alert.observed'), dataIndex: 'observed' },
          {
            title: t('surv.alert.threshold'),
            dataIndex: 'upperbound',
            render: (v: number | null) => formatNumber(v, 2),
          },
          {
            title: t('surv.alert.alarm'),
            dataIndex: 'alarm',
            render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('surv.alert.history')}
      </Typography.Title>
      <Timeline
        data-testid="alert-events"
        items={alert.events.map((e) => ({
          key: e.id,
          content: (
            <>
              <Typography.Text strong>
                {e.toStatus ? ALERT_STATUS_LABELS[e.toStatus] : t(ACTION_LABELS[e.action])}
              </Typography.Text>{' '}
              {formatTime(e.at)}
              {e.note && <div>{e.note}</div>}
            </>
          ),
        }))}
      />
    </>
  );

  return (
    <Drawer open size={760} title={t('surv.alert.detail', { id })} onClose={onClose} data-testid="alert-drawer">
      <AsyncView state={state}>{render}</AsyncView>
      {pending && (
        <ReasonModal
          title={t(
            pending.kind === 'transition'
              ? STEP_LABELS[pending.to]
              : pending.kind === 'note'
                ? 'surv.alert.addNote'
                : 'surv.alert.escalate'
          )}
          required={pending.kind === 'transition' ? noteRequired(pending.to) : pending.kind === 'note'}
          onClose={() => {
            setPending(undefined);
          }}
          onSubmit={submit}
        />
      )}
    </Drawer>
  );
}
