import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_KINDS, PROJECT_STAGES, type ProjectKind, type ProjectStage } from './project-vocabulary';
import type { InvestmentMonth, ProjectDetail, ProjectItem } from './projects.service';

const nullableText = { type: String, nullable: true } as const;
const nullableNumber = { type: Number, nullable: true } as const;

export class ProjectItemResponse implements ProjectItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'XM-2025-001' }) code: string;
  @ApiProperty({ example: 2025 }) planYear: number;
  @ApiProperty({ example: '酒泉某风电装备制造基地项目' }) name: string;
  @ApiProperty({ ...nullableText, format: 'uuid' }) ownerEnterpriseId: string | null;
  @ApiProperty(nullableText) ownerEnterpriseName: string | null;
  @ApiProperty({ example: 'suzhou' }) district: string;
  @ApiProperty({ example: '肃州区' }) districtName: string;
  @ApiProperty(nullableText) industry: string | null;
  @ApiProperty({ enum: PROJECT_KINDS }) kind: ProjectKind;
  @ApiProperty({ ...nullableNumber, description: 'whole yuan' }) plannedTotalInvestmentYuan: number | null;
  @ApiProperty({ ...nullableNumber, description: 'whole yuan' }) plannedAnnualInvestmentYuan: number | null;
  @ApiProperty({ ...nullableText, format: 'date' }) plannedStartDate: string | null;
  @ApiProperty({ ...nullableText, format: 'uuid' }) departmentId: string | null;
  @ApiProperty(nullableText) departmentName: string | null;
  @ApiProperty(nullableText) leaderName: string | null;
  @ApiProperty({ enum: PROJECT_STAGES, description: 'the latest stage event' }) stage: ProjectStage;
  @ApiProperty({ description: 'sum of each month’s latest entry, whole yuan' }) investmentToDateYuan: number;
  @ApiProperty({ description: 'linked problems still open' }) openProblems: number;
  @ApiProperty({ description: 'linked open problems past their deadline' }) overdueProblems: number;
  @ApiProperty({ description: 'has an overdue open problem' }) heldUp: boolean;
  @ApiProperty({ description: 'past its planned start date and still in preparation' }) pastPlannedStart: boolean;
  @ApiProperty({ description: 'send as If-Match to edit or record a stage' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProjectPage {
  @ApiProperty({ type: [ProjectItemResponse] })
  items: ProjectItemResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class StageEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage: ProjectStage;
  @ApiProperty({ format: 'date-time', description: 'when the project entered the stage' }) effectiveAt: string;
  @ApiProperty(nullableText) note: string | null;
  @ApiProperty({ ...nullableText, format: 'uuid' }) actorId: string | null;
  @ApiProperty(nullableText) actorName: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was recorded' }) recordedAt: string;
}

export class InvestmentRevisionResponse {
  @ApiProperty({ description: '1 for the first entry; each amendment adds one' }) revision: number;
  @ApiProperty() amountYuan: number;
  @ApiProperty({ ...nullableText, description: 'the amendment’s reason' }) reason: string | null;
  @ApiProperty({ ...nullableText, format: 'uuid' }) recordedBy: string | null;
  @ApiProperty(nullableText) recordedByName: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class InvestmentMonthResponse implements InvestmentMonth {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty({ description: 'the latest revision’s amount, whole yuan' }) amountYuan: number;
  @ApiProperty({ type: [InvestmentRevisionResponse], description: 'oldest first' })
  revisions: InvestmentRevisionResponse[];
}

export class LinkedProblemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'JQ-2025-0042' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ ...nullableText, format: 'uuid' }) departmentId: string | null;
  @ApiProperty(nullableText) departmentName: string | null;
  @ApiProperty({ ...nullableText, format: 'date-time' }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
}

export class ProjectDetailResponse extends ProjectItemResponse implements ProjectDetail {
  @ApiProperty({ type: [StageEventResponse], description: 'in the order they took effect' })
  stageHistory: StageEventResponse[];

  @ApiProperty({ type: [InvestmentMonthResponse] })
  investments: InvestmentMonthResponse[];

  @ApiProperty({
    type: [LinkedProblemResponse],
    description: 'the problems that name this project, as you may see them',
  })
  problems: LinkedProblemResponse[];

  @ApiProperty({ description: 'may change the descriptive fields (managers, admins)' }) canEdit: boolean;
  @ApiProperty({ description: 'may record stages and monthly investment' }) canRecordProgress: boolean;
}
