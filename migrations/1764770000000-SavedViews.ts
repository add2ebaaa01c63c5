import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views of a list, kept per user in the service instead of in one browser: a name and the
 * list's query string, which the page replays as URL parameters and the service never interprets.
 */
export class SavedViews1764770000000 implements MigrationInterface {
  name = 'SavedViews1764770000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
        query       text NOT NULL CHECK (char_length(query) <= 2000),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX saved_views_user_name_key ON saved_views (user_id, lower(name));
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
  }
}
