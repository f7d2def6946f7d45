import { useState } from 'react';
import { Button, DatePicker, Select, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { getTimeliness, listCases } from '../api/surveillance.js';
import { CASE_CLASSIFICATION_LABELS, CASE_STATUSES, CASE_STATUS_LABELS } from '@chp/core';
import type { CaseReportSummary, CaseStatus, CaseTimelinessRow } from '@chp/core';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatDate, formatNumber, formatTime } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { CaseReportDrawer } from './case-report-drawer.js';
import { CaseReportForm, diseaseOptions } from './case-report-form.js';
import { useSurveillanceNames } from './surveillance-names.js';
import { CaseStatusTag } from './surveillance-tags.js';

const PAGE_SIZE = 50;

function Timeliness({ code }: { code: string }) {
  const { t } = useI18n();
  const year0 = new Date().getFullYear();
  const [year, setYear] = useState(year0);
  const state = useAsync(() => getTimeliness(code, year), [code, year]);
  const rate = (v: number | null): string => (v === null ? '—' : `${formatNumber(v * 100, 1)}%`);
  const columns = [
    { title: t('surv.case.unit'), dataIndex: 'name' },
    { title: t('surv.case.total'), dataIndex: 'cards' },
    { title: t('surv.case.timeliness'), dataIndex: 'timeliness', render: rate },
    { title: t('surv.case.completeness'), dataIndex: 'completeness', render: rate },
  ];
  return (
    <>
      <Select
        data-testid="timeliness-year"
        value={year}
        onChange={setYear}
        style={{ width: 110, marginBottom: 12 }}
        options={[0, 1, 2, 3, 4].map((back) => ({ value: year0 - back, label: String(year0 - back) }))}
      />
      <AsyncView state={state}>
        {(report) => (
          <>
            <Typography.Title level={5}>{t('surv.case.byFacility')}</Typography.Title>
            <Table<CaseTimelinessRow>
              data-testid="timeliness-facility"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={report.byFacility}
              columns={columns}
            />
            <Typography.Title level={5}>{t('surv.case.byTownship')}</Typography.Title>
            <Table<CaseTimelinessRow>
              data-testid="timeliness-township"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={[...report.byTownship, { ...report.total, name: t('surv.dash.overall') }]}
              columns={columns}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}

/** 传染病报告卡: the cards with filters, 新建报告卡, the detail drawer, and 报告及时率/完整率. */
export function SurveillanceCasesPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const { can } = useSession();
  const [disease, setDisease] = useState<string>();
  const [township, setTownship] = useState<string>();
  const [status, setStatus] = useState<CaseStatus>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number>();
  const { diseases, townships, areaName } = useSurveillanceNames(code);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const cases = useAsync(
    () => listCases(code, { disease, township, status, from, to, page }),
    [code, disease, township, status, from, to, page]
  );
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const list = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="case-filter-disease"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('surv.disease')}
          style={{ width: 220 }}
          value={disease}
          options={diseaseOptions(diseases.data ?? [])}
          onChange={filtered(setDisease)}
        />
        <Select
          data-testid="case-filter-township"
          allowClear
          placeholder={t('residents.township')}
          style={{ width: 180 }}
          value={township}
          options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          onChange={filtered(setTownship)}
        />
        <Select
          data-testid="case-filter-status"
          allowClear
          placeholder={t('surv.status')}
          style={{ width: 140 }}
          value={status}
          options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
          onChange={filtered(setStatus)}
        />
        <DatePicker.RangePicker value={range} onChange={filtered(setRange)} />
      </Space>
      {cases.error && <Typography.Paragraph type="danger">{errorMessage(cases.error)}</Typography.Paragraph>}
      <Table<CaseReportSummary>
        data-testid="cases-table"
        rowKey="id"
        size="middle"
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        onRow={(r) => ({
          onClick: () => {
            setOpenId(r.id);
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('surv.disease'), dataIndex: 'diseaseName' },
          {
            title: t('surv.case.classification'),
            dataIndex: 'classification',
            render: (v: CaseReportSummary['classification']) => CASE_CLASSIFICATION_LABELS[v],
          },
          { title: t('surv.case.patient'), dataIndex: 'patientName' },
          {
            title: t('residents.township'),
            dataIndex: 'townshipCode',
            render: areaName,
          },
          { title: t('surv.case.onset'), dataIndex: 'onsetDate', render: (v: string) => formatDate(v) },
          {
            title: t('surv.case.reported'),
            dataIndex: 'reportedAt',
            render: (v: string, r) => `${formatTime(v)}${r.reportedInTime ? '' : ` ${t('surv.case.late')}`}`,
          },
          { title: t('surv.case.facility'), dataIndex: 'facilityName' },
          { title: t('surv.status'), dataIndex: 'status', render: (v: CaseStatus) => <CaseStatusTag status={v} /> },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader title={t('menu.survCases')}>
        {can('case.report') && (
          <Button
            type="primary"
            data-testid="case-new"
            disabled={!diseases.data}
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('surv.case.new')}
          </Button>
        )}
      </PageHeader>
      <Tabs
        items={[
          { key: 'cards', label: t('surv.case.cards'), children: list },
          { key: 'timeliness', label: t('surv.case.timelinessTab'), children: <Timeliness code={code} /> },
        ]}
      />
      {creating && diseases.data && (
        <CaseReportForm
          code={code}
          diseases={diseases.data}
          onClose={() => {
            setCreating(false);
          }}
          onSaved={() => {
            setCreating(false);
            cases.reload();
          }}
        />
      )}
      {openId !== undefined && (
        <CaseReportDrawer
          code={code}
          id={openId}
          diseases={diseases.data ?? []}
          areaName={areaName}
          onClose={() => {
            setOpenId(undefined);
          }}
          onChanged={cases.reload}
        />
      )}
    </>
  );
}
