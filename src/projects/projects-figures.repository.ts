import { Injectable } from '@nestjs/common';
import { rows } from '../common/sql';
import type { ProjectGroupBy } from './project.dto';
import { type ProjectFigureRow, projectFiguresSql } from './projects-figures.sql';
import { ReportReader } from '../database/report-reader';

export interface FigureWindow {
  planYear: number;
  to: Date;
  asOf: Date;
  /** First month in the period and the first after it (YYYY-MM-01), and the same a year earlier. */
  months: [string, string];
  previousMonths: [string, string];
}

@Injectable()
export class ProjectFiguresRepository {
  constructor(private readonly reader: ReportReader) {}

  figures(groupBy: ProjectGroupBy | 'total', w: FigureWindow): Promise<ProjectFigureRow[]> {
    return rows<ProjectFigureRow>(this.reader.db, projectFiguresSql(groupBy), [
      w.planYear,
      w.to,
      w.asOf,
      ...w.months,
      ...w.previousMonths,
    ]);
  }
}
