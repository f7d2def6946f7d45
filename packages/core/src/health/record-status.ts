/** Status of a health record (resident.record_status) and the dates each status needs. */
export const RECORD_STATUSES = [
  { code: 'active', label: '在管' },
  { code: 'moved', label: '已迁出' },
  { code: 'deceased', label: '已死亡' },
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number]['code'];

export function isRecordStatus(value: string): value is RecordStatus {
  return RECORD_STATUSES.some((status) => status.code === value);
}

export function recordStatusLabel(status: RecordStatus): string {
  return RECORD_STATUSES.find((item) => item.code === status)?.label ?? status;
}

/**
 * What is missing or contradictory in a status and its dates: a moved record needs the date it moved, a
 * deceased one its death date; an active record has neither a status date nor a death date. Whether the
 * dates themselves are possible is checked by checkResidentDates.
 */
export function recordStatusProblems(record: {
  recordStatus: RecordStatus;
  statusDate: string | null;
  deathDate: string | null;
}): string[] {
  switch (record.recordStatus) {
    case 'active':
      return [
        ...(record.deathDate !== null ? [`档案状态为“在管”，但填写了死亡日期 ${record.deathDate}`] : []),
        ...(record.statusDate !== null ? [`档案状态为“在管”，不应填写状态变更日期 ${record.statusDate}`] : []),
      ];
    case 'moved':
      return [
        ...(record.statusDate === null ? ['档案状态为“已迁出”，缺少迁出日期'] : []),
        ...(record.deathDate !== null ? [`档案状态为“已迁出”，但填写了死亡日期 ${record.deathDate}`] : []),
      ];
    case 'deceased':
      return record.deathDate === null ? ['档案状态为“已死亡”，缺少死亡日期'] : [];
  }
}
