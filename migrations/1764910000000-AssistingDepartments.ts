import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead and assisting departments (主办/协办). An assignment names one lead (problems.department_id)
 * and any assisting departments; each assisting department has a part (协办任务) here: open until
 * it marks the part done, or cancelled when a later assignment no longer names it, the problem is
 * returned or withdrawn, or it is closed. `current` is false once a later assignment or a return
 * has replaced the assignment the part belonged to: such a part no longer lets its department see
 * the problem. `position` keeps the order the assignment named the departments in. The events
 * (assign data.assistingDepartmentIds, assistsOpened, assistsCancelled; assist_progress,
 * assist_done) stay the record every figure is taken from; this table is the present state that
 * the access rule reads.
 */
export class AssistingDepartments1764910000000 implements MigrationInterface {
  name = 'AssistingDepartments1764910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem_assists (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        problem_id       uuid NOT NULL REFERENCES problems (id),
        department_id    uuid NOT NULL REFERENCES departments (id),
        assign_event_id  bigint NOT NULL REFERENCES problem_events (id),
        status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        current          boolean NOT NULL DEFAULT true,
        position         integer NOT NULL DEFAULT 1,
        done_at          timestamptz,
        done_note        text,
        done_by          uuid REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((status = 'done') = (done_at IS NOT NULL)),
        CHECK (status <> 'open' OR current)
      );
      CREATE UNIQUE INDEX problem_assists_one_open ON problem_assists (problem_id, department_id) WHERE status = 'open';
      CREATE INDEX problem_assists_problem_idx ON problem_assists (problem_id);
      CREATE INDEX problem_assists_department_idx ON problem_assists (department_id, problem_id)
        WHERE current AND status <> 'cancelled';
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE problem_assists`);
  }
}
