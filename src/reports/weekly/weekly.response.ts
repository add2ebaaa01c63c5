import { AssessmentReport } from '../assessment/assessment.response';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Status, STATUSES } from '../../workflow/statuses';
import { PeriodInfo } from '../report.response';
import { PolicyPromoted } from '../visits/visit-figures.response';
import type {
  WeeklyCoverageRow as WeeklyCoverageRowShape,
  WeeklyIdleOfficial as WeeklyIdleOfficialShape,
  WeeklyOverdueEnterprise as WeeklyOverdueEnterpriseShape,
  WeeklyVisits as WeeklyVisitsShape,
  WeeklyDepartmentRow as WeeklyDepartmentRowShape,
  WeeklyProblemItem as WeeklyProblemItemShape,
  WeeklyRate as WeeklyRateShape,
  WeeklyReport as WeeklyReportShape,
} from './weekly-report';
import { WeeklyEnterprisesSection, WeeklyProjectsSection } from './weekly-watch.response';
import { WeeklyDeadlinesSection } from './weekly-deadlines.response';
import { WeeklySupervisionSection } from './weekly-supervision.response';
import { WeeklyDefinitions, WeeklyReconciliation } from './weekly-published.response';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

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

  @ApiProperty({ description: 'the district in English (the Chinese name where none is entered)' })
  districtNameEn: string;

  @ApiProperty({ description: 'the category in English (the Chinese name where none is entered)' })
  categoryNameEn: string;

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

  @ApiProperty({ example: 'resolution-rate/v1', description: 'the definition (口径) the rate is computed under' })
  definition: string;

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

  @ApiProperty({ type: 'integer', description: 'its assisting parts (协办) open at the end of the week' })
  assistsOpen: number;

  @ApiProperty({ type: 'integer', description: 'its assisting parts marked done during the week' })
  assistsDoneThisWeek: number;
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

  @ApiPropertyOptional({
    type: WeeklyRate,
    description: 'the previous quarter as of its end (its final figure); only in the first four weeks of a quarter',
  })
  previousQuarter?: WeeklyRate;
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

export class WeeklyCoverageRow implements WeeklyCoverageRowShape {
  @ApiProperty({ type: String, nullable: true, example: 'suzhou' })
  districtCode: string | null;

  @ApiProperty({ example: '肃州区' })
  name: string;

  @ApiProperty({ example: 'Suzhou District', description: "the district's English name (its Chinese one when none)" })
  nameEn: string;

  @ApiProperty({ type: 'integer', description: 'enterprises under responsibility visited at least once (numerator)' })
  enterprisesVisited: number;

  @ApiProperty({ type: 'integer', description: 'enterprises under responsibility in the quarter so far (denominator)' })
  enterprisesResponsible: number;

  @ApiProperty({ ...PERCENT, description: 'null when no enterprise was under responsibility' })
  coverageRatePercent: number | null;
}

export class WeeklyCoverage {
  @ApiProperty({ example: '2025-Q2', description: 'the quarter that holds the last day of the week' })
  label: string;

  @ApiProperty({ type: 'integer' })
  enterprisesVisited: number;

  @ApiProperty({ type: 'integer' })
  enterprisesResponsible: number;

  @ApiProperty({ ...PERCENT, description: 'null when no enterprise was under responsibility' })
  coverageRatePercent: number | null;

  @ApiProperty({ type: [WeeklyCoverageRow], description: 'every district' })
  districts: WeeklyCoverageRow[];
}

export class WeeklyIdleOfficial implements WeeklyIdleOfficialShape {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', description: 'enterprises the official answered for at the end of the week' })
  enterprises: number;
}

export class WeeklyOverdueEnterprise implements WeeklyOverdueEnterpriseShape {
  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;

  @ApiProperty({
    example: 'Suzhou District',
    description: 'the district in English (the Chinese name where none is entered)',
  })
  districtNameEn: string;

  @ApiProperty({ example: 'key', description: 'the tier in force at the end of the week' })
  tier: string;

  @ApiProperty({ example: '重点企业' })
  tierLabel: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null when never visited' })
  lastVisitAt: string | null;

  @ApiProperty({ format: 'date-time' })
  nextVisitDueAt: string;

  @ApiProperty({ type: 'integer', description: 'whole days from the due date to the end of the week' })
  daysOverdue: number;

  @ApiProperty({ type: [String], description: 'the responsible officials at the end of the week' })
  officials: string[];
}

export class WeeklyVisits implements WeeklyVisitsShape {
  @ApiProperty({ type: 'integer', description: 'visits made in the week, recorded and not withdrawn at its end' })
  visitsThisWeek: number;

  @ApiProperty({ type: 'integer', description: 'distinct enterprises those visits reached' })
  enterprisesReached: number;

  @ApiProperty({ type: WeeklyCoverage, description: 'quarter-to-date coverage (走访覆盖率) as of the end of the week' })
  coverage: WeeklyCoverage;

  @ApiProperty({
    type: [WeeklyIdleOfficial],
    description: 'officials with open responsibilities and no visit in the week',
  })
  officialsWithoutVisit: WeeklyIdleOfficial[];

  @ApiProperty({ type: [WeeklyOverdueEnterprise], description: 'most overdue first, at most 200' })
  overdueEnterprises: WeeklyOverdueEnterprise[];

  @ApiProperty({ type: 'integer', description: 'every enterprise overdue for a visit, also those beyond the list' })
  overdueTotal: number;

  @ApiProperty({ type: [PolicyPromoted], description: "the week's policies, most promoted first, at most 10" })
  policies: PolicyPromoted[];
}

export class WeeklyReport implements WeeklyReportShape {
  @ApiProperty({ type: PeriodInfo, description: 'the ISO week (label 2025-W14)' })
  week: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiProperty({ type: WeeklyVisits, description: 'the visits section (走访情况), first in every format' })
  visits: WeeklyVisits;

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

  @ApiProperty({ type: AssessmentReport, description: 'the quarter-to-date department assessment (考核)' })
  assessment: AssessmentReport;
  @ApiProperty({ type: WeeklyDeadlinesSection, description: 'deadlines (时限管理): sign-for, extensions' })
  deadlines: WeeklyDeadlinesSection;
  @ApiProperty({ type: WeeklySupervisionSection, description: 'supervision (督办) and bounced problems (推诿)' })
  supervision: WeeklySupervisionSection;

  @ApiProperty({ type: WeeklyDefinitions, description: 'the definition (口径) of each rate the report prints' })
  definitions: WeeklyDefinitions;

  @ApiProperty({
    type: [WeeklyReconciliation],
    description: 'published figures with items that moved during the week (口径核对), recomputed as of asOf',
  })
  reconciliations: WeeklyReconciliation[];
}
