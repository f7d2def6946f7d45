import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import type { AsyncState } from '../lib/use-async.js';

/** Shows a spinner until the first answer, a Result with retry on error, else the children. */
export function AsyncView<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.error) {
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={state.error.message}
        extra={
          <Button type="primary" onClick={state.reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (state.data === undefined) {
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  return <Spin spinning={state.loading}>{children(state.data)}</Spin>;
}
