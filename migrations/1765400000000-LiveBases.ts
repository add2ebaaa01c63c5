import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live bases: the rows of an additive report query for a period still running, as of a recent
 * settled instant, kept so that a restarted service (or another instance) moves them forward by
 * the changes since instead of computing the whole period again. One row per query and period,
 * replaced by a newer base; any row may be deleted, the next request computes it again.
 */
export class LiveBases1765400000000 implements MigrationInterface {
  name = 'LiveBases1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_bases (
        family               text PRIMARY KEY CHECK (family ~ '^[0-9a-f]{64}$'),
        statement            text NOT NULL,
        deadlines_statement  text,
        parameters           jsonb NOT NULL CHECK (jsonb_typeof(parameters) = 'array'),
        at                   timestamptz NOT NULL,
        rows                 jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
        deadlines            jsonb NOT NULL CHECK (jsonb_typeof(deadlines) = 'array'),
        saved_at             timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE live_bases`);
  }
}
