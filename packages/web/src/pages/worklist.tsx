import { useMemo, useState } from 'react';
import { Alert, App, Button, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PROGRAMS, PROGRAM_CODES, roleHasPermission } from '@chp/core';
import type { ProgramEnrolment, WorklistItem } from '@chp/core';
import { listOrgUnits } from '../api/counties.js';
import { getWorklist, listEnrolments } from '../api/programs.js';
import type { WorklistQuery } from '../api/programs.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { FollowUpModal } from './follow-up-modal.js';
import { PlaceFilter } from './residents-place-filter.js';
import type { Place } from './residents-place-filter.js';

interface Entry {
  item: WorklistItem;
  enrolments: ProgramEnrolment[];
}

/** A user reading the whole county must narrow the list (the API refuses it): start at the first township. */
function useCountyWide(code: string): boolean {
  const { user } = useSession();
  return (
    user?.roles.some((r) => roleHasPermission(r.role, 'record.read') && r.orgUnitCode.length <= code.length) ?? false
  );
}

/** 工作清单: services due within 7 days (今日待办) and overdue (逾期), each a link to the record and to 录入随访. */
export function WorklistPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const { can } = useSession();
  const { message } = App.useApp();
  const countyWide = useCountyWide(code);
  const [chosen, setChosen] = useState<Place>();
  const [program, setProgram] = useState<WorklistQuery['program']>();
  const [entry, setEntry] = useState<Entry>();
  const townships = useAsync(() => (countyWide ? listOrgUnits(code) : Promise.resolve([])), [code, countyWide]);
  const place = useMemo<Place>(
    () => chosen ?? (countyWide ? { township: townships.data?.[0]?.code } : {}),
    [chosen, countyWide, townships.data]
  );
  const ready = !countyWide || place.township !== undefined || program !== undefined;
  const state = useAsync(
    () =>
      ready
        ? getWorklist(code, { program, township: place.township, village: place.village })
        : Promise.resolve(undefined),
    [code, ready, program, place.township, place.village]
  );

  const openFollowUp = async (item: WorklistItem): Promise<void> => {
    try {
      const enrolments = await listEnrolments(code, item.residentId);
      setEntry({ item, enrolments: enrolments.filter((e) => e.endedDate === null) });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const table = (items: WorklistItem[] | undefined, testId: string) => (
    <Table<WorklistItem>
      data-testid={testId}
      rowKey={(i) => `${i.residentId}-${i.program}-${i.kind}-${i.dose ?? 0}-${i.dueDate}`}
      size="middle"
      loading={state.loading}
      dataSource={items ?? []}
      columns={[
        {
          title: t('residents.name'),
          dataIndex: 'residentName',
          render: (name: string, i: WorklistItem) => (
            <Link to={`/counties/${code}/residents/${i.residentId}`}>{name}</Link>
          ),
        },
        { title: t('residents.idNumber'), dataIndex: 'idNumberMasked', render: (v: string | null) => v ?? '—' },
        { title: t('residents.place'), dataIndex: 'placeName' },
        {
          title: t('residents.program'),
          dataIndex: 'program',
          render: (p: WorklistItem['program']) => (p === 'immunisation' ? t('record.immunisation') : PROGRAMS[p].label),
        },
        { title: t('record.service'), dataIndex: 'label' },
        { title: t('record.dueDate'), dataIndex: 'dueDate' },
        { title: t('record.overdueFrom'), dataIndex: 'overdueFrom' },
        {
          title: t('record.reason'),
          dataIndex: 'reason',
          render: (reason: string, i: WorklistItem) => (
            <>
              {reason}
              {i.referral && <Tag color="red">{t('record.referral')}</Tag>}
            </>
          ),
        },
        {
          key: 'action',
          render: (_: unknown, i: WorklistItem) =>
            i.enrolmentId !== undefined &&
            can('record.write') && (
              <Button size="small" data-testid="worklist-follow-up" onClick={() => void openFollowUp(i)}>
                {t('followUp.title')}
              </Button>
            ),
        },
      ]}
    />
  );

  return (
    <>
      <PageHeader title={t('menu.worklist')}>
        <PlaceFilter code={code} value={place} onChange={setChosen} townshipRequired={countyWide && !program} />
        <Select
          data-testid="worklist-program"
          allowClear
          placeholder={t('residents.program')}
          style={{ width: 180 }}
          value={program}
          options={[
            ...PROGRAM_CODES.map((p) => ({ value: p, label: PROGRAMS[p].label })),
            { value: 'immunisation', label: t('record.immunisation') },
          ]}
          onChange={(next: WorklistQuery['program']) => {
            setProgram(next);
          }}
        />
      </PageHeader>
      {state.error && <Alert type="error" showIcon title={errorMessage(state.error)} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Tabs
          items={[
            {
              key: 'today',
              label: (
                <span data-testid="tab-today">{t('worklist.today', { count: state.data?.today.length ?? 0 })}</span>
              ),
              children: table(state.data?.today, 'worklist-today'),
            },
            {
              key: 'overdue',
              label: (
                <span data-testid="tab-overdue">
                  {t('worklist.overdue', { count: state.data?.overdue.length ?? 0 })}
                </span>
              ),
              children: table(state.data?.overdue, 'worklist-overdue'),
            },
          ]}
        />
      </Space>
      {entry && (
        <FollowUpModal
          code={code}
          residentId={entry.item.residentId}
          enrolments={entry.enrolments}
          target={{ enrolmentId: entry.item.enrolmentId, kind: entry.item.kind }}
          onClose={() => {
            setEntry(undefined);
          }}
          onSaved={() => {
            setEntry(undefined);
            state.reload();
          }}
        />
      )}
    </>
  );
}
