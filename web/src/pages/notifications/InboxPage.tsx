import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { QueryState, readState } from '../../components/QueryState';
import {
  notificationTarget,
  TYPE_NAMES,
  type InboxPage as Inbox,
  type NotificationItem,
} from '../../components/notifications/notificationTypes';
import { useI18n } from '../../i18n';

/** The caller's notifications, newest first: unread ones in bold; a click marks read and opens the problem. */
export function InboxPage() {
  const { t, formatTime } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInfiniteQuery({
    queryKey: ['notifications', 'inbox', unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      api<Inbox>('/notifications', {
        query: { unread: unreadOnly || undefined, limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({
    mutationFn: (id: string) => api<NotificationItem>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = inbox.data?.pages[0]?.unreadCount ?? 0;

  const open = (item: NotificationItem) => {
    if (!item.readAt) read.mutate(item.id);
    const target = notificationTarget(item);
    if (target) void navigate(target);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <PageTitle title={t('消息', 'Notifications')} />
        <Space wrap>
          <Segmented
            aria-label={t('显示范围', 'Show')}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => setUnreadOnly(value === 'unread')}
            options={[
              { value: 'all', label: t('全部', 'All') },
              { value: 'unread', label: t(`未读 ${unreadCount}`, `Unread ${unreadCount}`) },
            ]}
          />
          <Button onClick={() => readAll.mutate()} disabled={unreadCount === 0} loading={readAll.isPending}>
            {t('全部标为已读', 'Mark all read')}
          </Button>
          <Link to="/me/notifications">{t('通知设置', 'Notification settings')}</Link>
        </Space>
      </Space>
      <QueryState {...readState(inbox)}>
        <List
          data-testid="inbox"
          bordered
          locale={{ emptyText: t('暂无消息', 'No notifications') }}
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              data-testid="inbox-item"
              data-unread={item.readAt ? undefined : 'true'}
              actions={
                item.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => read.mutate(item.id)}>
                        {t('标为已读', 'Mark read')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => open(item)}
                  >
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                  </Button>
                }
                description={
                  <Space size="small" wrap>
                    <Tag>{t(...TYPE_NAMES[item.type])}</Tag>
                    <span>{formatTime(item.at)}</span>
                    {!item.readAt && <Tag color="red">{t('未读', 'Unread')}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
        {inbox.hasNextPage && (
          <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t('加载更多', 'Load more')}
          </Button>
        )}
      </QueryState>
    </Space>
  );
}
