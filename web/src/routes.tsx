import type { ComponentType } from 'react';
import type { Role } from './auth';
import { CalendarPage } from './pages/admin/CalendarPage';
import { ReferenceDataPage } from './pages/admin/ReferenceDataPage';
import { UsersPage } from './pages/admin/UsersPage';
import { QueuePage } from './pages/handler/QueuePage';
import { DashboardPage } from './pages/manager/DashboardPage';
import { ProblemListPage } from './pages/manager/ProblemListPage';
import { ResponsibilitiesPage } from './pages/manager/ResponsibilitiesPage';
import { WeeklyReportPage } from './pages/manager/WeeklyReportPage';
import { EnterprisesPage } from './pages/official/EnterprisesPage';
import { MyEnterprisesPage } from './pages/official/MyEnterprisesPage';
import { MyProblemsPage } from './pages/official/MyProblemsPage';
import { VisitFormPage } from './pages/official/VisitFormPage';
import { EnterprisePage } from './pages/shared/EnterprisePage';
import { ProblemPage } from './pages/shared/ProblemPage';

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
  { path: '/queue', roles: ['handler'], Page: QueuePage, menu: ['待办问题', 'My queue'] },
  {
    path: '/my-enterprises',
    roles: ['official', 'manager', 'admin'],
    Page: MyEnterprisesPage,
    menu: ['我的企业', 'My enterprises'],
  },
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
  { path: '/visits/new', roles: ['official', 'manager', 'admin'], Page: VisitFormPage },
  { path: '/my-problems', roles: ['official'], Page: MyProblemsPage, menu: ['我登记的问题', 'My problems'] },
  { path: '/problems/:id', roles: ['official', 'handler', 'manager', 'admin'], Page: ProblemPage },
  { path: '/admin/users', roles: ['admin'], Page: UsersPage, menu: ['用户', 'Users'] },
  { path: '/admin/reference', roles: ['admin'], Page: ReferenceDataPage, menu: ['基础数据', 'Reference data'] },
  { path: '/admin/calendar', roles: ['admin'], Page: CalendarPage, menu: ['工作日历', 'Calendar'] },
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
