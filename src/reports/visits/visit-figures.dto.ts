import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ResolutionRateQuery } from '../report.dto';
import { VISIT_GROUP_BYS, type VisitGroupBy } from './visit-figures.sql';

/** The period and asOf of the resolution rate; grouped by district, official or tier. */
export class VisitsQuery extends OmitType(ResolutionRateQuery, ['groupBy'] as const) {
  @ApiPropertyOptional({ enum: VISIT_GROUP_BYS, enumName: 'VisitGroupBy' })
  @IsOptional()
  @IsIn(VISIT_GROUP_BYS, { message: `groupBy must be one of ${VISIT_GROUP_BYS.join(', ')}` })
  groupBy?: VisitGroupBy;
}
