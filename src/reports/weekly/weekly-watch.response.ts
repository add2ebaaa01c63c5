import { ApiProperty } from '@nestjs/swagger';
import { PRODUCTION_STATUSES, type ProductionStatus } from '../../enterprises/production-status';
import type {
  WeeklyEnterpriseItem as EnterpriseItemShape,
  WeeklyEnterprisesSection as EnterprisesShape,
  WeeklyProjectItem as ProjectItemShape,
  WeeklyProjectsSection as ProjectsShape,
} from './weekly-watch';

export class WeeklyProjectItem implements ProjectItemShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'XM-2025-001' })
  code: string;

  @ApiProperty({ example: '年产 5 万吨新材料项目' })
  name: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;

  @ApiProperty({
    example: 'Suzhou District',
    description: 'the district in English (the Chinese name where none is entered)',
  })
  districtNameEn: string;

  @ApiProperty({ type: String, nullable: true, example: '市工信局' })
  departmentName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2025-03-01' })
  plannedStartDate: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'started: when construction began' })
  startedAt: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'notStarted: days past the planned start date' })
  daysLate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'heldUp: its problems open and overdue at the end' })
  overdueProblems: number | null;
}

export class WeeklyInvestment {
  @ApiProperty({ example: '2025-03', description: "the month holding the week's last day" })
  month: string;

  @ApiProperty({ example: 2025 })
  planYear: number;

  @ApiProperty({ example: 2_950_000_000, description: 'completed in that month, yuan' })
  monthYuan: number;

  @ApiProperty({ example: 8_350_000_000, description: 'completed in the plan year up to that month, yuan' })
  yearToDateYuan: number;

  @ApiProperty({ example: 40_000_000_000, description: "the plan's annual investment, yuan" })
  annualPlanYuan: number;

  @ApiProperty({ type: Number, nullable: true, example: 20.9, description: 'yearToDate ÷ annual plan, %' })
  percentOfPlan: number | null;
}

export class WeeklyProjectLists {
  @ApiProperty({ type: [WeeklyProjectItem] })
  started: WeeklyProjectItem[];

  @ApiProperty({ type: [WeeklyProjectItem] })
  notStarted: WeeklyProjectItem[];

  @ApiProperty({ type: [WeeklyProjectItem] })
  heldUp: WeeklyProjectItem[];
}

export class WeeklyProjectsSection implements ProjectsShape {
  @ApiProperty({ example: 3 })
  startedThisWeek: number;

  @ApiProperty({ example: 12 })
  notStartedPastPlan: number;

  @ApiProperty({ example: 2 })
  heldUpByOverdueProblems: number;

  @ApiProperty({ type: WeeklyInvestment })
  investment: WeeklyInvestment;

  @ApiProperty({ type: WeeklyProjectLists, description: 'at most 200 each' })
  lists: WeeklyProjectLists;
}

export class WeeklyEnterpriseItem implements EnterpriseItemShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '酒泉某新材料有限公司' })
  name: string;

  @ApiProperty({ example: '玉门市' })
  districtName: string;

  @ApiProperty({
    example: 'Suzhou District',
    description: 'the district in English (the Chinese name where none is entered)',
  })
  districtNameEn: string;

  @ApiProperty({ type: String, nullable: true, example: 'new_materials' })
  industry: string | null;

  @ApiProperty({ enum: PRODUCTION_STATUSES, description: 'at the end of the week' })
  status: ProductionStatus;

  @ApiProperty({ example: '停产' })
  statusLabel: string;

  @ApiProperty({ enum: PRODUCTION_STATUSES, description: 'at the start of the week' })
  previousStatus: ProductionStatus;

  @ApiProperty({ type: String, nullable: true, description: 'since when the status at the end holds' })
  since: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'whole days from since to the end of the week' })
  days: number | null;
}

export class WeeklyEnterpriseLists {
  @ApiProperty({ type: [WeeklyEnterpriseItem] })
  newlyIdleOrReduced: WeeklyEnterpriseItem[];

  @ApiProperty({ type: [WeeklyEnterpriseItem] })
  resumed: WeeklyEnterpriseItem[];

  @ApiProperty({ type: [WeeklyEnterpriseItem] })
  idleOver30Days: WeeklyEnterpriseItem[];
}

export class WeeklyEnterprisesSection implements EnterprisesShape {
  @ApiProperty({ example: 4 })
  idleAtEnd: number;

  @ApiProperty({ example: 6 })
  reducedAtEnd: number;

  @ApiProperty({ example: 1, description: 'idle or reduced at the end and not so at the start' })
  newlyIdleOrReduced: number;

  @ApiProperty({ example: 2, description: 'idle or reduced at the start, normal at the end' })
  resumedThisWeek: number;

  @ApiProperty({ example: 1, description: 'idle at the end, unbroken for more than 30 days' })
  idleOver30Days: number;

  @ApiProperty({ type: WeeklyEnterpriseLists, description: 'at most 200 each' })
  lists: WeeklyEnterpriseLists;
}
