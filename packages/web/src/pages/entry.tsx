import { useMemo, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { getDashboard } from '../api/counties.js';
import { listCountyValues, saveValue, submitValue } from '../api/values.js';
import { AsyncView } from '../components/async-view.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';
import { useYearParam } from '../lib/use-year-param.js';
import { EntryImport } from './entry-import.js';
import { EntryTable, type Edit } from './entry-table.js';

export function EntryPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const state = useAsync(async () => {
    const [dashboard, values] = await Promise.all([getDashboard(code, year), listCountyValues(code, year)]);
    return { indicators: dashboard.indicators, values };
  }, [code, year]);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [busy, setBusy] = useState(false);

  // The county-level value of each indicator for the year.
  const current = useMemo(() => {
    const map = new Map<string, MonitoringValue>();
    for (const v of state.data?.values ?? []) if (v.orgUnitCode === code) map.set(v.indicatorId, v);
    return map;
  }, [state.data, code]);

  const edited = Object.entries(edits).filter(([, e]) => e.value !== undefined);
  const editedIds = new Set(edited.map(([id]) => id));
  const pendingDrafts = [...current.values()].filter(
    (v) => (v.status === 'draft' || v.status === 'returned') && !editedIds.has(v.indicatorId)
  );

  const run = async (submit: boolean): Promise<void> => {
    setBusy(true);
    let failed = 0;
    for (const [indicatorId, e] of edited) {
      if (e.value === undefined) continue;
      try {
        await saveValue({ indicatorId, year, value: e.value, sourceDocument: e.sourceDocument || undefined, submit });
      } catch (err) {
        failed += 1;
        void message.error(`${indicatorId}：${errorMessage(err)}`);
      }
    }
    if (submit) {
      for (const v of pendingDrafts) {
        try {
          await submitValue(v.id);
        } catch (err) {
          failed += 1;
          void message.error(`${v.indicatorId}：${errorMessage(err)}`);
        }
      }
    }
    setBusy(false);
    if (failed === 0) {
      void message.success(submit ? t('value.submitted') : t('common.saved'));
      setEdits({});
    }
    state.reload();
  };

  const submitCount = edited.length + pendingDrafts.length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="entry-page">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('entry.title')}
        </Typography.Title>
        <YearSelect
          value={year}
          onChange={(y) => {
            setEdits({});
            setYear(y);
          }}
        />
        <Button
          disabled={edited.length === 0}
          loading={busy}
          onClick={() => void run(false)}
          data-testid="entry-save-all"
        >
          {t('entry.saveAll', { count: edited.length })}
        </Button>
        <Button
          type="primary"
          disabled={submitCount === 0}
          loading={busy}
          onClick={() => void run(true)}
          data-testid="entry-batch-submit"
        >
          {t('entry.batchSubmit', { count: submitCount })}
        </Button>
      </Space>
      <Card size="small">
        <EntryImport code={code} year={year} onImported={state.reload} />
      </Card>
      <AsyncView state={state}>
        {(data) => <EntryTable indicators={data.indicators} current={current} edits={edits} onEdit={setEdits} />}
      </AsyncView>
    </Space>
  );
}
