import { Typography } from 'antd';
import { formatTime } from '../lib/format.js';

/** A user name over the time of their action, so narrow columns do not break the date. */
export function WhoWhen({ who, when }: { who: string | null; when: string | null }) {
  if (!who) return <>—</>;
  return (
    <>
      {who}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
        {formatTime(when)}
      </Typography.Text>
    </>
  );
}
