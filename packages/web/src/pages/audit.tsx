import { useState } from 'react';
import { Button, Col, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditEntry } from '@chp/core';
import { listAudit } from '../api/admin.js';
import { AsyncView } from '../components/async-view.js';
import { PageHeader } from '../components/page-header.js';
import { isMessageKey, useI18n } from '../i18n/i18n.js';
import { useCounties } from '../lib/counties.js';
import { formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

const PAGE_SIZE = 50;

/** The entities the platform audits (packages/db/src/access); the filter offers these. */
const ENTITIES = ['user', 'county', 'project', 'milestone', 'indicator_value'] as const;

function Json({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

/** The name of the audited object (a user's username, a project's name) when its record has one. */
function subjectOf(e: AuditEntry): string | undefined {
  for (const record of [e.after, e.before]) {
    if (typeof record === 'object' && record !== null) {
      const { username, name } = record as Record<string, unknown>;
      const subject = username ?? name;
      if (typeof subject === 'string') return subject;
    }
  }
  return undefined;
}

/** The audit log, newest first, paged by offset (the API returns no total). */
export function AuditPage() {
  const { t } = useI18n();
  const { state: counties } = useCounties();
  const [entity, setEntity] = useState<string>();
  const [page, setPage] = useState(0);
  const state = useAsync(() => listAudit({ entity, limit: PAGE_SIZE, offset: page * PAGE_SIZE }), [entity, page]);

  // Raw codes stay visible for entries this UI does not know yet.
  const label = (prefix: 'auditAction' | 'auditEntity', code: string): string => {
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const countyName = (code: string): string => counties.data?.find((c) => c.countyCode === code)?.name ?? code;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (d: string) => formatTime(d) },
    { title: t('audit.user'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 160,
      render: (a: string) => (
        <Tooltip title={a}>
          <span data-action={a}>{label('auditAction', a)}</span>
        </Tooltip>
      ),
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (e: string) => label('auditEntity', e) },
    {
      title: t('audit.entityId'),
      key: 'subject',
      render: (_: unknown, e) =>
        [e.entityId, subjectOf(e)].filter((x) => x !== null && x !== undefined).join(' · ') || '—',
    },
    {
      title: t('audit.county'),
      dataIndex: 'countyCode',
      width: 100,
      render: (c: string | null) => (c ? countyName(c) : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.audit')}>
        <Select<string>
          allowClear
          placeholder={t('audit.filterEntity')}
          style={{ width: 180 }}
          data-testid="audit-entity"
          value={entity}
          options={ENTITIES.map((e) => ({ value: e, label: t(`auditEntity.${e}`) }))}
          onChange={(value) => {
            setEntity(value);
            setPage(0);
          }}
        />
      </PageHeader>
      <AsyncView state={state}>
        {(entries) => (
          <>
            <Table<AuditEntry>
              data-testid="audit-table"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={entries}
              pagination={false}
              expandable={{
                expandedRowRender: (e) => (
                  <Row gutter={16}>
                    <Col span={12}>
                      <Json title={t('audit.before')} value={e.before} />
                    </Col>
                    <Col span={12}>
                      <Json title={t('audit.after')} value={e.after} />
                    </Col>
                  </Row>
                ),
              }}
            />
            <Space style={{ marginTop: 16 }}>
              <Button
                disabled={page === 0}
                onClick={() => {
                  setPage(page - 1);
                }}
              >
                {t('audit.prev')}
              </Button>
              <span>{t('audit.page', { page: page + 1 })}</span>
              <Button
                disabled={entries.length < PAGE_SIZE}
                data-testid="audit-next"
                onClick={() => {
                  setPage(page + 1);
                }}
              >
                {t('audit.next')}
              </Button>
            </Space>
          </>
        )}
      </AsyncView>
    </>
  );
}
