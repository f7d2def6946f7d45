import { Button, Dropdown, Select, Space, Typography } from 'antd';
import { DownOutlined, GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.js';
import { useCounties } from '../lib/counties.js';
import { useSession } from '../lib/session.js';

/** Swaps the county in a /counties/:code/... path, or opens the county's dashboard from other pages. */
function countyPath(pathname: string, code: string): string {
  const m = /^\/counties\/\d+\/(.+)$/.exec(pathname);
  return m?.[1] && m[1] !== 'new' ? `/counties/${code}/${m[1]}` : `/counties/${code}/dashboard`;
}

export function TopBar({ countyCode }: { countyCode: string | undefined }) {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useSession();
  const { state, remember } = useCounties();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16, width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0, color: '#fff', whiteSpace: 'nowrap' }}>
        {t('app.name')}
      </Typography.Title>
      <Select
        data-testid="county-select"
        style={{ width: 260 }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('common.county')}
        loading={state.loading}
        value={countyCode}
        options={(state.data ?? []).map((c) => ({
          value: c.countyCode,
          label: `${c.name}（${c.provinceName}${c.cityName}）`,
        }))}
        onChange={(code: string) => {
          remember(code);
          const path = countyPath(pathname, code);
          void navigate(path.endsWith('/dashboard') && pathname.endsWith('/dashboard') ? path + search : path);
        }}
      />
      <div style={{ flex: 1 }} />
      <Space>
        <Button
          type="text"
          style={{ color: '#fff' }}
          icon={<GlobalOutlined />}
          data-testid="lang-switch"
          onClick={() => {
            setLang(lang === 'zh' ? 'en' : 'zh');
          }}
        >
          {t('app.lang')}
        </Button>
        <Dropdown
          menu={{
            items: [
              { key: 'password', label: t('menu.changePassword') },
              { key: 'logout', label: t('menu.logout') },
            ],
            onClick: ({ key }) => {
              if (key === 'password') void navigate('/change-password');
              else void logout().then(() => navigate('/login'));
            },
          }}
        >
          <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="user-menu">
            {user?.displayName ?? user?.username} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
    </div>
  );
}
