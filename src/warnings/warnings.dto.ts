import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { WARNING_LEVELS, type WarningLevel } from './warnings.sql';

/** The most items one answer carries; the counts stay exact beyond it. */
export const MAX_ITEMS = 500;

export class WarningsQuery {
  @ApiPropertyOptional({
    enum: WARNING_LEVELS,
    example: 'overdue',
    description: 'only this level; the counts always cover every level',
  })
  @IsOptional()
  @IsIn(WARNING_LEVELS, { message: `level must be one of ${WARNING_LEVELS.join(', ')}` })
  level?: WarningLevel;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_ITEMS,
    default: MAX_ITEMS,
    description: 'at most this many items, the first in the list order (a dashboard panel asks for a few)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ITEMS)
  limit?: number;
}

export class WarningCounts {
  @ApiProperty({ example: 4 })
  due_soon: number;

  @ApiProperty({ example: 2 })
  overdue: number;

  @ApiProperty({ example: 3 })
  stale: number;

  @ApiProperty({ example: 12, description: 'always 0 for handlers; for officials, their own enterprises only' })
  not_visited: number;

  @ApiProperty({ example: 2, description: 'handlers: the projects of their department' })
  project_not_started: number;

  @ApiProperty({ example: 1, description: 'always 0 for handlers' })
  idle_not_visited: number;

  @ApiProperty({ example: 1, description: 'enterprises nobody answers for; managers and admins only (else 0)' })
  unassigned: number;

  @ApiProperty({ example: 1, description: 'assigned problems not signed for (签收) by their sign-for deadline' })
  sign_for_overdue: number;
  @ApiProperty({ example: 1, description: 'supervisions (督办) past their answer-by date, unanswered' })
  supervision_overdue: number;
}

export class WarningOfficial {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '张伟' })
  name: string;
}

export class WarningItem {
  @ApiProperty({ enum: WARNING_LEVELS, example: 'overdue' })
  level: WarningLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'problem warnings' })
  problemId?: string;

  @ApiPropertyOptional({ example: 'JQ-2025-0042' })
  code?: string;

  @ApiPropertyOptional({ example: '用电报装进度慢' })
  title?: string;

  @ApiPropertyOptional({ example: 'in_progress', description: 'the problem status' })
  status?: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'project_not_started: the owner enterprise, null when the project names none',
  })
  enterpriseId: string | null;

  @ApiProperty({ type: String, example: '酒泉某新能源装备有限公司', nullable: true })
  enterpriseName: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'problem warnings; null while unassigned',
  })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, example: '市工信局', nullable: true })
  departmentName?: string | null;

  @ApiPropertyOptional({ example: '2025-09-26T09:00:00.000Z', description: 'overdue and due_soon' })
  dueAt?: string;

  @ApiPropertyOptional({ example: '2025-09-26T10:00:00.000Z', description: 'sign_for_overdue: the sign-for deadline' })
  signForDueAt?: string;

  @ApiPropertyOptional({ example: 20, description: 'sign_for_overdue: whole hours since the sign-for deadline' })
  hoursLate?: number;

  @ApiPropertyOptional({
    example: 7,
    description:
      'overdue: working days after the deadline day up to and including today (report time zone); supervision_overdue: the same after the answer-by day',
  })
  daysOverdue?: number;

  @ApiPropertyOptional({
    example: '2025-09-26T10:00:00.000Z',
    description: 'supervision_overdue: the date by which the department had to answer',
  })
  answerBy?: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'due_soon: working days after today up to and including the deadline day',
  })
  workingDaysLeft?: number;

  @ApiPropertyOptional({ example: '2025-03-01T02:00:00.000Z', description: 'stale: the last action on the problem' })
  lastActivityAt?: string;

  @ApiPropertyOptional({ example: 9, description: 'stale: whole days since the last action' })
  idleDays?: number;

  @ApiPropertyOptional({
    example: '2025-01-10T02:00:00.000Z',
    type: String,
    nullable: true,
    description: 'not_visited: the last visit, null when never visited',
  })
  lastVisitAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'project_not_started' })
  projectId?: string;

  @ApiPropertyOptional({ example: 'XM-2025-001', description: 'project_not_started' })
  projectCode?: string;

  @ApiPropertyOptional({ example: '年产 5 万吨新材料项目', description: 'project_not_started' })
  projectName?: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'project_not_started: the planned start date' })
  plannedStartDate?: string;

  @ApiPropertyOptional({ example: 12, description: 'project_not_started: days since the planned start date' })
  daysLate?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2025-02-20T00:00:00.000Z',
    description: 'idle_not_visited: since when the enterprise is idle',
  })
  idleSince?: string | null;

  @ApiPropertyOptional({
    example: '2025-03-01T02:00:00.000Z',
    description:
      "not_visited: when the visit fell due (the tier's interval after the last visit or the start of responsibility)",
  })
  nextVisitDueAt?: string;

  @ApiPropertyOptional({ example: 'key', description: "not_visited: the enterprise's tier" })
  tier?: string;

  @ApiPropertyOptional({ type: [WarningOfficial], description: 'not_visited: the responsible officials now' })
  officials?: WarningOfficial[];

  @ApiPropertyOptional({
    example: '2025-01-10T02:00:00.000Z',
    description: 'unassigned: since when nobody answers for it (the last responsibility ended, or registration)',
  })
  unassignedSince?: string;

  @ApiPropertyOptional({ example: '2025-03-10T01:00:00.000Z', description: 'when the scan recorded it, once it has' })
  detectedAt?: string;
}

export class WarningsResponse {
  @ApiProperty({ type: [WarningItem] })
  items: WarningItem[];

  @ApiProperty({ type: WarningCounts, description: 'exact, whatever the level filter and the item cap' })
  counts: WarningCounts;

  @ApiProperty({ example: false, description: 'true when more items exist than those listed (the limit, 500 at most)' })
  truncated: boolean;
}

export class ScanResult {
  @ApiProperty({ example: true, description: 'false when another instance was scanning at the time' })
  ran: boolean;

  @ApiPropertyOptional({ type: WarningCounts, description: 'the warnings newly recorded, when ran' })
  recorded?: WarningCounts;
}

/** What a scan did: nothing (another instance held the lock), or the warnings it newly recorded. */
export type ScanOutcome = { ran: false } | { ran: true; recorded: WarningCounts };
