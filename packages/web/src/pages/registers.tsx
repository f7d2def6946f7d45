import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportResult, RegisterKind, RegisterSummary } from '@chp/core';
import { Link } from 'react-router-dom';
import { getRegisterSummary, importRegister, listRegisterKinds, registerTemplateUrl } from '../api/registers.js';
import { AsyncView } from '../components/async-view.js';
import { ImportErrorsTable } from '../components/import-errors.js';
import { PageHeader } from '../components/page-header.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useCountyCode } from '../lib/route-params.js';
import { useAsync } from '../lib/use-async.js';

/** Ascending years as runs: [2016, 2017, 2018, 2020] → "2016–2018、2020". */
function yearRuns(years: readonly number[]): string {
  const runs: string[] = [];
  let start = years[0];
  years.forEach((year, index) => {
    const next = years[index + 1];
    if (start !== undefined && next !== year + 1) {
      runs.push(start === year ? String(year) : `${start}–${year}`);
      start = next;
    }
  });
  return runs.join('、');
}

function Holdings({ held }: { held: RegisterSummary | undefined }) {
  const { t } = useI18n();
  if (!held) return null;
  if (held.records === 0) return <Tag>{t('registers.none')}</Tag>;
  const years = held.years && held.years.length > 0 ? yearRuns(held.years) : null;
  return (
    <Tag color="blue" data-testid="register-held">
      {years === null
        ? t('registers.held', { records: held.records })
        : t('registers.heldYears', { records: held.records, years })}
    </Tag>
  );
}

interface RegisterCardProps {
  code: string;
  kind: RegisterKind;
  held: RegisterSummary | undefined;
  mode: ImportResult['mode'];
  onImported: () => void;
}

/** One register: what the county holds, its columns, the template, the upload and its result. */
function RegisterCard({ code, kind, held, mode, onImported }: RegisterCardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();

  const upload = async (files: File[]): Promise<void> => {
    setBusy(true);
    setResult(undefined);
    try {
      const answer = await importRegister(code, kind.kind, files, mode);
      setResult(answer);
      if (answer.imported > 0) onImported();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns = kind.columns.map((c) => (c.required ? c.header : `${c.header}${t('registers.optional')}`));
  return (
    <Card title={kind.name} extra={<Holdings held={held} />} data-testid={`register-${kind.kind}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('registers.columns')}：{columns.join('、')}
        </Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={registerTemplateUrl(code, kind.kind)}>
            {t('registers.template')}
          </Button>
          <Upload
            accept=".csv,.xlsx"
            multiple
            showUploadList={false}
            beforeUpload={(file, batch) => {
              // Called once per chosen file: send the whole selection once, so mode 'all' covers every file.
              if (file === batch[batch.length - 1]) void upload(batch);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid={`upload-${kind.kind}`}>
              {t('registers.upload')}
            </Button>
          </Upload>
        </Space>
        {result && (
          <Alert
            data-testid="import-result"
            showIcon
            type={result.imported === 0 ? 'error' : result.errors.length > 0 ? 'warning' : 'success'}
            title={
              result.imported === 0 && result.errors.length > 0
                ? t('registers.nothingImported')
                : t('registers.result', { imported: result.imported, skipped: result.skipped })
            }
            action={result.imported > 0 && <Link to={`/counties/${code}/computed`}>{t('registers.viewComputed')}</Link>}
          />
        )}
        {result && result.errors.length > 0 && <ImportErrorsTable errors={result.errors} />}
      </Space>
    </Card>
  );
}

/** 登记数据: per register, what the county holds, the template and the upload of CSV/xlsx files. */
export function RegistersPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [mode, setMode] = useState<ImportResult['mode']>('all');
  const state = useAsync(
    () => Promise.all([listRegisterKinds(), getRegisterSummary(code)]).then(([kinds, summary]) => ({ kinds, summary })),
    [code]
  );
  return (
    <>
      <PageHeader title={t('menu.registers')}>
        <span>{t('registers.mode')}：</span>
        <Radio.Group
          data-testid="register-mode"
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as ImportResult['mode']);
          }}
          options={[
            { value: 'all', label: t('registers.modeAll') },
            { value: 'valid-only', label: t('registers.modeValid') },
          ]}
        />
      </PageHeader>
      <Typography.Paragraph type="secondary">{t('registers.intro')}</Typography.Paragraph>
      <AsyncView state={state}>
        {({ kinds, summary }) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {kinds.map((kind) => (
              <RegisterCard
                key={kind.kind}
                code={code}
                kind={kind}
                held={summary.find((s) => s.kind === kind.kind)}
                mode={mode}
                onImported={state.reload}
              />
            ))}
          </Space>
        )}
      </AsyncView>
    </>
  );
}
