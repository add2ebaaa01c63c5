import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MoveReason } from '../published/published.response';
import type {
  WeeklyDefinitions as WeeklyDefinitionsShape,
  WeeklyMovedItem as WeeklyMovedItemShape,
  WeeklyMovedState as WeeklyMovedStateShape,
  WeeklyReconciliation as WeeklyReconciliationShape,
} from './weekly-published';

export class WeeklyDefinitions implements WeeklyDefinitionsShape {
  @ApiProperty({ example: 'resolution-rate/v1' })
  resolutionRate: string;

  @ApiProperty({ example: 'visit-coverage-rate/v1' })
  visitCoverageRate: string;

  @ApiProperty({ example: 'on-time-rate/v2' })
  onTimeRate: string;

  @ApiProperty({ example: 'on-time-with-extension-rate/v1' })
  onTimeWithExtensionRate: string;

  @ApiProperty({ example: 'sign-for-rate/v1' })
  signForRate: string;

  @ApiProperty({ example: 'assessment-score/v1' })
  assessmentScore: string;
}

export class WeeklyMovedState implements WeeklyMovedStateShape {
  @ApiProperty()
  inNumerator: boolean;

  @ApiProperty({ type: String, nullable: true })
  statusAsOf: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentNameAsOf: string | null;
}

@ApiExtraModels(WeeklyMovedState)
export class WeeklyMovedItem implements WeeklyMovedItemShape {
  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(WeeklyMovedState) }],
    description: 'as published; null when not counted then',
  })
  before: WeeklyMovedState | null;

  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(WeeklyMovedState) }],
    description: 'as recomputed; null when no longer counted',
  })
  after: WeeklyMovedState | null;

  @ApiProperty({ type: [MoveReason] })
  reasons: MoveReason[];
}

class WeeklyPublishedCounts {
  @ApiProperty({ type: 'integer' })
  numerator: number;

  @ApiProperty({ type: 'integer' })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true })
  ratePercent: number | null;
}

class WeeklyRecomputedCounts extends WeeklyPublishedCounts {
  @ApiProperty({ example: 'resolution-rate/v1' })
  definition: string;
}

export class WeeklyReconciliation implements WeeklyReconciliationShape {
  @ApiProperty({ format: 'uuid' })
  publishedId: string;

  @ApiProperty({ example: 'resolution-rate' })
  figure: string;

  @ApiProperty({ example: 'resolution-rate/v1', description: 'the definition it was published under' })
  definition: string;

  @ApiProperty({ example: '办结率' })
  name: string;

  @ApiProperty({ example: '2025-Q1' })
  period: string;

  @ApiProperty({ type: String, nullable: true })
  groupLabel: string | null;

  @ApiProperty({ format: 'date-time' })
  publishedAsOf: string;

  @ApiProperty({ type: WeeklyPublishedCounts })
  published: WeeklyPublishedCounts;

  @ApiProperty({ type: WeeklyRecomputedCounts })
  now: WeeklyRecomputedCounts;

  @ApiProperty({ type: [WeeklyMovedItem], description: 'the items with a reason dated in the week' })
  moved: WeeklyMovedItem[];
}
