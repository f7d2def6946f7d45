import { Tag } from 'antd';
import { CONTRACT_STATUS_LABELS } from '@chp/core';
import type { ContractStatus } from '@chp/core';

const COLORS: Readonly<Record<ContractStatus, string>> = {
  pending: 'default',
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  terminated: 'default',
};

/** A contract's derived status (待生效, 履约中, 即将到期, 已到期, 已解约). */
export function ContractStatusTag({ status }: { status: ContractStatus }) {
  return (
    <Tag color={COLORS[status]} data-testid="contract-status">
      {CONTRACT_STATUS_LABELS[status]}
    </Tag>
  );
}
