import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live bases grouped by an enterprise's district or industry are kept in PostgreSQL too, marked
 * `by_enterprise`: regrouping an enterprise forgets them, as it forgets such settled figures
 * (the same statement trigger), so a restarted service starts from a base of the grouping as it
 * is instead of computing the running period again.
 */
export class LiveBasesByEnterprise1765600000000 implements MigrationInterface {
  name = 'LiveBasesByEnterprise1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE live_bases ADD COLUMN by_enterprise boolean NOT NULL DEFAULT false;
      CREATE OR REPLACE FUNCTION settled_figures_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE o.district_code IS DISTINCT FROM n.district_code OR o.industry IS DISTINCT FROM n.industry) THEN
          UPDATE settled_generation SET generation = generation + 1;
          DELETE FROM settled_figures WHERE by_enterprise;
          DELETE FROM live_bases WHERE by_enterprise;
        END IF;
        RETURN NULL;
      END $$;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION settled_figures_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE o.district_code IS DISTINCT FROM n.district_code OR o.industry IS DISTINCT FROM n.industry) THEN
          UPDATE settled_generation SET generation = generation + 1;
          DELETE FROM settled_figures WHERE by_enterprise;
        END IF;
        RETURN NULL;
      END $$;
      DELETE FROM live_bases WHERE by_enterprise;
      ALTER TABLE live_bases DROP COLUMN by_enterprise;
    `);
  }
}
