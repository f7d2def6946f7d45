import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { listOrgUnits } from '../api/counties.js';
import { listFacilityOptions } from '../api/registers.js';
import { CASE_CLASSIFICATIONS, CASE_CLASSIFICATION_LABELS, DISEASE_CLASS_LABELS, isLocalDiseaseCode } from '@chp/core';
import type { CaseClassification, CaseReportDetail, CaseReportInput, Disease, KnownSex } from '@chp/core';
import { createCase, reviseCase } from '../api/surveillance.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

interface Values {
  diseaseCode: string;
  classification: CaseClassification;
  onsetDate: Dayjs;
  diagnosedAt: Dayjs;
  facilityId: number;
  reportingDoctor: string;
  patientName: string;
  sex: KnownSex;
  idNumber?: string;
  phone?: string;
  townshipCode: string;
  villageCode?: string;
  address?: string;
  reason?: string;
}

type OptionGroup = { label: string; options: { value: string; label: string }[] };

/** The disease select: grouped 甲/乙/丙 and the county's local diseases, each with its reporting deadline. */
export function diseaseOptions(diseases: readonly Disease[]): OptionGroup[] {
  const option = (d: Disease): { value: string; label: string } => ({
    value: d.code,
    label: `${d.name}（${d.deadlineHours}小时内报告）`,
  });
  const national = (['A', 'B', 'C'] as const).map((cls) => ({
    label: DISEASE_CLASS_LABELS[cls],
    options: diseases.filter((d) => d.diseaseClass === cls && !isLocalDiseaseCode(d.code)).map(option),
  }));
  const local = { label: '地方监测病种', options: diseases.filter((d) => isLocalDiseaseCode(d.code)).map(option) };
  return [...national, local].filter((group) => group.options.length > 0);
}

function initialValues(card: CaseReportDetail | undefined): Partial<Values> {
  if (!card) return { classification: 'clinical', diagnosedAt: dayjs() };
  return {
    diseaseCode: card.diseaseCode,
    classification: card.classification,
    onsetDate: dayjs(card.onsetDate),
    diagnosedAt: dayjs(card.diagnosedAt),
    facilityId: card.facilityId,
    reportingDoctor: card.reportingDoctor,
    patientName: card.patientName,
    sex: card.sex === '2' ? '2' : '1',
    phone: card.phone ?? undefined,
    townshipCode: card.townshipCode,
    villageCode: card.villageCode ?? undefined,
    address: card.address ?? undefined,
  };
}

/** 新建报告卡, or 订正 of `card` (a reason is then required). */
export function CaseReportForm({
  code,
  diseases,
  card,
  onClose,
  onSaved,
}: {
  code: string;
  diseases: readonly Disease[];
  card?: CaseReportDetail | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const township = Form.useWatch('townshipCode', form);
  const diseaseCode = Form.useWatch('diseaseCode', form);
  const townships = useAsync(() => listOrgUnits(code), [code]);
  const facilities = useAsync(() => listFacilityOptions(code), [code]);
  const villages = useAsync(() => (township ? listOrgUnits(township) : Promise.resolve([])), [township]);
  const disease = diseases.find((d) => d.code === diseaseCode);

  const submit = async (values: Values): Promise<void> => {
    const input: CaseReportInput = {
      diseaseCode: values.diseaseCode,
      classification: values.classification,
      onsetDate: isoDay(values.onsetDate),
      diagnosedAt: values.diagnosedAt.format(),
      facilityId: values.facilityId,
      reportingDoctor: values.reportingDoctor,
      patientName: values.patientName,
      sex: values.sex,
      idNumber: values.idNumber || undefined,
      phone: values.phone || undefined,
      townshipCode: values.townshipCode,
      villageCode: values.villageCode,
      address: values.address || undefined,
    };
    setSaving(true);
    try {
      if (card) await reviseCase(code, card.id, { ...input, reason: values.reason ?? '' });
      else await createCase(code, input);
      void message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('surv.required') }];
  return (
    <Modal
      open
      width={720}
      title={card ? t('surv.case.revise') : t('surv.case.new')}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, ...{ 'data-testid': 'case-form-submit' } }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="case-form"
        initialValues={initialValues(card)}
        onFinish={(values) => {
          void submit(values);
        }}
      >
        <Form.Item name="diseaseCode" label={t('surv.disease')} rules={required}>
          <Select
            data-testid="case-disease"
            showSearch={{ optionFilterProp: 'label' }}
            options={diseaseOptions(diseases)}
          />
        </Form.Item>
        {disease && (
          <Typography.Paragraph type={disease.deadlineHours <= 2 ? 'danger' : 'secondary'} data-testid="case-deadline">
            {t('surv.case.deadline', { hours: disease.deadlineHours })}
          </Typography.Paragraph>
        )}
        <Form.Item name="classification" label={t('surv.case.classification')} rules={required}>
          <Select
            data-testid="case-classification"
            options={CASE_CLASSIFICATIONS.map((c) => ({ value: c, label: CASE_CLASSIFICATION_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item name="onsetDate" label={t('surv.case.onset')} rules={required}>
          <DatePicker data-testid="case-onset" />
        </Form.Item>
        <Form.Item name="diagnosedAt" label={t('surv.case.diagnosis')} rules={required}>
          <DatePicker showTime data-testid="case-diagnosis" />
        </Form.Item>
        <Form.Item name="facilityId" label={t('surv.case.facilityId')} rules={required}>
          <Select
            data-testid="case-facility"
            showSearch={{ optionFilterProp: 'label' }}
            loading={facilities.loading}
            options={(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
        </Form.Item>
        <Form.Item name="reportingDoctor" label={t('surv.case.doctor')} rules={required}>
          <Input data-testid="case-doctor" />
        </Form.Item>
        <Form.Item name="patientName" label={t('surv.case.patient')} rules={required}>
          <Input data-testid="case-patient" />
        </Form.Item>
        <Form.Item name="sex" label={t('residents.sex')} rules={required}>
          <Radio.Group
            data-testid="case-sex"
            options={[
              { value: '1', label: '男' },
              { value: '2', label: '女' },
            ]}
          />
        </Form.Item>
        <Form.Item name="idNumber" label={t('residents.idNumber')}>
          <Input data-testid="case-id-number" />
        </Form.Item>
        <Form.Item name="phone" label={t('surv.case.phone')}>
          <Input data-testid="case-phone" />
        </Form.Item>
        <Form.Item name="townshipCode" label={t('residents.township')} rules={required}>
          <Select
            data-testid="case-township"
            showSearch={{ optionFilterProp: 'label' }}
            loading={townships.loading}
            options={(townships.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
            onChange={() => {
              form.setFieldValue('villageCode', undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="villageCode" label={t('residents.village')}>
          <Select
            data-testid="case-village"
            allowClear
            disabled={!township}
            showSearch={{ optionFilterProp: 'label' }}
            options={(villages.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('surv.case.address')}>
          <Input data-testid="case-address" />
        </Form.Item>
        {card && (
          <Form.Item name="reason" label={t('surv.reason')} rules={required}>
            <Input.TextArea data-testid="case-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
