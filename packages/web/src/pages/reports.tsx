import { useState } from 'react';
import { Button, Card, Form, Radio, Space, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ReportKind } from '@chp/core';
import { reportUrl } from '../api/projects.js';
import { YearSelect } from '../components/year-select.js';
import { useI18n } from '../i18n/i18n.js';
import { useCountyCode } from '../lib/route-params.js';
import { useYearParam } from '../lib/use-year-param.js';
import { PageHeader } from '../components/page-header.js';

const KINDS: readonly ReportKind[] = ['annual', 'midterm', 'final'];

export function ReportsPage() {
  const { t } = useI18n();
  const code = useCountyCode();
  const [year, setYear] = useYearParam();
  const [kind, setKind] = useState<ReportKind>('annual');
  return (
    <>
      <PageHeader title={t('menu.reports')} />
      <Card style={{ maxWidth: 640 }}>
        <Form layout="vertical">
          <Form.Item label={t('reports.kind')}>
            <Radio.Group
              data-testid="report-kind"
              value={kind}
              optionType="button"
              onChange={(e) => {
                setKind(e.target.value as ReportKind);
              }}
              options={KINDS.map((k) => ({ value: k, label: t(`reports.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('common.year')}>
            <YearSelect value={year} onChange={setYear} />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              href={reportUrl(code, kind, year, 'docx')}
              data-testid="report-docx"
            >
              {t('reports.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={reportUrl(code, kind, year, 'xlsx')} data-testid="report-xlsx">
              {t('reports.excel')}
            </Button>
          </Space>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('reports.hint')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
