import { useState } from 'react';
import { Input, Modal, App } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';

/** Asks for a reason or note, then runs `action` with it; a required text cannot be left empty. */
export function ReasonModal({
  title,
  required,
  onSubmit,
  onClose,
}: {
  title: string;
  required: boolean;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const missing = required && text.trim() === '';
  return (
    <Modal
      open
      title={title}
      okButtonProps={{ disabled: missing, loading: busy, ...{ 'data-testid': 'reason-ok' } }}
      onCancel={onClose}
      onOk={() => {
        setBusy(true);
        onSubmit(text.trim()).then(
          () => {
            setBusy(false);
            onClose();
          },
          (err: unknown) => {
            setBusy(false);
            void message.error(errorMessage(err));
          }
        );
      }}
    >
      <Input.TextArea
        data-testid="reason-text"
        rows={3}
        placeholder={required ? t('surv.reasonRequired') : t('surv.noteOptional')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
    </Modal>
  );
}
