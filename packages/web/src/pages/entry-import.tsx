import { useState } from 'react';
import { Alert, App, Button, Radio, Space, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportIssue, ImportResult } from '@chp/core';
import { ApiError } from '../api/client.js';
import { importValues, valueTemplateUrl } from '../api/values.js';
import { ImportErrorsTable } from '../components/import-errors.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';

type Outcome = { ok: true; result: ImportResult } | { ok: false; message: string; errors: ImportIssue[] };

/** Excel template download and upload, with the rows the server rejected. */
export function EntryImport({ code, year, onImported }: { code: string; year: number; onImported: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<ImportResult['mode']>('all');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await importValues(code, file, mode);
      setOutcome({ ok: true, result });
      onImported();
    } catch (err) {
      // mode=all answers 422 with the bad rows in `details`.
      if (err instanceof ApiError && err.details) {
        setOutcome({ ok: false, message: err.message, errors: err.details });
      } else {
        void message.error(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const errors = outcome ? (outcome.ok ? outcome.result.errors : outcome.errors) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={valueTemplateUrl(code, year)} data-testid="download-template">
          {t('entry.downloadTemplate')}
        </Button>
        <span>{t('entry.mode')}：</span>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as ImportResult['mode']);
          }}
          options={[
            { value: 'all', label: t('entry.modeAll') },
            { value: 'valid-only', label: t('entry.modeValid') },
          ]}
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="upload-values">
            {t('entry.upload')}
          </Button>
        </Upload>
      </Space>
      {outcome && (
        <Alert
          data-testid="import-result"
          showIcon
          type={outcome.ok ? (errors.length > 0 ? 'warning' : 'success') : 'error'}
          title={
            outcome.ok
              ? t('entry.importResult', { imported: outcome.result.imported, skipped: outcome.result.skipped })
              : `${t('entry.importFailed')}（${outcome.message}）`
          }
        />
      )}
      {errors.length > 0 && <ImportErrorsTable errors={errors} />}
    </Space>
  );
}
