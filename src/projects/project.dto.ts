import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsTimestamp } from '../common/timestamps';
import { Trim } from '../common/trim';
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from './project-vocabulary';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Whole yuan, up to the column's 16 digits. */
const MAX_YUAN = 9_999_999_999_999;

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A project of a year's plan: what create sets. PATCH changes any of these (never the stage). */
export class CreateProjectDto {
  @ApiProperty({ example: 'XM-2025-001', description: 'the project office code, unique' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(40)
  code: string;

  @ApiProperty({ example: 2025, description: 'the year of the plan the project belongs to' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  planYear: number;

  @ApiProperty({ example: '酒泉某风电装备制造基地项目' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'suzhou', description: 'a district code from GET /districts' })
  @IsString()
  @MaxLength(40)
  district: string;

  @ApiProperty({ enum: PROJECT_KINDS, description: 'new 新建 or continuing 续建' })
  @IsIn(PROJECT_KINDS)
  kind: ProjectKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the owner enterprise (项目业主)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  ownerEnterpriseId?: string | null;

  @ApiPropertyOptional({ example: 'new_energy_equipment', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'planned total investment, whole yuan' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  plannedTotalInvestmentYuan?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: "planned investment in the plan's year, whole yuan",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  plannedAnnualInvestmentYuan?: number | null;

  @ApiPropertyOptional({ example: '2025-03-15', nullable: true, type: String, format: 'date' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DATE, { message: 'plannedStartDate must be a date such as 2025-03-15' })
  plannedStartDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the responsible department' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  departmentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the responsible leader (责任领导)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  leaderName?: string | null;
}

/** Any of the fields of create; a field left out keeps its value. */
export class UpdateProjectDto extends PartialType(CreateProjectDto) {}

export const PROJECT_SORTS = [
  'code',
  '-code',
  'name',
  '-name',
  'plannedStartDate',
  '-plannedStartDate',
  'investmentToDate',
  '-investmentToDate',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  planYear?: number;

  @ApiPropertyOptional({ description: 'district code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;

  @ApiPropertyOptional({ enum: PROJECT_STAGES })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  stage?: ProjectStage;

  @ApiPropertyOptional({ enum: PROJECT_KINDS })
  @IsOptional()
  @IsIn(PROJECT_KINDS)
  kind?: ProjectKind;

  @ApiPropertyOptional({ description: 'part of the name or the code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'only projects with an overdue open problem (held up)' })
  @IsOptional()
  @Transform(booleanText)
  @IsIn([true, false], { message: 'overdueProblems must be true or false' })
  overdueProblems?: boolean;

  @ApiPropertyOptional({ description: 'only projects past their planned start and not started' })
  @IsOptional()
  @Transform(booleanText)
  @IsIn([true, false], { message: 'pastPlannedStart must be true or false' })
  pastPlannedStart?: boolean;

  @ApiPropertyOptional({ enum: PROJECT_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(PROJECT_SORTS)
  sort?: ProjectSort;
}

export class ExportProjectsQuery extends ListProjectsQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class StageDto {
  @ApiProperty({ enum: PROJECT_STAGES })
  @IsIn(PROJECT_STAGES)
  stage: ProjectStage;

  @ApiProperty({
    example: '2025-03-18T09:00:00+08:00',
    description: 'when the project entered the stage (e.g. construction began); not in the future',
  })
  @IsTimestamp({ notInFuture: true })
  effectiveAt: string;

  @ApiPropertyOptional({ description: 'required when the stage goes back (a correction)' })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(2000)
  note?: string;
}

export class InvestmentDto {
  @ApiProperty({ example: 12_500_000, description: 'completed investment in the month, whole yuan' })
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  amountYuan: number;

  @ApiPropertyOptional({ description: 'required for an amendment (any entry after the first)' })
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class ImportProjectsQuery {
  @ApiPropertyOptional({ description: 'true: check and report, change nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsIn([true, false], { message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export const PROJECT_GROUP_BYS = ['district', 'industry', 'department'] as const;
export type ProjectGroupBy = (typeof PROJECT_GROUP_BYS)[number];

export class ProjectFiguresQuery {
  @ApiProperty({ example: '2025-Q1', description: 'a quarter, a month, an ISO week or a year' })
  @IsString()
  @MaxLength(20)
  period: string;

  @ApiPropertyOptional({
    example: '2025-03-31T16:00:00Z',
    description: 'the instant the figures are taken at; default the end of the period, or now if it has not ended',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ enum: PROJECT_GROUP_BYS })
  @IsOptional()
  @IsIn(PROJECT_GROUP_BYS)
  groupBy?: ProjectGroupBy;
}
