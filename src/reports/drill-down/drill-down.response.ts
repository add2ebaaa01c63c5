import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodInfo } from '../report.response';
import { FIGURES, SCORES, type FigureName, type ScoreName } from './definitions';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

export const REASON_CODES = [
  'resolved',
  'not_resolved',
  'on_time',
  'late',
  'satisfied',
  'unsatisfied',
  'signed_in_time',
  'signed_late',
  'not_signed',
  'visited',
  'not_visited',
  'started',
  'not_started',
  'done_on_time',
  'done_late',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A definition's name and text, in Chinese and English. */
export class DefinitionText {
  @ApiProperty({ example: '办结率' })
  nameZh: string;

  @ApiProperty({ example: 'Resolution rate' })
  name: string;

  @ApiProperty()
  textZh: string;

  @ApiProperty()
  text: string;
}

export class Definition extends DefinitionText {
  @ApiProperty({ example: 'resolution-rate/v1' })
  id: string;

  @ApiProperty({ enum: [...FIGURES, ...SCORES] })
  figure: FigureName | ScoreName;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ enum: ['problem', 'assignment', 'enterprise', 'project', 'assist_part', 'deduction'] })
  item: string;

  @ApiProperty({ type: [String] })
  groupBys: string[];
}

/** One item a figure counted, as it was at the figure's instant. */
export class DrillDownItem {
  @ApiProperty({ description: 'the problem (or enterprise, project) counted' })
  id: string;

  @ApiProperty({ description: 'unique within the figure: the id, or the assignment event for the sign-for rate' })
  itemKey: string;

  @ApiProperty({
    example: 'JQ-2025-0001',
    description: "the problem's or project's code; the enterprise's credit code or name",
  })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  enterpriseId: string | null;

  @ApiProperty({ type: String, nullable: true })
  enterpriseName: string | null;

  @ApiProperty({ description: 'counted in the numerator' })
  inNumerator: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'the status as of the instant' })
  statusAsOf: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the department as of the instant' })
  departmentIdAsOf: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentNameAsOf: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'the deadline as of the instant' })
  dueAtAsOf: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'the deadline the figure judged the item by (on-time and sign-for figures)',
  })
  judgedDueAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'when what decided the item happened: the resolution, verification, sign-for, visit or start',
  })
  countedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  countedDepartmentId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the group the item counts in, with groupBy' })
  groupKey: string | null;

  @ApiProperty({ enum: REASON_CODES })
  reasonCode: ReasonCode;

  @ApiProperty({ example: '2025-03-28 由 市工信局 办结', description: 'why it counts, in Chinese' })
  reason: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the figure's own facts about the item" })
  detail: Record<string, unknown>;
}

export class DrillDownPage {
  @ApiProperty({ enum: FIGURES })
  figure: FigureName;

  @ApiProperty({ type: Definition })
  definition: Definition;

  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiPropertyOptional()
  groupBy?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  group?: string | null;

  @ApiProperty({ type: 'integer', description: "the items counted (the figure's denominator), after the filters" })
  total: number;

  @ApiProperty({ type: 'integer', description: 'of those, the items in the numerator' })
  numerator: number;

  @ApiProperty({ type: Number, nullable: true })
  ratePercent: number | null;

  @ApiProperty({ type: [DrillDownItem] })
  items: DrillDownItem[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
