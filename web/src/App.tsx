import { App as AntApp, ConfigProvider } from 'antd';
import enGB from 'antd/locale/en_GB';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth, type Role } from './auth';
import { I18nProvider, useI18n } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ServerState } from './queries';
import { ReferenceProvider } from './reference';
import { ROUTES, homeFor } from './routes';

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
      <AntApp>{children}</AntApp>
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
      <Route element={<Layout />}>
        <Route index element={<Navigate to={homeFor(user.role)} replace />} />
        {ROUTES.map(({ path, roles, Page }) => (
          <Route key={path} path={path} element={<Allowed roles={roles} Page={Page} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Allowed({ roles, Page }: { roles: Role[]; Page: React.ComponentType }) {
  const { can } = useAuth();
  return can(...roles) ? <Page /> : <NotFoundPage forbidden />;
}
