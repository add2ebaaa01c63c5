import { ApiProperty } from '@nestjs/swagger';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../workflow/supervision-levels';
import type { SupervisionRow } from './supervisions.repository';

const LEVEL = { enum: SUPERVISION_LEVELS, enumName: 'SupervisionLevel' } as const;

/** One supervision (督办) of a problem: a rung of its ladder. */
export class SupervisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  problemCode: string;

  @ApiProperty()
  problemTitle: string;

  @ApiProperty({ description: 'the problem status now' })
  problemStatus: string;

  @ApiProperty()
  enterpriseName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the department holding the problem now' })
  departmentId: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentName: string | null;

  @ApiProperty(LEVEL)
  level: SupervisionLevel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the supervising leader' })
  leaderId: string | null;

  @ApiProperty({ type: String, nullable: true })
  leaderName: string | null;

  @ApiProperty({ format: 'date-time', description: 'the department answers by this instant' })
  answerBy: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'uuid' })
  openedBy: string;

  @ApiProperty()
  openedByName: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "the department's answer: its first progress note, extension request or resolution after it",
  })
  answeredAt: string | null;

  @ApiProperty({ description: 'not lifted nor superseded' })
  active: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'lifted, or superseded by a higher level',
  })
  liftedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  liftedByName: string | null;

  @ApiProperty({ type: String, nullable: true })
  liftNote: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the higher supervision that replaced it' })
  supersededBy: string | null;

  @ApiProperty({ description: 'active, unanswered, past its answer-by date, the problem still open' })
  overdue: boolean;

  @ApiProperty({ description: 'working days past the answer-by date while overdue, else 0' })
  workingDaysOverdue: number;
}

export class SupervisionPage {
  @ApiProperty({ type: [SupervisionResponse] })
  items: SupervisionResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export function toSupervisionResponse(row: SupervisionRow): SupervisionResponse {
  return {
    id: row.id,
    problemId: row.problemId,
    problemCode: row.problemCode,
    problemTitle: row.problemTitle,
    problemStatus: row.problemStatus,
    enterpriseName: row.enterpriseName,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    level: row.level,
    leaderId: row.leaderId,
    leaderName: row.leaderName,
    answerBy: row.answerBy.toISOString(),
    openedAt: row.openedAt.toISOString(),
    openedBy: row.openedBy,
    openedByName: row.openedByName,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    active: row.liftedAt === null,
    liftedAt: row.liftedAt?.toISOString() ?? null,
    liftedByName: row.liftedByName,
    liftNote: row.liftNote,
    supersededBy: row.supersededBy,
    overdue: row.overdue,
    workingDaysOverdue: row.workingDaysOverdue,
  };
}
