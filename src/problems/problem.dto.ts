import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsTimestamp } from '../common/timestamps';
import { SATISFACTIONS, type Satisfaction } from '../workflow/satisfactions';
import { STATUSES, type Status } from '../workflow/statuses';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../workflow/supervision-levels';
import { Trim } from '../common/trim';

export const SOURCES = ['visit', 'hotline', 'online', 'meeting', 'other'] as const;
export type Source = (typeof SOURCES)[number];

/** A problem as raised during a visit (the visit names the enterprise). */
export class ProblemInputDto {
  @ApiProperty({ example: '园区110千伏变电站扩容迟迟未批' })
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'factor_supply', description: 'a category code from GET /categories' })
  @IsString()
  @MaxLength(40)
  category: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: SOURCES, description: 'defaults to visit when raised in a visit, other otherwise' })
  @IsOptional()
  @IsIn(SOURCES)
  source?: Source;

  @ApiPropertyOptional({
    example: '2025-03-31T23:30:00+08:00',
    description: 'when it was recorded; defaults to now; never in the future',
  })
  @IsOptional()
  @IsTimestamp({ notInFuture: true })
  reportedAt?: string;
}

export class CreateProblemDto extends ProblemInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  enterpriseId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the visit it was raised in (same enterprise)' })
  @IsOptional()
  @IsUUID('all')
  visitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the key project it concerns' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;
}

/** Names (or, with null, clears) the key project a problem concerns. */
export class LinkProjectDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the project, or null to unlink' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  projectId: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Trim()
  @MinLength(1)
  @MaxLength(2000)
  note?: string;
}

const SORTS = [
  '-reportedAt',
  'reportedAt',
  'dueAt',
  '-dueAt',
  '-lastActivityAt',
  'lastActivityAt',
  '-daysOpen',
  'daysOpen',
  '-daysOverdue',
  'daysOverdue',
] as const;
export type ProblemSort = (typeof SORTS)[number];

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;
const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListProblemsQuery extends PageQuery {
  @ApiPropertyOptional({ description: `comma list of ${STATUSES.join(', ')}`, example: 'assigned,in_progress' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(STATUSES, { each: true, message: `status must be a comma list of ${STATUSES.join(', ')}` })
  status?: Status[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;

  @ApiPropertyOptional({ description: 'district code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  district?: string;

  @ApiPropertyOptional({ description: 'category code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'who recorded it: a user id, or "me" for the caller', example: 'me' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'me')
  @IsUUID('all', { message: 'createdBy must be a user id or "me"' })
  createdBy?: string;

  @ApiPropertyOptional({ description: 'true: past its due date and not resolved, closed or withdrawn' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'escalated must be true or false' })
  escalated?: boolean;

  @ApiPropertyOptional({
    description: 'true: bounced (推诿) now: left a department twice or more, or assigned to more than two',
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'bounced must be true or false' })
  bounced?: boolean;

  @ApiPropertyOptional({ description: 'reportedAt at or after this instant' })
  @IsOptional()
  @IsTimestamp()
  reportedFrom?: string;

  @ApiPropertyOptional({ description: 'reportedAt before this instant' })
  @IsOptional()
  @IsTimestamp()
  reportedTo?: string;

  @ApiPropertyOptional({ description: 'text in the title, description or enterprise name (Chinese works)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, default: '-reportedAt', description: 'a leading - sorts newest/latest first' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: ProblemSort;

  @ApiPropertyOptional({
    description: 'true: the answer carries `total`, how many problems the whole walk holds (one more count query)',
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'withTotal must be true or false' })
  withTotal?: boolean;
}

/** A required or optional free-text note, listed as stacked decorators and applied bottom-up as they would be. */
const Note = (required: boolean, description: string) =>
  applyDecorators(
    ...[
      required ? ApiProperty({ description, maxLength: 2000 }) : ApiPropertyOptional({ description, maxLength: 2000 }),
      ...(required ? [] : [IsOptional()]),
      IsString(),
      Trim(),
      MinLength(1),
      MaxLength(2000),
    ].reverse(),
  );

export class AssignDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  departmentId: string;

  @ApiPropertyOptional({
    example: '2025-04-15T18:00:00+08:00',
    description:
      'the deadline (办理时限), in the future; or give dueInWorkingDays; with neither, the category’s time limit applies',
  })
  @IsOptional()
  @IsTimestamp()
  dueAt?: string;

  @ApiPropertyOptional({
    example: 10,
    minimum: 1,
    maximum: 365,
    description:
      'the deadline as working days from today (holidays and make-up working days counted); the end of that day',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  dueInWorkingDays?: number;

  @Note(false, 'instructions for the department')
  note?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description:
      'the assisting departments (协办), each once and not the lead; each gets a part to mark done. A reassignment cancels the open parts of departments it no longer names; empty or absent: none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  assistingDepartmentIds?: string[];
}

/** An assisting department's note, or the note it marks its part done with. */
export class AssistDto {
  @Note(true, 'what the assisting department did')
  note: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the assisting department acted for: required from a manager or admin; a handler acts for their own department',
  })
  @IsOptional()
  @IsUUID('all')
  departmentId?: string;
}

export class OptionalNoteDto {
  @Note(false, 'a note for the record')
  note?: string;
}

export class NoteDto {
  @Note(true, 'what happened')
  note: string;
}

export class ProgressDto extends NoteDto {
  @ApiPropertyOptional({
    description: 'true: the enterprise sees this note on its tracking page (公开); default false (internal)',
  })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}

export class ResolveDto {
  @Note(true, 'how it was resolved (办理结果)')
  resolution: string;

  @Note(
    false,
    'why the lead resolves while an assisting department has not finished its part; required then, recorded with the departments still open',
  )
  assistsNote?: string;
}

export class ReasonDto {
  @Note(true, 'why')
  reason: string;
}

/** A redo's deadline (返工): a date, or working days from today; with neither, the category's time limit. */
const RedoDueAt = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: '2025-04-30T18:00:00+08:00',
      description:
        'the deadline of the redo (返工), in the future; or give dueInWorkingDays; default the category’s time limit',
    }),
    IsOptional(),
    IsTimestamp(),
  );
const RedoDueInWorkingDays = () =>
  applyDecorators(
    ApiPropertyOptional({
      example: 10,
      minimum: 1,
      maximum: 365,
      description: 'the redo’s deadline as working days from today',
    }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(365),
  );

export class ReopenDto extends ReasonDto {
  @RedoDueAt()
  dueAt?: string;

  @RedoDueInWorkingDays()
  dueInWorkingDays?: number;
}

export class VerifyDto {
  @ApiProperty({ enum: SATISFACTIONS })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @Note(false, "the enterprise's feedback (回访意见)")
  feedback?: string;

  @RedoDueAt()
  dueAt?: string;

  @RedoDueInWorkingDays()
  dueInWorkingDays?: number;
}

export class RequestExtensionDto {
  @ApiProperty({
    example: '2025-05-15T18:00:00+08:00',
    description: 'the deadline asked for (延期至): after the current deadline',
  })
  @IsTimestamp()
  dueAt: string;

  @Note(true, 'why the department needs more time (延期理由)')
  reason: string;
}

export class WithdrawDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the problem this one duplicates' })
  @IsOptional()
  @IsUUID('all')
  duplicateOf?: string;
}

/** An escalation (督办): its level, the supervising leader and the date by which the department answers. */
export class EscalateDto extends NoteDto {
  @ApiPropertyOptional({
    enum: SUPERVISION_LEVELS,
    enumName: 'SupervisionLevel',
    default: 'supervision',
    description: 'reminder 催办, supervision 督办, listed 挂牌督办; above the active one when there is one',
  })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  level?: SupervisionLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'the supervising leader: a manager or an admin' })
  @IsOptional()
  @IsUUID('all')
  leaderId?: string;

  @ApiPropertyOptional({
    example: '2025-04-10T18:00:00+08:00',
    description: 'when the department must answer by, in the future; default the end of the third working day',
  })
  @IsOptional()
  @IsTimestamp()
  answerBy?: string;
}
