import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import type { CountySummary } from '@chp/core';
import { Link } from 'react-router-dom';
import { addCounty } from '../api/counties.js';
import { useI18n } from '../i18n/i18n.js';
import { useCounties } from '../lib/counties.js';
import { errorMessage } from '../lib/format.js';
import { PageHeader } from '../components/page-header.js';

export function AddCountyPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { state } = useCounties();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<CountySummary>();

  const submit = async ({ countyCode }: { countyCode: string }): Promise<void> => {
    setBusy(true);
    try {
      const county = await addCounty(countyCode.trim());
      setAdded(county);
      void message.success(t('county.added', { name: county.name }));
      state.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('county.add')} />
      <Card style={{ maxWidth: 640 }}>
        <Form<{ countyCode: string }> layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="countyCode"
            label={t('county.code')}
            extra={t('county.codeHint')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('county.codeInvalid') }]}
          >
            <Input maxLength={6} style={{ width: 200 }} data-testid="county-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="county-add">
            {t('county.add')}
          </Button>
        </Form>
        {added && (
          <Descriptions
            style={{ marginTop: 24 }}
            size="small"
            bordered
            column={2}
            data-testid="county-added"
            items={[
              {
                key: 'name',
                label: t('common.county'),
                children: (
                  <Link
                    to={`/counties/${added.countyCode}/dashboard`}
                  >{`${added.provinceName}${added.cityName}${added.name}`}</Link>
                ),
              },
              { key: 'code', label: t('county.code'), children: added.countyCode },
              {
                key: 'townships',
                label: t('county.townships'),
                children: <span data-testid="county-townships">{added.townshipCount}</span>,
              },
              { key: 'villages', label: t('county.villages'), children: added.villageCount },
              { key: 'indicators', label: t('county.indicators'), children: added.indicatorCount },
              { key: 'projects', label: t('county.projects'), children: added.projectCount },
            ]}
          />
        )}
      </Card>
    </>
  );
}
