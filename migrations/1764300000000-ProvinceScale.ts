import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for a province's volume (a million problems, several million events), chosen from the
 * benchmark's EXPLAIN output (bench/out/explain-*.txt):
 * - the period scan of the resolution rate reads only the problems index (an index-only scan):
 *   the columns a problem's state as of T needs ride along in it;
 * - the list's other sort orders (due date, last activity), alone or within a department (a
 *   handler's queue) or one status (problems not yet assigned have no due date and would all
 *   come last), and the "recorded by" filter walk an index in order instead of sorting every
 *   matching row;
 * - working_days_between counts Mondays to Fridays by arithmetic and then the calendar's
 *   exceptions in the range, instead of testing every day: a problem overdue for years cost a
 *   probe per day of it on every list page that showed it. Same answers (see working-days tests).
 */
export class ProvinceScale1764300000000 implements MigrationInterface {
  name = 'ProvinceScale1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX problems_reported_idx;
      CREATE INDEX problems_reported_idx ON problems (reported_at DESC, id DESC)
        INCLUDE (updated_at, status, department_id, category_code, enterprise_id);
      CREATE INDEX problems_due_sort_idx ON problems ((COALESCE(due_at, 'infinity'::timestamptz)), id);
      CREATE INDEX problems_activity_idx ON problems (updated_at DESC, id DESC);
      CREATE INDEX problems_created_by_idx ON problems (created_by, reported_at DESC, id DESC);
      CREATE INDEX problems_status_due_idx ON problems (status, (COALESCE(due_at, 'infinity'::timestamptz)), id);
      CREATE INDEX problems_department_due_idx ON problems (department_id, (COALESCE(due_at, 'infinity'::timestamptz)), id);
      CREATE INDEX problems_department_activity_idx ON problems (department_id, updated_at DESC, id DESC);

      -- Working days from first_day to last_day, both included.
      CREATE FUNCTION working_days_in(first_day date, last_day date) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN last_day < first_day THEN 0 ELSE (
          -- Mondays to Fridays: five per whole week, then the days left over one by one (at most six).
          (last_day - first_day + 1) / 7 * 5
          + (SELECT count(*) FROM generate_series(0, (last_day - first_day + 1) % 7 - 1) AS i
             WHERE (extract(isodow FROM first_day)::int - 1 + i) % 7 < 5)
          -- Holidays that fall on a weekday, and weekend days moved into work (调休).
          - (SELECT count(*) FROM calendar_days c
             WHERE c.day BETWEEN first_day AND last_day AND NOT c.working AND extract(isodow FROM c.day) < 6)
          + (SELECT count(*) FROM calendar_days c
             WHERE c.day BETWEEN first_day AND last_day AND c.working AND extract(isodow FROM c.day) >= 6)
        )::integer END
      $$;
      CREATE OR REPLACE FUNCTION working_days_between(a timestamptz, b timestamptz, tz text) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT working_days_in(((a - interval '1 microsecond') AT TIME ZONE tz)::date + 1,
                               ((b - interval '1 microsecond') AT TIME ZONE tz)::date)
      $$;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION working_days_between(a timestamptz, b timestamptz, tz text) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::integer
        FROM generate_series(((a - interval '1 microsecond') AT TIME ZONE tz)::date + 1,
                             ((b - interval '1 microsecond') AT TIME ZONE tz)::date, interval '1 day') AS g(d)
        WHERE is_working_day(g.d::date)
      $$;
      DROP FUNCTION working_days_in(date, date);
      DROP INDEX problems_status_due_idx;
      DROP INDEX problems_department_activity_idx;
      DROP INDEX problems_department_due_idx;
      DROP INDEX problems_created_by_idx;
      DROP INDEX problems_activity_idx;
      DROP INDEX problems_due_sort_idx;
      DROP INDEX problems_reported_idx;
      CREATE INDEX problems_reported_idx ON problems (reported_at DESC, id DESC);
    `);
  }
}
