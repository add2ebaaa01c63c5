import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Trim } from '../common/trim';
import { RESPONSIBILITY_KINDS, type ResponsibilityKind } from '../enterprises/tiers';

const INSTANT = { strict: true, strictSeparator: true };

export class AssignResponsibilityDto {
  @ApiProperty({ format: 'uuid', description: 'an enabled official, manager or admin' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: RESPONSIBILITY_KINDS, description: 'official (包联干部) or leader (包联领导)' })
  @IsIn(RESPONSIBILITY_KINDS, { message: `kind must be one of ${RESPONSIBILITY_KINDS.join(', ')}` })
  kind: ResponsibilityKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'from when; default now; not in the future' })
  @IsOptional()
  @IsISO8601(INSTANT, { message: 'startsAt must be an ISO 8601 instant' })
  startsAt?: string;

  @ApiPropertyOptional({ example: '新任包联干部' })
  @IsOptional()
  @IsString()
  @Trim()
  @MaxLength(500)
  note?: string;
}

export class EndResponsibilityDto {
  @ApiProperty({ example: '岗位调整' })
  @IsString()
  @Trim()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'until when; default now; after its start, not in the future',
  })
  @IsOptional()
  @IsISO8601(INSTANT, { message: 'endsAt must be an ISO 8601 instant' })
  endsAt?: string;
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid', description: 'whose open responsibilities end' })
  @IsUUID('all', { message: 'fromUserId must be a UUID' })
  fromUserId: string;

  @ApiProperty({ format: 'uuid', description: 'who takes them over' })
  @IsUUID('all', { message: 'toUserId must be a UUID' })
  toUserId: string;

  @ApiProperty({ example: '干部调离' })
  @IsString()
  @Trim()
  @MinLength(1, { message: 'reason is required' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when; default now; not in the future' })
  @IsOptional()
  @IsISO8601(INSTANT, { message: 'at must be an ISO 8601 instant' })
  at?: string;
}

export class ResponsibilitiesQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'as known at this instant: rows and ends recorded later are left out; default now',
  })
  @IsOptional()
  @IsISO8601(INSTANT, { message: 'asOf must be an ISO 8601 instant' })
  asOf?: string;
}

export const DUE_FILTERS = ['week'] as const;

export class MyEnterprisesQuery {
  @ApiPropertyOptional({ enum: DUE_FILTERS, description: 'week: due within 7 days or overdue' })
  @IsOptional()
  @IsIn(DUE_FILTERS, { message: 'due must be week' })
  due?: (typeof DUE_FILTERS)[number];
}

export class UpdateTierDto {
  @ApiProperty({ minimum: 1, maximum: 366, example: 30 })
  @IsInt({ message: 'visitIntervalDays must be a whole number of days' })
  @Min(1)
  @Max(366)
  visitIntervalDays: number;
}

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class AssignmentImportQuery {
  @ApiPropertyOptional({ description: 'true: check every row and report, write nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

const SHEET_FORMATS = ['xlsx', 'csv'] as const;

export class AssignmentTemplateQuery {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS, { message: `format must be one of ${SHEET_FORMATS.join(', ')}` })
  format?: (typeof SHEET_FORMATS)[number];
}
