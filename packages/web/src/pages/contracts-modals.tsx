import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { FamilyDoctorContract, FamilyDoctorTeam, ResidentSummary, ServicePackage } from '@chp/core';
import { renewContract, signContract, terminateContract } from '../api/family-doctors.js';
import { searchResidents } from '../api/residents.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, isoDay } from '../lib/format.js';

/** Runs a write, keeping the server's message on failure so the modal can show it in place. */
function useSubmit(onDone: () => void): {
  busy: boolean;
  error: string | undefined;
  run: (write: () => Promise<unknown>, success: string) => Promise<void>;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (write: () => Promise<unknown>, success: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
      void message.success(success);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ServerError({ error }: { error: string | undefined }) {
  return error ? <Alert type="error" showIcon title={error} data-testid="contract-error" /> : null;
}

interface ContractModalProps {
  code: string;
  contract: FamilyDoctorContract;
  /** The day the list derives statuses on: the default date of the action. */
  asOf: string;
  onClose: () => void;
  onDone: () => void;
}

/** 解约: the date (within the contract's period) and the reason. */
export function TerminateModal({ code, contract, asOf, onClose, onDone }: ContractModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ date: Dayjs; reason: string }>();
  const { busy, error, run } = useSubmit(onDone);
  const submit = async (): Promise<void> => {
    const values = await form.validateFields();
    await run(
      () => terminateContract(code, contract, { date: isoDay(values.date), reason: values.reason.trim() }),
      t('contracts.terminated')
    );
  };
  return (
    <Modal
      open
      title={t('contracts.terminateTitle', { name: contract.resident.name })}
      okText={t('contracts.terminate')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'terminate-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(asOf) }}>
        <Form.Item name="date" label={t('contracts.terminateDate')} rules={[{ required: true }]}>
          <DatePicker data-testid="terminate-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('contracts.reason')}
          rules={[{ required: true, whitespace: true, message: t('contracts.reasonRequired') }]}
        >
          <Input.TextArea data-testid="terminate-reason" rows={2} />
        </Form.Item>
      </Form>
      <ServerError error={error} />
    </Modal>
  );
}

/** 续约: a renewal signed on the chosen day with the contract's team and package unless changed. */
export function RenewModal({
  code,
  contract,
  asOf,
  teams,
  packages,
  onClose,
  onDone,
}: ContractModalProps & { teams: FamilyDoctorTeam[]; packages: ServicePackage[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ signedDate: Dayjs; teamId: number; packageId: number }>();
  const { busy, error, run } = useSubmit(onDone);
  const submit = async (): Promise<void> => {
    const values = await form.validateFields();
    await run(
      () =>
        renewContract(code, contract, {
          signedDate: isoDay(values.signedDate),
          teamId: values.teamId,
          packageId: values.packageId,
        }),
      t('contracts.renewed')
    );
  };
  return (
    <Modal
      open
      title={t('contracts.renewTitle', { name: contract.resident.name, end: contract.endDate })}
      okText={t('contracts.renew')}
      okButtonProps={{ loading: busy, 'data-testid': 'renew-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ signedDate: dayjs(asOf), teamId: contract.team.id, packageId: contract.package.id }}
      >
        <Form.Item name="signedDate" label={t('contracts.signedDate')} rules={[{ required: true }]}>
          <DatePicker data-testid="renew-date" />
        </Form.Item>
        <Form.Item name="teamId" label={t('contracts.team')} rules={[{ required: true }]}>
          <Select options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="packageId" label={t('contracts.package')} rules={[{ required: true }]}>
          <Select options={packages.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Form>
      <ServerError error={error} />
    </Modal>
  );
}

function residentLabel(resident: ResidentSummary): string {
  const place = resident.villageName ?? resident.townshipName;
  return `${resident.name}（${resident.idNumberMasked ?? resident.birthDate}，${place}）`;
}

interface SignValues {
  residentId: number;
  teamId: number;
  packageId: number;
  signedDate: Dayjs;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
}

/** 签约: a resident found by name, ID number or phone, the team, the package and the dates. */
export function SignModal({
  code,
  teams,
  packages,
  onClose,
  onDone,
}: {
  code: string;
  teams: FamilyDoctorTeam[];
  packages: ServicePackage[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<SignValues>();
  const { busy, error, run } = useSubmit(onDone);
  const [found, setFound] = useState<ResidentSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string>();

  const search = async (q: string): Promise<void> => {
    if (q.trim().length < 1) return;
    setSearching(true);
    setSearchError(undefined);
    try {
      setFound((await searchResidents(code, { q: q.trim(), limit: 20 })).residents);
    } catch (err) {
      setSearchError(errorMessage(err));
    } finally {
      setSearching(false);
    }
  };
  const submit = async (): Promise<void> => {
    const values = await form.validateFields();
    await run(
      () =>
        signContract(code, values.residentId, {
          teamId: values.teamId,
          packageId: values.packageId,
          signedDate: isoDay(values.signedDate),
          ...(values.startDate ? { startDate: isoDay(values.startDate) } : {}),
          ...(values.endDate ? { endDate: isoDay(values.endDate) } : {}),
        }),
      t('contracts.signed')
    );
  };
  return (
    <Modal
      open
      title={t('contracts.sign')}
      okText={t('contracts.sign')}
      okButtonProps={{ loading: busy, 'data-testid': 'sign-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ signedDate: dayjs() }}>
        <Form.Item name="residentId" label={t('contracts.resident')} rules={[{ required: true }]}>
          <Select
            data-testid="sign-resident"
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            loading={searching}
            placeholder={t('contracts.residentSearch')}
            notFoundContent={searchError ?? null}
            options={found.map((r) => ({ value: r.id, label: residentLabel(r) }))}
          />
        </Form.Item>
        <Form.Item name="teamId" label={t('contracts.team')} rules={[{ required: true }]}>
          <Select data-testid="sign-team" options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="packageId" label={t('contracts.package')} rules={[{ required: true }]}>
          <Select
            data-testid="sign-package"
            options={packages.map((p) => ({ value: p.id, label: `${p.name}（${p.annualFee} 元/年）` }))}
          />
        </Form.Item>
        <Form.Item name="signedDate" label={t('contracts.signedDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="startDate" label={t('contracts.startDate')} extra={t('contracts.datesHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endDate" label={t('contracts.endDate')}>
          <DatePicker />
        </Form.Item>
      </Form>
      <ServerError error={error} />
    </Modal>
  );
}
