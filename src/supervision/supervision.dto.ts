import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../workflow/supervision-levels';
import { SUPERVISION_STATUSES, type SupervisionStatus } from './supervisions.repository';

export class ListSupervisionsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: SUPERVISION_STATUSES,
    default: 'active',
    description:
      'active: not lifted; overdue: active, unanswered and past its answer-by date; lifted: lifted or superseded; all',
  })
  @IsOptional()
  @IsIn(SUPERVISION_STATUSES)
  status?: SupervisionStatus;

  @ApiPropertyOptional({ enum: SUPERVISION_LEVELS, enumName: 'SupervisionLevel' })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  level?: SupervisionLevel;
}
