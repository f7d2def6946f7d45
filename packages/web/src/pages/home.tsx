import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { pickCounty, useCounties } from '../lib/counties.js';
import { useSession } from '../lib/session.js';

/** `/`: opens the remembered county's dashboard. */
export function HomePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { state, lastCode } = useCounties();
  return (
    <AsyncView state={state}>
      {(counties) => {
        const county = pickCounty(counties, lastCode);
        if (county) return <Navigate to={`/counties/${county.countyCode}/dashboard`} replace />;
        if (can('county.manage')) return <Navigate to="/counties/new" replace />;
        return <Result status="info" title={t('common.noCounty')} />;
      }}
    </AsyncView>
  );
}
