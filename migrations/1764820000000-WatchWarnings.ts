import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more early-warning levels: `project_not_started` (a key project past its planned start and
 * not started) names a project, `idle_not_visited` (an idle enterprise not visited for 14 days)
 * names an enterprise. A recorded warning now names exactly one of a problem, an enterprise or a
 * project.
 */
export class WatchWarnings1764820000000 implements MigrationInterface {
  name = 'WatchWarnings1764820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned', 'project_not_started',
                         'idle_not_visited'));
      ALTER TABLE warnings ADD COLUMN project_id uuid REFERENCES projects (id);
      ALTER TABLE warnings DROP CONSTRAINT warnings_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_one_subject
        CHECK (num_nonnulls(problem_id, enterprise_id, project_id) = 1);
      CREATE INDEX warnings_project_idx ON warnings (project_id) WHERE project_id IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM warnings WHERE level IN ('project_not_started', 'idle_not_visited');
      DROP INDEX warnings_project_idx;
      ALTER TABLE warnings DROP CONSTRAINT warnings_one_subject;
      ALTER TABLE warnings DROP COLUMN project_id;
      ALTER TABLE warnings ADD CONSTRAINT warnings_check CHECK ((problem_id IS NULL) <> (enterprise_id IS NULL));
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned'));
    `);
  }
}
