import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the open problems (not resolved, closed or withdrawn) by deadline and by last action,
 * carrying the department and id a handler's scope reads: the warnings list counts its overdue
 * and stale problems from them alone (an index-only scan) and reads the first of each level in
 * their order. The deadline index replaces one of the same condition that held the deadline alone.
 */
export class OpenProblemWarningIndexes1765300000000 implements MigrationInterface {
  name = 'OpenProblemWarningIndexes1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX problems_open_due_at_idx ON problems (due_at) INCLUDE (department_id, id)
        WHERE status NOT IN ('resolved', 'closed', 'withdrawn');
      CREATE INDEX problems_open_updated_at_idx ON problems (updated_at) INCLUDE (department_id, id)
        WHERE status NOT IN ('resolved', 'closed', 'withdrawn');
      DROP INDEX problems_open_due_idx;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX problems_open_due_idx ON problems (due_at) WHERE status NOT IN ('resolved', 'closed', 'withdrawn');
      DROP INDEX problems_open_updated_at_idx;
      DROP INDEX problems_open_due_at_idx;
    `);
  }
}
