import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the weekly report at a province's scale.
 *
 * - The open problems by last action now carry every column of their state (status, department,
 *   deadline, entry and report instants): the state at a week's end of an open problem not
 *   changed since is read from the index alone. It replaces the index of the same key and
 *   condition that carried the department and id, which the warnings list reads the same way.
 * - The assignments that opened assisting parts (协办), by instant: the parts are read from
 *   them instead of from every assignment's data.
 */
export class WeeklyReportIndexes1765400000001 implements MigrationInterface {
  name = 'WeeklyReportIndexes1765400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX problems_open_state_idx ON problems (updated_at)
        INCLUDE (department_id, id, status, due_at, created_at, reported_at)
        WHERE status NOT IN ('resolved', 'closed', 'withdrawn');
      DROP INDEX problems_open_updated_at_idx;
      CREATE INDEX problem_events_assists_opened_idx ON problem_events (at)
        WHERE type = 'assign' AND data ? 'assistsOpened';
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX problem_events_assists_opened_idx;
      CREATE INDEX problems_open_updated_at_idx ON problems (updated_at) INCLUDE (department_id, id)
        WHERE status NOT IN ('resolved', 'closed', 'withdrawn');
      DROP INDEX problems_open_state_idx;
    `);
  }
}
