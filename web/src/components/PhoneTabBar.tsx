import { Grid } from 'antd';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useAuth, type Role } from '../auth';
import { useI18n } from '../i18n';
import { BELL, useUnreadCount } from './notifications/NotificationBell';
import { ROUTES } from '../routes';

/** The roles whose few pages sit in a bar at the bottom of a phone's screen. */
const TAB_ROLES: Role[] = ['official', 'handler'];

/** Height of the bar; the page keeps this much room below its content. */
export const TAB_BAR_HEIGHT = 60;

const svg = (path: ReactNode) => (
  <svg
    viewBox="0 0 24 24"
    width="22"
    height="22"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    {path}
  </svg>
);

/**
 * An icon per page path; '/my-enterprises' is the official's "my enterprises" landing page.
 */
const ICONS: Record<string, ReactNode> = {
  '/my-enterprises': svg(<path d="M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" />),
  '/enterprises': svg(
    <>
      <path d="M4 21V5a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v16M14 10h5a1 1 0 0 1 1 1v10M2 21h20" />
      <path d="M8 8h2M8 12h2M8 16h2" />
    </>,
  ),
  '/my-problems': svg(
    <>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M9 11h7M9 15h7M9 7h4" />
    </>,
  ),
  '/my-visits': svg(
    <>
      <rect x="4" y="5" width="16" height="16" rx="1" />
      <path d="M8 3v4M16 3v4M4 10h16M9 15l2 2 4-4" />
    </>,
  ),
  '/queue': svg(
    <>
      <path d="M3 13l3-8h12l3 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />
      <path d="M3 13h5l1 3h6l1-3h5" />
    </>,
  ),
};
const DEFAULT_ICON = svg(<path d="M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z" />);

const UNREAD_DOT = {
  position: 'absolute',
  top: -4,
  right: -10,
  minWidth: 16,
  height: 16,
  padding: '0 4px',
  borderRadius: 8,
  background: '#c0392b',
  color: '#fff',
  fontSize: 10,
  lineHeight: '16px',
  textAlign: 'center',
} as const;

/** Whether this user on this screen gets the bottom bar (an official or a handler, narrower than a tablet). */
export function usePhoneTabBar(): boolean {
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  return !!user && TAB_ROLES.includes(user.role) && screens.md === false;
}

/** The bottom tab bar of officials and handlers on a phone: their menu pages, each an icon and its name. */
export function PhoneTabBar() {
  const { can } = useAuth();
  const { t } = useI18n();
  const unread = useUnreadCount();
  const tabs = [
    ...ROUTES.filter((route) => route.menu && can(...route.roles)).map((route) => ({
      path: route.path,
      label: t(...route.menu!),
      icon: ICONS[route.path] ?? DEFAULT_ICON,
    })),
    // The inbox, its unread count on the icon.
    {
      path: '/notifications',
      label: t('消息', 'Inbox'),
      icon: (
        <span style={{ position: 'relative', display: 'inline-flex' }}>
          {BELL}
          {unread > 0 && (
            <span data-testid="tab-unread" style={UNREAD_DOT}>
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </span>
      ),
    },
  ];
  return (
    <nav
      aria-label={t('主导航', 'Main navigation')}
      data-testid="phone-tab-bar"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        height: TAB_BAR_HEIGHT,
        paddingBottom: 'env(safe-area-inset-bottom)',
        display: 'flex',
        background: '#fff',
        borderTop: '1px solid #e5e5e5',
        zIndex: 900,
      }}
    >
      {tabs.map((route) => {
        const label =
          route.path === '/notifications' && unread > 0
            ? t(`消息（${unread} 条未读）`, `Inbox (${unread} unread)`)
            : route.label;
        return (
          <NavLink
            key={route.path}
            to={route.path}
            aria-label={label}
            style={({ isActive }) => ({
              flex: 1,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              fontSize: 12,
              minWidth: 0,
              color: isActive ? '#c0392b' : '#595959',
              fontWeight: isActive ? 600 : 400,
            })}
          >
            {route.icon}
            <span style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' }}>
              {route.label}
            </span>
          </NavLink>
        );
      })}
    </nav>
  );
}
