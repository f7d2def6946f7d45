import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  FOLLOW_UP_FIELDS,
  PROGRAMS,
  followUpForm,
  followUpFieldRange,
  validateFollowUpValues,
  visitKindLabel,
  visitKindsOf,
} from '@chp/core';
import type { DueItem, FollowUpField, FollowUpValues, ProgramEnrolment, VisitKind } from '@chp/core';
import { recordFollowUp } from '../api/programs.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';

/** What the modal opens on: a worklist row or a due item names the enrolment and the visit kind. */
export interface FollowUpTarget {
  enrolmentId?: number;
  kind?: string;
}

/** The enrolment and kind are unset until the form mounts, and the kind again after the programme changes. */
interface FormState {
  enrolmentId?: number;
  kind?: VisitKind;
  visitDate: Dayjs;
  doctor?: string;
  referral?: boolean;
  nextVisitDate?: Dayjs | null;
  values?: Record<string, number | string | null | undefined>;
}

interface Props {
  code: string;
  residentId: number;
  /** The resident's open enrolments: a visit belongs to one of them. */
  enrolments: readonly ProgramEnrolment[];
  target: FollowUpTarget;
  onClose: () => void;
  onSaved: (due: DueItem[]) => void;
}

/** Form.Item hands the value and onChange to its child: passed on to the antd input. */
interface FieldInputProps {
  field: FollowUpField;
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
}

function FieldInput({ field, value, onChange }: FieldInputProps) {
  const spec = FOLLOW_UP_FIELDS[field];
  switch (spec.type) {
    case 'number':
      return (
        <InputNumber
          data-testid={`follow-up-${field}`}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next)}
          suffix={spec.unit}
          min={spec.min}
          max={spec.max}
          precision={spec.integer ? 0 : undefined}
          style={{ width: 200 }}
        />
      );
    case 'choice':
      return (
        <Select
          data-testid={`follow-up-${field}`}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string | undefined) => onChange?.(next ?? null)}
          allowClear
          style={{ width: 200 }}
          options={spec.options.map((option) => ({ value: option.code, label: option.label }))}
        />
      );
  }
}

/** 录入随访: the values the programme's visit kind records (core FOLLOW_UP_FORMS), checked before and by the server. */
export function FollowUpModal({ code, residentId, enrolments, target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormState>();
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const first = enrolments.find((e) => e.id === target.enrolmentId) ?? enrolments[0];
  const enrolmentId = Form.useWatch('enrolmentId', form) ?? first?.id;
  const enrolment = enrolments.find((e) => e.id === enrolmentId);
  const kinds = enrolment ? visitKindsOf(enrolment.program).filter((k) => followUpForm(enrolment.program, k)) : [];
  const initialKind: VisitKind | undefined = kinds.find((k) => k === target.kind) ?? kinds[0];
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const visitForm = enrolment && kind ? followUpForm(enrolment.program, kind) : null;
  const fields = visitForm ? [...visitForm.required, ...visitForm.optional] : [];

  const save = async (state: FormState): Promise<void> => {
    const visitKind = state.kind;
    if (!enrolment || !visitKind) return;
    setServerError(undefined);
    const entered: Record<string, number | string> = {};
    for (const field of fields) {
      const value = state.values?.[field];
      if (value !== null && value !== undefined) entered[field] = value;
    }
    const problems = validateFollowUpValues(enrolment.program, visitKind, entered);
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: ['values', p.field], errors: [p.message] })));
      return;
    }
    // Checked by core's rules just above (the server checks them again).
    const values = entered as FollowUpValues;
    setBusy(true);
    try {
      const saved = await recordFollowUp(code, residentId, {
        program: enrolment.program,
        kind: visitKind,
        enrolmentId: enrolment.id,
        visitDate: isoDay(state.visitDate),
        doctor: state.doctor?.trim() ? state.doctor.trim() : null,
        referral: state.referral ?? false,
        nextVisitDate: state.nextVisitDate ? isoDay(state.nextVisitDate) : null,
        values,
      });
      void message.success(t('followUp.saved'));
      onSaved(saved.due);
    } catch (err) {
      setServerError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('followUp.title')}
      okText={t('followUp.save')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'follow-up-save' } }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {enrolments.length === 0 ? (
        <Alert type="warning" showIcon title={t('followUp.noEnrolment')} />
      ) : (
        <Form<FormState>
          form={form}
          layout="horizontal"
          labelCol={{ span: 7 }}
          data-testid="follow-up-form"
          initialValues={{ enrolmentId: first?.id, kind: initialKind, visitDate: dayjs() }}
          onFinish={(state) => void save(state)}
          onValuesChange={(changed: Partial<FormState>) => {
            if (changed.enrolmentId !== undefined) {
              const program = enrolments.find((e) => e.id === changed.enrolmentId)?.program;
              const next = program ? visitKindsOf(program).find((k) => followUpForm(program, k)) : undefined;
              form.setFieldsValue({ kind: next, values: {} });
            }
            setServerError(undefined);
          }}
        >
          <Form.Item name="enrolmentId" label={t('followUp.program')} rules={[{ required: true }]}>
            <Select
              data-testid="follow-up-program"
              options={enrolments.map((e) => ({
                value: e.id,
                label: `${PROGRAMS[e.program].label}（${t('followUp.enrolledOn', { date: e.enrolledDate })}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('followUp.kind')}
            rules={[{ required: true, message: t('followUp.kindRequired') }]}
          >
            <Select
              data-testid="follow-up-kind"
              options={kinds.map((k) => ({ value: k, label: enrolment ? visitKindLabel(enrolment.program, k) : k }))}
            />
          </Form.Item>
          <Form.Item name="visitDate" label={t('followUp.date')} rules={[{ required: true }]}>
            <DatePicker data-testid="follow-up-date" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          {fields.map((field) => {
            const required = visitForm?.required.includes(field) ?? false;
            const spec = FOLLOW_UP_FIELDS[field];
            return (
              <Form.Item
                key={field}
                name={['values', field]}
                label={spec.label}
                required={required}
                extra={spec.type === 'number' ? t('followUp.range', { range: followUpFieldRange(field) }) : undefined}
              >
                <FieldInput field={field} />
              </Form.Item>
            );
          })}
          <Form.Item name="doctor" label={t('followUp.doctor')}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="nextVisitDate" label={t('followUp.nextVisit')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="referral" label={t('followUp.referral')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {serverError && <Alert data-testid="follow-up-error" type="error" showIcon title={serverError} />}
        </Form>
      )}
    </Modal>
  );
}
