import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rows } from '../common/sql';
import type { ProjectGroupBy } from './project.dto';
import { type ProjectFigureRow, projectFiguresSql } from './projects-figures.sql';

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  figures(groupBy: ProjectGroupBy | 'total', w: FigureWindow): Promise<ProjectFigureRow[]> {
    return rows<ProjectFigureRow>(this.db, projectFiguresSql(groupBy), [
      w.planYear,
      w.to,
      w.asOf,
      ...w.months,
      ...w.previousMonths,
    ]);
  }
}
