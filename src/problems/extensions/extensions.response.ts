import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { EXTENSION_STATUSES, type ExtensionStatus } from './extensions.dto';

export class ExtensionDecisionResponse {
  @ApiProperty({ enum: ['approve_extension', 'refuse_extension'] })
  type: 'approve_extension' | 'refuse_extension';

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, example: '李四' })
  by: string | null;

  @ApiProperty({ type: String, nullable: true, description: "the manager's note, or the reason for a refusal" })
  note: string | null;
}

/** One extension request (延期申请) with its problem and the decision, if any. */
@ApiExtraModels(ExtensionDecisionResponse)
export class ExtensionResponse {
  @ApiProperty({ description: 'the id of its request_extension event' })
  requestEventId: string;

  @ApiProperty({ enum: EXTENSION_STATUSES })
  status: ExtensionStatus;

  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  problemCode: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'integer', description: "the problem's version, for If-Match on approve or refuse" })
  version: number;

  @ApiProperty({ format: 'uuid', description: 'the department that asked' })
  departmentId: string;

  @ApiProperty({ example: '市工信局' })
  departmentName: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "the problem's deadline now" })
  currentDueAt: string | null;

  @ApiProperty({ format: 'date-time', description: 'the deadline when it was asked' })
  previousDueAt: string;

  @ApiProperty({ format: 'date-time', description: 'the date asked for' })
  requestedDueAt: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: String, nullable: true })
  requestedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ nullable: true, allOf: [{ $ref: getSchemaPath(ExtensionDecisionResponse) }] })
  decision: ExtensionDecisionResponse | null;
}

export class ExtensionPage {
  @ApiProperty({ type: [ExtensionResponse] })
  items: ExtensionResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
