import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { affected, execute, maybeOne, one, rows } from '../common/sql';

/** A throttle row as the admin's list shows it. */
export interface LoginLockRow {
  id: string;
  username: string;
  address: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  knownAddress: boolean;
}

/**
 * Failed logins per username (lower-cased) and client address together, in the database so every
 * instance shares them. A row also remembers when its address last signed in for the username.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one attempt of the pair in one atomic statement: a count whose window has passed (and
   * is not locked) starts again at 1, and reaching `maxFailures` locks the pair for `lock`.
   * Counts nothing, and answers undefined, while the pair is locked; otherwise whether the address
   * is known (signed in for this username since `knownFor`) and the pair's failures counted so far,
   * this attempt included (it counts as a failure until a success clears it).
   */
  async countAttempt(
    username: string,
    address: string,
    limits: { maxFailures: number; window: string; lock: string; knownFor: string },
  ): Promise<{ known: boolean; failures: number } | undefined> {
    const expired = `t.window_started_at < now() - $4::interval AND COALESCE(t.locked_until, '-infinity') <= now()`;
    return maybeOne<{ known: boolean; failures: number }>(
      this.db,
      `INSERT INTO login_throttle AS t (username_key, address, failures, window_started_at)
       VALUES (lower($1), $2, 1, now())
       ON CONFLICT (username_key, address) DO UPDATE SET
         failures = CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN ${expired} THEN NULL
                             WHEN t.failures + 1 >= $3 THEN now() + $5::interval
                             ELSE t.locked_until END
       WHERE NOT COALESCE(t.locked_until > now(), false)
       RETURNING COALESCE(succeeded_at > now() - $6::interval, false) AS known, failures`,
      [username, address, limits.maxFailures, limits.window, limits.lock, limits.knownFor],
    );
  }

  /** The failures counted for the username from every address within the window. */
  async failuresOfUsername(username: string, window: string): Promise<number> {
    const row = await one<{ failures: number }>(
      this.db,
      `SELECT COALESCE(sum(failures), 0)::int AS failures FROM login_throttle
       WHERE username_key = lower($1) AND (window_started_at >= now() - $2::interval OR locked_until > now())`,
      [username, window],
    );
    return row.failures;
  }

  /** Whether the address signed in for the username since `knownFor`. */
  async isKnown(username: string, address: string, knownFor: string): Promise<boolean> {
    const row = await maybeOne<{ known: boolean }>(
      this.db,
      `SELECT succeeded_at > now() - $3::interval AS known FROM login_throttle
       WHERE username_key = lower($1) AND address = $2`,
      [username, address, knownFor],
    );
    return row?.known === true;
  }

  /** Whole seconds until the pair's lock ends, if there is a row for it. */
  async lockedSeconds(username: string, address: string): Promise<number | undefined> {
    const row = await maybeOne<{ seconds: number | null }>(
      this.db,
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM login_throttle WHERE username_key = lower($1) AND address = $2`,
      [username, address],
    );
    return row?.seconds ?? undefined;
  }

  /** A success: the pair's count starts again and the address becomes known for the username. */
  async recordSuccess(username: string, address: string): Promise<void> {
    await execute(
      this.db,
      `INSERT INTO login_throttle AS t (username_key, address, failures, window_started_at, succeeded_at)
       VALUES (lower($1), $2, 0, now(), now())
       ON CONFLICT (username_key, address) DO UPDATE
         SET failures = 0, window_started_at = now(), locked_until = NULL, succeeded_at = now()`,
      [username, address],
    );
  }

  /** Pairs with failures that still count or a lock that still holds, the locked first. */
  listActive(window: string, knownFor: string): Promise<LoginLockRow[]> {
    return rows<LoginLockRow>(
      this.db,
      `SELECT id, username_key AS username, address, failures, window_started_at AS "windowStartedAt",
              CASE WHEN locked_until > now() THEN locked_until END AS "lockedUntil",
              COALESCE(succeeded_at > now() - $2::interval, false) AS "knownAddress"
       FROM login_throttle
       WHERE failures > 0 AND (window_started_at >= now() - $1::interval OR locked_until > now())
       ORDER BY (locked_until > now()) IS TRUE DESC, username_key, address
       LIMIT 1000`,
      [window, knownFor],
    );
  }

  /** Lifts a pair's lock and forgets its failures (a known address stays known); whether there was one. */
  async lift(id: string): Promise<boolean> {
    return (
      (await affected(
        this.db,
        `UPDATE login_throttle SET failures = 0, locked_until = NULL, window_started_at = now() WHERE id = $1`,
        [id],
      )) > 0
    );
  }

  /**
   * Deletes the rows that no longer matter: failures outside the window, no lock, and no success
   * within `knownFor` (an unknown username's row goes once its window passes). How many it deleted.
   */
  purge(window: string, knownFor: string): Promise<number> {
    return affected(
      this.db,
      `DELETE FROM login_throttle
       WHERE window_started_at < now() - $1::interval
         AND COALESCE(locked_until, '-infinity') <= now()
         AND COALESCE(succeeded_at, '-infinity') < now() - $2::interval`,
      [window, knownFor],
    );
  }
}
