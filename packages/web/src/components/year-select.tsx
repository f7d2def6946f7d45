import { Select } from 'antd';
import { PLAN_YEARS } from '../lib/format.js';

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  return (
    <Select
      data-testid="year-select"
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={PLAN_YEARS.map((y) => ({ value: y, label: String(y) }))}
    />
  );
}
