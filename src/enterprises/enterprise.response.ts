import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type {
  EnterpriseChange as ChangeShape,
  EnterpriseDetail as DetailShape,
  EnterpriseProblemSummary as ProblemShape,
  EnterpriseResponse as EnterpriseShape,
  EnterpriseVisitSummary as VisitShape,
  ResponsiblePerson as PersonShape,
} from './enterprises.service';
import { RESPONSIBILITY_KINDS, type ResponsibilityKind, type Tier, TIERS } from './tiers';

export class EnterpriseResponse implements EnterpriseShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '酒泉某新能源装备有限公司' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '91620900MA72XXXX0X',
    description: 'unified social credit code',
  })
  uscc: string | null;

  @ApiProperty({ example: 'suzhou', description: 'the district code' })
  district: string;

  @ApiProperty({ example: '肃州区' })
  districtName: string;

  @ApiProperty({ type: String, nullable: true, example: 'new_energy_equipment' })
  industry: string | null;

  @ApiProperty({ description: 'above designated size (规上企业)' })
  isAboveScale: boolean;

  @ApiProperty({ description: 'a key enterprise of the programme (重点企业)' })
  isKey: boolean;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactName: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiProperty({ enum: TIERS, description: 'the tier (企业层级), which sets the visit interval' })
  tier: Tier;

  @ApiProperty({ description: 'bumped by every edit; send it back in If-Match' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class EnterprisePage {
  @ApiProperty({ type: [EnterpriseResponse] })
  items: EnterpriseResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class ResponsiblePersonResponse implements PersonShape {
  @ApiProperty({ format: 'uuid' })
  responsibilityId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: RESPONSIBILITY_KINDS })
  kind: ResponsibilityKind;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;
}

export class EnterpriseVisitSummaryResponse implements VisitShape {
  @ApiProperty({ format: 'uuid', description: 'read it in full at GET /visits/{id}' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  visitedAt: string;

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: [String], description: "the visiting officials' names" })
  officials: string[];

  @ApiProperty({ description: 'problems logged with the visit (for a handler: those of their department)' })
  problemCount: number;

  @ApiProperty({ enum: ['recorded', 'withdrawn'] })
  status: 'recorded' | 'withdrawn';
}

export class EnterpriseProblemSummaryResponse implements ProblemShape {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'JQ-2025-0001' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'a status code (GET /statuses)' })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  departmentName: string | null;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: string | null;
}

@ApiExtraModels(ResponsiblePersonResponse)
export class EnterpriseDetailResponse extends EnterpriseResponse implements DetailShape {
  @ApiProperty({ type: [ResponsiblePersonResponse], description: 'responsible officials (包联干部) now' })
  responsibleOfficials: ResponsiblePersonResponse[];

  @ApiProperty({
    allOf: [{ $ref: getSchemaPath(ResponsiblePersonResponse) }],
    nullable: true,
    description: 'the responsible leader (包联领导) now',
  })
  responsibleLeader: ResponsiblePersonResponse | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the interval of its tier; null when nobody answers for it',
  })
  visitIntervalDays: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastVisitAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the interval from the last visit or the start of responsibility; null when nobody answers for it',
  })
  nextVisitDueAt: string | null;

  @ApiProperty({ type: [EnterpriseVisitSummaryResponse], description: 'the latest 20 visits, newest first' })
  recentVisits: EnterpriseVisitSummaryResponse[];

  @ApiProperty({
    type: [EnterpriseProblemSummaryResponse],
    description: 'its problems the caller may see, newest first',
  })
  problems: EnterpriseProblemSummaryResponse[];

  @ApiProperty({ description: 'whether the caller may edit it (PATCH)' })
  editable: boolean;
}

export class ChangedByResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class EnterpriseChangeResponse implements ChangeShape {
  @ApiProperty()
  id: string;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty({ type: ChangedByResponse })
  changedBy: ChangedByResponse;

  @ApiProperty({ enum: ['import', 'edit'] })
  source: 'import' | 'edit';

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the changed fields before' })
  before: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the changed fields after' })
  after: Record<string, unknown>;
}
