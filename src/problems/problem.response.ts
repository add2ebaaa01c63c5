import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { AttachmentResponse } from '../attachments/attachment.response';
import { SupervisionResponse } from '../supervision/supervision.response';
import { SATISFACTIONS, type Satisfaction } from '../workflow/satisfactions';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../workflow/supervision-levels';
import { type Status, STATUSES } from '../workflow/statuses';
import { ACTIONS, type Action } from './problem-workflow';
import type {
  ProblemAssistResponse as ProblemAssistShape,
  ProblemEventResponse as ProblemEventShape,
  ProblemResponse as ProblemShape,
} from './problem-response';
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

export class ProblemAssistResponse implements ProblemAssistShape {
  @ApiProperty({ format: 'uuid', description: 'the assisting department (协办单位)' })
  departmentId: string;

  @ApiProperty({ example: '市自然资源局' })
  departmentName: string;

  @ApiProperty({
    enum: ['open', 'done', 'cancelled'],
    enumName: 'AssistStatus',
    description:
      'open until the department marks its part done; cancelled when the problem was withdrawn or closed first',
  })
  status: 'open' | 'done' | 'cancelled';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the note the department marked its part done with' })
  doneNote: string | null;
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

export class PendingExtensionResponse {
  @ApiProperty({ description: 'the id of its request_extension event' })
  requestEventId: string;

  @ApiProperty({ format: 'date-time', description: 'the date asked for' })
  dueAt: string;

  @ApiProperty({ format: 'date-time', description: 'the deadline when it was asked' })
  previousDueAt: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ type: String, nullable: true, example: '张三' })
  requestedBy: string | null;
}

@ApiExtraModels(PendingExtensionResponse)
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

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the deadline in force: the first one given to the department, or an approved extension of it',
  })
  dueAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the deadline first given to the department in this round (按期办结 is judged against it)',
  })
  firstDueAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the sign-for deadline (签收时限) of the assignment in force',
  })
  signForDueAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the department holding the problem signed for it (签收)',
  })
  signedForAt: string | null;

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
    type: [ProblemAssistResponse],
    description: 'on a single problem: the assisting departments (协办) of the current assignment and their parts',
  })
  assists?: ProblemAssistResponse[];

  @ApiPropertyOptional({
    ...ACTION,
    isArray: true,
    description: 'on a single problem: the actions the caller may take on it now',
  })
  allowedActions?: Action[];

  @ApiPropertyOptional({
    type: [AttachmentResponse],
    description: 'on a single problem: its attachments, oldest first; eventId ties one to its event on the timeline',
  })
  attachments?: AttachmentResponse[];

  @ApiPropertyOptional({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(PendingExtensionResponse) }],
    description: 'on a single problem: the extension request awaiting a decision, or null',
  })
  pendingExtension?: PendingExtensionResponse | null;

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
