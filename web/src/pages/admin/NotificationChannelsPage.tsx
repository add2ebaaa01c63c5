import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { QueryState, readState } from '../../components/QueryState';
import {
  KIND_NAMES,
  TYPE_NAMES,
  type Channel,
  type ChannelKind,
  type Delivery,
} from '../../components/notifications/notificationTypes';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { useReference } from '../../reference';

interface UserOption {
  id: string;
  username: string;
  displayName: string;
}

interface NewChannel {
  kind: ChannelKind;
  name: string;
  owner: 'department' | 'user';
  departmentId?: string;
  userId?: string;
  target: string;
  secret?: string;
}

const TARGET_HINTS: Record<ChannelKind, [string, string]> = {
  wecom: ['群机器人的 Webhook 地址（含 key=…）', "The robot's webhook URL (with key=…)"],
  dingtalk: ['机器人的 Webhook 地址（含 access_token=…）', "The robot's webhook URL (with access_token=…)"],
  email: ['收件邮箱地址', 'The e-mail address'],
  webhook: ['接收 POST 的地址', 'The URL that receives the POST'],
};

/**
 * The external channels (admin): WeCom and DingTalk group robots, e-mail and webhooks per
 * department or per user; secrets are written, never shown. Below, the deliveries that failed
 * every attempt (the dead-letter list), each with its error and a button to send it again.
 */
export function NotificationChannelsPage() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { departments } = useReference();
  const [form] = Form.useForm<NewChannel>();
  const [owner, setOwner] = useState<'department' | 'user'>('department');
  const kind = Form.useWatch('kind', form) ?? 'wecom';

  const channels = useQuery({
    queryKey: ['admin', 'notification-channels'],
    queryFn: ({ signal }) => api<{ items: Channel[] }>('/admin/notification-channels', { signal }),
  });
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api<UserOption[]>('/users', { signal }),
    enabled: owner === 'user',
  });
  const failed = useQuery({
    queryKey: ['admin', 'notification-deliveries', 'failed'],
    queryFn: ({ signal }) =>
      api<{ items: Delivery[] }>('/admin/notification-deliveries', { query: { status: 'failed' }, signal }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['admin'] });
  const failedWith = (error: unknown) => void message.error(errorMessage(error, t));

  const create = useMutation({
    mutationFn: ({ owner: who, departmentId, userId, secret, ...rest }: NewChannel) =>
      api<Channel>('/admin/notification-channels', {
        method: 'POST',
        body: { ...rest, ...(who === 'department' ? { departmentId } : { userId }), ...(secret ? { secret } : {}) },
      }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('已添加', 'Added'));
      void refresh();
    },
    onError: failedWith,
  });
  const update = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<Channel>(`/admin/notification-channels/${id}`, { method: 'PATCH', body: { enabled } }),
    onSuccess: refresh,
    onError: failedWith,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/admin/notification-channels/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: failedWith,
  });
  const retry = useMutation({
    mutationFn: (id: string) => api<Delivery>(`/admin/notification-deliveries/${id}/retry`, { method: 'POST' }),
    onSuccess: () => {
      void message.success(t('已重新发送', 'Sent again'));
      void refresh();
    },
    onError: failedWith,
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle title={t('消息渠道', 'Notification channels')} />
      <Card title={t('添加渠道', 'Add a channel')} size="small">
        <Form<NewChannel>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'wecom', owner: 'department' }}
          onFinish={(values) => create.mutate(values)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="kind" label={t('渠道类型', 'Kind')} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(KIND_NAMES) as ChannelKind[]).map((k) => ({
                value: k,
                label: t(...KIND_NAMES[k]),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, max: 60 }]}>
            <Input placeholder={t('如：市工信局工作群', 'e.g. the department group')} />
          </Form.Item>
          <Form.Item name="owner" label={t('归属', 'For')}>
            <Radio.Group
              onChange={(event) => setOwner(event.target.value as 'department' | 'user')}
              options={[
                { value: 'department', label: t('单位', 'A department') },
                { value: 'user', label: t('个人', 'A user') },
              ]}
            />
          </Form.Item>
          {owner === 'department' ? (
            <Form.Item name="departmentId" label={t('单位', 'Department')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="userId" label={t('用户', 'User')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={users.isLoading}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
              />
            </Form.Item>
          )}
          <Form.Item name="target" label={t(...TARGET_HINTS[kind])} rules={[{ required: true, max: 500 }]}>
            <Input />
          </Form.Item>
          {(kind === 'dingtalk' || kind === 'webhook') && (
            <Form.Item
              name="secret"
              label={
                kind === 'dingtalk' ? t('加签密钥（SEC…）', 'Signing secret (SEC…)') : t('签名密钥', 'Signing secret')
              }
              extra={t('保存后不再显示', 'Never shown again once saved')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('添加', 'Add')}
          </Button>
        </Form>
      </Card>

      <QueryState {...readState(channels)}>
        <Table<Channel>
          rowKey="id"
          size="small"
          loading={channels.isLoading}
          dataSource={channels.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('类型', 'Kind'), key: 'kind', render: (_, c) => t(...KIND_NAMES[c.kind]) },
            { title: t('归属', 'For'), key: 'owner', render: (_, c) => c.departmentName ?? c.userName ?? '—' },
            {
              title: t('地址', 'Target'),
              dataIndex: 'target',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('密钥', 'Secrets'),
              key: 'secret',
              render: (_, c) => (
                <Space size={4}>
                  {c.hasToken && <Tag>{t('已存 key/token', 'key/token stored')}</Tag>}
                  {c.hasSecret && <Tag>{t('已存签名密钥', 'secret stored')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('启用', 'On'),
              key: 'enabled',
              render: (_, c) => (
                <Switch
                  checked={c.enabled}
                  aria-label={t(`启用 ${c.name}`, `Enable ${c.name}`)}
                  onChange={(enabled) => update.mutate({ id: c.id, enabled })}
                />
              ),
            },
            {
              title: t('操作', 'Actions'),
              key: 'actions',
              render: (_, c) => (
                <Popconfirm
                  title={t('删除该渠道及其投递记录？', 'Delete this channel and its deliveries?')}
                  onConfirm={() => remove.mutate(c.id)}
                >
                  <Button size="small" danger aria-label={t(`删除 ${c.name}`, `Delete ${c.name}`)}>
                    {t('删除', 'Delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </QueryState>

      <Card title={t('发送失败的消息', 'Failed deliveries')} size="small">
        <QueryState {...readState(failed)}>
          <Table<Delivery>
            rowKey="id"
            size="small"
            loading={failed.isLoading}
            dataSource={failed.data?.items ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t('没有发送失败的消息', 'No failed deliveries') }}
            columns={[
              { title: t('时间', 'When'), key: 'at', render: (_, d) => formatTime(d.updatedAt) },
              { title: t('渠道', 'Channel'), dataIndex: 'channelName' },
              { title: t('类型', 'Type'), key: 'type', render: (_, d) => t(...TYPE_NAMES[d.type]) },
              { title: t('标题', 'Title'), dataIndex: 'title' },
              { title: t('次数', 'Attempts'), dataIndex: 'attempts' },
              { title: t('错误', 'Error'), dataIndex: 'lastError' },
              {
                title: t('操作', 'Actions'),
                key: 'retry',
                render: (_, d) => (
                  <Button
                    size="small"
                    onClick={() => retry.mutate(d.id)}
                    aria-label={t(`重新发送 ${d.title}`, `Retry ${d.title}`)}
                  >
                    {t('重新发送', 'Retry')}
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
    </Space>
  );
}
