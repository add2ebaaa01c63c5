import type { AssessmentReport } from '../assessment/assessment.response';
import type { WeeklySupervisionSection } from './weekly-supervision.response';
import type { Status } from '../../workflow/statuses';
import type { WeeklyDeadlinesSection } from './weekly-deadlines';
import type { WeeklyEnterprisesSection, WeeklyProjectsSection } from './weekly-watch';
import type { WeeklyDefinitions, WeeklyReconciliation } from './weekly-published';

/** A problem as the coordination meeting's lists show it. */
export interface WeeklyProblemItem {
  id: string;
  code: string;
  title: string;
  enterpriseName: string;
  districtName: string;
  categoryName: string;
  /** The English names of the reference data (the Chinese where none is entered). */
  districtNameEn: string;
  categoryNameEn: string;
  departmentName: string | null;
  status: Status;
  statusLabel: string;
  reportedAt: string;
  dueAt: string | null;
  /** Working days past the deadline at the end of the week (overdue list only, else null). */
  daysOverdue: number | null;
  /** The escalation note, or the enterprise's feedback for an unsatisfied verification. */
  note: string | null;
}

export interface WeeklyRate {
  label: string;
  /** The resolution rate's definition (口径), `resolution-rate/v1`. */
  definition: string;
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

export interface WeeklyDepartmentRow {
  departmentId: string;
  name: string;
  /** Open (assigned or in progress) at the end of the week. */
  open: number;
  resolvedThisWeek: number;
  /** Open and past the deadline at the end of the week. */
  overdue: number;
  /** Quarter-to-date resolution rate of the department, as of the end of the week. */
  recorded: number;
  resolved: number;
  ratePercent: number | null;
  /** Its assisting parts (协办): open at the end of the week, and marked done during it. */
  assistsOpen: number;
  assistsDoneThisWeek: number;
}

/** A district's quarter-to-date visit coverage as of the end of the week. */
export interface WeeklyCoverageRow {
  districtCode: string | null;
  name: string;
  /** The district's English name (its Chinese one when it has none). */
  nameEn: string;
  enterprisesVisited: number;
  enterprisesResponsible: number;
  coverageRatePercent: number | null;
}

/** An official who answered for enterprises at the end of the week and made no visit in it. */
export interface WeeklyIdleOfficial {
  userId: string;
  name: string;
  /** Enterprises the official answered for at the end of the week. */
  enterprises: number;
}

/** An enterprise overdue for a visit at the end of the week (visitDueSql). */
export interface WeeklyOverdueEnterprise {
  enterpriseId: string;
  name: string;
  districtName: string;
  /** The district in English, its Chinese name when it has none. */
  districtNameEn: string;
  tier: string;
  tierLabel: string;
  lastVisitAt: string | null;
  nextVisitDueAt: string;
  /** Whole days from the due date to the end of the week. */
  daysOverdue: number;
  /** The responsible officials at the end of the week, by name. */
  officials: string[];
}

/** The visits section (走访情况), first in every format. */
export interface WeeklyVisits {
  /** Visits made in the week, as recorded and not withdrawn at its end. */
  visitsThisWeek: number;
  /** Distinct enterprises those visits reached. */
  enterprisesReached: number;
  /** Quarter-to-date coverage as of the end of the week: the total and each district. */
  coverage: {
    label: string;
    enterprisesVisited: number;
    enterprisesResponsible: number;
    coverageRatePercent: number | null;
    districts: WeeklyCoverageRow[];
  };
  officialsWithoutVisit: WeeklyIdleOfficial[];
  /** Most overdue first, at most WEEKLY_LIST_LIMIT; `overdueTotal` counts them all. */
  overdueEnterprises: WeeklyOverdueEnterprise[];
  overdueTotal: number;
  /** The policies promoted in the week's visits, most first (at most WEEKLY_POLICY_LIMIT). */
  policies: { policy: string; visits: number }[];
}

/** How many policies the weekly report names. */
export const WEEKLY_POLICY_LIMIT = 10;

/** The weekly coordination report (周调度) for one ISO week, as of the end of the week (or now while it runs). */
export interface WeeklyReport {
  week: { label: string; from: string; to: string; timezone: string };
  asOf: string;
  visits: WeeklyVisits;
  summary: {
    recordedThisWeek: number;
    resolvedThisWeek: number;
    closedThisWeek: number;
    openAtEnd: number;
    overdueAtEnd: number;
    escalatedThisWeek: number;
  };
  /** previousQuarter: the quarter before, as of its end; only in the first four weeks of a quarter. */
  rates: { quarterToDate: WeeklyRate; yearToDate: WeeklyRate; previousQuarter?: WeeklyRate };
  departments: WeeklyDepartmentRow[];
  /** The resolution rate of each of the last eight weeks (this one last), each as of its own end. */
  trend: WeeklyRate[];
  /**
   * The lists show at most WEEKLY_LIST_LIMIT problems each, most pressing first; the counts in
   * the summary are complete, and `listsTruncated` says which lists were cut.
   */
  listsTruncated: Record<keyof WeeklyReport['lists'], boolean>;
  lists: {
    new: WeeklyProblemItem[];
    overdue: WeeklyProblemItem[];
    escalated: WeeklyProblemItem[];
    unsatisfied: WeeklyProblemItem[];
  };
  /** Key projects (重点项目) as of the end of the week; the service always fills it. */
  projects?: WeeklyProjectsSection;
  /** Enterprises idle or reduced (停产减产) as of the end of the week; the service always fills it. */
  enterprises?: WeeklyEnterprisesSection;
  /** The quarter-to-date department assessment (考核) as of the end of the week; the service always fills it. */
  assessment?: AssessmentReport;
  /** Deadlines (时限管理): sign-for, extensions, late sign-fors; the service always fills it. */
  deadlines?: WeeklyDeadlinesSection;
  /** Supervision (督办) and bounced problems (推诿) as of the end of the week; the service always fills it. */
  supervision?: WeeklySupervisionSection;
  /** The definition (口径) of each rate the report prints; the service always fills it. */
  definitions?: WeeklyDefinitions;
  /** Published figures with items that moved during the week (口径核对); the service always fills it. */
  reconciliations?: WeeklyReconciliation[];
}

/** At a province's scale a list of every overdue problem would not fit a meeting, nor a request. */
export const WEEKLY_LIST_LIMIT = 200;

export type ReportLanguage = 'zh' | 'en';
