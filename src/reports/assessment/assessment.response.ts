import { ApiProperty } from '@nestjs/swagger';
import { PeriodInfo } from '../report.response';
import { COMPONENTS, type Component, SUPERVISION_LEVELS, type SupervisionLevel } from './assessment-score';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

export class AssessmentWeights {
  @ApiProperty({ type: 'integer', example: 15 }) signFor: number;
  @ApiProperty({ type: 'integer', example: 30 }) onTime: number;
  @ApiProperty({ type: 'integer', example: 10 }) returns: number;
  @ApiProperty({ type: 'integer', example: 10 }) redos: number;
  @ApiProperty({ type: 'integer', example: 25 }) satisfaction: number;
  @ApiProperty({ type: 'integer', example: 10 }) supervision: number;
}

export class AssessmentComponentScore {
  @ApiProperty({
    type: 'integer',
    description:
      'signFor: signed for in time; onTime: resolved on time; returns: returns; redos: redos; satisfaction: satisfied; supervision: answered in time',
  })
  numerator: number;

  @ApiProperty({
    type: 'integer',
    description:
      'signFor: sign-fors due; onTime: resolutions; returns: assignments received; redos: resolutions; satisfaction: verifications; supervision: supervisions opened',
  })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true, description: 'one decimal; null when the denominator is 0' })
  ratePercent: number | null;

  @ApiProperty({ description: 'points awarded, two decimals half-up' })
  points: number;

  @ApiProperty({ description: 'weight − points, two decimals half-up' })
  deducted: number;

  @ApiProperty({ description: 'the denominator is 0: full points' })
  noData: boolean;
}

export class AssessmentComponents {
  @ApiProperty({ type: AssessmentComponentScore }) signFor: AssessmentComponentScore;
  @ApiProperty({ type: AssessmentComponentScore }) onTime: AssessmentComponentScore;
  @ApiProperty({ type: AssessmentComponentScore }) returns: AssessmentComponentScore;
  @ApiProperty({ type: AssessmentComponentScore }) redos: AssessmentComponentScore;
  @ApiProperty({ type: AssessmentComponentScore }) satisfaction: AssessmentComponentScore;
  @ApiProperty({ type: AssessmentComponentScore }) supervision: AssessmentComponentScore;
}

export class AssessmentDepartment {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ example: '市工信局' }) name: string;
  @ApiProperty({ type: 'integer', description: 'competition ranking: equal scores share a rank' }) rank: number;
  @ApiProperty({ example: 92.5, description: 'the sum of the components, one decimal half-up' }) score: number;
  @ApiProperty({ type: AssessmentComponents }) components: AssessmentComponents;
}

class WeightsInForce {
  @ApiProperty({ type: AssessmentWeights, description: 'the weights in force at asOf' })
  weights: AssessmentWeights;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'since when they are in force; null for the defaults',
  })
  weightsSince: string | null;
}

/** The definition (口径) the score is computed under (GET /reports/definitions). */
export class AssessmentDefinitions {
  @ApiProperty({ example: 'assessment-score/v1', description: 'of score, its components and its deductions' })
  score: string;
}

export class AssessmentReport extends WeightsInForce {
  @ApiProperty({ type: PeriodInfo }) period: PeriodInfo;
  @ApiProperty({ format: 'date-time' }) asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;
  @ApiProperty({ type: AssessmentDefinitions, description: 'the definition of each figure given, by figure' })
  definitions: AssessmentDefinitions;

  @ApiProperty({
    type: [AssessmentDepartment],
    description:
      'departments with anything to score in the period, best first (ties by name); a handler sees their own only',
  })
  departments: AssessmentDepartment[];
}

export const DEDUCTION_KINDS = [
  'not_signed_for',
  'signed_for_late',
  'resolved_late',
  'returned',
  'redo',
  'not_satisfied',
  'supervised',
  'supervised_overdue',
] as const;

export class DeductionItem {
  @ApiProperty({ enum: COMPONENTS, enumName: 'AssessmentComponent' }) component: Component;
  @ApiProperty({ enum: DEDUCTION_KINDS, description: 'what happened' }) kind: (typeof DEDUCTION_KINDS)[number];
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time', description: 'when it happened (the event scored)' }) at: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the deadline it was judged by (sign-for, first deadline, redo deadline or answer-by)',
  })
  due: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the department signed for, resolved or answered (a supervision: or it was lifted)',
  })
  done: string | null;

  @ApiProperty({ enum: SUPERVISION_LEVELS, nullable: true, description: 'a supervision’s level' })
  level: SupervisionLevel | null;

  @ApiProperty({ description: 'points it cost, two decimals (the shares of a component add up to its deduction)' })
  points: number;
}

export class DeductionsReport extends WeightsInForce {
  @ApiProperty({ type: PeriodInfo }) period: PeriodInfo;
  @ApiProperty({ format: 'date-time' }) asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;
  @ApiProperty({ type: AssessmentDefinitions, description: 'the definition of the score the deductions explain' })
  definitions: AssessmentDefinitions;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: AssessmentComponents }) components: AssessmentComponents;
  @ApiProperty({ type: [DeductionItem], description: 'by component, then in time order' }) items: DeductionItem[];
}

export class WeightsChange {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom: string;
  @ApiProperty({ type: AssessmentWeights }) weights: AssessmentWeights;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class WeightsReport extends WeightsInForce {
  @ApiProperty({ type: AssessmentWeights, description: 'the weights when none are recorded' })
  defaults: AssessmentWeights;

  @ApiProperty({ type: [WeightsChange], description: 'every change, newest first' })
  history: WeightsChange[];
}
