import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRODUCTION_STATUSES, type ProductionStatus } from '../enterprises/production-status';
import { ResolutionRateQuery } from '../reports/report.dto';

export class RecordProductionStatusDto {
  @ApiProperty({ enum: PRODUCTION_STATUSES, example: 'idle' })
  @IsIn(PRODUCTION_STATUSES, { message: `status must be one of ${PRODUCTION_STATUSES.join(', ')}` })
  status: ProductionStatus;

  @ApiPropertyOptional({
    example: '2025-03-03T00:00:00+08:00',
    description: 'when the enterprise entered this status (default now); not in the future',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  effectiveAt?: string;

  @ApiPropertyOptional({ example: '2025-02', description: 'the month of the output value, with outputValueYuan' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'outputMonth must be a month like 2025-02' })
  outputMonth?: string;

  @ApiPropertyOptional({ example: 12_500_000, description: 'the output value of outputMonth, whole yuan' })
  @IsOptional()
  @IsInt({ message: 'outputValueYuan must be a whole number of yuan' })
  @Min(0)
  @Max(999_999_999_999_999)
  outputValueYuan?: number;

  @ApiPropertyOptional({ example: '订单不足，3 月起停产检修', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export const PRODUCTION_GROUP_BYS = ['district', 'industry'] as const;
export type ProductionGroupBy = (typeof PRODUCTION_GROUP_BYS)[number];

/** The period, from/to and asOf of the resolution rate; groupBy district or industry only. */
export class ProductionFiguresQuery extends OmitType(ResolutionRateQuery, ['groupBy'] as const) {
  @ApiPropertyOptional({ enum: PRODUCTION_GROUP_BYS })
  @IsOptional()
  @IsIn(PRODUCTION_GROUP_BYS, { message: `groupBy must be one of ${PRODUCTION_GROUP_BYS.join(', ')}` })
  groupBy?: ProductionGroupBy;
}
