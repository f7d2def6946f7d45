import { useState, type HTMLAttributes } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UpdateUserRequest, UserSummary } from '@chp/core';
import { listUsers, updateUser } from '../api/admin.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage, formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { CreateUserModal } from './create-user-modal.js';
import { PageHeader } from '../components/page-header.js';

export function UsersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const state = useAsync(listUsers, []);
  const [creating, setCreating] = useState(false);

  const update = async (user: UserSummary, body: UpdateUserRequest): Promise<void> => {
    try {
      const updated = await updateUser(user.id, body);
      state.reload();
      if (updated.oneTimePassword === undefined) {
        void message.success(t('users.updated'));
        return;
      }
      // The server shows the generated password this once only.
      modal.success({
        title: t('users.oneTimePassword', { username: user.username }),
        content: (
          <Typography.Text code copyable data-testid="one-time-password">
            {updated.oneTimePassword}
          </Typography.Text>
        ),
      });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const confirmReset = (user: UserSummary): void => {
    modal.confirm({
      title: `${t('users.resetPassword')} · ${user.username}`,
      content: t('users.resetConfirm'),
      onOk: () => update(user, { resetPassword: true }),
    });
  };

  const columns: TableColumnsType<UserSummary> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_: unknown, u) =>
        u.roles.map((r) => <Tag key={`${r.role}@${r.orgUnitCode}`}>{`${t(`role.${r.role}`)} · ${r.orgUnitName}`}</Tag>),
    },
    {
      title: t('users.state'),
      key: 'state',
      width: 160,
      render: (_: unknown, u) => (
        <>
          {u.disabled && <Tag color="default">{t('users.disabled')}</Tag>}
          {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
          {!u.disabled && !u.locked && !u.mustChangePassword && <Tag color="green">{t('users.active')}</Tag>}
        </>
      ),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatTime(d) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 240,
      render: (_: unknown, u) => (
        <Space size="small">
          <Button
            size="small"
            data-testid={`user-toggle-${u.id}`}
            onClick={() => void update(u, { disabled: !u.disabled })}
          >
            {u.disabled ? t('users.enable') : t('users.disable')}
          </Button>
          {u.locked && (
            <Button size="small" data-testid={`user-unlock-${u.id}`} onClick={() => void update(u, { unlock: true })}>
              {t('users.unlock')}
            </Button>
          )}
          <Button
            size="small"
            data-testid={`user-reset-${u.id}`}
            onClick={() => {
              confirmReset(u);
            }}
          >
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.users')}>
        <Button
          type="primary"
          data-testid="user-create"
          onClick={() => {
            setCreating(true);
          }}
        >
          {t('users.create')}
        </Button>
      </PageHeader>
      <AsyncView state={state}>
        {(users) => (
          <Table<UserSummary>
            data-testid="users-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={users}
            onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as HTMLAttributes<HTMLElement>}
            pagination={false}
          />
        )}
      </AsyncView>
      <CreateUserModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={state.reload}
      />
    </>
  );
}
