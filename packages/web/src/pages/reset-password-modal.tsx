import { useState } from 'react';
import { Input, Modal } from 'antd';
import type { UserSummary } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';

/** Asks for a temporary password; the user must change it at the next login. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary | undefined;
  onClose: () => void;
  onDone: (user: UserSummary, password: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={user !== undefined}
      title={`${t('users.resetPassword')} · ${user?.username ?? ''}`}
      okButtonProps={{ disabled: password === '' }}
      confirmLoading={busy}
      onCancel={onClose}
      afterClose={() => {
        setPassword('');
      }}
      onOk={() => {
        if (!user) return;
        setBusy(true);
        void onDone(user, password).finally(() => {
          setBusy(false);
          onClose();
        });
      }}
    >
      <Input.Password
        data-testid="reset-password"
        placeholder={t('users.newPassword')}
        value={password}
        autoComplete="new-password"
        onChange={(e) => {
          setPassword(e.target.value);
        }}
      />
    </Modal>
  );
}
