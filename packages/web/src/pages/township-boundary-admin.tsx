import { useState } from 'react';
import type { TownshipBoundariesResponse, TownshipBoundaryReport } from '@chp/core';
import { MAX_BOUNDARY_BYTES } from '@chp/core';
import { Alert, App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client.js';
import { deleteTownshipBoundaries, uploadTownshipBoundaries } from '../api/township-views.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatTime } from '../lib/format.js';

type Outcome = { ok: true; report: TownshipBoundaryReport } | { ok: false; message: string; reasons: string[] };

const MAX_MEGABYTES = MAX_BOUNDARY_BYTES / (1024 * 1024);

/** The report of a saved file: how many features matched, how many by name only, which townships lack one. */
function ReportText({ report }: { report: TownshipBoundaryReport }) {
  const { t } = useI18n();
  const byName = report.matches.filter((m) => m.matchedBy === 'name').length;
  return (
    <>
      <div>{t('boundaries.saved', { count: report.featureCount })}</div>
      {byName > 0 && <div>{t('boundaries.byName', { count: byName })}</div>}
      {report.missing.length > 0 && (
        <div data-testid="boundaries-missing">
          {t('boundaries.missing', {
            count: report.missing.length,
            names: report.missing.map((m) => m.name).join('、'),
          })}
        </div>
      )}
    </>
  );
}

/** Upload (or replace) and delete of the county's township boundaries, for the county's administrators. */
export function TownshipBoundaryAdmin({
  countyCode,
  current,
  onChanged,
}: {
  countyCode: string;
  current: TownshipBoundariesResponse | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const upload = async (file: File): Promise<void> => {
    setOutcome(undefined);
    if (file.size > MAX_BOUNDARY_BYTES) {
      setOutcome({ ok: false, message: t('boundaries.tooLarge', { size: MAX_MEGABYTES }), reasons: [] });
      return;
    }
    setBusy(true);
    try {
      const report = await uploadTownshipBoundaries(countyCode, await file.text());
      setOutcome({ ok: true, report });
      onChanged();
    } catch (err) {
      const reasons = err instanceof ApiError ? (err.details ?? []).map((d) => d.reason) : [];
      setOutcome({ ok: false, message: errorMessage(err), reasons });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await deleteTownshipBoundaries(countyCode);
      setOutcome(undefined);
      void message.success(t('boundaries.deleted'));
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="boundary-admin">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('boundaries.help', { size: MAX_MEGABYTES })}
      </Typography.Paragraph>
      <div data-testid="boundaries-status">
        {current
          ? t('boundaries.current', {
              count: current.featureCount,
              time: formatTime(current.uploadedAt),
              user: current.uploadedBy ?? '—',
            })
          : t('boundaries.none')}
      </div>
      <Space wrap>
        <Upload
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="boundaries-upload">
            {current ? t('boundaries.replace') : t('boundaries.upload')}
          </Button>
        </Upload>
        {current && (
          <Popconfirm
            title={t('boundaries.deleteConfirm')}
            onConfirm={() => {
              void remove();
            }}
          >
            <Button danger icon={<DeleteOutlined />} disabled={busy} data-testid="boundaries-delete">
              {t('boundaries.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {outcome && (
        <Alert
          data-testid="boundaries-result"
          showIcon
          type={outcome.ok ? (outcome.report.missing.length > 0 ? 'warning' : 'success') : 'error'}
          title={outcome.ok ? t('boundaries.uploaded') : t('boundaries.failed')}
          description={
            outcome.ok ? (
              <ReportText report={outcome.report} />
            ) : outcome.reasons.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="boundaries-issues">
                {outcome.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : (
              outcome.message
            )
          }
        />
      )}
    </Space>
  );
}
