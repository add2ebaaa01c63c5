import { PRODUCTION_STATUSES, type ProductionStatus } from '../enterprises/production-status';
import { ApiProperty } from '@nestjs/swagger';
import { RESPONSIBILITY_KINDS, type ResponsibilityKind, type Tier, TIERS } from '../enterprises/tiers';
import { ROLES, type Role } from '../access/role';
import type {
  AssignmentImportResult,
  Candidate,
  HandoverResult,
  MyEnterprise,
  Responsibility,
  TierInterval,
} from './responsibilities.service';

export class ResponsibilityResponse implements Responsibility {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty()
  enterpriseName: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: RESPONSIBILITY_KINDS })
  kind: ResponsibilityKind;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: still open (as of asOf)' })
  endsAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'uuid' })
  recordedBy: string;

  @ApiProperty()
  recordedByName: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  endedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  endedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedRecordedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  endReason: string | null;

  @ApiProperty({ description: 'in force at the instant asked about' })
  current: boolean;
}

export class HandoverResponse implements HandoverResult {
  @ApiProperty({ description: 'responsibilities of fromUserId ended' })
  ended: number;

  @ApiProperty({ description: 'responsibilities of toUserId started' })
  started: number;

  @ApiProperty({ description: 'enterprises toUserId already answered for: ended for fromUserId only' })
  skipped: number;
}

export class TierIntervalResponse implements TierInterval {
  @ApiProperty({ enum: TIERS })
  code: Tier;

  @ApiProperty({ example: '重点企业' })
  labelZh: string;

  @ApiProperty({ example: 'Key enterprise' })
  labelEn: string;

  @ApiProperty({ example: 30, description: 'the interval in force now' })
  visitIntervalDays: number;

  @ApiProperty({ format: 'date-time' })
  setAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'null: the default' })
  setByName: string | null;
}

export class MyEnterpriseResponse implements MyEnterprise {
  @ApiProperty({ format: 'uuid' })
  enterpriseId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  district: string;

  @ApiProperty()
  districtName: string;

  @ApiProperty({ enum: TIERS })
  tier: Tier;

  @ApiProperty({ enum: RESPONSIBILITY_KINDS, description: 'how the caller answers for it' })
  kind: ResponsibilityKind;

  @ApiProperty({ format: 'date-time' })
  responsibleSince: string;

  @ApiProperty()
  visitIntervalDays: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastVisitAt: string | null;

  @ApiProperty({
    format: 'date-time',
    description: 'the interval from the last visit, or from the start of responsibility',
  })
  nextVisitDueAt: string;

  @ApiProperty()
  overdue: boolean;

  @ApiProperty({ description: 'whole days past due; 0 when not overdue' })
  overdueDays: number;

  @ApiProperty()
  openProblems: number;

  @ApiProperty({ enum: PRODUCTION_STATUSES, description: 'the latest production status (生产状态)' })
  productionStatus: ProductionStatus;
}

export class MyEnterprisesResponse {
  @ApiProperty({ type: [MyEnterpriseResponse], description: 'most overdue first, then soonest due' })
  items: MyEnterpriseResponse[];
}

export class AssignmentRowError {
  @ApiProperty()
  field: string;

  @ApiProperty()
  message: string;
}

export class RejectedAssignmentRow {
  @ApiProperty({ description: 'the row number as the spreadsheet shows it: the heading row is 1' })
  row: number;

  @ApiProperty({ type: [AssignmentRowError] })
  errors: AssignmentRowError[];
}

export class AssignmentImportResponse implements AssignmentImportResult {
  @ApiProperty({ description: 'data rows read' })
  total: number;

  @ApiProperty({ description: 'rows that would be (or were) assigned' })
  valid: number;

  @ApiProperty({ description: 'responsibilities written: 0 on a dry run or when any row is rejected' })
  created: number;

  @ApiProperty({ description: 'true when the assignments were written (all of them)' })
  applied: boolean;

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: [RejectedAssignmentRow] })
  rejected: RejectedAssignmentRow[];
}

export class CandidateResponse implements Candidate {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;
}
