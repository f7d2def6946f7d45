import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { login } from '../api/auth.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';
import { useSession } from '../lib/session.js';
import { AuthCard } from './auth-card.js';

interface LoginForm {
  username: string;
  password: string;
}

function fromPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : fromPath(location.state)} replace />;

  const onFinish = async ({ username, password }: LoginForm): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const me = await login(username, password);
      setUser(me);
      await navigate(me.mustChangePassword ? '/change-password' : fromPath(location.state), { replace: true });
    } catch (err) {
      // The server's message says whether the password was wrong or the account is locked (423).
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginForm> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
