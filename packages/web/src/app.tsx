import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { SessionProvider } from './lib/session.js';
import { AppRoutes } from './routes.js';

function Localized() {
  const { lang } = useI18n();
  return (
    // antd spaces out two-character Chinese button labels (“退 回”); the platform's buttons read as words.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function AppRoot() {
  return (
    <I18nProvider>
      <Localized />
    </I18nProvider>
  );
}
