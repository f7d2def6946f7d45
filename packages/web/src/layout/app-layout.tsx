import { useEffect } from 'react';
import { Layout } from 'antd';
import { Outlet, useMatch } from 'react-router-dom';
import { CountiesProvider, pickCounty, useCounties } from '../lib/counties.js';
import { SideMenu } from './side-menu.js';
import { TopBar } from './top-bar.js';

function Shell() {
  const { state, lastCode, remember } = useCounties();
  const routeCode = useMatch('/counties/:code/*')?.params.code;
  const urlCode = routeCode && /^\d+$/.test(routeCode) ? routeCode : undefined;
  const countyCode = urlCode ?? pickCounty(state.data ?? [], lastCode)?.countyCode;

  useEffect(() => {
    if (urlCode) remember(urlCode);
  }, [urlCode, remember]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24 }}>
        <TopBar countyCode={countyCode} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <SideMenu countyCode={countyCode} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function AppLayout() {
  return (
    <CountiesProvider>
      <Shell />
    </CountiesProvider>
  );
}
