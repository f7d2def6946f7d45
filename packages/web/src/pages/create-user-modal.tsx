import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@chp/core';
import type { CreateUserRequest } from '@chp/core';
import { createUser } from '../api/admin.js';
import { OrgUnitSelect } from '../components/org-unit-select.js';
import { useI18n } from '../i18n/i18n.js';
import { errorMessage } from '../lib/format.js';

export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserRequest>();
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    let body: CreateUserRequest;
    try {
      body = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await createUser(body);
      void message.success(t('users.created'));
      onCreated();
      onClose();
      form.resetFields();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.create')}
      width={640}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'new-user-submit' }}
      forceRender
    >
      <Form<CreateUserRequest> form={form} layout="vertical" initialValues={{ roles: [{ role: 'viewer' }] }}>
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
          <Input data-testid="new-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input data-testid="new-display-name" />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true }]}>
          <Input.Password data-testid="new-password" autoComplete="new-password" />
        </Form.Item>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'role']} label={t('users.role')} rules={[{ required: true }]}>
                    <Select
                      data-testid={`new-role-${String(field.name)}`}
                      style={{ width: 160 }}
                      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'orgUnitCode']} label={t('users.scope')} rules={[{ required: true }]}>
                    <OrgUnitSelect />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      onClick={() => {
                        remove(field.name);
                      }}
                    />
                  )}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ role: 'viewer' });
                }}
              >
                {t('users.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
