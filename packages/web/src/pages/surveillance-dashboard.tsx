import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Radio, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import type { DurationSummary, ResponseMetricsRow } from '@chp/core';
import { getAlertMetrics, getEpicurve, listAlerts, listDetectionRuns } from '../api/surveillance.js';
import type { EpicurvePoint } from '../api/surveillance.js';
import { EChart } from '../components/echart.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatNumber, isoDay } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { diseaseOptions } from './case-report-form.js';
import { SurveillanceAlertGrid } from './surveillance-alert-grid.js';
import { useSurveillanceNames } from './surveillance-names.js';

/** Cases by onset period as bars (the API answers every period of the range, zeros included). */
function curveOption(points: readonly EpicurvePoint[], name: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: points.map((p) => p.cases) }],
  };
}

const hours = (d: DurationSummary): string =>
  d.medianMinutes === null ? '—' : `${formatNumber(d.medianMinutes / 60, 1)} h (n=${d.count})`;

/** 疫情看板: the epidemic curve, open alerts by township, and alert response times. */
export function SurveillanceDashboardPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const { diseases, townships, subjectName, areaName } = useSurveillanceNames(code);
  const [disease, setDisease] = useState<string>();
  const [township, setTownship] = useState<string>();
  const [by, setBy] = useState<'day' | 'week'>('day');
  // Until the user picks a range, show the 90 days up to the last assessed date (yesterday on a live county;
  // the end of the records on the demo), not up to today.
  const latestRun = useAsync(() => listDetectionRuns(code, 1), [code]);
  const [picked, setPicked] = useState<[Dayjs, Dayjs]>();
  const end = dayjs(latestRun.data?.[0]?.assessedDate);
  const range = picked ?? [end.subtract(90, 'day'), end];
  const from = isoDay(range[0]);
  const to = isoDay(range[1]);
  const curve = useAsync(
    () => (latestRun.loading ? Promise.resolve([]) : getEpicurve(code, { disease, township, from, to, by })),
    [code, disease, township, from, to, by, latestRun.loading]
  );
  const alerts = useAsync(() => listAlerts(code, {}), [code]);
  // Response times are about the work on alerts, raised by date of raising: the past year up to today,
  // whatever period the curve shows.
  const metricsFrom = isoDay(dayjs().subtract(1, 'year'));
  const metricsTo = isoDay();
  const metrics = useAsync(() => getAlertMetrics(code, metricsFrom, metricsTo), [code, metricsFrom, metricsTo]);
  const curveName = disease ? subjectName(disease) : t('surv.dash.allDiseases');
  const option = useMemo(() => curveOption(curve.data ?? [], curveName), [curve.data, curveName]);

  return (
    <>
      <PageHeader title={t('menu.survDashboard')}>
        <Select
          data-testid="curve-disease"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('surv.disease')}
          style={{ width: 220 }}
          value={disease}
          options={diseaseOptions(diseases.data ?? [])}
          onChange={setDisease}
        />
        <Select
          data-testid="curve-township"
          allowClear
          placeholder={t('residents.township')}
          style={{ width: 180 }}
          value={township}
          options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          onChange={setTownship}
        />
        <Radio.Group
          data-testid="curve-by"
          value={by}
          onChange={(e) => {
            setBy(e.target.value as 'day' | 'week');
          }}
          options={[
            { value: 'day', label: t('surv.dash.byDay') },
            { value: 'week', label: t('surv.dash.byWeek') },
          ]}
          optionType="button"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(next) => {
            if (next?.[0] && next[1]) setPicked([next[0], next[1]]);
          }}
        />
      </PageHeader>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('surv.dash.curve')}>
          {curve.error && <Typography.Paragraph type="danger">{errorMessage(curve.error)}</Typography.Paragraph>}
          <EChart testId="epicurve" option={option} style={{ height: 320 }} />
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surv.dash.openAlerts')}>
              {alerts.error && <Typography.Paragraph type="danger">{errorMessage(alerts.error)}</Typography.Paragraph>}
              <SurveillanceAlertGrid
                county={{ code, name: areaName(code) }}
                townships={townships.data ?? []}
                alerts={alerts.data?.alerts ?? []}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('surv.dash.response')}>
              {metrics.error && (
                <Typography.Paragraph type="danger">{errorMessage(metrics.error)}</Typography.Paragraph>
              )}
              <Table<ResponseMetricsRow>
                data-testid="response-metrics"
                size="small"
                rowKey={(row) => (row === metrics.data?.overall ? '' : row.key)}
                loading={metrics.loading}
                pagination={false}
                dataSource={metrics.data ? [...metrics.data.byTownship, metrics.data.overall] : []}
                columns={[
                  {
                    title: t('residents.township'),
                    dataIndex: 'key',
                    render: (key: string, row) =>
                      row === metrics.data?.overall ? t('surv.dash.overall') : areaName(key),
                  },
                  { title: t('surv.dash.alerts'), dataIndex: 'alerts' },
                  { title: t('surv.dash.toVerifying'), dataIndex: 'toVerifying', render: hours },
                  { title: t('surv.dash.toVerified'), dataIndex: 'toVerified', render: hours },
                  { title: t('surv.dash.toClosed'), dataIndex: 'toClosed', render: hours },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </>
  );
}
