import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SupervisionResponse } from '../supervision/supervision.response';
import { SATISFACTIONS, type Satisfaction } from '../workflow/satisfactions';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../workflow/supervision-levels';
import { type Status, STATUSES } from '../workflow/statuses';
import { ACTIONS, type Action } from './problem-workflow';
import type { ProblemEventResponse as ProblemEventShape, ProblemResponse as ProblemShape } from './problem-response';
import { SOURCES, type Source } from './problem.dto';

/** Enum schemas shared by every response that names a status, an action or a satisfaction. */
const STATUS = { enum: STATUSES, enumName: 'Status' } as const;
const ACTION = { enum: ACTIONS, enumName: 'Action' } as const;
const SATISFACTION = { enum: SATISFACTIONS, enumName: 'Satisfaction' } as const;

export class ProblemEventResponse implements ProblemEventShape {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: 'assign', description: 'created, an action, reassign or warning' })
  type: string;

  @ApiProperty({ ...STATUS, nullable: true, description: 'null for the event that recorded the problem' })
  fromStatus: Status | null;

  @ApiProperty(STATUS)
  toStatus: Status;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for events the service wrote' })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '张伟' })
  actorName: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the event changed besides the status' })
  data: Record<string, unknown>;
}

export class ProblemEnterpriseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '酒泉某新能源装备有限公司' })
  name: string;

  @ApiProperty({ example: 'suzhou', description: 'the district code' })
  district: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;
}

export class ProblemResponse implements ProblemShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  code: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty({ type: ProblemEnterpriseResponse })
  enterprise: ProblemEnterpriseResponse;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  visitId: string | null;

  @ApiProperty({ enum: SOURCES, enumName: 'Source' })
  source: Source;

  @ApiProperty({ example: 'labour', description: 'the category code' })
  category: string;

  @ApiProperty({ example: '用工' })
  categoryName: string;

  @ApiProperty({ example: '用电报装进度慢' })
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  @ApiProperty({ format: 'date-time', description: 'when it was entered into the service' })
  enteredAt: string;

  @ApiProperty(STATUS)
  status: Status;

  @ApiProperty({ example: '办理中', description: 'the status label (Chinese), as GET /statuses lists it' })
  statusLabel: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '市工信局' })
  departmentName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: string | null;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({
    type: 'integer',
    description: 'calendar days from reportedAt until resolved (or withdrawn), or until now while open',
  })
  daysOpen: number;

  @ApiProperty({ type: 'integer', description: 'working days past the deadline while open and overdue, else 0' })
  daysOverdue: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;

  @ApiProperty({ example: 'assign' })
  lastEventType: string;

  @ApiProperty({ format: 'date-time' })
  lastEventAt: string;

  @ApiProperty({ type: String, nullable: true })
  resolution: string | null;

  @ApiProperty({ ...SATISFACTION, nullable: true })
  satisfaction: Satisfaction | null;

  @ApiProperty({ type: String, nullable: true })
  feedback: string | null;

  @ApiProperty({ description: 'under supervision (督办) now: a supervision is active' })
  escalated: boolean;

  @ApiProperty({
    enum: SUPERVISION_LEVELS,
    enumName: 'SupervisionLevel',
    nullable: true,
    description: 'the level of the active supervision, or null',
  })
  supervisionLevel: SupervisionLevel | null;

  @ApiProperty({
    description:
      'bounced (推诿): left a department (returned or reassigned away) twice or more, or assigned to more than two departments',
  })
  bounced: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  duplicateOf: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the key project it concerns' })
  projectId: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectName: string | null;

  @ApiProperty({ type: 'integer', example: 3, description: 'sent back in If-Match with every action' })
  version: number;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({ type: [ProblemEventResponse], description: 'on a single problem: its events, oldest first' })
  events?: ProblemEventResponse[];

  @ApiPropertyOptional({
    ...ACTION,
    isArray: true,
    description: 'on a single problem: the actions the caller may take on it now',
  })
  allowedActions?: Action[];

  @ApiPropertyOptional({
    type: [SupervisionResponse],
    description: 'on a single problem: its supervisions, oldest first (the ladder)',
  })
  supervisions?: SupervisionResponse[];
}

export class ProblemPage {
  @ApiProperty({ type: [ProblemResponse] })
  items: ProblemResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;

  @ApiPropertyOptional({ description: 'with withTotal=true only: how many problems match, on every page of the walk' })
  total?: number;
}
