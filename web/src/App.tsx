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

function Localised({ children }: { children: React.ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enGB} theme={{ token: { colorPrimary: '#c0392b' } }}>
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
