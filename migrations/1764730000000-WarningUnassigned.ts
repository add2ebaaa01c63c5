import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `unassigned` warning level: an enterprise nobody answers for (no open responsibility) is a
 * warning for managers, since no official can be due to visit it. Recorded like the others, so
 * the scan may write it.
 */
export class WarningUnassigned1764730000000 implements MigrationInterface {
  name = 'WarningUnassigned1764730000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned'));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM warnings WHERE level = 'unassigned';
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited'));
    `);
  }
}
