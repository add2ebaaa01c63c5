import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';

/** Failures within the window that lock the username. */
export const MAX_FAILURES = 5;
const WINDOW = '15 minutes';
const LOCK = '15 minutes';

/**
 * Brute-force protection for login, keyed by the submitted username (lower-cased) whether or not
 * such a user exists, and never by the client's address (which a header can forge). It lives in
 * the database, so every instance sees the same counts. Every attempt is counted before the
 * password is checked, in one atomic statement, so a burst of parallel guesses cannot all slip
 * in before the first failure is written; a success clears the count.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts an attempt; refuses with 429 and Retry-After, writing nothing, while the username is locked. */
  async countAttempt(username: string): Promise<void> {
    const expired = `t.window_started_at < now() - interval '${WINDOW}' AND COALESCE(t.locked_until, '-infinity') <= now()`;
    const counted = await this.db.query(
      `INSERT INTO login_throttle AS t (username_key, failures, window_started_at)
       VALUES (lower($1), 1, now())
       ON CONFLICT (username_key) DO UPDATE SET
         failures = CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN ${expired} THEN NULL
                             WHEN t.failures + 1 >= $2 THEN now() + interval '${LOCK}'
                             ELSE t.locked_until END
       WHERE NOT COALESCE(t.locked_until > now(), false)
       RETURNING failures`,
      [username, MAX_FAILURES],
    );
    if (counted.length > 0) return;
    const [lock] = await this.db.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
       FROM login_throttle WHERE username_key = lower($1)`,
      [username],
    );
    throw new DomainError(ErrorCode.RateLimited, 'too many failed logins for this username; try again later', {
      retryAfterSeconds: Math.max(lock?.seconds ?? 1, 1),
    });
  }

  async recordSuccess(username: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE username_key = lower($1)`, [username]);
  }
}
