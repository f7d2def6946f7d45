import { useState } from 'react';
import { Button, Descriptions, Drawer, Popconfirm, Space, Table, Timeline, Typography, App } from 'antd';
import { CASE_CLASSIFICATION_LABELS, CASE_REVISION_ACTION_LABELS } from '@chp/core';
import type { CaseReportDetail, CaseReportSummary, Disease } from '@chp/core';
import { deleteCase, getCase, markDuplicate, reviewCase } from '../api/surveillance.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatDate, formatTime } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { CaseReportForm } from './case-report-form.js';
import { ReasonModal } from './reason-modal.js';
import { CaseStatusTag } from './surveillance-tags.js';

/** A card's detail: fields, revision history, possible duplicates, and 订正 / 审核 / 删除 / 标记重卡. */
export function CaseReportDrawer({
  code,
  id,
  diseases,
  areaName,
  onClose,
  onChanged,
}: {
  code: string;
  id: number;
  diseases: readonly Disease[];
  areaName: (code: string) => string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const state = useAsync(() => getCase(code, id), [code, id]);
  const [revising, setRevising] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const changed = (): void => {
    state.reload();
    onChanged();
  };
  const act = (action: () => Promise<unknown>): void => {
    action().then(
      () => {
        void message.success(t('common.saved'));
        changed();
      },
      (err: unknown) => void message.error(errorMessage(err))
    );
  };

  const render = (card: CaseReportDetail) => {
    const open = card.status !== 'deleted';
    return (
      <>
        <Space wrap style={{ marginBottom: 16 }}>
          {open && can('case.report') && (
            <Button
              data-testid="case-revise"
              onClick={() => {
                setRevising(true);
              }}
            >
              {t('surv.case.revise')}
            </Button>
          )}
          {card.status === 'pending' && can('case.review') && (
            <Button
              type="primary"
              data-testid="case-review"
              onClick={() => {
                act(() => reviewCase(code, card.id));
              }}
            >
              {t('surv.case.review')}
            </Button>
          )}
          {open && can('case.review') && (
            <Button
              danger
              data-testid="case-delete"
              onClick={() => {
                setDeleting(true);
              }}
            >
              {t('surv.case.delete')}
            </Button>
          )}
        </Space>
        <Descriptions column={2} size="small" bordered data-testid="case-detail">
          <Descriptions.Item label={t('surv.disease')}>{card.diseaseName}</Descriptions.Item>
          <Descriptions.Item label={t('surv.status')}>
            <CaseStatusTag status={card.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('surv.case.classification')}>
            {CASE_CLASSIFICATION_LABELS[card.classification]}
          </Descriptions.Item>
          <Descriptions.Item label={t('surv.case.patient')}>{card.patientName}</Descriptions.Item>
          <Descriptions.Item label={t('surv.case.onset')}>{formatDate(card.onsetDate)}</Descriptions.Item>
          <Descriptions.Item label={t('surv.case.diagnosis')}>{formatTime(card.diagnosedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('surv.case.reported')}>
            {formatTime(card.reportedAt)} {card.reportedInTime ? '' : t('surv.case.late')}
          </Descriptions.Item>
          <Descriptions.Item label={t('surv.case.facility')}>
            {card.facilityName ?? card.facilityId} / {card.reportingDoctor}
          </Descriptions.Item>
          <Descriptions.Item label={t('residents.township')}>{areaName(card.townshipCode)}</Descriptions.Item>
          <Descriptions.Item label={t('surv.case.address')}>{card.address ?? '—'}</Descriptions.Item>
          {card.duplicateOfId !== null && (
            <Descriptions.Item label={t('surv.case.duplicateOf')}>#{card.duplicateOfId}</Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('surv.case.duplicates')}
        </Typography.Title>
        <Table<CaseReportSummary>
          data-testid="case-duplicates"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={card.possibleDuplicates}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            { title: t('surv.case.patient'), dataIndex: 'patientName' },
            { title: t('surv.case.onset'), dataIndex: 'onsetDate' },
            { title: t('surv.case.reported'), dataIndex: 'reportedAt', render: (v: string) => formatTime(v) },
            { title: t('surv.case.facility'), dataIndex: 'facilityName' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, other: CaseReportSummary) =>
                can('case.review') && card.duplicateOfId === null ? (
                  <Popconfirm
                    title={t('surv.case.markDuplicateConfirm', { id: other.id })}
                    onConfirm={() => {
                      act(() => markDuplicate(code, card.id, { duplicateOfId: other.id }));
                    }}
                  >
                    <Button size="small" data-testid="case-mark-duplicate">
                      {t('surv.case.markDuplicate')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('surv.case.revisions')}
        </Typography.Title>
        <Timeline
          data-testid="case-revisions"
          items={card.revisions.map((r) => ({
            key: r.id,
            content: (
              <>
                <Typography.Text strong>{CASE_REVISION_ACTION_LABELS[r.action]}</Typography.Text>{' '}
                {formatTime(r.changedAt)}
                {r.reason && <div>{r.reason}</div>}
              </>
            ),
          }))}
        />
        {revising && (
          <CaseReportForm
            code={code}
            diseases={diseases}
            card={card}
            onClose={() => {
              setRevising(false);
            }}
            onSaved={() => {
              setRevising(false);
              changed();
            }}
          />
        )}
        {deleting && (
          <ReasonModal
            title={t('surv.case.delete')}
            required
            onClose={() => {
              setDeleting(false);
            }}
            onSubmit={async (reason) => {
              await deleteCase(code, card.id, reason);
              changed();
            }}
          />
        )}
      </>
    );
  };

  return (
    <Drawer open size={760} title={t('surv.case.detail', { id })} onClose={onClose} data-testid="case-drawer">
      <AsyncView state={state}>{render}</AsyncView>
    </Drawer>
  );
}
