import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type {
  CalendarCoverageResponse,
  CalendarDayResponse,
  CalendarYearResponse,
  CategoryResponse,
  UpdateCategoryDto,
  WorkingDaysPreviewResponse,
} from './calendar.dto';
import { CalendarRepository, type CalendarDayRow, type CategoryRow } from './calendar.repository';
import type { Queryable } from '../common/sql';
import { addDays, calendarDay, dueAfterWorkingDays, isCalendarDate } from './working-days';

/** The working-day calendar (holidays and 调休 make-up days) and the deadlines computed from it. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The exceptions to Monday–Friday from `from` to `to`, both included: date → working? */
  async exceptionsBetween(from: string, to: string, db?: Queryable): Promise<Map<string, boolean>> {
    if (!isCalendarDate(from)) throw DomainError.invalidField('from', 'must be a date YYYY-MM-DD');
    if (!isCalendarDate(to)) throw DomainError.invalidField('to', 'must be a date YYYY-MM-DD');
    const rows = await this.calendar.daysBetween(from, to, db);
    return new Map(rows.map((row) => [row.date, row.working]));
  }

  /**
   * The deadline of `days` working days from `start`, in the report time zone. The exceptions are
   * loaded for a window that comfortably holds the time limit; should an unusual calendar push the
   * deadline past it, the window is widened and the deadline computed again. Inside a transaction,
   * pass its manager as `db`: a second connection taken while the transaction holds one can run
   * the pool dry under parallel writes.
   */
  async dueAfterWorkingDays(start: Date, days: number, db?: Queryable): Promise<Date> {
    const zone = this.config.reportTimezone;
    const first = addDays(calendarDay(start, zone), 1);
    for (let span = days * 2 + 60; ; span *= 2) {
      const to = addDays(first, span);
      const dueAt = dueAfterWorkingDays(start, days, zone, await this.exceptionsBetween(first, to, db));
      const lastWorkingDay = addDays(calendarDay(dueAt, zone), -1);
      if (lastWorkingDay <= to) return dueAt;
    }
  }

  /** What a client shows before assigning: the deadline of `days` working days from `from`. */
  async preview(from: string, days: number): Promise<WorkingDaysPreviewResponse> {
    const zone = this.config.reportTimezone;
    const start = new Date(from);
    const dueAt = await this.dueAfterWorkingDays(start, days);
    const lastWorkingDay = addDays(calendarDay(dueAt, zone), -1);
    const covered = new Set(await this.calendar.yearsWithHolidays());
    const uncoveredYears: number[] = [];
    for (let y = Number(calendarDay(start, zone).slice(0, 4)); y <= Number(lastWorkingDay.slice(0, 4)); y++) {
      if (!covered.has(y)) uncoveredYears.push(y);
    }
    return {
      from: start.toISOString(),
      days,
      dueAt: dueAt.toISOString(),
      lastWorkingDay,
      timezone: zone,
      uncoveredYears,
    };
  }

  /**
   * Which years have a calendar: a year without a single public holiday entered has not been
   * entered at all (every year has some), and there every weekday counts as a working day.
   */
  async coverage(): Promise<CalendarCoverageResponse> {
    const years = await this.calendar.yearsWithHolidays();
    const currentYear = Number(calendarDay(new Date(), this.config.reportTimezone).slice(0, 4));
    let coveredThrough: number | null = null;
    if (years.includes(currentYear)) {
      coveredThrough = currentYear;
      while (years.includes(coveredThrough + 1)) coveredThrough += 1;
    }
    return { years, coveredThrough, currentYear };
  }

  /** The exceptions of one year (default: the current year in the report time zone), by date. */
  async list(year?: number): Promise<CalendarYearResponse> {
    const y = year ?? Number(calendarDay(new Date(), this.config.reportTimezone).slice(0, 4));
    const days = await this.calendar.daysOfYear(y);
    return { year: y, days: days.map(toCalendarDayResponse) };
  }

  /** Records (or changes) the exception of one date. */
  async setDay(date: string, working: boolean, name: string): Promise<CalendarDayResponse> {
    return toCalendarDayResponse(await this.calendar.upsertDay({ date, working, name }));
  }

  /** Removes the exception of one date: it becomes an ordinary weekday or weekend day again. */
  async removeDay(date: string): Promise<void> {
    if (!(await this.calendar.deleteDay(date))) throw DomainError.notFound(`calendar exception on ${date}`);
  }

  /** Renames a category or changes its default time limit. */
  async updateCategory(code: string, change: UpdateCategoryDto): Promise<CategoryResponse> {
    const category = await this.calendar.updateCategory(
      code,
      change.name ?? null,
      change.defaultDueWorkingDays ?? null,
      change.signForWorkingDays ?? null,
    );
    if (!category) throw DomainError.notFound(`category ${code}`);
    return toCategoryResponse(category);
  }
}

function toCalendarDayResponse(row: CalendarDayRow): CalendarDayResponse {
  return { date: row.date, working: row.working, name: row.name };
}

function toCategoryResponse(row: CategoryRow): CategoryResponse {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    defaultDueWorkingDays: row.defaultDueWorkingDays,
    signForWorkingDays: row.signForWorkingDays,
  };
}
