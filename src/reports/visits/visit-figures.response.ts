import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FiguresReport, PeriodInfo } from '../report.response';
import { VISIT_GROUP_BYS, type VisitGroupBy } from './visit-figures.sql';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

const PERCENT = {
  type: Number,
  nullable: true,
  example: 87.5,
  description: 'one decimal place, half-up; null when the denominator is 0',
} as const;

/** The on-schedule rate: enterprises under responsibility never overdue for a visit during the period. */
export class OnScheduleRate {
  @ApiProperty({
    type: 'integer',
    description: 'of the enterprises under responsibility, those never overdue in the period',
  })
  onSchedule: number;

  @ApiProperty({ type: 'integer', description: 'enterprises under responsibility during the period' })
  responsible: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

/** Problems logged with the counted visits, per visit. */
export class ProblemsPerVisit {
  @ApiProperty({ type: 'integer', description: 'problems logged with the counted visits, not withdrawn as of asOf' })
  problems: number;

  @ApiProperty({ type: 'integer' })
  visits: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.4,
    description: 'problems ÷ visits, one decimal; null with no visit',
  })
  value: number | null;
}

export class PolicyPromoted {
  @ApiProperty({ example: '稳岗返还' })
  policy: string;

  @ApiProperty({ type: 'integer', description: 'counted visits that promoted it' })
  visits: number;
}

/** Every visit figure of a period (or of one group of it) as of an instant. */
export class VisitFigures {
  @ApiProperty({ type: 'integer', description: 'visits made in the period, as recorded and not withdrawn as of asOf' })
  visits: number;

  @ApiProperty({
    type: 'integer',
    description: 'enterprises under responsibility at some time in the period (coverage denominator)',
  })
  enterprisesResponsible: number;

  @ApiProperty({
    type: 'integer',
    description: 'of those, the ones visited at least once in the period (coverage numerator)',
  })
  enterprisesVisited: number;

  @ApiProperty({ ...PERCENT, description: '走访覆盖率: enterprisesVisited ÷ enterprisesResponsible; null when 0' })
  coverageRatePercent: number | null;

  @ApiProperty({
    type: 'integer',
    description: 'distinct enterprises with a counted visit, under responsibility or not',
  })
  enterprisesReached: number;

  @ApiProperty({ type: OnScheduleRate })
  onScheduleRate: OnScheduleRate;

  @ApiProperty({ type: ProblemsPerVisit })
  problemsPerVisit: ProblemsPerVisit;

  @ApiProperty({ type: [PolicyPromoted], description: 'most promoted first, at most 20' })
  policiesPromoted: PolicyPromoted[];
}

export class VisitFiguresGroup extends VisitFigures {
  @ApiProperty({ type: String, nullable: true, description: 'district code, user id or tier code' })
  key: string | null;

  @ApiProperty({ example: '肃州区' })
  label: string;
}

/** The definition (口径) each figure of GET /reports/visits is computed under (GET /reports/definitions). */
export class VisitDefinitions {
  @ApiProperty({ example: 'visit-coverage-rate/v1', description: 'of coverageRatePercent and its counts' })
  coverageRate: string;
}

export class VisitsReport extends VisitFigures {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ type: VisitDefinitions, description: 'the definition of each figure given, by figure' })
  definitions: VisitDefinitions;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiPropertyOptional({ enum: VISIT_GROUP_BYS, enumName: 'VisitGroupBy' })
  groupBy?: VisitGroupBy;

  @ApiPropertyOptional({
    type: [VisitFiguresGroup],
    description:
      'with groupBy: every district or tier, or every official met. By official a visit counts for each of its officials, so the groups need not add up to the total',
  })
  groups?: VisitFiguresGroup[];
}

/** GET /reports/figures: the problem figures, and beside them the visit figures of the whole period. */
export class FiguresWithVisitsReport extends FiguresReport {
  @ApiProperty({
    type: VisitFigures,
    description: 'the visit figures of the period as of the same asOf, for the whole period (not grouped)',
  })
  visits: VisitFigures;
}
