import type { ProductionStatus } from '../../enterprises/production-status';

/** A key project as the weekly meeting's lists show it. */
export interface WeeklyProjectItem {
  id: string;
  code: string;
  name: string;
  districtName: string;
  /** The district in English, its Chinese name when it has none. */
  districtNameEn: string;
  departmentName: string | null;
  /** YYYY-MM-DD, or null when the plan gives none. */
  plannedStartDate: string | null;
  /** started: when construction began. */
  startedAt: string | null;
  /** notStarted: days from the planned start date to the report's day. */
  daysLate: number | null;
  /** heldUp: its problems open and past their deadline at the end of the week. */
  overdueProblems: number | null;
}

export interface WeeklyProjectsSection {
  startedThisWeek: number;
  notStartedPastPlan: number;
  heldUpByOverdueProblems: number;
  /**
   * Completed investment of the projects in the plan of the year holding the week's last day: the
   * month holding that day, the year up to and including that month, and the annual plan.
   */
  investment: {
    month: string;
    planYear: number;
    monthYuan: number;
    yearToDateYuan: number;
    annualPlanYuan: number;
    /** yearToDate ÷ annualPlan, half-up one decimal; null when the plan is 0. */
    percentOfPlan: number | null;
  };
  lists: { started: WeeklyProjectItem[]; notStarted: WeeklyProjectItem[]; heldUp: WeeklyProjectItem[] };
}

/** An enterprise under watch as the weekly meeting's lists show it. */
export interface WeeklyEnterpriseItem {
  id: string;
  name: string;
  districtName: string;
  /** The district in English, its Chinese name when it has none. */
  districtNameEn: string;
  industry: string | null;
  /** The status at the end of the week. */
  status: ProductionStatus;
  statusLabel: string;
  /** The status at the start of the week. */
  previousStatus: ProductionStatus;
  /** Since when the status at the end of the week holds, unbroken. */
  since: string | null;
  /** Whole days from `since` to the end of the week. */
  days: number | null;
}

export interface WeeklyEnterprisesSection {
  idleAtEnd: number;
  reducedAtEnd: number;
  /** Idle or reduced at the end of the week, and not in that status at its start. */
  newlyIdleOrReduced: number;
  /** Idle or reduced at the start of the week, normal at its end. */
  resumedThisWeek: number;
  /** Idle at the end of the week, unbroken for more than 30 days. */
  idleOver30Days: number;
  lists: {
    newlyIdleOrReduced: WeeklyEnterpriseItem[];
    resumed: WeeklyEnterpriseItem[];
    idleOver30Days: WeeklyEnterpriseItem[];
  };
}
