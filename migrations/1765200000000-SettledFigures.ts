import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settled figures: the rows of a report query as of an instant whose history is final (more than
 * the settle time past), kept once computed so that a restart, or another instance, reads them
 * instead of scanning the events again. A figure as of a settled instant never changes, except for
 * groupings by an enterprise's current district or industry: changing either bumps the generation
 * and forgets the rows grouped that way; a computation that started under an older generation is
 * not stored.
 */
export class SettledFigures1765200000000 implements MigrationInterface {
  name = 'SettledFigures1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settled_figures (
        key            text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
        statement      text NOT NULL,
        parameters     jsonb NOT NULL CHECK (jsonb_typeof(parameters) = 'array'),
        as_of          timestamptz NOT NULL,
        by_enterprise  boolean NOT NULL,
        rows           jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
        computed_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX settled_figures_by_enterprise_idx ON settled_figures (key) WHERE by_enterprise;

      CREATE TABLE settled_generation (
        one         boolean PRIMARY KEY DEFAULT true CHECK (one),
        generation  bigint NOT NULL
      );
      INSERT INTO settled_generation VALUES (true, 1);

      CREATE FUNCTION settled_figures_regroup() RETURNS trigger LANGUAGE plpgsql AS $$
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

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER enterprises_regroup_settled_figures ON enterprises;
      DROP FUNCTION settled_figures_regroup();
      DROP TABLE settled_generation;
      DROP TABLE settled_figures;
    `);
  }
}
