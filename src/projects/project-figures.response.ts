import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PeriodInfo as PeriodResponse } from '../reports/report.response';
import { PROJECT_GROUP_BYS, type ProjectGroupBy } from './project.dto';
import type { ProjectDefinitions, ProjectFigures, ProjectFiguresReport } from './projects-figures.service';
import { READ_FROM_PROPERTY, ReadFromResponse } from '../reports/read-from.response';

export class ProjectFiguresResponse implements ProjectFigures {
  @ApiProperty({ description: 'projects of the plan year recorded by asOf (denominator)' }) planned: number;
  @ApiProperty({ description: 'of those, started construction by the period end and asOf (numerator)' })
  started: number;
  @ApiProperty({ type: Number, nullable: true, description: 'started ÷ planned, half-up to one decimal' })
  startRatePercent: number | null;
  @ApiProperty({ description: 'completed investment in the period’s months, whole yuan' }) investmentYuan: number;
  @ApiProperty({ description: 'the same months a year earlier, same as-of rule' }) previousYearInvestmentYuan: number;
  @ApiProperty({ type: Number, nullable: true, description: 'year-on-year growth; null when the previous is 0' })
  investmentGrowthPercent: number | null;
}

export class ProjectFiguresGroupResponse extends ProjectFiguresResponse {
  @ApiProperty({ type: String, nullable: true }) key: string | null;
  @ApiProperty() label: string;
}

/** The definition (口径) each figure of GET /reports/projects is computed under (GET /reports/definitions). */
export class ProjectDefinitionsResponse implements ProjectDefinitions {
  @ApiProperty({ example: 'project-start-rate/v1', description: 'of startRatePercent and its counts' })
  startRate: string;
}

export class ProjectFiguresReportResponse extends ProjectFiguresResponse implements ProjectFiguresReport {
  @ApiProperty({ type: PeriodResponse }) period: PeriodResponse;
  @ApiProperty({ format: 'date-time' }) asOf: string;

  @ApiProperty(READ_FROM_PROPERTY)
  readFrom?: ReadFromResponse;
  @ApiProperty({ type: ProjectDefinitionsResponse, description: 'the definition of each figure given, by figure' })
  definitions: ProjectDefinitionsResponse;
  @ApiProperty({ example: 2025, description: 'the year of the period’s start' }) planYear: number;
  @ApiPropertyOptional({ enum: PROJECT_GROUP_BYS }) groupBy?: ProjectGroupBy;
  @ApiPropertyOptional({ type: [ProjectFiguresGroupResponse] }) groups?: ProjectFiguresGroupResponse[];
}
