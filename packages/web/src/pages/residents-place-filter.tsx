import { Select, Space } from 'antd';
import { listOrgUnits } from '../api/counties.js';
import { useI18n } from '../i18n/i18n.js';
import { useAsync } from '../lib/use-async.js';

export interface Place {
  township?: string;
  village?: string;
}

/** 乡镇 and 村 of the county; the villages load once a township is chosen. */
export function PlaceFilter({
  code,
  value,
  onChange,
  townshipRequired = false,
}: {
  code: string;
  value: Place;
  onChange: (place: Place) => void;
  /** The worklist of a county-wide user needs a township (the API refuses the whole county). */
  townshipRequired?: boolean;
}) {
  const { t } = useI18n();
  const townships = useAsync(() => listOrgUnits(code), [code]);
  const { township } = value;
  const villages = useAsync(() => (township ? listOrgUnits(township) : Promise.resolve([])), [township]);
  return (
    <Space wrap>
      <Select
        data-testid="place-township"
        style={{ width: 180 }}
        placeholder={t('residents.township')}
        allowClear={!townshipRequired}
        value={township}
        loading={townships.loading}
        showSearch={{ optionFilterProp: 'label' }}
        options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        onChange={(next: string | undefined) => {
          onChange({ township: next });
        }}
      />
      <Select
        data-testid="place-village"
        style={{ width: 180 }}
        placeholder={t('residents.village')}
        allowClear
        disabled={!township}
        value={value.village}
        loading={villages.loading}
        showSearch={{ optionFilterProp: 'label' }}
        options={(villages.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        onChange={(next: string | undefined) => {
          onChange({ township, village: next });
        }}
      />
    </Space>
  );
}
