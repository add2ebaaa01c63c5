import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per submitted username (known or not, so the two look alike), kept in the
 * database so that a lockout holds across instances and restarts.
 */
export class LoginThrottle1764200000000 implements MigrationInterface {
  name = 'LoginThrottle1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        username_key       text PRIMARY KEY,
        failures           integer NOT NULL,
        window_started_at  timestamptz NOT NULL,
        locked_until       timestamptz
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
