import type { ReactNode } from 'react';
import { Button, Card, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.js';

/** The centred card of the login and change-password pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Button
            type="link"
            icon={<GlobalOutlined />}
            data-testid="lang-switch"
            onClick={() => {
              setLang(lang === 'zh' ? 'en' : 'zh');
            }}
          >
            {t('app.lang')}
          </Button>
        </div>
        <Typography.Title level={5}>{title}</Typography.Title>
        {children}
      </Card>
    </div>
  );
}
