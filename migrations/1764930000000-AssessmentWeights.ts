import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weights of the department assessment (考核), one row per change and never updated: the
 * score as of an instant T uses the row in force at T (recorded and effective before T), so a
 * past score stays reproducible after the weights change. With no row in force the service's
 * defaults apply (docs/domain.md, "Department assessment").
 */
export class AssessmentWeights1764930000000 implements MigrationInterface {
  name = 'AssessmentWeights1764930000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_weights (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        effective_from  timestamptz NOT NULL,
        weights         jsonb NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
        recorded_by     uuid NOT NULL REFERENCES users (id),
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        note            text CHECK (char_length(note) <= 500),
        CHECK (effective_from >= recorded_at - interval '1 minute')
      );
      CREATE INDEX assessment_weights_effective_idx ON assessment_weights (effective_from DESC, recorded_at DESC);

      CREATE FUNCTION assessment_weights_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'assessment_weights is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER assessment_weights_no_update_delete
        BEFORE UPDATE OR DELETE ON assessment_weights
        FOR EACH ROW EXECUTE FUNCTION assessment_weights_append_only();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE assessment_weights;
      DROP FUNCTION assessment_weights_append_only();
    `);
  }
}
