import { useState } from 'react';
import { App, Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { ALERT_GRADES, ALERT_GRADE_LABELS, ALERT_STATUSES, ALERT_STATUS_LABELS } from '@chp/core';
import type { AlertGrade, AlertStatus, AlertSummary } from '@chp/core';
import { listAlerts, runDetection } from '../api/surveillance.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatTime, isoDay } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { AlertDrawer } from './alert-drawer.js';
import { useSurveillanceNames } from './surveillance-names.js';
import { AlertStatusTag, GradeTag } from './surveillance-tags.js';

/** 预警: the graded alerts with filters, the detail drawer, and 立即运行检测. */
export function SurveillanceAlertsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const code = useCountyCode();
  const { can } = useSession();
  const [status, setStatus] = useState<AlertStatus>();
  const [grade, setGrade] = useState<AlertGrade>();
  const [township, setTownship] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [openId, setOpenId] = useState<number>();
  const [running, setRunning] = useState(false);
  const { townships, subjectName, areaName } = useSurveillanceNames(code);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const alerts = useAsync(
    () => listAlerts(code, { status, grade, township, from, to }),
    [code, status, grade, township, from, to]
  );

  const run = (): void => {
    setRunning(true);
    // The daily run assesses yesterday; on demand the same date, so a re-run updates rather than adds.
    runDetection(code, isoDay(dayjs().subtract(1, 'day'))).then(
      () => {
        setRunning(false);
        void message.success(t('surv.alert.runDone'));
        alerts.reload();
      },
      (err: unknown) => {
        setRunning(false);
        void message.error(errorMessage(err));
      }
    );
  };

  return (
    <>
      <PageHeader title={t('menu.survAlerts')}>
        {can('alert.manage') && (
          <Button icon={<ThunderboltOutlined />} loading={running} data-testid="detection-run" onClick={run}>
            {t('surv.alert.run')}
          </Button>
        )}
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="alert-filter-status"
          allowClear
          placeholder={t('surv.status')}
          style={{ width: 140 }}
          value={status}
          options={ALERT_STATUSES.map((s) => ({ value: s, label: ALERT_STATUS_LABELS[s] }))}
          onChange={setStatus}
        />
        <Select
          data-testid="alert-filter-grade"
          allowClear
          placeholder={t('surv.alert.grade')}
          style={{ width: 120 }}
          value={grade}
          options={ALERT_GRADES.map((g) => ({ value: g, label: ALERT_GRADE_LABELS[g] }))}
          onChange={setGrade}
        />
        <Select
          data-testid="alert-filter-township"
          allowClear
          placeholder={t('residents.township')}
          style={{ width: 180 }}
          value={township}
          options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          onChange={setTownship}
        />
        <DatePicker.RangePicker value={range} onChange={setRange} />
      </Space>
      {alerts.error && <Typography.Paragraph type="danger">{errorMessage(alerts.error)}</Typography.Paragraph>}
      <Table<AlertSummary>
        data-testid="alerts-table"
        rowKey="id"
        size="middle"
        loading={alerts.loading}
        dataSource={alerts.data?.alerts ?? []}
        onRow={(r) => ({
          onClick: () => {
            setOpenId(r.id);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('surv.alert.grade'), dataIndex: 'grade', render: (g: AlertGrade) => <GradeTag grade={g} /> },
          { title: t('surv.status'), dataIndex: 'status', render: (s: AlertStatus) => <AlertStatusTag status={s} /> },
          { title: t('surv.alert.subject'), dataIndex: 'subject', render: subjectName },
          { title: t('surv.alert.area'), dataIndex: 'areaCode', render: areaName },
          { title: t('surv.alert.period'), key: 'period', render: (_: unknown, r) => `${r.firstDate} ~ ${r.lastDate}` },
          { title: t('surv.alert.raised'), dataIndex: 'raisedAt', render: (v: string) => formatTime(v) },
        ]}
      />
      {openId !== undefined && (
        <AlertDrawer
          code={code}
          id={openId}
          subjectName={subjectName}
          areaName={areaName}
          onClose={() => {
            setOpenId(undefined);
          }}
          onChanged={alerts.reload}
        />
      )}
    </>
  );
}
