/** The report shapes as the service answers them (src/reports/reports.service.ts, weekly/weekly-report.ts). */

export interface PeriodInfo {
  label: string;
  from: string;
  to: string;
  timezone: string;
}

export interface RateFigures {
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

export interface ResolutionRateReport extends RateFigures {
  period: PeriodInfo;
  asOf: string;
  groups?: ({ key: string | null; label: string } & RateFigures)[];
}

export interface Figures {
  resolutionRate: RateFigures;
  onTimeRate: { onTime: number; resolved: number; ratePercent: number | null };
  satisfactionRate: { satisfied: number; verified: number; ratePercent: number | null };
  returns: number;
  medianDaysToResolve: number | null;
}

export interface FiguresReport extends Figures {
  period: PeriodInfo;
  asOf: string;
}

export interface TrendReport {
  granularity: string;
  points: ({ period: PeriodInfo; asOf: string } & Figures)[];
}

export type WarningLevel = 'overdue' | 'due_soon' | 'stale' | 'not_visited';

export interface WarningItem {
  level: WarningLevel;
  problemId?: string;
  code?: string;
  title?: string;
  status?: string;
  enterpriseId: string;
  enterpriseName: string;
  departmentId?: string | null;
  departmentName?: string | null;
  dueAt?: string;
  daysOverdue?: number;
  workingDaysLeft?: number;
  lastActivityAt?: string;
  idleDays?: number;
  lastVisitAt?: string | null;
}

export interface WarningsResponse {
  items: WarningItem[];
  counts: Record<WarningLevel, number>;
  truncated: boolean;
}

export interface WeeklyProblemItem {
  id: string;
  code: string;
  title: string;
  enterpriseName: string;
  districtName: string;
  categoryName: string;
  departmentName: string | null;
  status: string;
  statusLabel: string;
  reportedAt: string;
  dueAt: string | null;
  daysOverdue: number | null;
  note: string | null;
}

export interface WeeklyRate extends RateFigures {
  label: string;
}

export interface WeeklyDepartmentRow extends RateFigures {
  departmentId: string;
  name: string;
  open: number;
  resolvedThisWeek: number;
  overdue: number;
}

export interface WeeklyReport {
  week: PeriodInfo;
  asOf: string;
  summary: {
    recordedThisWeek: number;
    resolvedThisWeek: number;
    closedThisWeek: number;
    openAtEnd: number;
    overdueAtEnd: number;
    escalatedThisWeek: number;
  };
  rates: { quarterToDate: WeeklyRate; yearToDate: WeeklyRate };
  departments: WeeklyDepartmentRow[];
  trend: WeeklyRate[];
  lists: Record<'new' | 'overdue' | 'escalated' | 'unsatisfied', WeeklyProblemItem[]>;
}
