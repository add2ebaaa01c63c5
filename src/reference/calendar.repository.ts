import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { affected, one, type Queryable, rows } from '../common/sql';
import type { CalendarException } from './holiday-calendar';

/** A row of `calendar_days`: one exception to Monday–Friday. */
export interface CalendarDayRow {
  /** 'YYYY-MM-DD' */
  date: string;
  working: boolean;
  name: string;
}

/** A row of `categories` with its default time limit. */
export interface CategoryRow {
  code: string;
  name: string;
  nameEn: string | null;
  defaultDueWorkingDays: number;
  signForWorkingDays: number;
}

const DAY_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS date, working, name`;
const CATEGORY_COLUMNS = `code, name, name_en AS "nameEn", default_due_working_days AS "defaultDueWorkingDays",
  sign_for_working_days AS "signForWorkingDays"`;

/** Every statement of the working-day calendar and the categories' time limits. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The exceptions from `from` to `to`, both included; on `db`, the caller's transaction if it has one. */
  daysBetween(from: string, to: string, db: Queryable = this.db): Promise<CalendarDayRow[]> {
    return rows(db, `SELECT ${DAY_COLUMNS} FROM calendar_days WHERE day BETWEEN $1 AND $2`, [from, to]);
  }

  /** The exceptions of one year, by date. */
  daysOfYear(year: number): Promise<CalendarDayRow[]> {
    return rows(
      this.db,
      `SELECT ${DAY_COLUMNS} FROM calendar_days
       WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [year],
    );
  }

  /** The years with at least one public holiday entered: those whose calendar is known. */
  async yearsWithHolidays(): Promise<number[]> {
    const found = await rows<{ year: number }>(
      this.db,
      `SELECT DISTINCT extract(year FROM day)::int AS year FROM calendar_days WHERE NOT working ORDER BY year`,
    );
    return found.map((row) => row.year);
  }

  /** Records (or changes) the exception of one date. */
  upsertDay(day: CalendarDayRow): Promise<CalendarDayRow> {
    return one<CalendarDayRow>(
      this.db,
      `INSERT INTO calendar_days (day, working, name) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name
       RETURNING ${DAY_COLUMNS}`,
      [day.date, day.working, day.name],
    );
  }

  /** Removes the exception of one date; false when there was none. */
  async deleteDay(date: string): Promise<boolean> {
    return (await affected(this.db, `DELETE FROM calendar_days WHERE day = $1`, [date])) > 0;
  }

  /** Changes a category's name and/or default time limit (null keeps it); undefined when there is no such category. */
  async updateCategory(
    code: string,
    name: string | null,
    defaultDueWorkingDays: number | null,
    signForWorkingDays: number | null = null,
  ): Promise<CategoryRow | undefined> {
    const [row] = await rows<CategoryRow>(
      this.db,
      `UPDATE categories SET name = COALESCE($2, name), default_due_working_days = COALESCE($3, default_due_working_days),
              sign_for_working_days = COALESCE($4, sign_for_working_days)
       WHERE code = $1 RETURNING ${CATEGORY_COLUMNS}`,
      [code, name, defaultDueWorkingDays, signForWorkingDays],
    );
    return row;
  }
}

/**
 * Adds the given exceptions to `calendar_days` for the dates that have none: a row already there
 * (an earlier seed, or a day an administrator set) is kept, so overrides win. Returns how many
 * rows were added. Used by migrations, hence a function over any queryable rather than a method.
 */
export async function insertMissingDays(db: Queryable, days: readonly CalendarException[]): Promise<number> {
  if (days.length === 0) return 0;
  const inserted = await rows<{ date: string }>(
    db,
    `INSERT INTO calendar_days (day, working, name)
     SELECT * FROM unnest($1::date[], $2::boolean[], $3::text[])
     ON CONFLICT (day) DO NOTHING
     RETURNING to_char(day, 'YYYY-MM-DD') AS date`,
    [days.map((d) => d.date), days.map((d) => d.working), days.map((d) => d.name)],
  );
  return inserted.length;
}
