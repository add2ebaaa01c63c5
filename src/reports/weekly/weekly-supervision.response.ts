import { ApiProperty } from '@nestjs/swagger';
import { BouncedProblem } from '../bounced/bounced.response';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../../workflow/supervision-levels';

export class WeeklySupervisionOpened {
  @ApiProperty({ type: 'integer', description: '催办' })
  reminder: number;

  @ApiProperty({ type: 'integer', description: '督办' })
  supervision: number;

  @ApiProperty({ type: 'integer', description: '挂牌督办' })
  listed: number;
}

export class WeeklyOverdueSupervision {
  @ApiProperty({ format: 'uuid' })
  problemId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the department holding the problem at the end of the week',
  })
  departmentName: string | null;

  @ApiProperty({ enum: SUPERVISION_LEVELS, enumName: 'SupervisionLevel' })
  level: SupervisionLevel;

  @ApiProperty({ type: String, nullable: true })
  leaderName: string | null;

  @ApiProperty({ format: 'date-time' })
  answerBy: string;

  @ApiProperty({ type: 'integer', description: 'working days past the answer-by date at the end of the week' })
  workingDaysOverdue: number;
}

/** Supervision (督办) in the week: opened by level, active at its end, overdue unanswered, bounced problems. */
export class WeeklySupervisionSection {
  @ApiProperty({ type: WeeklySupervisionOpened, description: 'supervisions opened in the week, by level' })
  openedThisWeek: WeeklySupervisionOpened;

  @ApiProperty({ type: 'integer', description: 'supervisions active at the end of the week' })
  activeAtEnd: number;

  @ApiProperty({
    type: 'integer',
    description: 'supervisions overdue and unanswered at the end of the week (all of them)',
  })
  overdueTotal: number;

  @ApiProperty({ type: [WeeklyOverdueSupervision], description: 'the most working days late first; at most 200' })
  overdue: WeeklyOverdueSupervision[];

  @ApiProperty({
    type: [BouncedProblem],
    description: 'problems bounced (推诿) at the end of the week that were returned or assigned during it; at most 200',
  })
  bounced: BouncedProblem[];
}
