import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { FIGURES, type FigureName } from '../drill-down/definitions';
import { DefinitionText } from '../drill-down/drill-down.response';
import { PeriodInfo } from '../report.response';
import { RECONCILIATION_REASONS, type ReconciliationReasonCode } from './reconciliation-rules';

/** A published figure, as stored. */
export class PublishedFigure {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: FIGURES })
  figure: FigureName;

  @ApiProperty({ example: 'resolution-rate/v1', description: 'the definition it was published under' })
  definition: string;

  @ApiProperty({ type: DefinitionText, description: 'the definition’s text as published' })
  definitionText: DefinitionText;

  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time', description: 'the figure’s instant (now at publishing when asked for now)' })
  asOf: string;

  @ApiPropertyOptional({ description: 'the grouping, when the figure is one group or every group of one' })
  groupBy?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "the one group's key; null for the group without a key; absent for every group",
  })
  group?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  groupLabel?: string | null;

  @ApiProperty({ type: 'integer' })
  numerator: number;

  @ApiProperty({ type: 'integer' })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true, example: 91.3 })
  ratePercent: number | null;

  @ApiProperty({
    description: 'SHA-256 (hex) of the canonical text of the figure and its items (docs/checking-figures.md)',
  })
  checksum: string;

  @ApiProperty({ format: 'uuid', description: 'the user who published it' })
  publishedBy: string;

  @ApiProperty()
  publishedByName: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ type: 'integer' })
  itemCount: number;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class PublishedList {
  @ApiProperty({ type: [PublishedFigure] })
  items: PublishedFigure[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** One item of a published figure, as stored at publishing. */
export class PublishedItem {
  @ApiProperty()
  itemKey: string;

  @ApiProperty({ description: 'the problem (or enterprise, project) counted' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  enterpriseName: string | null;

  @ApiProperty()
  inNumerator: boolean;

  @ApiProperty({ type: String, nullable: true })
  statusAsOf: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentIdAsOf: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the department’s name when published' })
  departmentNameAsOf: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  countedAt: string | null;

  @ApiProperty()
  reasonCode: string;

  @ApiProperty()
  reason: string;
}

export class PublishedItemsPage {
  @ApiProperty({ type: PublishedFigure })
  published: PublishedFigure;

  @ApiProperty({ type: [PublishedItem] })
  items: PublishedItem[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ItemState {
  @ApiProperty()
  inNumerator: boolean;

  @ApiProperty({ type: String, nullable: true })
  statusAsOf: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentIdAsOf: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentNameAsOf: string | null;
}

export class MoveReason {
  @ApiProperty({ enum: RECONCILIATION_REASONS })
  code: ReconciliationReasonCode;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'null for a comparison' })
  at: string | null;

  @ApiProperty({ example: '2025-04-10 09:30 重新打开' })
  text: string;
}

/** An item counted differently now than when published (or only renamed). */
@ApiExtraModels(ItemState)
export class MovedItem {
  @ApiProperty()
  id: string;

  @ApiProperty()
  itemKey: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(ItemState) }],
    description: 'as published; null when it was not counted',
  })
  before: ItemState | null;

  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(ItemState) }],
    description: 'as recomputed; null when it is no longer counted',
  })
  after: ItemState | null;

  @ApiProperty({ type: [MoveReason] })
  reasons: MoveReason[];
}

export class RecomputedFigure {
  @ApiProperty({ type: 'integer' })
  numerator: number;

  @ApiProperty({ type: 'integer' })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true })
  ratePercent: number | null;

  @ApiProperty({ example: 'resolution-rate/v1', description: 'the current definition' })
  definition: string;
}

export class CountDifference {
  @ApiProperty({ type: 'integer', description: 'now minus published' })
  numerator: number;

  @ApiProperty({ type: 'integer', description: 'now minus published' })
  denominator: number;
}

export class Reconciliation {
  @ApiProperty({ type: PublishedFigure })
  published: PublishedFigure;

  @ApiProperty({ format: 'date-time', description: 'the instant the figure was recomputed at' })
  asOf: string;

  @ApiProperty({ type: RecomputedFigure })
  now: RecomputedFigure;

  @ApiProperty({ type: CountDifference })
  difference: CountDifference;

  @ApiProperty({ type: [MovedItem] })
  moved: MovedItem[];
}
