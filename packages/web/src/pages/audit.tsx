import { useState } from 'react';
import { Button, Col, Input, Row, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditEntry } from '@chp/core';
import { listAudit } from '../api/admin.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

const PAGE_SIZE = 50;

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

/** The audit log, newest first, paged by offset (the API returns no total). */
export function AuditPage() {
  const { t } = useI18n();
  const [entity, setEntity] = useState('');
  const [page, setPage] = useState(0);
  const state = useAsync(
    () => listAudit({ entity: entity || undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
    [entity, page]
  );

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (d: string) => formatTime(d) },
    { title: t('audit.user'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', width: 160 },
    { title: t('audit.entity'), dataIndex: 'entity', width: 140 },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string | null) => id ?? '—' },
    { title: t('audit.county'), dataIndex: 'countyCode', width: 100, render: (c: string | null) => c ?? '—' },
  ];

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.audit')}
        </Typography.Title>
        <Input.Search
          allowClear
          placeholder={t('audit.filterEntity')}
          style={{ width: 220 }}
          data-testid="audit-entity"
          onSearch={(value) => {
            setEntity(value.trim());
            setPage(0);
          }}
        />
      </Space>
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
