import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type {
  CalendarDayResponse,
  CalendarYearResponse,
  CategoryResponse,
  UpdateCategoryDto,
  WorkingDaysPreviewResponse,
} from './calendar.dto';
import { addDays, calendarDay, dueAfterWorkingDays, isCalendarDate } from './working-days';

const DAY_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS date, working, name`;
const CATEGORY_COLUMNS = `code, name, name_en AS "nameEn", default_due_working_days AS "defaultDueWorkingDays"`;

/** The working-day calendar (holidays and 调休 make-up days) and the deadlines computed from it. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The exceptions to Monday–Friday from `from` to `to`, both included: date → working? */
  async exceptionsBetween(from: string, to: string): Promise<Map<string, boolean>> {
    if (!isCalendarDate(from)) throw DomainError.invalidField('from', 'must be a date YYYY-MM-DD');
    if (!isCalendarDate(to)) throw DomainError.invalidField('to', 'must be a date YYYY-MM-DD');
    const rows: { date: string; working: boolean }[] = await this.db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, working FROM calendar_days WHERE day BETWEEN $1 AND $2`,
      [from, to],
    );
    return new Map(rows.map((row) => [row.date, row.working]));
  }

  /**
   * The deadline of `days` working days from `start`, in the report time zone. The exceptions are
   * loaded for a window that comfortably holds the time limit; should an unusual calendar push the
   * deadline past it, the window is widened and the deadline computed again.
   */
  async dueAfterWorkingDays(start: Date, days: number): Promise<Date> {
    const zone = this.config.reportTimezone;
    const first = addDays(calendarDay(start, zone), 1);
    for (let span = days * 2 + 60; ; span *= 2) {
      const to = addDays(first, span);
      const dueAt = dueAfterWorkingDays(start, days, zone, await this.exceptionsBetween(first, to));
      const lastWorkingDay = addDays(calendarDay(dueAt, zone), -1);
      if (lastWorkingDay <= to) return dueAt;
    }
  }

  /** What a client shows before assigning: the deadline of `days` working days from `from`. */
  async preview(from: string, days: number): Promise<WorkingDaysPreviewResponse> {
    const zone = this.config.reportTimezone;
    const start = new Date(from);
    const dueAt = await this.dueAfterWorkingDays(start, days);
    return {
      from: start.toISOString(),
      days,
      dueAt: dueAt.toISOString(),
      lastWorkingDay: addDays(calendarDay(dueAt, zone), -1),
      timezone: zone,
    };
  }

  /** The exceptions of one year (default: the current year in the report time zone), by date. */
  async list(year?: number): Promise<CalendarYearResponse> {
    const y = year ?? Number(calendarDay(new Date(), this.config.reportTimezone).slice(0, 4));
    const days: CalendarDayResponse[] = await this.db.query(
      `SELECT ${DAY_COLUMNS} FROM calendar_days
       WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [y],
    );
    return { year: y, days };
  }

  /** Records (or changes) the exception of one date. */
  async setDay(date: string, working: boolean, name: string): Promise<CalendarDayResponse> {
    const [day] = await this.db.query(
      `INSERT INTO calendar_days (day, working, name) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name
       RETURNING ${DAY_COLUMNS}`,
      [date, working, name],
    );
    return day;
  }

  /** Removes the exception of one date: it becomes an ordinary weekday or weekend day again. */
  async removeDay(date: string): Promise<void> {
    // A DELETE answers [rows, rowCount].
    const [, deleted] = await this.db.query(`DELETE FROM calendar_days WHERE day = $1`, [date]);
    if (deleted === 0) throw DomainError.notFound(`calendar exception on ${date}`);
  }

  /** Renames a category or changes its default time limit. */
  async updateCategory(code: string, change: UpdateCategoryDto): Promise<CategoryResponse> {
    // An UPDATE answers [rows, rowCount].
    const [[category]] = await this.db.query(
      `UPDATE categories SET name = COALESCE($2, name), default_due_working_days = COALESCE($3, default_due_working_days)
       WHERE code = $1 RETURNING ${CATEGORY_COLUMNS}`,
      [code, change.name ?? null, change.defaultDueWorkingDays ?? null],
    );
    if (!category) throw DomainError.notFound(`category ${code}`);
    return category;
  }
}
