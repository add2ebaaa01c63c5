import { ConfigProvider } from 'antd';
import { lazy, Suspense } from 'react';
// The ES-module locales: antd/locale/* would bring CommonJS copies of the pickers' locales along.
import enGB from 'antd/es/locale/en_GB';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth, type Role } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { ServerState } from './queries';
import { ReferenceProvider } from './reference';
import { ROUTES, homeFor } from './routes';

// The sign-in page is in the first script; the signed-in frame (its menu) and the not-found page
// (its illustrations) come after, in chunks of their own, so that the sign-in page paints sooner
// on a slow network. Each page brings antd's App along if it uses it (lazyPage.tsx).
const Layout = lazy(() => import('./Layout').then((m) => ({ default: m.Layout })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <I18nProvider>
      <Localised>
        <AuthProvider>
          <ServerState>
            <ReferenceProvider>
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </ReferenceProvider>
          </ServerState>
        </AuthProvider>
      </Localised>
    </I18nProvider>
  );
}

/**
 * The house red, and text colours dark enough for WCAG 2.1 AA contrast (4.5:1) on white and on
 * the light grey of table headers: antd's defaults for secondary text, placeholders and links
 * fall short of it.
 */
const THEME = {
  token: {
    colorPrimary: '#c0392b',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorErrorText: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
};

function Localised({ children }: { children: React.ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enGB} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}

function AppRoutes() {
  const { user } = useAuth();
  if (!user) {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route
        element={
          <Suspense fallback={<Loading />}>
            <Layout />
          </Suspense>
        }
      >
        <Route index element={<Navigate to={homeFor(user.role)} replace />} />
        {ROUTES.map(({ path, roles, Page }) => (
          <Route key={path} path={path} element={<Allowed roles={roles} Page={Page} />} />
        ))}
        <Route
          path="*"
          element={
            <Suspense fallback={<Loading />}>
              <NotFoundPage />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}

function Allowed({ roles, Page }: { roles: Role[]; Page: React.ComponentType }) {
  const { can } = useAuth();
  // The page's own chunk (routes.tsx) arrives while the frame is already shown.
  return <Suspense fallback={<Loading />}>{can(...roles) ? <Page /> : <NotFoundPage forbidden />}</Suspense>;
}

/** What shows while a chunk of the app is on its way: plain text, nothing more to download. */
function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" data-testid="page-loading" style={{ padding: 16, color: '#8c8c8c' }}>
      {t('正在加载…', 'Loading…')}
    </div>
  );
}
