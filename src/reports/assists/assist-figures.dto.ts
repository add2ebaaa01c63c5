import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ResolutionRateQuery } from '../report.dto';

/** The period and instant of the other figures; the parts are always counted per department. */
export class AssistFiguresQuery extends ResolutionRateQuery {
  @ApiPropertyOptional({ enum: ['department'], description: 'the only grouping: per assisting department' })
  @IsOptional()
  @IsIn(['department'], { message: 'groupBy must be department' })
  declare groupBy?: 'department';
}
