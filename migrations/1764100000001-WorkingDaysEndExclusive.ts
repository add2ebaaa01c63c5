import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instants are ends of spans here: a deadline at 00:00 closes the day before it, and a report
 * taken at Monday 00:00 covers the week up to Sunday. So working_days_between takes the day of
 * the instant just before each bound: a deadline at the end of Tuesday seen at the end of the
 * week is overdue Wednesday to Sunday, not Monday too.
 */
export class WorkingDaysEndExclusive1764100000001 implements MigrationInterface {
  name = 'WorkingDaysEndExclusive1764100000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION working_days_between(a timestamptz, b timestamptz, tz text) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::integer
        FROM generate_series(((a - interval '1 microsecond') AT TIME ZONE tz)::date + 1,
                             ((b - interval '1 microsecond') AT TIME ZONE tz)::date, interval '1 day') AS g(d)
        WHERE is_working_day(g.d::date)
      $$;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION working_days_between(a timestamptz, b timestamptz, tz text) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::integer
        FROM generate_series((a AT TIME ZONE tz)::date + 1, (b AT TIME ZONE tz)::date, interval '1 day') AS g(d)
        WHERE is_working_day(g.d::date)
      $$;
    `);
  }
}
