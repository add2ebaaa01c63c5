import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed which fields of a registered enterprise, when, from what to what: one row per
 * change an import makes to an enterprise that was there before it.
 */
export class EnterpriseChanges1764610000000 implements MigrationInterface {
  name = 'EnterpriseChanges1764610000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprise_changes (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
        changed_by     uuid NOT NULL REFERENCES users (id),
        changed_at     timestamptz NOT NULL DEFAULT now(),
        source         text NOT NULL CHECK (source IN ('import')),
        before         jsonb NOT NULL CHECK (jsonb_typeof(before) = 'object'),
        after          jsonb NOT NULL CHECK (jsonb_typeof(after) = 'object')
      );
      CREATE INDEX enterprise_changes_enterprise_idx ON enterprise_changes (enterprise_id, changed_at);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enterprise_changes`);
  }
}
