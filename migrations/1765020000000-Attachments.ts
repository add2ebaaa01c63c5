import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and PDF letters attached to a problem (optionally to one of its events: the progress note
 * or the resolution they came with) or to a visit. The bytes live in the attachment storage
 * (`DATA_DIR/attachments/` by default) under `storage_key`, the SHA-256 of the stored bytes; the row
 * is what the API lists and what a backup carries the files by. Removal is soft (`deleted_at`,
 * `deleted_by`), so the record of what was attached stays.
 */
export class Attachments1765020000000 implements MigrationInterface {
  name = 'Attachments1765020000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_kind     text NOT NULL CHECK (owner_kind IN ('problem', 'visit')),
        problem_id     uuid REFERENCES problems (id),
        visit_id       uuid REFERENCES visits (id),
        event_id       bigint REFERENCES problem_events (id),
        kind           text NOT NULL CHECK (kind IN ('image', 'pdf')),
        mime           text NOT NULL,
        size           integer NOT NULL CHECK (size > 0),
        sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key    text NOT NULL,
        thumbnail_key  text,
        original_name  text NOT NULL,
        width          integer,
        height         integer,
        created_by     uuid NOT NULL REFERENCES users (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        deleted_at     timestamptz,
        deleted_by     uuid REFERENCES users (id),
        CONSTRAINT attachments_one_owner CHECK (
          (owner_kind = 'problem' AND problem_id IS NOT NULL AND visit_id IS NULL)
          OR (owner_kind = 'visit' AND visit_id IS NOT NULL AND problem_id IS NULL AND event_id IS NULL)),
        CONSTRAINT attachments_deleted_by CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
        CONSTRAINT attachments_image_size CHECK ((kind = 'image') = (width IS NOT NULL AND height IS NOT NULL))
      );
      CREATE INDEX attachments_problem_idx ON attachments (problem_id, created_at) WHERE problem_id IS NOT NULL;
      CREATE INDEX attachments_visit_idx ON attachments (visit_id, created_at) WHERE visit_id IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}
