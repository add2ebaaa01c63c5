import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { UNREAD_KEY, type InboxPage } from './notificationTypes';

/** Every minute, and whenever the window comes back to the front. */
const POLL_MS = 60_000;

/** The unread count: one small read (one unread item), every minute and on focus. */
export function useUnreadCount(): number {
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => api<InboxPage>('/notifications', { query: { unread: true, limit: 1 }, signal }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  return unread.data?.unreadCount ?? 0;
}

export const BELL = (
  <svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
    <path d="M10 20a2 2 0 0 0 4 0" />
  </svg>
);

/** The bell in the header: the unread count on it, the inbox behind it. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const count = useUnreadCount();
  const label =
    count > 0 ? t(`消息（${count} 条未读）`, `Notifications (${count} unread)`) : t('消息', 'Notifications');
  return (
    <Badge count={count} size="small" overflowCount={99} data-testid="notification-badge">
      <Button
        type="text"
        shape="circle"
        icon={BELL}
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        style={{ color: '#fff' }}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
