import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, exists, maybeOne } from '../common/sql';

/** The failed-login counts per username (lower-cased), in the database so every instance shares them. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one attempt in one atomic statement: a count whose window has passed (and is not locked)
   * starts again at 1, and reaching `maxFailures` locks the username for `lock`. Counts nothing,
   * and answers false, while the username is locked.
   */
  countAttempt(username: string, maxFailures: number, window: string, lock: string): Promise<boolean> {
    const expired = `t.window_started_at < now() - $3::interval AND COALESCE(t.locked_until, '-infinity') <= now()`;
    return exists(
      this.db,
      `INSERT INTO login_throttle AS t (username_key, failures, window_started_at)
       VALUES (lower($1), 1, now())
       ON CONFLICT (username_key) DO UPDATE SET
         failures = CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN ${expired} THEN NULL
                             WHEN t.failures + 1 >= $2 THEN now() + $4::interval
                             ELSE t.locked_until END
       WHERE NOT COALESCE(t.locked_until > now(), false)
       RETURNING failures`,
      [username, maxFailures, window, lock],
    );
  }

  /** Whole seconds until the username's lock ends, if there is a row for it. */
  async lockedSeconds(username: string): Promise<number | undefined> {
    const row = await maybeOne<{ seconds: number }>(
      this.db,
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM login_throttle WHERE username_key = lower($1)`,
      [username],
    );
    return row?.seconds;
  }

  async clear(username: string): Promise<void> {
    await execute(this.db, `DELETE FROM login_throttle WHERE username_key = lower($1)`, [username]);
  }
}
