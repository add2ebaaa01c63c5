import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settled figures' regrouping trigger fires once per statement instead of once per row: an
 * import moving thousands of enterprises bumped the generation once per enterprise, each update
 * of that one row scanning the versions the transaction had left of it before.
 */
export class SettledFiguresRegroupOnce1765200000001 implements MigrationInterface {
  name = 'SettledFiguresRegroupOnce1765200000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER enterprises_regroup_settled_figures ON enterprises;
      CREATE OR REPLACE FUNCTION settled_figures_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE o.district_code IS DISTINCT FROM n.district_code OR o.industry IS DISTINCT FROM n.industry) THEN
          UPDATE settled_generation SET generation = generation + 1;
          DELETE FROM settled_figures WHERE by_enterprise;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enterprises_regroup_settled_figures
        AFTER UPDATE ON enterprises
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT
        EXECUTE FUNCTION settled_figures_regroup();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER enterprises_regroup_settled_figures ON enterprises;
      CREATE OR REPLACE FUNCTION settled_figures_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE settled_generation SET generation = generation + 1;
        DELETE FROM settled_figures WHERE by_enterprise;
        RETURN NULL;
      END $$;
      CREATE TRIGGER enterprises_regroup_settled_figures
        AFTER UPDATE OF district_code, industry ON enterprises
        FOR EACH ROW
        WHEN (OLD.district_code IS DISTINCT FROM NEW.district_code OR OLD.industry IS DISTINCT FROM NEW.industry)
        EXECUTE FUNCTION settled_figures_regroup();
    `);
  }
}
