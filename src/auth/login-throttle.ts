import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import { LoginThrottleRepository } from './login-throttle.repository';

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
  constructor(private readonly throttle: LoginThrottleRepository) {}

  /** Counts an attempt; refuses with 429 and Retry-After, writing nothing, while the username is locked. */
  async countAttempt(username: string): Promise<void> {
    if (await this.throttle.countAttempt(username, MAX_FAILURES, WINDOW, LOCK)) return;
    const seconds = await this.throttle.lockedSeconds(username);
    throw new DomainError(ErrorCode.RateLimited, 'too many failed logins for this username; try again later', {
      retryAfterSeconds: Math.max(seconds ?? 1, 1),
    });
  }

  async recordSuccess(username: string): Promise<void> {
    await this.throttle.clear(username);
  }
}
