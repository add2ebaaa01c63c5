import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GRANULARITIES, type Granularity } from './periods';
import { GROUP_BYS, type GroupBy } from './resolution-rate.sql';

export class ResolutionRateQuery {
  @ApiPropertyOptional({
    example: '2025-Q1',
    description: 'a quarter 2025-Q1, a month 2025-03, an ISO week 2025-W14 or a year 2025',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'with to, instead of period: a date or a timestamp with offset',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ example: '2025-04-01', description: 'exclusive end, with from' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({
    example: '2025-03-31T16:00:00Z',
    description:
      'the instant the figure is taken at (events before it count), or now; default the end of the period, or now if it has not ended',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ enum: GROUP_BYS })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;
}

/** The same period, asOf and groupBy as the resolution rate. */
export class FiguresQuery extends ResolutionRateQuery {}

export class TrendQuery {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'quarter' })
  @IsIn(GRANULARITIES)
  granularity: Granularity = 'quarter';

  @ApiPropertyOptional({ minimum: 2, maximum: 60, default: 8, description: 'how many consecutive periods' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(60)
  periods?: number;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'the trend ends with the period just before this instant (exclusive); default: the current period',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}
