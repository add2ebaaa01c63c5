import { AttachmentResponse } from '../attachments/attachment.response';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ProblemResponse } from '../problems/problem.response';
import { TIERS, type Tier } from '../enterprises/tiers';
import { STATUSES } from '../workflow/statuses';
import { VISIT_STATUSES, type VisitStatus } from './visit.dto';
import {
  AMENDABLE_FIELDS,
  type AmendableField,
  type VisitResponse as VisitShape,
  type VisitRevisionView,
  type VisitView,
} from './visits.service';

export class VisitOfficialResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '张伟' })
  displayName: string;
}

export class VisitResponse implements VisitShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty({ format: 'date-time' })
  visitedAt: string;

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ type: [String], example: ['稳岗补贴'] })
  policiesPromoted: string[];

  @ApiProperty({ type: [VisitOfficialResponse] })
  officials: VisitOfficialResponse[];

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ProblemResponse], description: 'the problems raised in the visit, as recorded' })
  problems: ProblemResponse[];
}

export class VisitProblemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  code: string;

  @ApiProperty({ enum: STATUSES, description: 'where it stands now' })
  status: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: string | null;
}

export class VisitWithdrawalResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: VisitOfficialResponse })
  by: VisitOfficialResponse;

  @ApiProperty()
  reason: string;
}

@ApiExtraModels(VisitWithdrawalResponse)
export class VisitViewResponse implements VisitView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty({ example: '酒泉某某新能源有限公司' })
  enterpriseName: string;

  @ApiProperty({ example: 'suzhou', description: 'district code' })
  district: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;

  @ApiProperty({ enum: TIERS, description: "the enterprise's tier now" })
  tier: Tier;

  @ApiProperty({ format: 'date-time' })
  visitedAt: string;

  @ApiProperty({ type: [VisitOfficialResponse] })
  officials: VisitOfficialResponse[];

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: [String] })
  policiesPromoted: string[];

  @ApiProperty({ type: String, nullable: true, description: "the enterprise's feedback and what was said" })
  notes: string | null;

  @ApiProperty({
    type: [VisitProblemResponse],
    description: 'the problems logged with it, as they stand now; a handler sees only his department’s',
  })
  problems: VisitProblemResponse[];

  @ApiProperty({ enum: VISIT_STATUSES })
  status: VisitStatus;

  @ApiProperty({ description: 'the latest revision (1: as first recorded); the ETag and If-Match value' })
  revision: number;

  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(VisitWithdrawalResponse) }],
    description: 'when, by whom and why it was withdrawn; null while it counts',
  })
  withdrawn: VisitWithdrawalResponse | null;

  @ApiProperty({ format: 'uuid', description: 'who recorded it' })
  createdBy: string;

  @ApiProperty()
  createdByName: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'whether the caller may amend or withdraw it now' })
  canAmend: boolean;

  @ApiPropertyOptional({ type: [AttachmentResponse], description: 'on a single visit: its attachments, oldest first' })
  attachments?: AttachmentResponse[];
}

export class VisitPage {
  @ApiProperty({ type: [VisitViewResponse] })
  items: VisitViewResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class VisitRevisionResponse implements VisitRevisionView {
  @ApiProperty({ description: '1 is the visit as first recorded' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  visitedAt: string;

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ type: [String] })
  policiesPromoted: string[];

  @ApiProperty({ type: [VisitOfficialResponse] })
  officials: VisitOfficialResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'why it was corrected; null for revision 1' })
  reason: string | null;

  @ApiProperty({ type: VisitOfficialResponse })
  recordedBy: VisitOfficialResponse;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ enum: AMENDABLE_FIELDS, isArray: true, description: 'what differs from the revision before' })
  changed: AmendableField[];
}
