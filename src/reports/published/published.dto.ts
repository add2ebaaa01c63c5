import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { FIGURES, type FigureName } from '../drill-down/definitions';
import { DRILL_DOWN_FORMATS, FigureScope } from '../drill-down/drill-down.dto';

/** What to publish: a figure and its query, as the figure's drill-down takes it. */
export class PublishBody extends FigureScope {
  @ApiProperty({ enum: FIGURES, example: 'resolution-rate' })
  @IsIn(FIGURES)
  figure: FigureName;

  @ApiPropertyOptional({ description: 'why or where it was published (at most 500 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class PublishedListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FIGURES })
  @IsOptional()
  @IsIn(FIGURES)
  figure?: FigureName;

  @ApiPropertyOptional({ example: '2025-Q1', description: "the period's label as published" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  period?: string;
}

export class PublishedItemsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only the items in (or out of) the numerator' })
  @IsOptional()
  @IsIn(['true', 'false'])
  inNumerator?: 'true' | 'false';

  @ApiPropertyOptional({ enum: DRILL_DOWN_FORMATS, default: 'json', description: 'csv and xlsx: every item' })
  @IsOptional()
  @IsIn(DRILL_DOWN_FORMATS)
  format?: (typeof DRILL_DOWN_FORMATS)[number];

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

export class ReconciliationQuery {
  @ApiPropertyOptional({ description: 'the instant to recompute the figure at, or now (the default)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
