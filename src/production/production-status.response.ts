import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCTION_STATUSES, type ProductionStatus } from '../enterprises/production-status';
import { PeriodInfo } from '../reports/report.response';
import { PRODUCTION_GROUP_BYS, type ProductionGroupBy } from './production-status.dto';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../reports/read-from.response';

export class StatusEventResponse {
  @ApiProperty({ example: '42' })
  id: string;

  @ApiProperty({ enum: PRODUCTION_STATUSES, example: 'idle' })
  status: ProductionStatus;

  @ApiProperty({ example: '2025-03-02T16:00:00.000Z', description: 'when the enterprise entered the status' })
  effectiveAt: string;

  @ApiProperty({ type: String, nullable: true, example: '2025-02' })
  outputMonth: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 12_500_000, description: 'whole yuan' })
  outputValueYuan: number | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  recordedById: string | null;

  @ApiProperty({ type: String, nullable: true, example: '张三' })
  recordedByName: string | null;

  @ApiProperty({ example: '2025-03-03T02:00:00.000Z' })
  recordedAt: string;
}

export class CurrentStatusResponse {
  @ApiProperty({ enum: PRODUCTION_STATUSES, example: 'idle', description: 'the latest event by effectiveAt' })
  status: ProductionStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-03-02T16:00:00.000Z',
    description: 'since when, unbroken; null when no status was ever recorded',
  })
  since: string | null;
}

export class RecordedStatusResponse {
  @ApiProperty({ type: StatusEventResponse })
  event: StatusEventResponse;

  @ApiProperty({ type: CurrentStatusResponse, description: 'the enterprise status after this event' })
  current: CurrentStatusResponse;
}

export class StatusHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty({ type: CurrentStatusResponse })
  current: CurrentStatusResponse;

  @ApiProperty({ type: [StatusEventResponse], description: 'newest first (by effectiveAt, then recording)' })
  items: StatusEventResponse[];

  @ApiProperty({ description: 'whether the caller may record a status for this enterprise' })
  canRecord: boolean;
}

export class ResumptionRate {
  @ApiProperty({ example: 3, description: 'idle at the period start and normal at its end (or at asOf)' })
  resumed: number;

  @ApiProperty({ example: 8, description: 'idle at the period start' })
  idleAtStart: number;

  @ApiProperty({ type: Number, nullable: true, example: 37.5, description: 'half-up, one decimal; null when 0 / 0' })
  ratePercent: number | null;
}

export class ProductionFigures {
  @ApiProperty({ example: 8, description: 'enterprises idle (停产) at asOf' })
  idle: number;

  @ApiProperty({ example: 5, description: 'enterprises with reduced output (减产) at asOf' })
  reduced: number;

  @ApiProperty({ type: ResumptionRate, description: '复产率' })
  resumptionRate: ResumptionRate;
}

export class ProductionGroup extends ProductionFigures {
  @ApiProperty({ type: String, nullable: true, example: 'suzhou' })
  key: string | null;

  @ApiProperty({ example: '肃州区' })
  label: string;
}

export class ProductionReport extends ProductionFigures {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ example: '2025-04-01T00:00:00.000+08:00' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiPropertyOptional({ enum: PRODUCTION_GROUP_BYS })
  groupBy?: ProductionGroupBy;

  @ApiPropertyOptional({ type: [ProductionGroup] })
  groups?: ProductionGroup[];
}
