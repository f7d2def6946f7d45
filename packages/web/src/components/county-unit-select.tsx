import { Select } from 'antd';
import { listOrgUnits } from '../api/counties.js';
import { useI18n } from '../i18n/i18n.js';
import { useCounties } from '../lib/counties.js';
import { useAsync } from '../lib/use-async.js';

/** Picks the county itself (listed first, as 全县) or one of its townships. */
export function CountyUnitSelect({
  countyCode,
  value,
  onChange,
  testId,
}: {
  countyCode: string;
  value?: string;
  onChange?: (code: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const counties = useCounties().state.data;
  const townships = useAsync(() => listOrgUnits(countyCode), [countyCode]);
  const countyName = counties?.find((c) => c.countyCode === countyCode)?.name ?? countyCode;
  const options = [
    { value: countyCode, label: `${countyName}（${t('value.countyLevel')}）` },
    ...(townships.data ?? []).map((u) => ({ value: u.code, label: u.name })),
  ];
  return (
    <Select
      style={{ width: 180 }}
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={options}
      loading={townships.loading}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
    />
  );
}
