/** The weekly report's deadline section (时限管理): the quarter's deadline figures, extensions, late sign-fors. */
export interface WeeklyDeadlinesSection {
  /** The quarter holding the week's last day, as of the report's instant (GET /reports/figures). */
  quarterToDate: {
    label: string;
    onTime: { onTime: number; resolved: number; ratePercent: number | null };
    onTimeWithExtension: { onTimeWithExtension: number; resolved: number; ratePercent: number | null };
    signFor: { timely: number; due: number; ratePercent: number | null };
    redos: number;
  };
  /** Extension requests made or decided in the week, newest first. */
  extensions: WeeklyExtensionItem[];
  /** Assignments whose sign-for deadline fell in the week and that were signed for late or not yet. */
  lateSignFor: WeeklyLateSignForItem[];
}

export interface WeeklyExtensionItem {
  problemId: string;
  code: string;
  title: string;
  departmentName: string;
  previousDueAt: string;
  requestedDueAt: string;
  reason: string;
  requestedAt: string;
  /** pending, approved or refused at the report's instant. */
  decision: 'pending' | 'approved' | 'refused';
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface WeeklyLateSignForItem {
  problemId: string;
  code: string;
  title: string;
  departmentName: string;
  signForDueAt: string;
  signedForAt: string | null;
  hoursLate: number;
}
