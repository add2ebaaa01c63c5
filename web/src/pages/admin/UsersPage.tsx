import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useAuth, type Role } from '../../auth';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { usePagination } from '../../components/usePagination';
import { useLabels, useReference } from '../../reference';
import { LoginLocks } from './LoginLocks';
import { PageTitle } from '../../components/PageTitle';
import { useReturnFocus } from '../../components/useReturnFocus';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled?: boolean;
}

const ROLES: { role: Role; name: [string, string]; color: string }[] = [
  { role: 'admin', name: ['管理员', 'Admin'], color: 'red' },
  { role: 'manager', name: ['管理人员', 'Manager'], color: 'volcano' },
  { role: 'official', name: ['包联干部', 'Official'], color: 'blue' },
  { role: 'handler', name: ['责任单位经办人', 'Department handler'], color: 'green' },
];

/** What the create and edit forms hold; the edit form leaves the password empty to keep it. */
interface UserForm {
  username?: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  password?: string;
}

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | { mode: 'password'; user: User };

/** Users (admin only): list, create, change name, role or department, reset a password, disable. */
export function UsersPage() {
  const { t } = useI18n();
  const pagination = usePagination({ pageSize: 50, hideOnSinglePage: true });
  const { user: me } = useAuth();
  const { message } = App.useApp();
  const labels = useLabels();
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api<User[]>('/users', { signal }) });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [showLocks, setShowLocks] = useState(false);
  useReturnFocus(showLocks);
  const roleOf = (role: Role) => ROLES.find((r) => r.role === role)!;

  const setDisabled = async (user: User, disabled: boolean) => {
    try {
      await api(`/users/${user.id}`, { method: 'PATCH', body: { disabled } });
      void message.success(disabled ? t('已停用', 'Disabled') : t('已启用', 'Enabled'));
      void users.refetch();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  const signOutEverywhere = async (user: User) => {
    try {
      await api(`/users/${user.id}/logout-all`, { method: 'POST' });
      void message.success(t('已在所有设备上退出', 'Signed out everywhere'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <PageTitle title={t('用户管理', 'Users')} />
        <Space>
          <Button onClick={() => setShowLocks(true)}>{t('登录锁定', 'Sign-in locks')}</Button>
          <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
            {t('新建用户', 'New user')}
          </Button>
        </Space>
      </Space>
      {!!users.error && <Alert type="error" showIcon title={errorMessage(users.error, t)} />}
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.isFetching}
        dataSource={users.data}
        pagination={pagination}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          {
            title: t('角色', 'Role'),
            dataIndex: 'role',
            filters: ROLES.map((r) => ({ text: t(...r.name), value: r.role })),
            onFilter: (value, user) => user.role === value,
            render: (role: Role) => <Tag color={roleOf(role).color}>{t(...roleOf(role).name)}</Tag>,
          },
          {
            title: t('所属单位', 'Department'),
            dataIndex: 'departmentId',
            render: (id: string | null) => (id ? labels.department(id) : '—'),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'disabled',
            render: (disabled?: boolean) =>
              disabled ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('正常', 'Active')}</Tag>,
          },
          {
            title: t('操作', 'Actions'),
            render: (_, user) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user })}>
                  {t('编辑', 'Edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing({ mode: 'password', user })}>
                  {t('重置密码', 'Reset password')}
                </Button>
                {user.id !== me?.id && (
                  <Popconfirm
                    title={t(`让 ${user.username} 在所有设备上退出？`, `Sign ${user.username} out everywhere?`)}
                    okText={t('退出', 'Sign out')}
                    cancelText={t('取消', 'Cancel')}
                    onConfirm={() => signOutEverywhere(user)}
                  >
                    <Button type="link" size="small">
                      {t('全部退出', 'Sign out everywhere')}
                    </Button>
                  </Popconfirm>
                )}
                {user.id !== me?.id &&
                  (user.disabled ? (
                    <Button type="link" size="small" onClick={() => void setDisabled(user, false)}>
                      {t('启用', 'Enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t(
                        `停用 ${user.username}？该用户将无法登录。`,
                        `Disable ${user.username}? They can no longer sign in.`,
                      )}
                      okText={t('停用', 'Disable')}
                      cancelText={t('取消', 'Cancel')}
                      onConfirm={() => setDisabled(user, true)}
                    >
                      <Button type="link" size="small" danger>
                        {t('停用', 'Disable')}
                      </Button>
                    </Popconfirm>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {showLocks && (
        <Modal
          open
          width={860}
          footer={null}
          title={t('登录锁定', 'Sign-in locks')}
          onCancel={() => setShowLocks(false)}
        >
          <LoginLocks />
        </Modal>
      )}
      {editing && (
        <UserDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void users.refetch();
          }}
        />
      )}
    </Space>
  );
}

/** The create, edit and reset-password form; a refusal (duplicate name, bad department …) stays on it. */
function UserDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: () => void }) {
  useReturnFocus();
  const { t } = useI18n();
  const { message } = App.useApp();
  const reference = useReference();
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial: Partial<UserForm> = editing.mode === 'create' ? { role: 'official' } : editing.user;

  const submit = async (values: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      if (editing.mode === 'create') {
        await api('/users', { method: 'POST', body: values });
      } else if (editing.mode === 'edit') {
        const { displayName, role: newRole, departmentId } = values;
        await api(`/users/${editing.user.id}`, {
          method: 'PATCH',
          body: { displayName, role: newRole, departmentId: departmentId ?? null },
        });
      } else {
        await api(`/users/${editing.user.id}`, { method: 'PATCH', body: { password: values.password } });
      }
      void message.success(t('已保存', 'Saved'));
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const title =
    editing.mode === 'create'
      ? t('新建用户', 'New user')
      : editing.mode === 'edit'
        ? t(`编辑 ${editing.user.username}`, `Edit ${editing.user.username}`)
        : t(`重置 ${editing.user.username} 的密码`, `Reset the password of ${editing.user.username}`);
  const password = (
    <Form.Item
      name="password"
      label={editing.mode === 'create' ? t('初始密码', 'Initial password') : t('新密码', 'New password')}
      rules={[{ required: true, min: 8, message: t('至少 8 个字符', 'At least 8 characters') }]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={title}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form name="user" form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
        {editing.mode === 'create' && (
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            extra={t('2–50 位字母、数字、点、横线或下划线', '2–50 letters, digits, dots, dashes or underscores')}
            rules={[
              {
                required: true,
                pattern: /^[A-Za-z0-9._-]{2,50}$/,
                message: t('用户名格式不正确', 'Not a valid username'),
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {editing.mode === 'password' ? (
          password
        ) : (
          <>
            <Form.Item
              name="displayName"
              label={t('姓名', 'Name')}
              rules={[{ required: true, whitespace: true, max: 100, message: t('请填写姓名', 'Enter a name') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]}>
              <Select options={ROLES.map((r) => ({ value: r.role, label: t(...r.name) }))} />
            </Form.Item>
            <Form.Item
              name="departmentId"
              label={t('所属单位', 'Department')}
              extra={
                role === 'handler' ? undefined : t('仅责任单位经办人必填', 'Required for department handlers only')
              }
              rules={[
                { required: role === 'handler', message: t('经办人须选择所属单位', 'A handler needs a department') },
              ]}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            {editing.mode === 'create' && password}
          </>
        )}
      </Form>
    </Modal>
  );
}
