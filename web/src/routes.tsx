import type { ComponentType } from 'react';
import type { Role } from './auth';
import { lazyLightPage, lazyPage } from './lazyPage';

// Each page is its own chunk, fetched when first opened: an official never downloads the charts
// or the admin pages. App.tsx shows a placeholder while a page's chunk loads. The official's own
// pages go without antd's App (lazyPage.tsx): they do not use it, and it is weight on their way.
const AssessmentWeightsPage = lazyPage(() =>
  import('./pages/admin/AssessmentWeightsPage').then((m) => m.AssessmentWeightsPage),
);
const CalendarPage = lazyPage(() => import('./pages/admin/CalendarPage').then((m) => m.CalendarPage));
const ReferenceDataPage = lazyPage(() => import('./pages/admin/ReferenceDataPage').then((m) => m.ReferenceDataPage));
const UsersPage = lazyPage(() => import('./pages/admin/UsersPage').then((m) => m.UsersPage));
const QueuePage = lazyPage(() => import('./pages/handler/QueuePage').then((m) => m.QueuePage));
const DashboardPage = lazyPage(() => import('./pages/manager/DashboardPage').then((m) => m.DashboardPage));
const ProblemListPage = lazyPage(() => import('./pages/manager/ProblemListPage').then((m) => m.ProblemListPage));
const ExtensionsPage = lazyPage(() => import('./pages/manager/ExtensionsPage').then((m) => m.ExtensionsPage));
const SupervisionPage = lazyPage(() => import('./pages/manager/SupervisionPage').then((m) => m.SupervisionPage));
const PublishedPage = lazyPage(() => import('./pages/manager/PublishedPage').then((m) => m.PublishedPage));
const PublishedFigurePage = lazyPage(() =>
  import('./pages/manager/PublishedFigurePage').then((m) => m.PublishedFigurePage),
);
const WeeklyReportPage = lazyPage(() => import('./pages/manager/WeeklyReportPage').then((m) => m.WeeklyReportPage));
const EnterprisesPage = lazyLightPage(() => import('./pages/official/EnterprisesPage').then((m) => m.EnterprisesPage));
const MyProblemsPage = lazyLightPage(() => import('./pages/official/MyProblemsPage').then((m) => m.MyProblemsPage));
const VisitFormPage = lazyLightPage(() => import('./pages/official/VisitFormPage').then((m) => m.VisitFormPage));
const ProblemPage = lazyPage(() => import('./pages/shared/ProblemPage').then((m) => m.ProblemPage));
const ResponsibilitiesPage = lazyPage(() =>
  import('./pages/manager/ResponsibilitiesPage').then((m) => m.ResponsibilitiesPage),
);
const VisitListPage = lazyPage(() => import('./pages/manager/VisitListPage').then((m) => m.VisitListPage));
const MyEnterprisesPage = lazyLightPage(() =>
  import('./pages/official/MyEnterprisesPage').then((m) => m.MyEnterprisesPage),
);
const MyVisitsPage = lazyLightPage(() => import('./pages/official/MyVisitsPage').then((m) => m.MyVisitsPage));
const EnterprisePage = lazyPage(() => import('./pages/shared/EnterprisePage').then((m) => m.EnterprisePage));
const VisitPage = lazyPage(() => import('./pages/shared/VisitPage').then((m) => m.VisitPage));
const ProjectLedgerPage = lazyPage(() => import('./pages/projects/ProjectLedgerPage').then((m) => m.ProjectLedgerPage));
const ProjectImportPage = lazyPage(() => import('./pages/projects/ProjectImportPage').then((m) => m.ProjectImportPage));
const InboxPage = lazyPage(() => import('./pages/notifications/InboxPage').then((m) => m.InboxPage));
const NotificationPreferencesPage = lazyPage(() =>
  import('./pages/notifications/NotificationPreferencesPage').then((m) => m.NotificationPreferencesPage),
);
const NotificationChannelsPage = lazyPage(() =>
  import('./pages/admin/NotificationChannelsPage').then((m) => m.NotificationChannelsPage),
);
const ProjectPage = lazyPage(() => import('./pages/projects/ProjectPage').then((m) => m.ProjectPage));

export interface AppRoute {
  path: string;
  roles: Role[];
  Page: ComponentType;
  /** Shown in the navigation when set: [Chinese, English]. */
  menu?: [string, string];
}

/** Every page, who may open it, and its menu entry; the navigation and the router both read this. */
export const ROUTES: AppRoute[] = [
  { path: '/dashboard', roles: ['manager', 'admin'], Page: DashboardPage, menu: ['工作台', 'Dashboard'] },
  { path: '/problems', roles: ['manager', 'admin'], Page: ProblemListPage, menu: ['问题清单', 'Problems'] },
  { path: '/weekly', roles: ['manager', 'admin'], Page: WeeklyReportPage, menu: ['周报', 'Weekly report'] },
  {
    path: '/extensions',
    roles: ['manager', 'admin'],
    Page: ExtensionsPage,
    menu: ['延期申请', 'Extension requests'],
  },
  { path: '/supervision', roles: ['manager', 'admin'], Page: SupervisionPage, menu: ['督办', 'Supervision'] },
  {
    path: '/published',
    roles: ['manager', 'admin'],
    Page: PublishedPage,
    menu: ['已发布数据', 'Published figures'],
  },
  { path: '/published/:id', roles: ['manager', 'admin'], Page: PublishedFigurePage },
  { path: '/queue', roles: ['handler'], Page: QueuePage, menu: ['待办问题', 'My queue'] },
  {
    path: '/my-enterprises',
    roles: ['official', 'manager', 'admin'],
    Page: MyEnterprisesPage,
    menu: ['我的企业', 'My enterprises'],
  },
  {
    path: '/projects',
    roles: ['manager', 'admin', 'handler', 'official'],
    Page: ProjectLedgerPage,
    menu: ['重点项目', 'Key projects'],
  },
  { path: '/projects/import', roles: ['manager', 'admin'], Page: ProjectImportPage },
  { path: '/projects/:id', roles: ['manager', 'admin', 'handler', 'official'], Page: ProjectPage },
  {
    path: '/enterprises',
    roles: ['official', 'manager', 'admin'],
    Page: EnterprisesPage,
    menu: ['企业走访', 'Enterprises'],
  },
  { path: '/enterprises/:id', roles: ['official', 'handler', 'manager', 'admin'], Page: EnterprisePage },
  {
    path: '/responsibilities',
    roles: ['manager', 'admin'],
    Page: ResponsibilitiesPage,
    menu: ['包联关系', 'Responsibilities'],
  },
  { path: '/visits', roles: ['manager', 'admin'], Page: VisitListPage, menu: ['走访记录', 'Visits'] },
  { path: '/visits/new', roles: ['official', 'manager', 'admin'], Page: VisitFormPage },
  { path: '/visits/:id', roles: ['official', 'handler', 'manager', 'admin'], Page: VisitPage },
  { path: '/my-visits', roles: ['official'], Page: MyVisitsPage, menu: ['我的走访', 'My visits'] },
  { path: '/my-problems', roles: ['official'], Page: MyProblemsPage, menu: ['我登记的问题', 'My problems'] },
  { path: '/problems/:id', roles: ['official', 'handler', 'manager', 'admin'], Page: ProblemPage },
  { path: '/admin/users', roles: ['admin'], Page: UsersPage, menu: ['用户', 'Users'] },
  { path: '/admin/reference', roles: ['admin'], Page: ReferenceDataPage, menu: ['基础数据', 'Reference data'] },
  { path: '/admin/calendar', roles: ['admin'], Page: CalendarPage, menu: ['工作日历', 'Calendar'] },
  {
    path: '/admin/assessment',
    roles: ['admin'],
    Page: AssessmentWeightsPage,
    menu: ['考核权重', 'Assessment weights'],
  },
  {
    path: '/admin/notifications',
    roles: ['admin'],
    Page: NotificationChannelsPage,
    menu: ['消息渠道', 'Notification channels'],
  },
  { path: '/notifications', roles: ['official', 'handler', 'manager', 'admin'], Page: InboxPage },
  { path: '/me/notifications', roles: ['official', 'handler', 'manager', 'admin'], Page: NotificationPreferencesPage },
];

export function homeFor(role: Role): string {
  switch (role) {
    case 'official':
      return '/my-enterprises';
    case 'handler':
      return '/queue';
    case 'manager':
    case 'admin':
      return '/dashboard';
  }
}
