import { ApiProperty } from '@nestjs/swagger';
import { PeriodInfo } from '../report.response';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

const PERCENT = {
  type: Number,
  nullable: true,
  example: 87.5,
  description: 'one decimal place; null when the denominator is 0',
} as const;

/** Assisting parts (协办) opened in the period, as of the instant. */
export class AssistCounts {
  @ApiProperty({ type: 'integer', description: 'parts given by assignments recorded in the period' })
  assigned: number;

  @ApiProperty({ type: 'integer', description: 'of those, marked done by asOf' })
  done: number;

  @ApiProperty({
    type: 'integer',
    description: 'of those, done on or before the deadline of the assignment that gave the part',
  })
  doneOnTime: number;

  @ApiProperty({ type: 'integer', description: 'still open at asOf' })
  open: number;

  @ApiProperty({
    type: 'integer',
    description: 'ended undone by asOf: a reassignment that no longer named it, a return, a withdrawal or a close',
  })
  cancelled: number;

  @ApiProperty({ ...PERCENT, description: 'done ÷ (assigned − cancelled); null when the denominator is 0' })
  doneRatePercent: number | null;

  @ApiProperty({ ...PERCENT, description: 'doneOnTime ÷ done; null when none is done' })
  onTimeRatePercent: number | null;
}

export class AssistGroup extends AssistCounts {
  @ApiProperty({ format: 'uuid', description: 'the assisting department' })
  key: string;

  @ApiProperty({ example: '市自然资源局' })
  label: string;
}

/** The definition (口径) each figure of GET /reports/assists is computed under (GET /reports/definitions). */
export class AssistDefinitions {
  @ApiProperty({ example: 'assist-on-time-rate/v1', description: 'of onTimeRatePercent, doneOnTime and done' })
  onTimeRate: string;
}

export class AssistFiguresReport extends AssistCounts {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ type: AssistDefinitions, description: 'the definition of each figure given, by figure' })
  definitions: AssistDefinitions;

  @ApiProperty({ format: 'date-time', description: 'only events before this instant count' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiProperty({ enum: ['department'], description: 'always per assisting department' })
  groupBy: 'department';

  @ApiProperty({ type: [AssistGroup], description: 'the departments with a part in the period, by code' })
  groups: AssistGroup[];
}
