import { useEffect } from 'react';
import { Alert, Card, Empty, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { getIndicator } from '../api/values.js';
import { AsyncView } from '../components/async-view.js';
import { FindingsTable } from '../components/findings-table.js';
import { TrendChart } from '../components/trend-chart.js';
import { useI18n } from '../i18n/i18n.js';
import { useCounties } from '../lib/counties.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { ComputedPanel } from './computed-panel.js';
import { EvaluationsTable } from './evaluations-table.js';
import { IndicatorHeader } from './indicator-header.js';
import { RegionalReferences } from './regional-references.js';
import { ValueEntryForm } from './value-entry-form.js';
import { ValueHistory } from './value-history.js';
import { ValuesTable } from './values-table.js';

export function IndicatorPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { remember } = useCounties();
  const id = useParams().id ?? '';
  const state = useAsync(() => getIndicator(id), [id]);
  const countyCode = state.data?.indicator.countyCode;

  // Keep the county picker on this indicator's county.
  useEffect(() => {
    if (countyCode) remember(countyCode);
  }, [countyCode, remember]);

  return (
    <AsyncView state={state}>
      {(d) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="indicator-page">
          <IndicatorHeader indicator={d.indicator} />
          <Card title={t('indicator.chart')} size="small">
            <TrendChart detail={d} />
          </Card>
          <ComputedPanel indicator={d.indicator} townships={d.computedTownships.filter((c) => c.value !== null)} />
          <Card title={t('indicator.evaluations')} size="small">
            <EvaluationsTable evaluations={d.evaluations} />
          </Card>
          {(d.indicator.comparator === 'regional_average' || d.regionalReferences.length > 0) && (
            <Card title={t('reference.title')} size="small" data-testid="reference-card">
              <RegionalReferences indicator={d.indicator} references={d.regionalReferences} onSaved={state.reload} />
            </Card>
          )}
          {d.findings.length > 0 && (
            <Card title={t('indicator.findings')} size="small">
              <FindingsTable findings={d.findings} showIndicator={false} />
            </Card>
          )}
          {can('value.enter') && (
            <Card title={t('indicator.entry')} size="small">
              {d.indicator.definitionType === 'computed' ? (
                <Alert type="info" title={t('indicator.computed')} />
              ) : (
                <ValueEntryForm indicator={d.indicator} values={d.values} onSaved={state.reload} />
              )}
            </Card>
          )}
          <Card title={t('indicator.valueTable')} size="small">
            <ValuesTable countyCode={d.indicator.countyCode} values={d.values} onChange={state.reload} />
          </Card>
          <Card title={t('indicator.history')} size="small">
            {d.history.length === 0 ? <Empty /> : <ValueHistory history={d.history} />}
          </Card>
        </Space>
      )}
    </AsyncView>
  );
}
