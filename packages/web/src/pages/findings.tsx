import { getDashboard, listFindings } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { FindingsTable } from '../components/findings-table.js';
import { useI18n } from '../i18n/i18n.js';
import { defaultPlanYear } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { PageHeader } from '../components/page-header.js';

export function FindingsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const state = useAsync(async () => {
    // The dashboard supplies the indicator names the findings only reference by id.
    const [findings, dashboard] = await Promise.all([listFindings(code), getDashboard(code, defaultPlanYear())]);
    return { findings, names: new Map(dashboard.indicators.map((i) => [i.id, i.name])) };
  }, [code]);
  return (
    <>
      <PageHeader title={t('menu.findings')} />
      <AsyncView state={state}>
        {(d) => <FindingsTable findings={d.findings} names={d.names} showIndicator />}
      </AsyncView>
    </>
  );
}
