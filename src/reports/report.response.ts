import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RateDefinitions as RateDefinitionsShape } from './drill-down/definitions';
import { GROUP_BYS, type GroupBy } from './resolution-rate.sql';
import type {
  Figures as FiguresShape,
  FiguresReport as FiguresReportShape,
  PeriodInfo as PeriodInfoShape,
  RateFigures as RateFiguresShape,
  ResolutionRateReport as ResolutionRateReportShape,
  TrendReport as TrendReportShape,
} from './reports.service';
import { READ_FROM_PROPERTY, ReadFromResponse } from './read-from.response';

const GROUP_BY = { enum: GROUP_BYS, enumName: 'GroupBy' } as const;
const PERCENT = {
  type: Number,
  nullable: true,
  example: 87.5,
  description: 'one decimal place; null when the denominator is 0',
} as const;

export class PeriodInfo implements PeriodInfoShape {
  @ApiProperty({ example: '2025-Q1' })
  label: string;

  @ApiProperty({ format: 'date-time', description: 'the first instant of the period' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'the first instant after the period' })
  to: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'the report time zone the period is cut in' })
  timezone: string;
}

/** The resolution rate (办结率): resolved of recorded. */
export class RateFigures implements RateFiguresShape {
  @ApiProperty({ type: 'integer', description: 'problems recorded in the period and not withdrawn' })
  recorded: number;

  @ApiProperty({ type: 'integer', description: 'of those, resolved or closed as of asOf' })
  resolved: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class RateGroup extends RateFigures {
  @ApiProperty({ type: String, nullable: true, description: 'the group key (id or code); null for none' })
  key: string | null;

  @ApiProperty({ example: '市工信局' })
  label: string;
}

export class ResolutionRateReport extends RateFigures implements ResolutionRateReportShape {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiProperty({
    example: 'resolution-rate/v1',
    description: "the definition's id and version (GET /reports/definitions)",
  })
  definition: string;

  @ApiProperty({
    example: '/reports/resolution-rate/items?period=2025-Q1&asOf=2025-04-01T00%3A00%3A00.000%2B08%3A00',
    description:
      'the drill-down (under /api/v1): the problems counted, as they were at asOf; add groupBy and group for a group’s',
  })
  items: string;

  @ApiPropertyOptional(GROUP_BY)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ type: [RateGroup], description: 'with groupBy: every group; they add up to the total' })
  groups?: RateGroup[];
}

export class OnTimeRate {
  @ApiProperty({ type: 'integer' })
  onTime: number;

  @ApiProperty({ type: 'integer' })
  resolved: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class OnTimeWithExtensionRate {
  @ApiProperty({ type: 'integer', description: 'resolved on or before the extended deadline (the first when none)' })
  onTimeWithExtension: number;

  @ApiProperty({ type: 'integer' })
  resolved: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class SignForRate {
  @ApiProperty({ type: 'integer', description: 'signed for on or before the sign-for deadline' })
  timely: number;

  @ApiProperty({ type: 'integer', description: 'assignments whose sign-for deadline has passed, or signed for' })
  due: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;
}

export class Redos {
  @ApiProperty({ type: 'integer', description: 'reopens and unsatisfied verifications (返工)' })
  count: number;
}

export class SatisfactionRate {
  @ApiProperty({ type: 'integer' })
  satisfied: number;

  @ApiProperty({ type: 'integer' })
  verified: number;

  @ApiProperty(PERCENT)
  ratePercent: number | null;

  @ApiProperty({
    type: 'integer',
    description: "of the verified, those whose latest verification is the enterprise's own rating (tracking page)",
  })
  fromEnterprise: number;

  @ApiProperty({
    type: 'integer',
    description: 'of the verified, those whose latest verification a manager recorded after a call (回访)',
  })
  fromManager: number;
}

export class Figures implements FiguresShape {
  @ApiProperty({ type: RateFigures })
  resolutionRate: RateFigures;

  @ApiProperty({ type: OnTimeRate, description: 'judged against the first deadline of the resolving department' })
  onTimeRate: OnTimeRate;

  @ApiProperty({ type: OnTimeWithExtensionRate })
  onTimeWithExtensionRate: OnTimeWithExtensionRate;

  @ApiProperty({ type: SignForRate, description: '及时签收率' })
  signForRate: SignForRate;

  @ApiProperty({ type: Redos, description: '返工' })
  redos: Redos;

  @ApiProperty({ type: SatisfactionRate })
  satisfactionRate: SatisfactionRate;

  @ApiProperty({ type: 'integer' })
  returns: number;

  @ApiProperty({ type: Number, nullable: true })
  medianDaysToResolve: number | null;
}

export class FiguresGroup extends Figures {
  @ApiProperty({ type: String, nullable: true, description: 'the group key (id or code); null for none' })
  key: string | null;

  @ApiProperty({ example: '市工信局' })
  label: string;
}

/** The definition's id and version of each rate (GET /reports/definitions gives their text). */
export class RateDefinitions implements RateDefinitionsShape {
  @ApiProperty({ example: 'resolution-rate/v1' }) resolutionRate: string;
  @ApiProperty({ example: 'on-time-rate/v2' }) onTimeRate: string;
  @ApiProperty({ example: 'on-time-with-extension-rate/v1' }) onTimeWithExtensionRate: string;
  @ApiProperty({ example: 'sign-for-rate/v1' }) signForRate: string;
  @ApiProperty({ example: 'satisfaction-rate/v1' }) satisfactionRate: string;
}

export class FiguresReport extends Figures implements FiguresReportShape {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiProperty({ type: RateDefinitions })
  definitions: RateDefinitions;

  @ApiProperty({
    type: RateDefinitions,
    description: 'the drill-down of each rate (a path under /api/v1), at the figures’ instant',
  })
  items: RateDefinitions;

  @ApiPropertyOptional(GROUP_BY)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ type: [FiguresGroup] })
  groups?: FiguresGroup[];
}

export class TrendPoint extends Figures {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;
}

export class TrendReport implements TrendReportShape {
  @ApiProperty({ example: 'quarter' })
  granularity: string;

  @ApiProperty({ type: RateDefinitions })
  definitions: RateDefinitions;

  @ApiProperty({ type: [TrendPoint], description: 'oldest first' })
  points: TrendPoint[];
}
