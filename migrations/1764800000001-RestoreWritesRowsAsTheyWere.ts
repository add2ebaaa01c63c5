import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restore inserts every table's rows as the backup holds them, enterprise_tier_changes included,
 * so the trigger that writes an enterprise's first tier change must stand aside while it runs: the
 * restore sets `outreach.restoring` to `on` for its transaction, and the trigger then does nothing.
 */
export class RestoreWritesRowsAsTheyWere1764800000001 implements MigrationInterface {
  name = 'RestoreWritesRowsAsTheyWere1764800000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION enterprise_first_tier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('outreach.restoring', true) IS DISTINCT FROM 'on' THEN
          INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_by, set_at)
            VALUES (NEW.id, NEW.tier, NEW.created_by, NEW.created_at);
        END IF;
        RETURN NULL;
      END $$;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION enterprise_first_tier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_by, set_at)
          VALUES (NEW.id, NEW.tier, NEW.created_by, NEW.created_at);
        RETURN NULL;
      END $$;
    `);
  }
}
