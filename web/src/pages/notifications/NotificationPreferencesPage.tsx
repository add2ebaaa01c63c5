import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Table } from 'antd';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { QueryState, readState } from '../../components/QueryState';
import {
  KIND_NAMES,
  TYPE_NAMES,
  type ChannelKind,
  type PreferenceItem,
  type Preferences,
} from '../../components/notifications/notificationTypes';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';

const KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'email', 'webhook'];

/**
 * What reaches the user on which kind of channel: a tick per type and kind, saved at once. The
 * inbox is always on; a department's group robot is the department's and follows no one user.
 */
export function NotificationPreferencesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const preferences = useQuery({
    queryKey: ['me', 'notification-preferences'],
    queryFn: ({ signal }) => api<Preferences>('/me/notification-preferences', { signal }),
  });
  const save = useMutation({
    mutationFn: (items: PreferenceItem[]) =>
      api<Preferences>('/me/notification-preferences', {
        method: 'PUT',
        body: {
          items: items.map(({ type, wecom, dingtalk, email, webhook }) => ({ type, wecom, dingtalk, email, webhook })),
        },
      }),
    onSuccess: (saved) => {
      client.setQueryData(['me', 'notification-preferences'], saved);
      void message.success(t('已保存', 'Saved'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const items = preferences.data?.items ?? [];
  const toggle = (type: PreferenceItem['type'], kind: ChannelKind, on: boolean) =>
    save.mutate(items.map((item) => (item.type === type ? { ...item, [kind]: on } : item)));

  return (
    <>
      <PageTitle title={t('通知设置', 'Notification settings')} style={{ marginBottom: 16 }} />
      <QueryState {...readState(preferences)}>
        <Table
          rowKey="type"
          size="small"
          pagination={false}
          loading={preferences.isLoading}
          dataSource={items}
          scroll={{ x: true }}
          columns={[
            { title: t('消息类型', 'Type'), key: 'type', render: (_, item) => t(...TYPE_NAMES[item.type]) },
            {
              title: t('站内消息', 'Inbox'),
              key: 'inbox',
              render: (_, item) => (
                <Checkbox
                  checked
                  disabled
                  aria-label={t(
                    `${TYPE_NAMES[item.type][0]}：站内消息（始终开启）`,
                    `${TYPE_NAMES[item.type][1]}: inbox (always on)`,
                  )}
                />
              ),
            },
            ...KINDS.map((kind) => ({
              title: t(...KIND_NAMES[kind]),
              key: kind,
              render: (_: unknown, item: PreferenceItem) => (
                <Checkbox
                  checked={item[kind]}
                  disabled={save.isPending}
                  aria-label={t(
                    `${TYPE_NAMES[item.type][0]}：${KIND_NAMES[kind][0]}`,
                    `${TYPE_NAMES[item.type][1]}: ${KIND_NAMES[kind][1]}`,
                  )}
                  onChange={(event) => toggle(item.type, kind, event.target.checked)}
                />
              ),
            })),
          ]}
        />
      </QueryState>
    </>
  );
}
