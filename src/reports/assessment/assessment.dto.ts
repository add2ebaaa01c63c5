import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMPONENTS, type Component } from './assessment-score';

export class AssessmentQuery {
  @ApiProperty({ example: '2025-Q1', description: 'a month (2025-03) or a quarter (2025-Q1)' })
  @IsString()
  @MaxLength(20)
  period: string;

  @ApiPropertyOptional({
    example: '2025-03-31T16:00:00Z',
    description:
      'the instant the score is taken at (events before it count), or now; default the end of the period, or now if it has not ended',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'the language of the spreadsheet' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

export class DeductionsQuery {
  @ApiProperty({ example: '2025-Q1', description: 'a month (2025-03) or a quarter (2025-Q1)' })
  @IsString()
  @MaxLength(20)
  period: string;

  @ApiPropertyOptional({ description: 'as for the ranking' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ enum: COMPONENTS, enumName: 'AssessmentComponent', description: 'only this component' })
  @IsOptional()
  @IsIn(COMPONENTS)
  component?: Component;
}

const weight = (description: string) => ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description });

/** All six weights, integers from 0 to 100 adding up to 100. */
export class WeightsBody {
  @weight('timely sign-for (及时签收)')
  @IsInt()
  @Min(0)
  @Max(100)
  signFor: number;

  @weight('on-time resolution (按期办结)')
  @IsInt()
  @Min(0)
  @Max(100)
  onTime: number;

  @weight('returns (退单)')
  @IsInt()
  @Min(0)
  @Max(100)
  returns: number;

  @weight('redos (返工)')
  @IsInt()
  @Min(0)
  @Max(100)
  redos: number;

  @weight('satisfaction (满意度)')
  @IsInt()
  @Min(0)
  @Max(100)
  satisfaction: number;

  @weight('supervision (督办)')
  @IsInt()
  @Min(0)
  @Max(100)
  supervision: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'why the weights change' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'when they take effect (a date or a timestamp with offset, not in the past); default now',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  effectiveFrom?: string;
}
