import { ApiProperty } from '@nestjs/swagger';
import { type Status, STATUSES } from '../../workflow/statuses';
import { PeriodInfo } from '../report.response';
import type {
  WeeklyDepartmentRow as WeeklyDepartmentRowShape,
  WeeklyProblemItem as WeeklyProblemItemShape,
  WeeklyRate as WeeklyRateShape,
  WeeklyReport as WeeklyReportShape,
} from './weekly-report';
import { WeeklyEnterprisesSection, WeeklyProjectsSection } from './weekly-watch.response';

const PERCENT = { type: Number, nullable: true, example: 87.5, description: 'null when nothing was recorded' } as const;

export class WeeklyProblemItem implements WeeklyProblemItemShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  enterpriseName: string;

  @ApiProperty()
  districtName: string;

  @ApiProperty()
  categoryName: string;

  @ApiProperty({ type: String, nullable: true })
  departmentName: string | null;

  @ApiProperty({ enum: STATUSES, enumName: 'Status' })
  status: Status;

  @ApiProperty({ example: '办理中' })
  statusLabel: string;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'working days past the deadline at the end of the week (overdue list only)',
  })
  daysOverdue: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "the escalation note, or the enterprise's feedback for an unsatisfied verification",
  })
  note: string | null;
}

export class WeeklyRate implements WeeklyRateShape {
  @ApiProperty({ example: '2025-W14' })
  label: string;

  @ApiProperty({ type: 'integer' })
  recorded: number;

  @ApiProperty({ type: 'integer' })
  resolved: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class WeeklyDepartmentRow implements WeeklyDepartmentRowShape {
  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty({ example: '市工信局' })
  name: string;

  @ApiProperty({ type: 'integer', description: 'open (assigned or in progress) at the end of the week' })
  open: number;

  @ApiProperty({ type: 'integer' })
  resolvedThisWeek: number;

  @ApiProperty({ type: 'integer', description: 'open and past the deadline at the end of the week' })
  overdue: number;

  @ApiProperty({ type: 'integer', description: 'quarter to date, as of the end of the week' })
  recorded: number;

  @ApiProperty({ type: 'integer', description: 'quarter to date, as of the end of the week' })
  resolved: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class WeeklySummary {
  @ApiProperty({ type: 'integer' })
  recordedThisWeek: number;

  @ApiProperty({ type: 'integer' })
  resolvedThisWeek: number;

  @ApiProperty({ type: 'integer' })
  closedThisWeek: number;

  @ApiProperty({ type: 'integer' })
  openAtEnd: number;

  @ApiProperty({ type: 'integer' })
  overdueAtEnd: number;

  @ApiProperty({ type: 'integer' })
  escalatedThisWeek: number;
}

export class WeeklyRates {
  @ApiProperty({ type: WeeklyRate })
  quarterToDate: WeeklyRate;

  @ApiProperty({ type: WeeklyRate })
  yearToDate: WeeklyRate;
}

export class WeeklyListsTruncated {
  @ApiProperty()
  new: boolean;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty()
  escalated: boolean;

  @ApiProperty()
  unsatisfied: boolean;
}

export class WeeklyLists {
  @ApiProperty({ type: [WeeklyProblemItem] })
  new: WeeklyProblemItem[];

  @ApiProperty({ type: [WeeklyProblemItem] })
  overdue: WeeklyProblemItem[];

  @ApiProperty({ type: [WeeklyProblemItem] })
  escalated: WeeklyProblemItem[];

  @ApiProperty({ type: [WeeklyProblemItem] })
  unsatisfied: WeeklyProblemItem[];
}

export class WeeklyReport implements WeeklyReportShape {
  @ApiProperty({ type: PeriodInfo, description: 'the ISO week (label 2025-W14)' })
  week: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: WeeklySummary })
  summary: WeeklySummary;

  @ApiProperty({ type: WeeklyRates })
  rates: WeeklyRates;

  @ApiProperty({ type: [WeeklyDepartmentRow] })
  departments: WeeklyDepartmentRow[];

  @ApiProperty({ type: [WeeklyRate], description: 'the last eight weeks, this one last' })
  trend: WeeklyRate[];

  @ApiProperty({ type: WeeklyListsTruncated, description: 'which lists were cut at their limit' })
  listsTruncated: WeeklyListsTruncated;

  @ApiProperty({ type: WeeklyLists, description: 'most pressing first' })
  lists: WeeklyLists;

  @ApiProperty({ type: WeeklyProjectsSection, description: 'key projects (重点项目) at the end of the week' })
  projects: WeeklyProjectsSection;

  @ApiProperty({ type: WeeklyEnterprisesSection, description: 'enterprises idle or reduced (停产减产)' })
  enterprises: WeeklyEnterprisesSection;
}
