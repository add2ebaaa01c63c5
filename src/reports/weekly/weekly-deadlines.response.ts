import { ApiProperty } from '@nestjs/swagger';
import { OnTimeRate, OnTimeWithExtensionRate, SignForRate } from '../report.response';

export class WeeklyDeadlineFigures {
  @ApiProperty({ example: '2025-Q2' })
  label: string;

  @ApiProperty({ type: OnTimeRate })
  onTime: OnTimeRate;

  @ApiProperty({ type: OnTimeWithExtensionRate })
  onTimeWithExtension: OnTimeWithExtensionRate;

  @ApiProperty({ type: SignForRate })
  signFor: SignForRate;

  @ApiProperty({ type: 'integer', description: 'redos (返工) in the quarter so far' })
  redos: number;
}

export class WeeklyExtensionItem {
  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty({ example: 'JQ-2025-0042' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '市工信局' })
  departmentName: string;

  @ApiProperty({ format: 'date-time' })
  previousDueAt: string;

  @ApiProperty({ format: 'date-time' })
  requestedDueAt: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ enum: ['pending', 'approved', 'refused'] })
  decision: 'pending' | 'approved' | 'refused';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;
}

export class WeeklyLateSignForItem {
  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  departmentName: string;

  @ApiProperty({ format: 'date-time' })
  signForDueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: not signed for yet' })
  signedForAt: string | null;

  @ApiProperty({ type: 'integer', description: 'whole hours from the deadline to the sign-for, or to the instant' })
  hoursLate: number;
}

export class WeeklyDeadlinesSection {
  @ApiProperty({ type: WeeklyDeadlineFigures, description: 'the quarter holding the week, as of the instant' })
  quarterToDate: WeeklyDeadlineFigures;

  @ApiProperty({ type: [WeeklyExtensionItem], description: 'extension requests made or decided in the week' })
  extensions: WeeklyExtensionItem[];

  @ApiProperty({ type: [WeeklyLateSignForItem], description: 'sign-for deadlines in the week missed' })
  lateSignFor: WeeklyLateSignForItem[];
}
