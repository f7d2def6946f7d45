import type { ComputedIndicatorResponse } from '@chp/core';
import { Empty, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { listComputedIndicators } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';

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

export function ComputedIndicatorsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const state = useAsync(() => listComputedIndicators(code, year), [code, year]);
  return (
    <>
      <PageHeader title={t('menu.computed')}>
        <YearSelect value={year} onChange={setYear} />
      </PageHeader>
      <AsyncView state={state}>
        {(list) => {
          if (list.length === 0) return <Empty description={t('computed.empty')} />;
          const { rows, units } = pivot(list);
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
            <Table
              data-testid="computed-table"
              rowKey="code"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={columns}
              dataSource={rows}
            />
          );
        }}
      </AsyncView>
    </>
  );
}
