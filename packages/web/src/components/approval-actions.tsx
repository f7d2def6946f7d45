import { useState } from 'react';
import { App, Button, Input, Modal, Space, Tooltip } from 'antd';
import type { MonitoringValue } from '@chp/core';
import { approveValue, returnValue } from '../api/values.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useSession } from '../lib/session.js';

/** Approve / return buttons for a submitted value; return asks for a reason. */
export function ApprovalActions({ value, onDone }: { value: MonitoringValue; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  // The server refuses self-approval; say so before the click rather than after.
  const own = user?.username === value.enteredBy;
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (action: () => Promise<MonitoringValue>, done: string): Promise<void> => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      setReturning(false);
      setReason('');
      onDone();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space>
      <Tooltip title={own ? t('value.ownEntry') : undefined}>
        <Button
          type="primary"
          size="small"
          loading={busy}
          disabled={own}
          data-testid={`approve-${value.id}`}
          onClick={() => void run(() => approveValue(value.id), t('value.approved'))}
        >
          {t('value.approve')}
        </Button>
      </Tooltip>
      <Button
        danger
        size="small"
        disabled={busy}
        data-testid={`return-${value.id}`}
        onClick={() => {
          setReturning(true);
        }}
      >
        {t('value.return')}
      </Button>
      <Modal
        title={t('value.returnTitle')}
        open={returning}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim() === '', danger: true }}
        okText={t('value.return')}
        onOk={() => void run(() => returnValue(value.id, reason.trim()), t('value.returned'))}
        onCancel={() => {
          setReturning(false);
        }}
      >
        <Input.TextArea
          data-testid="return-reason"
          rows={3}
          value={reason}
          placeholder={t('value.returnReasonRequired')}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </Modal>
    </Space>
  );
}
