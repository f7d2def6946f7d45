import { Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PROGRAMS } from '@chp/core';
import type { ProgramSummaryRow } from '@chp/core';
import { getProgramSummary } from '../api/program-summary.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { useAsync } from '../lib/use-async.js';

function programLabel(program: ProgramSummaryRow['program']): string {
  return program === 'immunisation' ? '预防接种' : PROGRAMS[program].label;
}

function SummaryTable({ code, year, township }: { code: string; year: number; township: string }) {
  const { t } = useI18n();
  const state = useAsync(() => getProgramSummary(code, year, township), [code, year, township]);
  const columns: TableColumnsType<ProgramSummaryRow> = [
    { title: t('programs.program'), key: 'program', render: (_, row) => programLabel(row.program) },
    { title: t('programs.enrolled'), dataIndex: 'enrolled' },
    { title: t('programs.visits'), dataIndex: 'visits' },
    { title: t('teams.due'), dataIndex: 'due' },
    {
      title: t('teams.overdue'),
      dataIndex: 'overdue',
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
  ];
  return (
    <AsyncView state={state}>
      {(summary) => (
        <Table
          data-testid="program-summary-table"
          rowKey="program"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={summary.rows.filter((row) => row.townshipCode === township)}
          footer={() => t('programs.summaryAsOf', { asOf: summary.asOf })}
        />
      )}
    </AsyncView>
  );
}

/**
 * The programme summary (enrolled, visits, due, overdue) of one chosen township: the summary is computed over
 * every resident in scope, so it is only requested once a township is chosen, not on opening the page.
 */
export function ProgramSummaryCard({
  code,
  year,
  townships,
  township,
  onTownship,
}: {
  code: string;
  year: number;
  townships: { code: string; name: string }[];
  township: string | undefined;
  onTownship: (code: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('programs.summary', { year })}
      extra={
        <Select
          data-testid="program-summary-township"
          allowClear
          placeholder={t('programs.chooseTownship')}
          style={{ minWidth: 200 }}
          value={township}
          onChange={(value?: string) => {
            onTownship(value);
          }}
          options={townships.map((u) => ({ value: u.code, label: u.name }))}
        />
      }
    >
      {township ? (
        <SummaryTable code={code} year={year} township={township} />
      ) : (
        <Space>
          <Typography.Text type="secondary">{t('programs.summaryHint')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
