import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { IndicatorSummary, MonitoringValue } from '@chp/core';
import { saveValue } from '../api/values.js';
import { CountyUnitSelect } from '../components/county-unit-select.js';
import { useI18n } from '../i18n/i18n.js';
import { defaultPlanYear, errorMessage, PLAN_YEARS } from '../lib/format.js';

interface EntryForm {
  orgUnitCode: string;
  year: number;
  value: number;
  sourceDocument?: string;
  note?: string;
}

/** Enter the value of one year for the county or one of its townships, as a draft or straight for approval. */
export function ValueEntryForm({
  indicator,
  values,
  onSaved,
}: {
  indicator: IndicatorSummary;
  values: MonitoringValue[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const [busy, setBusy] = useState(false);

  // Start from the chosen org unit's own draft or returned value of that year, if any.
  const prefill = ({ orgUnitCode, year }: Pick<EntryForm, 'orgUnitCode' | 'year'>): void => {
    const existing = values.find(
      (v) => v.year === year && v.orgUnitCode === orgUnitCode && (v.status === 'draft' || v.status === 'returned')
    );
    form.setFieldsValue({
      value: existing?.value,
      sourceDocument: existing?.sourceDocument ?? undefined,
      note: existing?.note ?? undefined,
    });
  };

  const save = async (submit: boolean): Promise<void> => {
    let v: EntryForm;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await saveValue({
        indicatorId: indicator.id,
        orgUnitCode: v.orgUnitCode,
        year: v.year,
        value: v.value,
        sourceDocument: v.sourceDocument?.trim() || undefined,
        note: v.note?.trim() || undefined,
        submit,
      });
      void message.success(submit ? t('value.submitted') : t('common.saved'));
      onSaved();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<EntryForm>
      form={form}
      layout="inline"
      initialValues={{ orgUnitCode: indicator.countyCode, year: defaultPlanYear() }}
      onValuesChange={(changed: Partial<EntryForm>, all: EntryForm) => {
        if (changed.year !== undefined || changed.orgUnitCode !== undefined) prefill(all);
      }}
      data-testid="value-entry-form"
    >
      <Form.Item name="orgUnitCode" label={t('value.orgUnit')}>
        <CountyUnitSelect countyCode={indicator.countyCode} testId="entry-org-unit" />
      </Form.Item>
      <Form.Item name="year" label={t('value.year')}>
        <Select
          style={{ width: 100 }}
          data-testid="entry-year"
          options={PLAN_YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
      </Form.Item>
      <Form.Item name="value" label={t('value.value')} rules={[{ required: true, message: t('value.valueRequired') }]}>
        <InputNumber style={{ width: 140 }} data-testid="entry-value" suffix={indicator.unit ?? undefined} />
      </Form.Item>
      <Form.Item name="sourceDocument" label={t('value.sourceDocument')}>
        <Input style={{ width: 220 }} data-testid="entry-source" />
      </Form.Item>
      <Form.Item name="note" label={t('value.note')}>
        <Input style={{ width: 220 }} data-testid="entry-note" />
      </Form.Item>
      <Space>
        <Button loading={busy} onClick={() => void save(false)} data-testid="entry-save-draft">
          {t('value.saveDraft')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save(true)} data-testid="entry-submit">
          {t('value.submit')}
        </Button>
      </Space>
    </Form>
  );
}
