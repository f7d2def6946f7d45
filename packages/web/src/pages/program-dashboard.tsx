import { useMemo } from 'react';
import { Empty, Segmented, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { listComputedIndicators } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';
import { PROGRAM_GROUPS, programGroup } from './program-dashboard-groups.js';
import { ProgramIndicatorCard } from './program-dashboard-indicator.js';
import { ProgramSummaryCard } from './program-dashboard-summary.js';

/** 公卫项目看板: per programme of the year, its service indicators by township and the township's summary. */
export function ProgramDashboardPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const [params, setParams] = useSearchParams();
  const group = programGroup(params.get('program'));
  const township = params.get('township') ?? undefined;
  const setParam = (key: string, value: string | undefined): void => {
    setParams(
      (prev) => {
        if (value === undefined) prev.delete(key);
        else prev.set(key, value);
        return prev;
      },
      { replace: true }
    );
  };
  const state = useAsync(() => listComputedIndicators(code, year), [code, year]);
  const townships = useMemo(() => {
    const units = new Map<string, string>();
    for (const item of state.data ?? []) if (item.orgUnit !== code) units.set(item.orgUnit, item.orgUnitName);
    return [...units].map(([unit, name]) => ({ code: unit, name }));
  }, [state.data, code]);

  return (
    <>
      <PageHeader title={t('menu.programs')}>
        <YearSelect value={year} onChange={setYear} />
      </PageHeader>
      <Segmented
        data-testid="program-select"
        style={{ marginBottom: 16 }}
        value={group.key}
        onChange={(value) => {
          setParam('program', value);
        }}
        options={PROGRAM_GROUPS.map((g) => ({ value: g.key, label: t(g.label) }))}
      />
      <AsyncView state={state}>
        {(list) => {
          const cards = group.indicators.flatMap((indicator) => {
            const items = list.filter((item) => item.code === indicator);
            const townshipItems = items.filter((item) => item.orgUnit !== code);
            if (townshipItems.length === 0) return [];
            const county = items.find((item) => item.orgUnit === code);
            return [<ProgramIndicatorCard key={indicator} items={townshipItems} county={county} />];
          });
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {cards.length > 0 ? cards : <Empty description={t('programs.empty', { year })} />}
              {group.summary !== null && (
                <ProgramSummaryCard
                  code={code}
                  year={year}
                  townships={townships}
                  township={township}
                  onTownship={(value) => {
                    setParam('township', value);
                  }}
                />
              )}
            </Space>
          );
        }}
      </AsyncView>
    </>
  );
}
