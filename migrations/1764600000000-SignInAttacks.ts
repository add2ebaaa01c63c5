import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in under attack (issue 19): failed logins are counted per username and client address
 * together, a row remembers when that address last signed in successfully for that username (a
 * known address), and each row has an id an admin can name to lift it. Users get a token version:
 * a token carries the version it was issued under and stops working once the version moves on.
 */
export class SignInAttacks1764600000000 implements MigrationInterface {
  name = 'SignInAttacks1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey;
      ALTER TABLE login_throttle
        ADD COLUMN address      text NOT NULL DEFAULT '',
        ADD COLUMN id           uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN succeeded_at timestamptz;
      ALTER TABLE login_throttle ADD PRIMARY KEY (username_key, address);
      ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_id_key UNIQUE (id);
      CREATE INDEX login_throttle_window_idx ON login_throttle (window_started_at);
      ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP COLUMN token_version;
      DELETE FROM login_throttle t USING login_throttle o
        WHERE o.username_key = t.username_key AND o.address < t.address;
      DROP INDEX login_throttle_window_idx;
      ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_id_key;
      ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_pkey;
      ALTER TABLE login_throttle DROP COLUMN address, DROP COLUMN id, DROP COLUMN succeeded_at;
      ALTER TABLE login_throttle ADD PRIMARY KEY (username_key);
    `);
  }
}
