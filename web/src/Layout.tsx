import { Alert, Button, Grid, Layout as AntLayout, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth';
import { NotificationBell } from './components/notifications/NotificationBell';
import { PhoneTabBar, TAB_BAR_HEIGHT, usePhoneTabBar } from './components/PhoneTabBar';
import { ROLE_NAMES, UserMenu } from './components/UserMenu';
import { errorMessage } from './errors';
import { useI18n } from './i18n';
import { useReference } from './reference';
import { MAIN_ID, SkipLink } from './components/SkipLink';
import { ROUTES } from './routes';

/** The wide screen's menu, fetched only there (a phone has the bottom bar). */
const NavMenu = lazy(() => import('./components/NavMenu').then((m) => ({ default: m.NavMenu })));

/** The frame of every signed-in page: the role's menu, the language switch, sign-out. */
export function Layout() {
  const { user, logout, can } = useAuth();
  const { t, lang, setLang } = useI18n();
  const reference = useReference();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone: the user's name in a menu of its own, and officials' and handlers' pages in a bottom bar.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const tabBar = usePhoneTabBar();
  const items = ROUTES.filter((route) => route.menu && can(...route.roles)).map((route) => ({
    key: route.path,
    label: t(...route.menu!),
  }));
  const selected = items.filter((item) => location.pathname.startsWith(item.key)).map((item) => item.key);
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <AntLayout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('包联走访', 'Outreach')}
        </Typography.Text>
        {/* The screen's width is known from the second render on: no menu fetched for a phone before. */}
        {tabBar || screens.md === undefined ? (
          <div style={{ flex: 1 }} />
        ) : (
          <Suspense fallback={<div style={{ flex: 1 }} />}>
            <NavMenu
              selectedKeys={selected}
              items={items}
              onNavigate={(key) => void navigate(key)}
              style={{ flex: 1, minWidth: 0 }}
            />
          </Suspense>
        )}
        <NotificationBell />
        {narrow ? (
          <UserMenu />
        ) : (
          <Space size="small">
            <Button
              size="small"
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              aria-label={t('EN 切换为英文界面', '中文 Switch to Chinese')}
            >
              {lang === 'zh' ? 'EN' : '中文'}
            </Button>
            <Typography.Text
              style={{ color: '#fff', maxWidth: '28vw', display: 'block' }}
              ellipsis
              className="user-name"
            >
              {user?.displayName} · {user ? t(...ROLE_NAMES[user.role]) : ''}
            </Typography.Text>
            <Button size="small" onClick={() => navigate('/me/notifications')}>
              {t('通知设置', 'Notification settings')}
            </Button>
            <Button size="small" onClick={logout}>
              {t('退出', 'Sign out')}
            </Button>
          </Space>
        )}
      </AntLayout.Header>
      <AntLayout.Content
        id={MAIN_ID}
        tabIndex={-1}
        style={{
          padding: 16,
          paddingBottom: tabBar ? 16 + TAB_BAR_HEIGHT : 16,
          maxWidth: 1400,
          width: '100%',
          margin: '0 auto',
          outline: 'none',
        }}
      >
        {reference.error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorMessage(reference.error, t)}
            action={
              <Button size="small" onClick={reference.reload}>
                {t('重试', 'Retry')}
              </Button>
            }
          />
        )}
        <Outlet />
      </AntLayout.Content>
      {tabBar && <PhoneTabBar />}
    </AntLayout>
  );
}
