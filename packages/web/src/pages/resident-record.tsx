import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { PROGRAMS, keyPopulationFlags, keyPopulationLabel } from '@chp/core';
import type { DueItem, ProgramEnrolment, ResidentDetail } from '@chp/core';
import { getResidentDue, listEnrolments } from '../api/programs.js';
import { getResident, getResidentTimeline } from '../api/residents.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { FollowUpModal } from './follow-up-modal.js';
import type { FollowUpTarget } from './follow-up-modal.js';
import { RecordAccessLog } from './resident-record-access.js';
import { RecordTimeline } from './resident-record-timeline.js';
import { RecordStatusTag, ageToday, sexLabel } from './residents-tags.js';

/** Age and programme flags follow from the enrolments open today, recorded flags from their dates. */
function flagsOf(resident: ResidentDetail, enrolments: readonly ProgramEnrolment[]): string[] {
  const asOf = isoDay();
  return keyPopulationFlags({
    birthDate: resident.birthDate,
    asOf,
    openPrograms: enrolments.filter((e) => e.endedDate === null || e.endedDate > asOf).map((e) => e.program),
    residentFlags: resident.flags
      .filter((f) => f.fromDate <= asOf && (f.toDate === null || f.toDate >= asOf))
      .map((f) => f.flag),
  }).map(keyPopulationLabel);
}

/** The ID number: masked, or in full after 显示完整证件号 (record.identify; the server logs it). */
function IdNumber({ code, resident }: { code: string; resident: ResidentDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [full, setFull] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reveal = async (): Promise<void> => {
    setBusy(true);
    try {
      setFull((await getResident(code, resident.id, true)).idNumber);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <span data-testid="record-id-number">{full ?? resident.idNumberMasked ?? '—'}</span>
      {full === undefined && resident.idNumberMasked !== null && can('record.identify') && (
        <Button
          size="small"
          icon={<EyeOutlined />}
          loading={busy}
          data-testid="reveal-id"
          onClick={() => void reveal()}
        >
          {t('record.reveal')}
        </Button>
      )}
    </Space>
  );
}

function Demographics({ code, resident, flags }: { code: string; resident: ResidentDetail; flags: string[] }) {
  const { t } = useI18n();
  const household = resident.household;
  return (
    <Card data-testid="record-header">
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('residents.name')}>
          <Typography.Text strong>{resident.name}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.idNumber')}>
          <IdNumber code={code} resident={resident} />
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.sex')}>{sexLabel(resident.sex)}</Descriptions.Item>
        <Descriptions.Item label={t('record.birthDate')}>
          {resident.birthDate}（{t('record.years', { age: ageToday(resident.birthDate) })}）
        </Descriptions.Item>
        <Descriptions.Item label={t('record.phone')}>{resident.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('residents.place')}>
          {[resident.townshipName, resident.villageName].filter(Boolean).join(' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.status')}>
          <RecordStatusTag status={resident.recordStatus} />
          {resident.statusDate && <span>{resident.statusDate}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('record.recordDate')}>
          {resident.recordDate ?? t('record.noRecord')}
          {resident.recordFacilityName && `（${resident.recordFacilityName}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.flags')}>
          <span data-testid="record-flags">
            {flags.length === 0 ? '—' : flags.map((flag) => <Tag key={flag}>{flag}</Tag>)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('record.household')} span={3}>
          {household
            ? `${household.householdNumber}${household.address ? ` · ${household.address}` : ''}：${household.members
                .map((m) => `${m.name}（${sexLabel(m.sex)}，${m.birthDate}）`)
                .join('、')}`
            : '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 档案浏览器: the resident, programmes and due items, the timeline and who read the record. */
export function ResidentRecordPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const residentId = Number(useParams().id);
  const { can } = useSession();
  const record = useAsync(
    () => Promise.all([getResident(code, residentId), listEnrolments(code, residentId)]),
    [code, residentId]
  );
  const due = useAsync(() => getResidentDue(code, residentId).then((d) => d.items), [code, residentId]);
  const timeline = useAsync(() => getResidentTimeline(code, residentId), [code, residentId]);
  const [savedDue, setSavedDue] = useState<DueItem[]>();
  const [target, setTarget] = useState<FollowUpTarget>();
  const dueItems = savedDue ?? due.data ?? [];

  return (
    <AsyncView state={record}>
      {([resident, enrolments]) => {
        const open = enrolments.filter((e) => e.endedDate === null);
        return (
          <>
            <PageHeader title={`${t('record.title')} · ${resident.name}`}>
              {can('record.write') && (
                <Button
                  type="primary"
                  data-testid="record-follow-up"
                  onClick={() => {
                    setTarget({});
                  }}
                >
                  {t('followUp.title')}
                </Button>
              )}
            </PageHeader>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Demographics code={code} resident={resident} flags={flagsOf(resident, enrolments)} />
              <Card title={t('record.enrolments')} size="small">
                <Table<ProgramEnrolment>
                  data-testid="record-enrolments"
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={enrolments}
                  columns={[
                    {
                      title: t('residents.program'),
                      dataIndex: 'program',
                      render: (p: ProgramEnrolment['program']) => PROGRAMS[p].label,
                    },
                    { title: t('record.enrolledDate'), dataIndex: 'enrolledDate' },
                    {
                      title: t('record.endedDate'),
                      dataIndex: 'endedDate',
                      render: (v: string | null) => v ?? <Tag color="green">{t('record.inCare')}</Tag>,
                    },
                  ]}
                />
              </Card>
              <Card title={t('record.due')} size="small">
                <Table<DueItem>
                  data-testid="record-due"
                  rowKey={(d) => `${d.program}-${d.kind}-${d.dose ?? 0}-${d.enrolmentId ?? 0}-${d.dueDate}`}
                  size="small"
                  pagination={false}
                  loading={due.loading}
                  dataSource={dueItems}
                  columns={[
                    {
                      title: t('residents.program'),
                      dataIndex: 'program',
                      render: (p: DueItem['program']) =>
                        p === 'immunisation' ? t('record.immunisation') : PROGRAMS[p].label,
                    },
                    { title: t('record.service'), dataIndex: 'label' },
                    { title: t('record.dueDate'), dataIndex: 'dueDate' },
                    {
                      title: t('record.overdueFrom'),
                      dataIndex: 'overdueFrom',
                      render: (v: string) => (v <= isoDay() ? <Tag color="red">{v}</Tag> : v),
                    },
                    { title: t('record.reason'), dataIndex: 'reason' },
                    {
                      key: 'action',
                      render: (_: unknown, d: DueItem) =>
                        d.enrolmentId !== undefined &&
                        can('record.write') && (
                          <Button
                            size="small"
                            onClick={() => {
                              setTarget({ enrolmentId: d.enrolmentId, kind: d.kind });
                            }}
                          >
                            {t('followUp.title')}
                          </Button>
                        ),
                    },
                  ]}
                />
              </Card>
              <Card size="small">
                <Tabs
                  items={[
                    {
                      key: 'timeline',
                      label: t('record.timeline'),
                      children: <AsyncView state={timeline}>{(items) => <RecordTimeline items={items} />}</AsyncView>,
                    },
                    {
                      key: 'access',
                      label: <span data-testid="tab-access">{t('record.accessLog')}</span>,
                      children: <RecordAccessLog code={code} residentId={residentId} />,
                    },
                  ]}
                />
              </Card>
            </Space>
            {target && (
              <FollowUpModal
                code={code}
                residentId={residentId}
                enrolments={open}
                target={target}
                onClose={() => {
                  setTarget(undefined);
                }}
                onSaved={(items) => {
                  setTarget(undefined);
                  setSavedDue(items);
                  timeline.reload();
                }}
              />
            )}
          </>
        );
      }}
    </AsyncView>
  );
}
