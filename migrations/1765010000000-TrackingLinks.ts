import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise's tracking links (跟踪链接): one row per link issued for a problem. Only a SHA-256
 * of the token is looked up; `token_sealed` holds the token encrypted (AES-256-GCM, key derived
 * from the service's secret) so that the same link can be shown again while it is valid. A link
 * expires `expires_at` (set when the problem closes or is withdrawn) or when revoked.
 */
export class TrackingLinks1765010000000 implements MigrationInterface {
  name = 'TrackingLinks1765010000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tracking_links (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        problem_id   uuid NOT NULL REFERENCES problems (id),
        token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        token_sealed text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   uuid REFERENCES users (id),
        expires_at   timestamptz,
        revoked_at   timestamptz,
        revoked_by   uuid REFERENCES users (id),
        CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
      );
      CREATE INDEX tracking_links_problem_idx ON tracking_links (problem_id, created_at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tracking_links`);
  }
}
