import { ApiProperty } from '@nestjs/swagger';

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
  @ApiProperty({
    example: { label: '2025-Q1', from: '2025-01-01T00:00:00.000+08:00', to: '2025-04-01T00:00:00.000+08:00' },
  })
  period: { label: string; from: string; to: string; timezone: string };

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [BouncedProblem] })
  items: BouncedProblem[];
}
