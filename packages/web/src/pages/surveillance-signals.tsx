import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Upload,
  App,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { SITE_KINDS, SITE_KIND_LABELS, SITE_KIND_SIGNALS, SYNDROME_LABELS, isSyndromeCode } from '@chp/core';
import type { ImportIssue, SignalCountView, SignalIngestResult, SiteKind, SurveillanceSiteView } from '@chp/core';
import { listOrgUnits } from '../api/counties.js';
import { ApiError } from '../api/client.js';
import {
  createSite,
  getSignalSeries,
  importSignals,
  listSignalCounts,
  listSites,
  submitSignal,
} from '../api/surveillance.js';
import { EChart } from '../components/echart.js';
import { ImportErrorsTable } from '../components/import-errors.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';

const signalLabel = (code: string): string => (isSyndromeCode(code) ? SYNDROME_LABELS[code] : code);

/** The rows a rejected batch named (the API's 422 details), or none. */
function batchErrors(err: unknown): ImportIssue[] {
  return err instanceof ApiError ? (err.details ?? []) : [];
}

function SiteForm({ code, onClose, onSaved }: { code: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string; kind: SiteKind; townshipCode: string }>();
  const townships = useAsync(() => listOrgUnits(code), [code]);
  const required = [{ required: true, message: t('surv.required') }];
  return (
    <Modal
      open
      title={t('surv.signal.newSite')}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="site-form"
        onFinish={(values) => {
          createSite(code, values).then(onSaved, (err: unknown) => void message.error(errorMessage(err)));
        }}
      >
        <Form.Item name="code" label={t('surv.signal.siteCode')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('surv.signal.siteName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('surv.signal.kind')} rules={required}>
          <Select options={SITE_KINDS.map((k) => ({ value: k, label: SITE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="townshipCode" label={t('residents.township')} rules={required}>
          <Select options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManualEntry({
  code,
  sites,
  onSaved,
}: {
  code: string;
  sites: readonly SurveillanceSiteView[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ site: string; date: Dayjs; signal: string; count: number }>();
  const siteCode = Form.useWatch('site', form);
  const site = sites.find((s) => s.code === siteCode);
  const signals = site ? SITE_KIND_SIGNALS[site.kind] : [];
  const [errors, setErrors] = useState<ImportIssue[]>([]);
  return (
    <Card title={t('surv.signal.manual')} size="small">
      <Form
        form={form}
        layout="inline"
        data-testid="signal-form"
        initialValues={{ date: dayjs().subtract(1, 'day'), count: 0 }}
        onFinish={(values) => {
          setErrors([]);
          submitSignal(code, { ...values, date: isoDay(values.date) }).then(
            () => {
              void message.success(t('common.saved'));
              onSaved();
            },
            (err: unknown) => {
              setErrors(batchErrors(err));
              void message.error(errorMessage(err));
            }
          );
        }}
      >
        <Form.Item name="site" rules={[{ required: true, message: t('surv.required') }]}>
          <Select
            placeholder={t('surv.signal.site')}
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={sites.map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="date" rules={[{ required: true, message: t('surv.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="signal" rules={[{ required: true, message: t('surv.required') }]}>
          <Select
            placeholder={t('surv.signal.signal')}
            style={{ width: 180 }}
            options={signals.map((s) => ({ value: s, label: SYNDROME_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="count" rules={[{ required: true, message: t('surv.required') }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="signal-submit">
          {t('common.save')}
        </Button>
      </Form>
      {errors.length > 0 && <ImportErrorsTable errors={errors} />}
    </Card>
  );
}

function CsvImport({ code, onSaved }: { code: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [result, setResult] = useState<SignalIngestResult>();
  const [errors, setErrors] = useState<ImportIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  return (
    <Card title={t('surv.signal.csv')} size="small">
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(file) => {
          setResult(undefined);
          setErrors([]);
          setFailure(undefined);
          importSignals(code, file).then(
            (r) => {
              setResult(r);
              onSaved();
            },
            (err: unknown) => {
              setErrors(batchErrors(err));
              setFailure(errorMessage(err));
            }
          );
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="signal-upload">
          {t('surv.signal.upload')}
        </Button>
      </Upload>
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{t('surv.signal.csvHint')}</div>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          data-testid="signal-import-result"
          title={t('surv.signal.imported', {
            rows: result.rowCount,
            inserted: result.inserted,
            replaced: result.replaced,
            unchanged: result.unchanged,
          })}
          description={result.repeated ? t('surv.signal.repeated') : undefined}
        />
      )}
      {failure && <Alert style={{ marginTop: 12 }} type="error" title={failure} />}
      {errors.length > 0 && <ImportErrorsTable errors={errors} />}
    </Card>
  );
}

/** 多源监测信号: the sites, register a site, manual entry, CSV upload, and a site signal's recent counts. */
export function SurveillanceSignalsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const [signal, setSignal] = useState<string>('fever');
  const sites = useAsync(() => listSites(code), [code]);
  const townships = useAsync(() => listOrgUnits(code), [code]);
  const counts = useAsync(() => listSignalCounts(code, { signal }), [code, signal]);
  // The chart ends at the latest count received (yesterday on a live county, the end of the demo's records).
  const end = dayjs(counts.data?.rows[0]?.date);
  const from = isoDay(end.subtract(60, 'day'));
  const to = isoDay(end);
  const series = useAsync(
    () => (counts.loading ? Promise.resolve(undefined) : getSignalSeries(code, { signal, area: code, from, to })),
    [code, signal, from, to, counts.loading]
  );
  const saved = (): void => {
    series.reload();
    counts.reload();
  };
  const submit = can('signal.submit');

  return (
    <>
      <PageHeader title={t('menu.survSignals')}>
        {submit && (
          <Button
            data-testid="site-new"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('surv.signal.newSite')}
          </Button>
        )}
      </PageHeader>
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        {submit && <ManualEntry code={code} sites={sites.data ?? []} onSaved={saved} />}
        {submit && <CsvImport code={code} onSaved={saved} />}
        <Card
          size="small"
          title={t('surv.signal.recent')}
          extra={
            <Select
              data-testid="signal-series-signal"
              style={{ width: 200 }}
              value={signal}
              onChange={setSignal}
              options={Object.entries(SYNDROME_LABELS).map(([value, label]) => ({ value, label }))}
            />
          }
        >
          {series.error && <Alert type="error" title={errorMessage(series.error)} />}
          <EChart
            testId="signal-series"
            style={{ height: 260 }}
            option={{
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: (series.data?.points ?? []).map((p) => p.date) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: signalLabel(signal), data: (series.data?.points ?? []).map((p) => p.count) },
              ],
            }}
          />
        </Card>
        <Table<SignalCountView>
          data-testid="signal-counts"
          rowKey="id"
          size="small"
          loading={counts.loading}
          dataSource={counts.data?.rows ?? []}
          pagination={false}
          columns={[
            { title: t('surv.alert.date'), dataIndex: 'date' },
            { title: t('surv.signal.site'), dataIndex: 'siteName' },
            { title: t('surv.signal.signal'), dataIndex: 'signal', render: signalLabel },
            { title: t('surv.signal.count'), dataIndex: 'count' },
            { title: t('surv.signal.batch'), dataIndex: 'batchId' },
          ]}
        />
        <Table<SurveillanceSiteView>
          data-testid="sites-table"
          rowKey="id"
          size="small"
          loading={sites.loading}
          dataSource={sites.data ?? []}
          columns={[
            { title: t('surv.signal.siteCode'), dataIndex: 'code' },
            { title: t('surv.signal.siteName'), dataIndex: 'name' },
            { title: t('surv.signal.kind'), dataIndex: 'kind', render: (k: SiteKind) => SITE_KIND_LABELS[k] },
            {
              title: t('residents.township'),
              dataIndex: 'townshipCode',
              render: (c: string) => townships.data?.find((u) => u.code === c)?.name ?? c,
            },
            {
              title: t('surv.signal.signals'),
              dataIndex: 'kind',
              key: 'signals',
              render: (k: SiteKind) => SITE_KIND_SIGNALS[k].map(signalLabel).join('、'),
            },
          ]}
        />
      </Space>
      {adding && (
        <SiteForm
          code={code}
          onClose={() => {
            setAdding(false);
          }}
          onSaved={() => {
            setAdding(false);
            sites.reload();
          }}
        />
      )}
    </>
  );
}
