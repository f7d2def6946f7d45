import { Tag } from 'antd';
import { SEXES, completedYears, recordStatusLabel } from '@chp/core';
import { isoDay } from '../lib/format.js';
import type { RecordStatus, Sex } from '@chp/core';

export const sexLabel = (sex: Sex): string => SEXES.find((s) => s.code === sex)?.name ?? sex;

/** Completed years today. */
export const ageToday = (birthDate: string): number => completedYears(birthDate, isoDay());

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  return <Tag color={status === 'active' ? 'green' : 'default'}>{recordStatusLabel(status)}</Tag>;
}
