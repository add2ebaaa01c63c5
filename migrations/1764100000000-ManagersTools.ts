import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working-day deadlines (a calendar of holidays and make-up working days, per-category time
 * limits), the columns the resolution list shows without recomputing from events, early
 * warnings, and system-written events (no actor).
 */
export class ManagersTools1764100000000 implements MigrationInterface {
  name = 'ManagersTools1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE categories ADD COLUMN default_due_working_days integer NOT NULL DEFAULT 15
        CHECK (default_due_working_days BETWEEN 1 AND 365);
      UPDATE categories SET default_due_working_days = CASE code
        WHEN 'factor_supply' THEN 20 WHEN 'financing' THEN 15 WHEN 'labour' THEN 10
        WHEN 'approvals' THEN 15 WHEN 'policy_delivery' THEN 10 WHEN 'markets' THEN 20
        WHEN 'infrastructure' THEN 30 ELSE 15 END;

      -- Only the exceptions to "Monday to Friday": public holidays that fall on weekdays
      -- (working = false) and the weekend days moved into work (调休, working = true).
      CREATE TABLE calendar_days (
        day      date PRIMARY KEY,
        working  boolean NOT NULL,
        name     text NOT NULL
      );

      -- Is this calendar day a working day?
      CREATE FUNCTION is_working_day(d date) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT COALESCE((SELECT working FROM calendar_days WHERE day = d), extract(isodow FROM d) < 6)
      $$;

      -- Working days after the day of a and up to and including the day of b (0 when b <= a), in zone tz.
      CREATE FUNCTION working_days_between(a timestamptz, b timestamptz, tz text) RETURNS integer
      LANGUAGE sql STABLE AS $$
        SELECT count(*)::integer
        FROM generate_series((a AT TIME ZONE tz)::date + 1, (b AT TIME ZONE tz)::date, interval '1 day') AS g(d)
        WHERE is_working_day(g.d::date)
      $$;

      ALTER TABLE problems
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN last_event_type text NOT NULL DEFAULT 'created';
      UPDATE problems p SET
        resolved_at = CASE WHEN p.status IN ('resolved', 'closed') THEN (
          SELECT max(ev.at) FROM problem_events ev WHERE ev.problem_id = p.id AND ev.type = 'resolve') END,
        last_event_type = (
          SELECT ev.type FROM problem_events ev WHERE ev.problem_id = p.id ORDER BY ev.at DESC, ev.id DESC LIMIT 1);
      CREATE INDEX problems_open_due_idx ON problems (due_at)
        WHERE status NOT IN ('resolved', 'closed', 'withdrawn');

      -- Events the service writes by itself (early warnings) have no actor.
      ALTER TABLE problem_events ALTER COLUMN actor_id DROP NOT NULL;
      CREATE INDEX problem_events_type_at_idx ON problem_events (type, at) INCLUDE (problem_id);

      CREATE TABLE warnings (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        level          text NOT NULL CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited')),
        problem_id     uuid REFERENCES problems (id),
        enterprise_id  uuid REFERENCES enterprises (id),
        department_id  uuid REFERENCES departments (id),
        -- What makes this warning the same one on the next run (e.g. the problem and its due date).
        dedupe_key     text NOT NULL UNIQUE,
        detected_at    timestamptz NOT NULL DEFAULT now(),
        details        jsonb NOT NULL DEFAULT '{}',
        CHECK ((problem_id IS NULL) <> (enterprise_id IS NULL))
      );
      CREATE INDEX warnings_problem_idx ON warnings (problem_id);
      CREATE INDEX warnings_department_idx ON warnings (department_id, detected_at DESC);
    `);
    await q.query(
      `INSERT INTO calendar_days (day, working, name) VALUES ${CALENDAR.map(
        ([day, working, name]) => `('${day}', ${working}, '${name}')`,
      ).join(',\n')}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE warnings;
      DROP INDEX problem_events_type_at_idx;
      ALTER TABLE problem_events ALTER COLUMN actor_id SET NOT NULL;
      DROP INDEX problems_open_due_idx;
      ALTER TABLE problems DROP COLUMN resolved_at, DROP COLUMN last_event_type;
      DROP FUNCTION working_days_between(timestamptz, timestamptz, text);
      DROP FUNCTION is_working_day(date);
      DROP TABLE calendar_days;
      ALTER TABLE categories DROP COLUMN default_due_working_days;
    `);
  }
}

function range(from: string, to: string, name: string): [string, boolean, string][] {
  const days: [string, boolean, string][] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push([d.toISOString().slice(0, 10), false, name]);
  }
  return days;
}

const workday = (day: string, name: string): [string, boolean, string] => [day, true, `${name}调休上班`];

/** The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知), 2024 to 2026. */
const CALENDAR: [string, boolean, string][] = [
  ...range('2024-01-01', '2024-01-01', '元旦'),
  ...range('2024-02-10', '2024-02-17', '春节'),
  workday('2024-02-04', '春节'),
  workday('2024-02-18', '春节'),
  ...range('2024-04-04', '2024-04-06', '清明节'),
  workday('2024-04-07', '清明节'),
  ...range('2024-05-01', '2024-05-05', '劳动节'),
  workday('2024-04-28', '劳动节'),
  workday('2024-05-11', '劳动节'),
  ...range('2024-06-10', '2024-06-10', '端午节'),
  ...range('2024-09-15', '2024-09-17', '中秋节'),
  workday('2024-09-14', '中秋节'),
  ...range('2024-10-01', '2024-10-07', '国庆节'),
  workday('2024-09-29', '国庆节'),
  workday('2024-10-12', '国庆节'),
  ...range('2025-01-01', '2025-01-01', '元旦'),
  ...range('2025-01-28', '2025-02-04', '春节'),
  workday('2025-01-26', '春节'),
  workday('2025-02-08', '春节'),
  ...range('2025-04-04', '2025-04-06', '清明节'),
  ...range('2025-05-01', '2025-05-05', '劳动节'),
  workday('2025-04-27', '劳动节'),
  ...range('2025-05-31', '2025-06-02', '端午节'),
  ...range('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  workday('2025-09-28', '国庆节'),
  workday('2025-10-11', '国庆节'),
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-14', '春节'),
  workday('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-09-20', '国庆节'),
  workday('2026-10-10', '国庆节'),
];
