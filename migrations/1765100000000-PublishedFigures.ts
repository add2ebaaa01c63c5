import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published figures (发布口径): a figure as the coordination office announced it, with the items it
 * counted, so that it reads the same forever and can be reconciled with the figure recomputed
 * later. Both tables are append-only; a figure is identified by its definition, period, instant and
 * group, and the unique index makes two concurrent publishes of one figure store it once.
 *
 * The group: `group_by` null is the figure over everything; with `group_by`, `group_key` null and
 * `group_keyless` false is every group of that grouping, `group_keyless` true is the group without
 * a key (未交办, no industry), and a `group_key` is one group.
 */
export class PublishedFigures1765100000000 implements MigrationInterface {
  name = 'PublishedFigures1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE published_figures (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        figure           text NOT NULL,
        definition_id    text NOT NULL,
        definition_text  jsonb NOT NULL CHECK (jsonb_typeof(definition_text) = 'object'),
        period_label     text NOT NULL,
        period_from      timestamptz NOT NULL,
        period_to        timestamptz NOT NULL,
        as_of            timestamptz NOT NULL,
        group_by         text,
        group_key        text,
        group_keyless    boolean NOT NULL DEFAULT false,
        group_label      text,
        numerator        integer NOT NULL CHECK (numerator >= 0),
        denominator      integer NOT NULL CHECK (denominator >= numerator),
        rate_percent     numeric(5, 1),
        checksum         text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
        published_by     uuid NOT NULL REFERENCES users (id),
        published_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        note             text CHECK (char_length(note) <= 500),
        CHECK (period_from < period_to),
        CHECK (group_by IS NOT NULL OR (group_key IS NULL AND NOT group_keyless)),
        CHECK (NOT (group_keyless AND group_key IS NOT NULL))
      );
      CREATE UNIQUE INDEX published_figures_identity_idx ON published_figures
        (figure, definition_id, period_from, period_to, as_of, COALESCE(group_by, ''), COALESCE(group_key, ''), group_keyless);
      CREATE INDEX published_figures_newest_idx ON published_figures (published_at DESC, id DESC);

      CREATE TABLE published_figure_items (
        published_id           uuid NOT NULL REFERENCES published_figures (id),
        item_key               text NOT NULL,
        item_id                text NOT NULL,
        code                   text NOT NULL,
        title                  text NOT NULL,
        enterprise_name        text,
        in_numerator           boolean NOT NULL,
        status_as_of           text,
        department_id_as_of    uuid,
        department_name_as_of  text,
        counted_at             timestamptz,
        reason_code            text NOT NULL,
        reason                 text NOT NULL,
        PRIMARY KEY (published_id, item_key)
      );

      CREATE FUNCTION published_figures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER published_figures_no_update_delete
        BEFORE UPDATE OR DELETE ON published_figures
        FOR EACH ROW EXECUTE FUNCTION published_figures_append_only();
      CREATE TRIGGER published_figures_no_truncate
        BEFORE TRUNCATE ON published_figures
        FOR EACH STATEMENT EXECUTE FUNCTION published_figures_append_only();
      CREATE TRIGGER published_figure_items_no_update_delete
        BEFORE UPDATE OR DELETE ON published_figure_items
        FOR EACH ROW EXECUTE FUNCTION published_figures_append_only();
      CREATE TRIGGER published_figure_items_no_truncate
        BEFORE TRUNCATE ON published_figure_items
        FOR EACH STATEMENT EXECUTE FUNCTION published_figures_append_only();
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE published_figure_items;
      DROP TABLE published_figures;
      DROP FUNCTION published_figures_append_only();
    `);
  }
}
