import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines that hold (issue 15):
 * - `categories.sign_for_working_days`: the sign-for time limit (签收时限) of an assignment, in
 *   working days (default 1);
 * - `problems.sign_for_due_at`: the sign-for deadline of the assignment in force; `signed_for_at`:
 *   when the department holding the problem signed for it (accepted); `first_due_at`: the deadline
 *   the department was first given in this round (due_at moves only with an approved extension).
 * - the warning level `sign_for_overdue`.
 *
 * Existing problems keep their deadline as their first one, and are signed for when their latest
 * assignment was accepted; they have no sign-for deadline (none was given), so no figure changes.
 */
export class Deadlines1764900000000 implements MigrationInterface {
  name = 'Deadlines1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE categories ADD COLUMN sign_for_working_days integer NOT NULL DEFAULT 1
        CHECK (sign_for_working_days BETWEEN 1 AND 30);
      ALTER TABLE problems ADD COLUMN sign_for_due_at timestamptz,
                           ADD COLUMN signed_for_at timestamptz,
                           ADD COLUMN first_due_at timestamptz;
      UPDATE problems p SET first_due_at = p.due_at,
        signed_for_at = (
          SELECT min(s.at) FROM problem_events s
          WHERE s.problem_id = p.id AND s.type = 'accept' AND s.department_id = p.department_id
            AND s.at > (SELECT max(a.at) FROM problem_events a WHERE a.problem_id = p.id AND a.type = 'assign'))
      WHERE p.department_id IS NOT NULL;
      CREATE INDEX problems_sign_for_idx ON problems (sign_for_due_at)
        WHERE status = 'assigned' AND signed_for_at IS NULL;
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned', 'project_not_started',
                         'idle_not_visited', 'sign_for_overdue'));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM warnings WHERE level = 'sign_for_overdue';
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned', 'project_not_started',
                         'idle_not_visited'));
      DROP INDEX problems_sign_for_idx;
      ALTER TABLE problems DROP COLUMN first_due_at, DROP COLUMN signed_for_at, DROP COLUMN sign_for_due_at;
      ALTER TABLE categories DROP COLUMN sign_for_working_days;
    `);
  }
}
