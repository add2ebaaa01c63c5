import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertMissingDays } from '../src/reference/calendar.repository';
import { holidayCalendar } from '../src/reference/holiday-calendar';

/**
 * The working-day calendar for every year the `chinese-days` package covers, not only the three
 * years ManagersTools typed in. Those years (2024–2026) are left as they are: they agree with the
 * package day for day, and an administrator may have changed or removed some of their days since.
 * In the other years a date that already has a row keeps it (an administrator's override wins).
 */
export class HolidayPackageCalendar1764520000000 implements MigrationInterface {
  name = 'HolidayPackageCalendar1764520000000';

  public async up(q: QueryRunner): Promise<void> {
    await insertMissingDays(q, packageDays());
  }

  /** Removes the rows that are exactly as the package gave them. */
  public async down(q: QueryRunner): Promise<void> {
    const days = packageDays();
    await q.query(
      `DELETE FROM calendar_days c
       USING unnest($1::date[], $2::boolean[], $3::text[]) AS p(day, working, name)
       WHERE c.day = p.day AND c.working = p.working AND c.name = p.name`,
      [days.map((d) => d.date), days.map((d) => d.working), days.map((d) => d.name)],
    );
  }
}

/** The years ManagersTools (1764100000000) seeded from the notices by hand. */
const SEEDED_BY_HAND = new Set(['2024', '2025', '2026']);

function packageDays() {
  return holidayCalendar().filter((day) => !SEEDED_BY_HAND.has(day.date.slice(0, 4)));
}
