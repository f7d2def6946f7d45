import { Card, Empty, Space } from 'antd';
import { getComparison } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';
import { ComparisonCard } from './comparison-card.js';
import { PageHeader } from '../components/page-header.js';

/** Standard indicators shared by two or more counties, side by side. */
export function ComparisonPage() {
  const { t } = useI18n();
  const [year, setYear] = useYearParam();
  const state = useAsync(() => getComparison(year), [year]);
  return (
    <>
      <PageHeader title={t('menu.comparison')}>
        <YearSelect value={year} onChange={setYear} />
      </PageHeader>
      <AsyncView state={state}>
        {(rows) => {
          const shared = rows.filter((r) => r.counties.length >= 2);
          return shared.length === 0 ? (
            <Card>
              <Empty description={t('comparison.empty')} />
            </Card>
          ) : (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {shared.map((row) => (
                <ComparisonCard key={row.standardCode} row={row} />
              ))}
            </Space>
          );
        }}
      </AsyncView>
    </>
  );
}
