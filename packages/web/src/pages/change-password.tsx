import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { changePassword, getMe } from '../api/auth.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { AuthCard } from './auth-card.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (user === null) return <Navigate to="/login" replace />;

  const onFinish = async (v: PasswordForm): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      setUser(await getMe());
      void message.success(t('password.changed'));
      await navigate('/', { replace: true });
    } catch (err) {
      // A 400 lists every password rule the new password breaks.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('password.title')}>
      {user?.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          data-testid="password-error"
        />
      )}
      <Form<PasswordForm> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
          {t('password.submit')}
        </Button>
        {user && !user.mustChangePassword && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </Button>
        )}
      </Form>
    </AuthCard>
  );
}
