import { ApiProperty } from '@nestjs/swagger';
import { PeriodInfo } from '../report.response';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../read-from.response';

/** One department on a bounced problem's route, in the order it was assigned. */
export class BouncedRouteStep {
  @ApiProperty({ format: 'uuid' })
  departmentId: string;

  @ApiProperty({ example: '市工信局' })
  departmentName: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt: string;

  @ApiProperty({
    enum: ['returned', 'reassigned'],
    nullable: true,
    description:
      'how it left the department: returned (退单), reassigned elsewhere, or null (holds it still, or resolved it)',
  })
  left: 'returned' | 'reassigned' | null;

  @ApiProperty({ type: String, nullable: true, description: 'the return reason' })
  reason: string | null;
}

export class BouncedProblem {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'the status now' })
  status: string;

  @ApiProperty()
  enterpriseName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the department holding it now' })
  departmentId: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentName: string | null;

  @ApiProperty({ description: 'times it left a department (returned, or reassigned away) as of asOf' })
  departures: number;

  @ApiProperty({ description: 'distinct departments assigned it as of asOf' })
  departments: number;

  @ApiProperty({ type: [BouncedRouteStep] })
  route: BouncedRouteStep[];
}

export class BouncedReport {
  @ApiProperty({ type: PeriodInfo })
  period: PeriodInfo;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;

  @ApiProperty({ type: [BouncedProblem] })
  items: BouncedProblem[];
}
