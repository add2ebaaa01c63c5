import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { TIERS, type Tier } from '../enterprises/tiers';
import { IsTimestamp } from '../common/timestamps';
import { ProblemInputDto } from '../problems/problem.dto';
import { Trim } from '../common/trim';

export class CreateVisitDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  enterpriseId: string;

  @ApiProperty({ example: '2025-03-12T10:00:00+08:00', description: 'when the visit took place; not in the future' })
  @IsTimestamp({ notInFuture: true })
  visitedAt: string;

  @ApiPropertyOptional({ example: '一季度包联走访' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], example: ['增值税留抵退税', '稳岗返还'] })
  @IsOptional()
  @IsArray()
  @Trim()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  policiesPromoted?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'user ids of the officials who went; the caller is always included',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officialIds?: string[];

  @ApiPropertyOptional({ type: [ProblemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProblemInputDto)
  problems?: ProblemInputDto[];
}

const VISIT_SORTS = ['-visitedAt', 'visitedAt'] as const;
export type VisitSort = (typeof VISIT_SORTS)[number];
export const VISIT_STATUSES = ['recorded', 'withdrawn'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListVisitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'a visiting official: a user id, or "me" for the caller', example: 'me' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'me')
  @IsUUID('all', { message: 'officialId must be a user id or "me"' })
  officialId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  enterpriseId?: string;

  @ApiPropertyOptional({ description: "the enterprise's district code" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ enum: TIERS, description: "the enterprise's tier now" })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ description: 'visitedAt at or after this instant' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'visitedAt before this instant' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ description: 'true: visits that logged a problem (one the caller may see); false: none' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'withProblems must be true or false' })
  withProblems?: boolean;

  @ApiPropertyOptional({ enum: VISIT_STATUSES, description: 'default: both, each item saying which' })
  @IsOptional()
  @IsIn(VISIT_STATUSES)
  status?: VisitStatus;

  @ApiPropertyOptional({ enum: VISIT_SORTS, default: '-visitedAt', description: 'a leading - sorts latest first' })
  @IsOptional()
  @IsIn(VISIT_SORTS)
  sort?: VisitSort;
}

/** A required reason, as problems' reasons are written. */
const Reason = (description: string) =>
  applyDecorators(
    ...[ApiProperty({ description, maxLength: 2000 }), IsString(), Trim(), MinLength(1), MaxLength(2000)].reverse(),
  );

/** A correction: the fields given replace the visit's; the others stay. `null` clears purpose or notes. */
export class AmendVisitDto {
  @Reason('why the record is corrected (修正原因)')
  reason: string;

  @ApiPropertyOptional({ example: '2025-03-12T10:00:00+08:00', description: 'not in the future' })
  @IsOptional()
  @IsTimestamp({ notInFuture: true })
  visitedAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @Trim()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  policiesPromoted?: string[];

  @ApiPropertyOptional({ type: [String], description: 'user ids of every official who went (replaces the list)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officialIds?: string[];
}

export class WithdrawVisitDto {
  @Reason('why the visit is withdrawn, e.g. entered by mistake (撤回原因)')
  reason: string;
}
