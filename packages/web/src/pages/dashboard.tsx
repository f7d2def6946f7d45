import { useMemo, useState } from 'react';
import { Collapse, Empty, Typography } from 'antd';
import type { IndicatorSummary } from '@chp/core';
import { getDashboard } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';
import { DashboardFilters, matchesFilter, type IndicatorFilter } from './dashboard-filters.js';
import { DashboardSummary } from './dashboard-summary.js';
import { IndicatorTable } from './indicator-table.js';
import { PageHeader } from '../components/page-header.js';

/** Indicators grouped by domain, in plan order. */
function groupByDomain(indicators: IndicatorSummary[], other: string): [string, IndicatorSummary[]][] {
  const groups = new Map<string, IndicatorSummary[]>();
  for (const i of indicators) {
    const key = i.domain ?? other;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups];
}

export function DashboardPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const state = useAsync(() => getDashboard(code, year), [code, year]);
  const [filter, setFilter] = useState<IndicatorFilter>({ text: '' });
  // Track the collapsed domains so groups that reappear after filtering open by default.
  const [closed, setClosed] = useState<string[]>([]);

  const groups = useMemo(
    () =>
      groupByDomain(
        (state.data?.indicators ?? []).filter((i) => matchesFilter(i, filter)),
        t('dashboard.noDomain')
      ),
    [state.data, filter, t]
  );

  return (
    <AsyncView state={state}>
      {(data) => (
        <div data-testid="dashboard">
          <PageHeader title={`${data.county.name} · ${t('menu.dashboard')}`}>
            <YearSelect value={year} onChange={setYear} />
            <Typography.Text type="secondary">
              {t('dashboard.total', { count: data.indicators.length })}
            </Typography.Text>
          </PageHeader>
          <DashboardSummary
            data={data}
            selected={filter.status}
            onSelect={(status) => {
              setFilter({ ...filter, status });
            }}
          />
          <DashboardFilters value={filter} onChange={setFilter} />
          {groups.length === 0 ? (
            <Empty />
          ) : (
            <Collapse
              activeKey={groups.map(([domain]) => domain).filter((d) => !closed.includes(d))}
              onChange={(open) => {
                setClosed(groups.map(([domain]) => domain).filter((d) => !open.includes(d)));
              }}
              items={groups.map(([domain, rows]) => ({
                key: domain,
                label: `${domain}（${rows.length}）`,
                children: <IndicatorTable rows={rows} />,
              }))}
            />
          )}
        </div>
      )}
    </AsyncView>
  );
}
