import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { FIGURES, type FigureName } from './definitions';

/** The period, instant and grouping of a figure, as its own route takes them. */
export class FigureScope {
  @ApiPropertyOptional({
    example: '2025-Q1',
    description: 'a quarter, a month 2025-03, an ISO week 2025-W14 or a year',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ description: 'with to, instead of period' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'exclusive end, with from' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({
    description: "the figure's instant, or now; default the end of the period, or now if it has not ended",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ description: "one of the figure's groupings (its definition lists them)" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  groupBy?: string;

  @ApiPropertyOptional({
    description: "with groupBy: one group's key, as the figure's groups give it; `none` for the group without a key",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  group?: string;
}

export const DRILL_DOWN_FORMATS = ['json', 'csv', 'xlsx'] as const;

/** The figure's scope, the resolution list's filters (status and department as of the instant) and a page. */
export class DrillDownQuery extends IntersectionType(FigureScope, PageQuery) {
  @ApiPropertyOptional({ description: 'comma list of statuses as of the instant' })
  @IsOptional()
  @Matches(/^[a-z_]+(,[a-z_]+)*$/, { message: 'a comma list of statuses' })
  @MaxLength(200)
  status?: string;

  @ApiPropertyOptional({ description: 'the department as of the instant' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'words in the code, title or enterprise name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the items in (or out of) the numerator' })
  @IsOptional()
  @IsIn(['true', 'false'])
  inNumerator?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: DRILL_DOWN_FORMATS,
    default: 'json',
    description: 'csv and xlsx: every item, as a file',
  })
  @IsOptional()
  @IsIn(DRILL_DOWN_FORMATS)
  format?: (typeof DRILL_DOWN_FORMATS)[number];

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

export class FigureParam {
  @ApiProperty({ enum: FIGURES })
  @IsIn(FIGURES)
  figure: FigureName;
}
