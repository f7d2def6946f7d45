import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ComputedIndicatorResponse } from '@chp/core';
import { isWithinScope, roleHasPermission } from '@chp/core';
import { Card, Empty, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { listComputedIndicators } from '../api/counties.js';
import { getTownshipBoundaries } from '../api/township-views.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useSession } from '../lib/session.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';
import { TownshipBoundaryAdmin } from './township-boundary-admin.js';
import { TownshipDistribution } from './township-distribution.js';
import { TownshipTrend } from './township-trend.js';

/** One indicator across the org units: the cells keyed by org-unit code. */
interface IndicatorRow {
  code: string;
  name: string;
  unit: string;
  cells: Map<string, ComputedIndicatorResponse>;
}

/** Pivots the API's flat list (county first, then townships) into one row per indicator code. */
function pivot(list: ComputedIndicatorResponse[]): {
  rows: IndicatorRow[];
  units: { code: string; name: string }[];
} {
  const rows = new Map<string, IndicatorRow>();
  const units = new Map<string, string>();
  for (const item of list) {
    units.set(item.orgUnit, item.orgUnitName);
    const row = rows.get(item.code) ?? { code: item.code, name: item.name, unit: item.unit, cells: new Map() };
    row.cells.set(item.orgUnit, item);
    rows.set(item.code, row);
  }
  return { rows: [...rows.values()], units: [...units].map(([code, name]) => ({ code, name })) };
}

function ComputedCell({ item }: { item: ComputedIndicatorResponse | undefined }) {
  const { t } = useI18n();
  if (!item) return null;
  return (
    <Space size={4}>
      <Tooltip title={`${t('computed.ratio')}: ${formatNumber(item.numerator)} / ${formatNumber(item.denominator)}`}>
        <span>{formatNumber(item.value, 2)}</span>
      </Tooltip>
      {item.compliant === true && (
        <Tooltip title={t('computed.norm', { norm: formatNumber(item.norm) })}>
          <Tag color="success">{t('computed.compliant')}</Tag>
        </Tooltip>
      )}
      {item.compliant === false && (
        <Tooltip title={t('computed.norm', { norm: formatNumber(item.norm) })}>
          <Tag color="error">{t('computed.notCompliant')}</Tag>
        </Tooltip>
      )}
      {item.warnings && item.warnings.length > 0 && (
        <Tooltip title={item.warnings.join('；')}>
          <WarningOutlined style={{ color: '#faad14' }} data-testid="computed-warning" />
        </Tooltip>
      )}
    </Space>
  );
}

/** The indicator of ?indicator=, else the first one computed for townships, else the first one. */
function useIndicatorParam(): [string | null, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const setIndicator = (code: string): void => {
    setParams(
      (prev) => {
        prev.set('indicator', code);
        return prev;
      },
      { replace: true }
    );
  };
  return [params.get('indicator'), setIndicator];
}

function chooseIndicator(rows: IndicatorRow[], countyCode: string, wanted: string | null): IndicatorRow | undefined {
  return (
    rows.find((row) => row.code === wanted) ??
    rows.find((row) => [...row.cells.keys()].some((unit) => unit !== countyCode)) ??
    rows[0]
  );
}

/** Whether the user administers this county (the server checks the same rule on upload and delete). */
function useManagesCounty(countyCode: string): boolean {
  const { user } = useSession();
  return (
    user?.roles.some((r) => roleHasPermission(r.role, 'county.manage') && isWithinScope(r.orgUnitCode, countyCode)) ??
    false
  );
}

export function ComputedIndicatorsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const [wanted, setIndicator] = useIndicatorParam();
  const managesCounty = useManagesCounty(code);
  const state = useAsync(() => listComputedIndicators(code, year), [code, year]);
  const boundaries = useAsync(() => getTownshipBoundaries(code), [code]);
  const pivoted = useMemo(() => (state.data ? pivot(state.data) : undefined), [state.data]);
  const selected = pivoted ? chooseIndicator(pivoted.rows, code, wanted) : undefined;
  const townshipItems = useMemo(
    () => (selected ? [...selected.cells.values()].filter((item) => item.orgUnit !== code) : []),
    [selected, code]
  );
  return (
    <>
      <PageHeader title={t('menu.computed')}>
        {pivoted && pivoted.rows.length > 0 && (
          <Select
            data-testid="indicator-select"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 280 }}
            value={selected?.code}
            onChange={setIndicator}
            options={pivoted.rows.map((row) => ({ value: row.code, label: `${row.name}（${row.unit}）` }))}
          />
        )}
        <YearSelect value={year} onChange={setYear} />
      </PageHeader>
      <AsyncView state={state}>
        {(list) => {
          if (list.length === 0 || !pivoted || !selected) return <Empty description={t('computed.empty')} />;
          const { rows, units } = pivoted;
          const columns: TableColumnsType<IndicatorRow> = [
            {
              title: t('computed.indicator'),
              key: 'indicator',
              fixed: 'left',
              width: 240,
              render: (_, row) => `${row.name}（${row.unit}）`,
            },
            ...units.map((unit) => ({
              title: unit.name,
              key: unit.code,
              width: 140,
              render: (_: unknown, row: IndicatorRow) => <ComputedCell item={row.cells.get(unit.code)} />,
            })),
          ];
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card title={t('township.distribution', { name: selected.name, year })} size="small">
                <TownshipDistribution
                  items={townshipItems}
                  boundaries={boundaries.data}
                  loading={boundaries.data === undefined && boundaries.error === undefined}
                />
              </Card>
              <Card title={t('township.trend', { name: selected.name })} size="small">
                <TownshipTrend countyCode={code} indicator={selected.code} year={year} />
              </Card>
              <Card title={t('township.allIndicators', { year })} size="small">
                <Table
                  data-testid="computed-table"
                  rowKey="code"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={columns}
                  dataSource={rows}
                  rowClassName={(row) => (row.code === selected.code ? 'ant-table-row-selected' : '')}
                />
              </Card>
              {managesCounty && boundaries.data !== undefined && (
                <Card title={t('boundaries.title')} size="small">
                  <TownshipBoundaryAdmin countyCode={code} current={boundaries.data} onChanged={boundaries.reload} />
                </Card>
              )}
            </Space>
          );
        }}
      </AsyncView>
    </>
  );
}
