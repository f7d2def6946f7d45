import { Typography } from 'antd';
import { listFindings } from '../api/counties.js';
import { AsyncView } from '../components/async-view.js';
import { FindingsTable } from '../components/findings-table.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';

export function FindingsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const state = useAsync(() => listFindings(code), [code]);
  return (
    <>
      <Typography.Title level={3}>{t('menu.findings')}</Typography.Title>
      <AsyncView state={state}>{(findings) => <FindingsTable findings={findings} showIndicator />}</AsyncView>
    </>
  );
}
