import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorSummary } from '@chp/core';
import { saveRegionalReference } from '../api/values.js';
import type { RegionalReference } from '../api/values.js';
import { useI18n } from '../i18n/i18n.js';
import { defaultPlanYear, errorMessage, formatNumber, PLAN_YEARS } from '../lib/format.js';
import { useSession } from '../lib/session.js';

interface ReferenceForm {
  year: number;
  value: number;
  sourceDocument?: string;
}

/**
 * The reference values (全区/全省平均水平) a "达到…平均水平" target is measured against, by year with their
 * source, and a form to enter one (value.enter). `onSaved` reloads the detail so the evaluation follows.
 */
export function RegionalReferences({
  indicator,
  references,
  onSaved,
}: {
  indicator: IndicatorSummary;
  references: RegionalReference[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<ReferenceForm>();
  const [busy, setBusy] = useState(false);
  const sorted = [...references].sort((a, b) => a.year - b.year);

  const prefill = (year: number): void => {
    const existing = references.find((r) => r.year === year);
    form.setFieldsValue({ value: existing?.value, sourceDocument: existing?.sourceDocument ?? undefined });
  };

  const save = async (): Promise<void> => {
    let v: ReferenceForm;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await saveRegionalReference(indicator.id, v.year, {
        value: v.value,
        sourceDocument: v.sourceDocument?.trim() || undefined,
      });
      void message.success(t('reference.saved'));
      onSaved();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<RegionalReference> = [
    { title: t('reference.year'), dataIndex: 'year', width: 80 },
    {
      title: t('reference.value'),
      dataIndex: 'value',
      width: 120,
      render: (v: number) => `${formatNumber(v)}${indicator.unit ?? ''}`,
    },
    { title: t('reference.source'), dataIndex: 'sourceDocument', render: (s: string | null) => s ?? '—' },
  ];

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {indicator.comparator === 'regional_average' && <Alert type="info" title={t('reference.hint')} />}
      <Table<RegionalReference>
        size="small"
        rowKey="year"
        columns={columns}
        dataSource={sorted}
        pagination={false}
        locale={{ emptyText: t('reference.none') }}
        data-testid="reference-table"
      />
      {can('value.enter') && (
        <Form<ReferenceForm>
          form={form}
          layout="inline"
          initialValues={{ year: defaultPlanYear() }}
          onValuesChange={(changed: Partial<ReferenceForm>) => {
            if (changed.year !== undefined) prefill(changed.year);
          }}
          data-testid="reference-form"
        >
          <Form.Item name="year" label={t('reference.year')}>
            <Select
              style={{ width: 100 }}
              data-testid="reference-year"
              options={PLAN_YEARS.map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('reference.value')}
            rules={[{ required: true, message: t('reference.valueRequired') }]}
          >
            <InputNumber style={{ width: 140 }} data-testid="reference-value" suffix={indicator.unit ?? undefined} />
          </Form.Item>
          <Form.Item name="sourceDocument" label={t('reference.source')}>
            <Input style={{ width: 260 }} data-testid="reference-source" />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="reference-save">
            {t('reference.save')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
