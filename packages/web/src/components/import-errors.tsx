import { Table } from 'antd';
import type { ImportIssue } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';

/** The rows an import rejected: file, sheet, row, column and reason. */
export function ImportErrorsTable({ errors }: { errors: readonly ImportIssue[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportIssue & { key: number }>
      data-testid="import-errors"
      size="small"
      pagination={errors.length > 20 ? { pageSize: 20 } : false}
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      columns={[
        { title: t('entry.file'), dataIndex: 'file' },
        { title: t('entry.sheet'), dataIndex: 'sheet' },
        { title: t('entry.row'), dataIndex: 'row', width: 70 },
        { title: t('entry.column'), dataIndex: 'column', width: 120 },
        { title: t('entry.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
