import { Table } from 'antd';
import type { ResidentAccessEntry } from '@chp/core';
import { getResidentAccessLog } from '../api/residents.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/zh.js';
import { formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

const ACTIONS: Partial<Record<string, MessageKey>> = {
  'record.read': 'record.action.read',
  'record.identify': 'record.action.identify',
  'resident.create': 'record.action.create',
  'resident.update': 'record.action.update',
  'resident.merge': 'record.action.merge',
};

/** 谁查看了此档案: every read and change of the record, newest first. */
export function RecordAccessLog({ code, residentId }: { code: string; residentId: number }) {
  const { t } = useI18n();
  const state = useAsync(() => getResidentAccessLog(code, residentId), [code, residentId]);
  return (
    <AsyncView state={state}>
      {(entries) => (
        <Table<ResidentAccessEntry>
          data-testid="access-log"
          rowKey="id"
          size="small"
          dataSource={entries}
          columns={[
            { title: t('record.accessAt'), dataIndex: 'at', render: (v: string) => formatTime(v) },
            { title: t('record.accessUser'), dataIndex: 'username', render: (v: string | null) => v ?? '—' },
            {
              title: t('record.accessAction'),
              dataIndex: 'action',
              render: (v: string) => {
                const key = ACTIONS[v];
                return key ? t(key) : v;
              },
            },
            { title: 'IP', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </AsyncView>
  );
}
