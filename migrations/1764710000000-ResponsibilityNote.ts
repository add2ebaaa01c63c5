import { MigrationInterface, QueryRunner } from 'typeorm';

/** A responsibility may carry a note from whoever assigned it (why this official, what to watch). */
export class ResponsibilityNote1764710000000 implements MigrationInterface {
  name = 'ResponsibilityNote1764710000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE responsibilities ADD COLUMN note text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE responsibilities DROP COLUMN note`);
  }
}
